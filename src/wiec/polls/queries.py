"""Reads of polls and their results, always scoped to a tenant."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from wiec.accounts.actors import Actor
from wiec.core.modules import WAITING_SHOWN, ProcessCard, Waiting, WaitingItem
from wiec.polls.models import Eligibility, Option, Poll, Question
from wiec.polls.permissions import can_see_poll
from wiec.tenants.models import Tenant
from wiec.voting import queries as voting_queries
from wiec.voting.phases import LABELS, Phase, phase_at

_QUESTIONS = Prefetch(
    "questions",
    queryset=Question.objects.order_by("position", "pk").prefetch_related(
        Prefetch("options", queryset=Option.objects.order_by("position", "pk"))
    ),
)


def published_polls(*, tenant: Tenant) -> QuerySet[Poll]:
    return (
        Poll.objects.filter(tenant=tenant, is_published=True)
        .select_related("box")
        .order_by("-box__starts_at", "-pk")
    )


def staff_polls(*, tenant: Tenant) -> QuerySet[Poll]:
    return (
        Poll.objects.filter(tenant=tenant).select_related("box").order_by("-box__starts_at", "-pk")
    )


# Every vote reads its poll, questions and options: they are cached for a short while, and
# polls.actions drops the entry after each change (the time limit covers edits made elsewhere,
# e.g. in the admin). Casting re-reads the box's dates and state under a lock, so a cached
# copy can never let a ballot into a closed or ended box.
POLL_CACHE_SECONDS = 30


def poll_cache_key(*, tenant_id: int, poll_id: int) -> str:
    return f"wiec:poll:{tenant_id}:{poll_id}"


def get_poll_or_404(*, tenant: Tenant, poll_id: int, viewer: Actor) -> Poll:
    """The poll with its box, questions and options; 404 for missing, foreign and (for
    non-staff) unpublished alike."""
    key = poll_cache_key(tenant_id=tenant.pk, poll_id=poll_id)
    poll: Poll | None = cache.get(key)
    if poll is None:
        poll = (
            Poll.objects.filter(tenant=tenant, pk=poll_id)
            .select_related("box")
            .prefetch_related(_QUESTIONS)
            .first()
        )
        if poll is not None:
            cache.set(key, poll, POLL_CACHE_SECONDS)
    if poll is None or not can_see_poll(viewer, poll=poll):
        raise Http404
    return poll


def district_ids(poll: Poll) -> frozenset[int]:
    """The districts whose residents may vote; only district polls have any (no query else)."""
    if poll.eligibility != Eligibility.DISTRICTS:
        return frozenset()
    return voting_queries.district_ids(poll.box)


def get_question_or_404(*, poll: Poll, question_id: int) -> Question:
    for question in poll.questions.all():
        if question.pk == question_id:
            return question
    raise Http404


@dataclass(frozen=True)
class OptionResult:
    option: Option
    votes: int
    share: float  # of the ballots counted, 0..1


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    options: list[OptionResult]
    answered: int


@dataclass(frozen=True)
class PollResults:
    ballots: int
    turnout: dict[str, int]
    questions: list[QuestionResult]


def results(*, poll: Poll) -> PollResults:
    """Votes per option, counted from the ballots (questions must be prefetched)."""
    counts = voting_queries.count_choices(box=poll.box)
    ballots = voting_queries.ballot_count(box=poll.box)
    questions = []
    for question in poll.questions.all():
        key = str(question.pk)
        rows = [
            OptionResult(
                option=option,
                votes=counts[(key, option.pk)],
                share=counts[(key, option.pk)] / ballots if ballots else 0.0,
            )
            for option in question.options.all()
        ]
        questions.append(
            QuestionResult(question=question, options=rows, answered=sum(r.votes for r in rows))
        )
    return PollResults(
        ballots=ballots, turnout=voting_queries.turnout(box=poll.box), questions=questions
    )


def open_poll_cards(tenant: Tenant, at: datetime) -> list[ProcessCard]:
    """Home page "open now": published polls whose voting is open."""
    rows = published_polls(tenant=tenant).filter(
        box__starts_at__lte=at, box__ends_at__gt=at, box__closed_at__isnull=True
    )
    return [
        ProcessCard(
            title=poll.title,
            url=poll.get_absolute_url(),
            kind=_("Poll"),
            phase=LABELS[Phase.OPEN],
            ends_at=poll.box.ends_at,
            written=True,
        )
        for poll in rows
        if phase_at(poll.box, at=at) == Phase.OPEN
    ]


SOON = timedelta(days=7)
"""How far ahead the panel home looks for polls that open or end."""


def polls_due(
    *, tenant: Tenant, at: datetime, within: timedelta = SOON
) -> list[tuple[Poll, Phase]]:
    """Polls an official should look at now: opening or ending within `within`, or ended and
    not closed yet (paper ballots to enter, then close). The next date first."""
    rows = (
        Poll.objects.filter(tenant=tenant, box__closed_at__isnull=True)
        .filter(
            Q(box__starts_at__gt=at, box__starts_at__lte=at + within)
            | Q(box__starts_at__lte=at, box__ends_at__lte=at + within)
        )
        .select_related("box")
    )
    due = [(poll, phase_at(poll.box, at=at)) for poll in rows]
    return sorted(due, key=lambda pair: (_next_date(pair[0], pair[1]), pair[0].pk))


def _next_date(poll: Poll, phase: Phase) -> datetime:
    return poll.box.starts_at if phase == Phase.SCHEDULED else poll.box.ends_at


def waiting_polls(*, tenant: Tenant, at: datetime) -> Waiting:
    """The panel home's list of polls due (`polls_due`), the nearest date first."""
    due = polls_due(tenant=tenant, at=at)
    return Waiting(
        key="polls",
        title=_("Polls opening or ending soon, and paper ballots"),
        count=len(due),
        items=[
            WaitingItem(
                label=poll.title,
                url=reverse("polls_staff:edit_poll", args=[poll.pk]),
                note=str(_POLL_NOTES[phase]),
                when=poll.box.starts_at if phase == Phase.SCHEDULED else poll.box.ends_at,
                then=_("Enter the paper ballots, then close the poll.")
                if phase == Phase.COUNTING
                else "",
            )
            for poll, phase in due[:WAITING_SHOWN]
        ],
        all_url=reverse("polls_staff:list_polls"),
        all_label=_("All polls"),
        order=_("the nearest date first"),
    )


_POLL_NOTES = {
    Phase.SCHEDULED: pgettext_lazy("panel home", "voting opens"),
    Phase.OPEN: pgettext_lazy("panel home", "voting ends"),
    Phase.COUNTING: pgettext_lazy("panel home", "voting ended"),
    Phase.CLOSED: pgettext_lazy("panel home", "closed"),
}
