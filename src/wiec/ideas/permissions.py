"""Who may do what with ideas: pure predicates over the actor, the idea, its status and the
call's phase (`wiec.ideas.phases`). No database: the actor and the idea are already loaded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wiec.accounts.actors import Actor, Capability
from wiec.ideas.phases import PHASE_ALLOWS, CallPhase, IdeaAction
from wiec.ideas.statuses import rule
from wiec.moderation.permissions import can_take_part, offers_report
from wiec.verification.models import Level

if TYPE_CHECKING:
    from wiec.ideas.models import Idea, IdeaSettings


def _is_author(actor: Actor, idea: Idea) -> bool:
    return actor.is_user(idea.author_id)


def _allowed(phase: CallPhase, action: IdeaAction) -> bool:
    return action in PHASE_ALLOWS[phase]


def submissions_open(phase: CallPhase) -> bool:
    """Whether the call takes new ideas now, whoever asks (the list offers to log in or join)."""
    return _allowed(phase, IdeaAction.SUBMIT)


def can_submit_idea(actor: Actor, *, phase: CallPhase) -> bool:
    return submissions_open(phase) and can_take_part(actor)


def can_edit_idea(actor: Actor, idea: Idea, *, phase: CallPhase) -> bool:
    """The author, until the office first answers (drafts and new ideas), unless hidden."""
    return (
        _allowed(phase, IdeaAction.EDIT)
        and _is_author(actor, idea)
        and rule(idea.status).author_edits
        and not idea.is_hidden
        and can_take_part(actor)
    )


def can_publish_idea(actor: Actor, idea: Idea, *, phase: CallPhase) -> bool:
    return idea.is_draft and can_edit_idea(actor, idea, phase=phase)


def can_delete_idea(actor: Actor, idea: Idea) -> bool:
    """Only drafts: a published idea belongs to the public record (moderators can hide it)."""
    return idea.is_draft and _is_author(actor, idea)


def can_support_idea(actor: Actor, idea: Idea, *, phase: CallPhase) -> bool:
    return (
        _allowed(phase, IdeaAction.SUPPORT)
        and rule(idea.status).supports
        and not idea.is_hidden
        and can_take_part(actor)
    )


def support_needs_verification(
    actor: Actor, idea: Idea, *, settings: IdeaSettings, phase: CallPhase
) -> bool:
    """The person could support, but the municipality counts verified residents only and the
    person has not confirmed living here yet."""
    return (
        settings.supporters_verified
        and actor.level < Level.RESIDENT
        and can_support_idea(actor, idea, phase=phase)
    )


def can_answer_ideas(actor: Actor) -> bool:
    """Officials and administrators answer in the office's name."""
    return actor.has(Capability.SPEAK_FOR_OFFICE)


def can_answer_idea(actor: Actor, idea: Idea, *, phase: CallPhase) -> bool:
    status = rule(idea.status)
    return (
        _allowed(phase, IdeaAction.ANSWER)
        and status.public
        and bool(status.next)
        and not idea.is_hidden
        and can_answer_ideas(actor)
    )


def can_manage_idea_settings(actor: Actor) -> bool:
    return actor.has(Capability.MANAGE_MODULES)


def offers_report_idea(actor: Actor, idea: Idea) -> bool:
    """Whether the idea's page shows "Report this idea" (see moderation's `offers_report`)."""
    return offers_report(actor, author_id=idea.author_id)
