"""Who may do what with proof of residency."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wiec.accounts.models import Role
from wiec.accounts.permissions import role_in

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant


def can_verify_self(user: Any, tenant: Tenant | None) -> bool:
    return tenant is not None and bool(getattr(user, "is_authenticated", False))


def can_manage_verification(user: Any, tenant: Tenant | None) -> bool:
    """Methods, declaration text, retention and the voter register."""
    return role_in(user, tenant) == Role.ADMIN


def can_verify_in_person(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) in {Role.OFFICIAL, Role.ADMIN}


def can_view_verifications(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) in {Role.OFFICIAL, Role.ADMIN}
