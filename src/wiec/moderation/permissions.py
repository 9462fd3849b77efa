"""Who may report, moderate and block: pure predicates over the actor (no database)."""

from __future__ import annotations

from wiec.accounts.actors import Actor, Capability


def can_take_part(actor: Actor) -> bool:
    """Logged in, joined this municipality's site (accepted its terms) and not blocked here:
    the common ground of every way to post."""
    return actor.takes_part


def can_report(actor: Actor, *, author_id: int | None = None) -> bool:
    """Anyone who takes part may report something; not what they wrote themselves (the page
    offers them edit and delete instead)."""
    return can_take_part(actor) and not actor.is_user(author_id)


def can_moderate(actor: Actor) -> bool:
    return actor.has(Capability.MODERATE)


def can_block(actor: Actor, *, target: Actor) -> bool:
    """Moderators block residents; staff are managed through their roles instead."""
    return can_moderate(actor) and not actor.is_user(target.user_id) and not target.is_staff


def offers_report(actor: Actor, *, author_id: int | None) -> bool:
    """Whether a page shows "Report" on a piece of content: to a logged-in person who is not its
    author and not blocked here. One who has not joined yet sees it too; the report page asks
    them to join first (`can_report` is what it then checks)."""
    return actor.is_authenticated and not actor.blocked and not actor.is_user(author_id)
