"""Who may do what with ideas: pure predicates over the person, the idea and its status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wiec.accounts.models import Role
from wiec.accounts.permissions import role_in
from wiec.ideas.statuses import rule
from wiec.moderation.permissions import can_take_part
from wiec.verification.models import Level

if TYPE_CHECKING:
    from wiec.ideas.models import Idea, IdeaSettings
    from wiec.tenants.models import Tenant


def _is_author(user: Any, idea: Idea) -> bool:
    return idea.author_id is not None and idea.author_id == getattr(user, "pk", None)


def can_submit_idea(user: Any, tenant: Tenant, *, settings: IdeaSettings) -> bool:
    return settings.accepting and can_take_part(user, tenant)


def can_edit_idea(user: Any, idea: Idea) -> bool:
    """The author, until the office first answers (drafts and new ideas), unless hidden."""
    return (
        _is_author(user, idea)
        and rule(idea.status).author_edits
        and not idea.is_hidden
        and can_take_part(user, idea.tenant)
    )


def can_publish_idea(user: Any, idea: Idea) -> bool:
    return idea.is_draft and can_edit_idea(user, idea)


def can_delete_idea(user: Any, idea: Idea) -> bool:
    """Only drafts: a published idea belongs to the public record (moderators can hide it)."""
    return idea.is_draft and _is_author(user, idea)


def can_support_idea(user: Any, idea: Idea) -> bool:
    return rule(idea.status).supports and not idea.is_hidden and can_take_part(user, idea.tenant)


def support_needs_verification(
    user: Any, idea: Idea, *, settings: IdeaSettings, level: int
) -> bool:
    """The person could support, but the municipality counts verified residents only and the
    person (at verification `level`) has not confirmed living here yet."""
    return settings.supporters_verified and level < Level.RESIDENT and can_support_idea(user, idea)


def can_answer_ideas(user: Any, tenant: Tenant | None) -> bool:
    """Officials and administrators answer in the office's name."""
    return role_in(user, tenant) in {Role.OFFICIAL, Role.ADMIN}


def can_answer_idea(user: Any, idea: Idea) -> bool:
    status = rule(idea.status)
    return (
        status.public
        and bool(status.next)
        and not idea.is_hidden
        and can_answer_ideas(user, idea.tenant)
    )


def can_manage_idea_settings(user: Any, tenant: Tenant | None) -> bool:
    return role_in(user, tenant) == Role.ADMIN
