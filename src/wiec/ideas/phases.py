"""The call for ideas as a process: its phases and what each phase allows.

Today a municipality opens and closes submissions by hand (`IdeaSettings.accepting`), so the
call has one phase at a time and `IdeaSettings.dated_phases` lists just that one; dated calls
(an edition with a deadline) add dated phases there and nothing else changes:
`wiec.core.phases.phase_at(settings, at=)` says which phase is current.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class CallPhase(StrEnum):
    OPEN = "open"  # residents submit new ideas
    CLOSED = "closed"  # the ideas already submitted stay visible, supported and answered


LABELS = {CallPhase.OPEN: _("open for submissions")}
"""How the home page names a phase it lists (a closed call is not listed)."""


class IdeaAction(StrEnum):
    SUBMIT = "submit"  # a new idea
    EDIT = "edit"  # the author's own, until the office first answers (publishing a draft too)
    SUPPORT = "support"
    ANSWER = "answer"  # the office's answer and status


PHASE_ALLOWS: dict[CallPhase, frozenset[IdeaAction]] = {
    CallPhase.OPEN: frozenset(IdeaAction),
    CallPhase.CLOSED: frozenset({IdeaAction.EDIT, IdeaAction.SUPPORT, IdeaAction.ANSWER}),
}
