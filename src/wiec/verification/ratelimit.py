"""A small fixed-window rate limit in Django's cache (Redis when REDIS_URL is set).

Used for everything a resident can post in verification and voting; the view answers a refusal
with the shared 429 page (`too_many`).
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def allow(*, action: str, key: str, limit: int, period: int) -> bool:
    """Count one use of `action` by `key`; False once more than `limit` in `period` seconds."""
    cache_key = f"wiec-rl:{action}:{key}"
    if cache.add(cache_key, 1, timeout=period):
        return True
    try:
        used = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=period)
        return True
    return used <= limit


def client_ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


def too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "429.html", status=429)
