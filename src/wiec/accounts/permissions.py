"""Who may do what in a municipality's panel: pure predicates over the actor.

Each takes the `Actor` (`wiec.accounts.actors`, `request.actor`) and touches no database. What
a role allows is the table `ROLE_CAPABILITIES`; these functions name its entries for the views,
the panel tiles and `require_permission`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiec.accounts.actors import Actor, Capability

if TYPE_CHECKING:
    from wiec.accounts.models import Membership


def can_access_panel(actor: Actor) -> bool:
    return actor.has(Capability.ACCESS_PANEL)


def can_manage_tenant(actor: Actor) -> bool:
    """Settings, districts, categories and legal pages."""
    return actor.has(Capability.MANAGE_TENANT)


def can_manage_members(actor: Actor) -> bool:
    return actor.has(Capability.MANAGE_MEMBERS)


def can_view_audit_log(actor: Actor) -> bool:
    return actor.has(Capability.VIEW_AUDIT_LOG)


def can_change_role(actor: Actor, *, target: Membership) -> bool:
    """Administrators change roles, but not their own (so a municipality keeps one)."""
    return can_manage_members(actor) and not actor.is_user(target.user_id)
