"""Who may report, moderate and block: pure predicates over the person and the municipality."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wiec.accounts.models import STAFF_ROLES, Role
from wiec.accounts.permissions import membership_for, role_in
from wiec.moderation.queries import has_active_block

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant

_CACHE = "_wiec_blocked"


def is_blocked(user: Any, tenant: Tenant | None) -> bool:
    """Whether the person has an active block here; cached on the user for the request."""
    if tenant is None or not getattr(user, "is_authenticated", False):
        return False
    cache: dict[int, bool] = user.__dict__.setdefault(_CACHE, {})
    if tenant.pk not in cache:
        cache[tenant.pk] = has_active_block(user=user, tenant=tenant)
    return cache[tenant.pk]


def can_take_part(user: Any, tenant: Tenant | None) -> bool:
    """Logged in, joined this municipality's site (accepted its terms) and not blocked here:
    the common ground of every way to post."""
    if tenant is None or not getattr(user, "is_authenticated", False):
        return False
    membership = membership_for(user, tenant)
    return (
        getattr(user, "is_active", False)
        and (membership is not None and membership.has_joined)
        and not is_blocked(user, tenant)
    )


def can_report(user: Any, tenant: Tenant | None) -> bool:
    return can_take_part(user, tenant)


def can_moderate(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) in {Role.MODERATOR, Role.ADMIN}


def can_block(user: Any, tenant: Tenant | None, *, target: Any) -> bool:
    """Moderators block residents; staff are managed through their roles instead."""
    return (
        can_moderate(user, tenant)
        and target.pk != getattr(user, "pk", None)
        and role_in(target, tenant) not in STAFF_ROLES
    )
