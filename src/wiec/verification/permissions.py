"""Who may do what with proof of residency: pure predicates over the actor."""

from __future__ import annotations

from wiec.accounts.actors import Actor, Capability


def can_verify_self(actor: Actor) -> bool:
    return actor.tenant_id is not None and actor.is_authenticated


def can_manage_verification(actor: Actor) -> bool:
    """Methods, declaration text, retention and the voter register."""
    return actor.has(Capability.MANAGE_VERIFICATION)


def can_verify_in_person(actor: Actor) -> bool:
    return actor.has(Capability.VERIFY_IN_PERSON)


def can_view_verifications(actor: Actor) -> bool:
    return actor.has(Capability.VIEW_VERIFICATIONS)
