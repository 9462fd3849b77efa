"""Who may do what in a municipality: pure predicates over the person and their membership.

Each takes `(user, tenant)` and looks the membership up through `membership_for`, which caches
it on the user object for the request, so checks in templates and views cost one query.
Platform operators (superusers) act as administrators everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wiec.accounts.models import STAFF_ROLES, Membership, Role

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant

_CACHE = "_wiec_memberships"


def membership_for(user: Any, tenant: Tenant | None) -> Membership | None:
    if tenant is None or not getattr(user, "is_authenticated", False):
        return None
    cache: dict[int, Membership | None] = user.__dict__.setdefault(_CACHE, {})
    if tenant.pk not in cache:
        cache[tenant.pk] = Membership.objects.filter(user=user, tenant=tenant).first()
    return cache[tenant.pk]


def role_in(user: Any, tenant: Tenant | None) -> Role | None:
    if getattr(user, "is_superuser", False) and getattr(user, "is_active", False):
        return Role.ADMIN
    membership = membership_for(user, tenant)
    return Role(membership.role) if membership is not None else None


def is_staff_in(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) in STAFF_ROLES


def can_access_panel(user: Any, tenant: Tenant | None) -> bool:
    return is_staff_in(user, tenant)


def can_manage_tenant(user: Any, tenant: Tenant | None) -> bool:
    """Settings, districts, categories and legal pages."""
    return role_in(user, tenant) == Role.ADMIN


def can_manage_members(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) == Role.ADMIN


def can_view_audit_log(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) in {Role.ADMIN, Role.OFFICIAL}


def can_change_role(user: Any, tenant: Tenant | None, *, target: Membership) -> bool:
    """Administrators change roles, but not their own (so a municipality keeps one)."""
    return can_manage_members(user, tenant) and target.user_id != getattr(user, "pk", None)
