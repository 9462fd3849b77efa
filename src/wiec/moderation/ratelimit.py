"""Rate limits on everything a resident can post, kept in Django's cache (Redis in production).

Fixed windows per person and per IP address: `Rate(5, 60, "user")` allows five in each minute.
`consume` counts one attempt against every rate and says whether all still allow it; views
answer a refusal with a form error (keeping what was typed) or the polite 429 page.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

Scope = Literal["user", "ip"]


@dataclass(frozen=True)
class Rate:
    amount: int
    seconds: int
    per: Scope


def client_address(request: HttpRequest) -> str:
    """The client's address. Behind ALLAUTH_TRUSTED_PROXY_COUNT reverse proxies (the setting
    allauth's own limits use) it is read from X-Forwarded-For; otherwise every person would
    share the proxy's address and one limit."""
    proxies = int(getattr(settings, "ALLAUTH_TRUSTED_PROXY_COUNT", 0) or 0)
    forwarded = request.headers.get("x-forwarded-for", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        if len(hops) >= proxies:
            return hops[-proxies]
    return str(request.META.get("REMOTE_ADDR", ""))


def _identity(request: HttpRequest, per: Scope) -> str | None:
    if per == "user":
        user = getattr(request, "user", None)
        return str(user.pk) if user is not None and user.is_authenticated else None
    address = client_address(request)
    # Addresses are hashed so the cache holds no personal data in clear.
    return hashlib.sha256(address.encode()).hexdigest()[:16] if address else None


def consume(request: HttpRequest, *, action: str, rates: list[Rate], at: datetime) -> bool:
    """Count one attempt at `action`; False when any of the rates is already used up."""
    allowed = True
    for rate in rates:
        ident = _identity(request, rate.per)
        if ident is None:
            continue
        window = int(at.timestamp() // rate.seconds)
        key = f"wiec:rl:{action}:{rate.per}:{rate.seconds}:{ident}:{window}"
        # add() starts the window at 0 only if absent, so concurrent requests share a counter.
        cache.add(key, 0, timeout=rate.seconds + 1)
        try:
            used = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=rate.seconds + 1)
            used = 1
        if used > rate.amount:
            allowed = False
    return allowed


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The site's polite 429 page."""
    return render(request, "429.html", status=429)
