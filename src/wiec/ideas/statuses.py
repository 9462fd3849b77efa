"""An idea's statuses and what each allows: the one table every check reads.

The vocabulary is that of Polish offices: nowy, w analizie, przyjęty do realizacji, przekazany
do budżetu obywatelskiego, odrzucony, w realizacji, zrealizowany.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import pgettext_lazy

# A rejection must say why; a few words are not a justification.
MIN_JUSTIFICATION = 30


class IdeaStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("idea status", "draft")
    NEW = "new", pgettext_lazy("idea status", "new")
    ANALYSIS = "analysis", pgettext_lazy("idea status", "under analysis")
    ACCEPTED = "accepted", pgettext_lazy("idea status", "accepted for implementation")
    BUDGET = "budget", pgettext_lazy("idea status", "passed to the participatory budget")
    REJECTED = "rejected", pgettext_lazy("idea status", "rejected")
    IN_PROGRESS = "in_progress", pgettext_lazy("idea status", "being implemented")
    DONE = "done", pgettext_lazy("idea status", "implemented")


@dataclass(frozen=True)
class StatusRule:
    public: bool
    """Listed, on the map, open to everyone."""
    author_edits: bool
    """The author may still change it: until the office first answers."""
    supports: bool
    """Residents may support it (and withdraw their support)."""
    next: frozenset[IdeaStatus]
    """Statuses the office may move it to; its own status means a progress update."""


S = IdeaStatus
RULES: dict[IdeaStatus, StatusRule] = {
    S.DRAFT: StatusRule(public=False, author_edits=True, supports=False, next=frozenset()),
    S.NEW: StatusRule(
        public=True,
        author_edits=True,
        supports=True,
        next=frozenset({S.ANALYSIS, S.ACCEPTED, S.BUDGET, S.REJECTED}),
    ),
    S.ANALYSIS: StatusRule(
        public=True,
        author_edits=False,
        supports=True,
        next=frozenset({S.ANALYSIS, S.ACCEPTED, S.BUDGET, S.REJECTED}),
    ),
    S.ACCEPTED: StatusRule(
        public=True,
        author_edits=False,
        supports=False,
        next=frozenset({S.ACCEPTED, S.IN_PROGRESS, S.REJECTED}),
    ),
    S.BUDGET: StatusRule(
        public=True,
        author_edits=False,
        supports=False,
        next=frozenset({S.BUDGET, S.ACCEPTED, S.REJECTED}),
    ),
    S.REJECTED: StatusRule(
        public=True, author_edits=False, supports=False, next=frozenset({S.REJECTED, S.ANALYSIS})
    ),
    S.IN_PROGRESS: StatusRule(
        public=True, author_edits=False, supports=False, next=frozenset({S.IN_PROGRESS, S.DONE})
    ),
    S.DONE: StatusRule(public=True, author_edits=False, supports=False, next=frozenset({S.DONE})),
}
PUBLIC_STATUSES = [s for s in IdeaStatus if RULES[s].public]


def rule(status: str) -> StatusRule:
    return RULES[IdeaStatus(status)]


def allowed_next(status: str) -> list[IdeaStatus]:
    """The office's choices from `status`, in the order of the vocabulary."""
    options = rule(status).next
    return [s for s in IdeaStatus if s in options]
