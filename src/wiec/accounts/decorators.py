from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from wiec.accounts.actors import Actor, actor_of, membership_for

View = Callable[..., HttpResponse]


def require_permission(check: Callable[[Actor], bool]) -> Callable[[View], View]:
    """Log-in required, then `check(request.actor)` must pass, else 403."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not check(actor_of(request)):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(wrapped)

    return decorator


def membership_required(view: View) -> View:
    """Log-in required, and the person must have joined this municipality (accepted its
    terms); otherwise they are sent to the join page and brought back afterwards."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = membership_for(request.user, request.tenant)  # type: ignore[attr-defined]
        if membership is None or not membership.has_joined:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('accounts:join')}?{query}")
        return view(request, *args, **kwargs)

    return login_required(wrapped)
