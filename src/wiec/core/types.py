"""Request types for views: what the middleware has already attached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from django_htmx.middleware import HtmxDetails

    from wiec.accounts.actors import Actor
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


class TenantRequest(HttpRequest):
    """A request that TenantMiddleware resolved to a municipality (tenant-less paths excepted)."""

    tenant: Tenant
    htmx: HtmxDetails
    """From django-htmx's middleware: whether (and how) htmx made the request."""
    actor: Actor
    """From ActorMiddleware: the person acting here, as the `can_*` functions see them."""


class AuthenticatedRequest(TenantRequest):
    """A tenant request behind `login_required`."""

    user: User
