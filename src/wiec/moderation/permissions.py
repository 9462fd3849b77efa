"""Who may report, moderate and block: pure predicates over the actor (no database)."""

from __future__ import annotations

from wiec.accounts.actors import Actor, Capability


def can_take_part(actor: Actor) -> bool:
    """Logged in, joined this municipality's site (accepted its terms) and not blocked here:
    the common ground of every way to post."""
    return actor.takes_part


def can_report(actor: Actor) -> bool:
    """Anyone who takes part may report something (the report page's own check)."""
    return can_take_part(actor)


def can_moderate(actor: Actor) -> bool:
    return actor.has(Capability.MODERATE)


def can_block(actor: Actor, *, target: Actor) -> bool:
    """Moderators block residents; staff are managed through their roles instead."""
    return can_moderate(actor) and not actor.is_user(target.user_id) and not target.is_staff


def offers_report(actor: Actor, *, author_id: int | None) -> bool:
    """Whether a page shows "Report" on a piece of content: to a logged-in person who is not its
    author (they are offered edit and delete instead) and not blocked here. One who has not
    joined yet sees it too; the report page asks them to join first, then checks
    `can_report`."""
    return actor.is_authenticated and not actor.blocked and not actor.is_user(author_id)
