"""Rate limits for everything people can post: sliding windows counted in the cache.

Limits hold across app servers when REDIS_URL gives a shared cache. Each rate is written like
allauth's ("5/m", "30/h", "100/d"); a request is allowed while every rate has room. Counters
are per municipality, per person and per client address (hashed: the cache holds no address).
Views either answer with the polite 429 page (`limit`) or, where a form was filled in, check
`allow` and put the refusal on the form so nothing typed is lost.
"""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, spec: str) -> Rate:
        """`"5/m"` -> 5 per 60 s; `"20/15m"` -> 20 per 900 s."""
        count, _, period = spec.strip().partition("/")
        unit, amount = period[-1:], period[:-1] or "1"
        if not (count.isdigit() and amount.isdigit() and unit in _UNITS):
            msg = f"not a rate: {spec!r}"
            raise ValueError(msg)
        return cls(int(count), int(amount) * _UNITS[unit])


def client_ip(request: HttpRequest) -> str:
    """The client's address; behind TRUSTED_PROXY_COUNT proxies, taken from X-Forwarded-For."""
    proxies: int = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("x-forwarded-for", "")
    candidate = request.META.get("REMOTE_ADDR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",")]
        if len(hops) >= proxies:
            candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return "unknown"


def consume(*, scope: str, subject: str, rates: Sequence[Rate], now: float | None = None) -> bool:
    """Count one use of `scope` by `subject`; False when any rate is exceeded.

    Each rate is a sliding window estimated from two fixed ones: the current window's count
    plus the previous window's, weighted by how much of it still lies within the last period.
    Plain fixed windows would let twice the rate through across a boundary (five guesses just
    before the minute turns, five just after).
    """
    moment = timezone.now().timestamp() if now is None else now
    allowed = True
    for rate in rates:
        window, into = divmod(moment, rate.seconds)
        key = f"wiec:rl:{scope}:{subject}:{rate.seconds}:"
        # Kept for two periods: the next window still reads this one's count.
        used, previous = _count(
            key + str(int(window)), key + str(int(window) - 1), timeout=2 * rate.seconds + 1
        )
        estimate = previous * (1 - into / rate.seconds) + used
        allowed = allowed and estimate <= rate.count
    return allowed


def _count(current: str, previous: str, *, timeout: int) -> tuple[int, int]:
    """One more use in the window `current`; returns it and the count of `previous`."""
    if hasattr(cache, "count_in_window"):  # wiec.core.cache.RedisCache: one round trip
        return cache.count_in_window(current, previous, timeout)  # type: ignore[no-any-return]
    try:
        used = cache.incr(current)
    except ValueError:
        used = 1 if cache.add(current, 1, timeout=timeout) else cache.incr(current)
    return used, cache.get(previous, 0)


def limit(
    scope: str, *, per_user: str = "", per_ip: str = "", methods: Sequence[str] = ("POST",)
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: over the limit, answer with the polite 429 page and do nothing.

    Rates are comma-separated: `per_user="5/m,50/d"`. Limits are per municipality.
    """
    user_rates, ip_rates = _rates(per_user), _rates(per_ip)

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods and not _allowed(request, scope, user_rates, ip_rates):
                return too_many_requests(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def allow(request: HttpRequest, scope: str, *, per_user: str = "", per_ip: str = "") -> bool:
    """Count one attempt at `scope` by this person and this address; False when any rate is
    used up. Anonymous requests count by address only."""
    return _allowed(request, scope, _rates(per_user), _rates(per_ip))


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The site's polite 429 page."""
    return render(request, "429.html", status=429)


def _rates(specs: str) -> list[Rate]:
    return [Rate.parse(spec) for spec in specs.split(",") if spec]


def _allowed(
    request: HttpRequest, scope: str, user_rates: list[Rate], ip_rates: list[Rate]
) -> bool:
    tenant = getattr(request, "tenant", None)
    prefix = f"{scope}:{getattr(tenant, 'pk', '-')}"
    allowed = True
    user = getattr(request, "user", None)
    if user_rates and user is not None and user.is_authenticated:
        allowed = consume(scope=prefix, subject=f"u{user.pk}", rates=user_rates)
    if ip_rates:
        address = hashlib.sha256(client_ip(request).encode()).hexdigest()[:16]
        allowed = consume(scope=prefix, subject=f"ip{address}", rates=ip_rates) and allowed
    return allowed
