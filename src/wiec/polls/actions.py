"""Every write to polls. Ballots go through wiec.voting, which keeps them secret."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db import transaction

from wiec.accounts.models import User
from wiec.core import audit
from wiec.polls import queries
from wiec.polls.exceptions import NoQuestionsError
from wiec.polls.models import Eligibility, Option, Poll, Question
from wiec.tenants.models import District, Tenant
from wiec.verification import keys
from wiec.verification import queries as verification_queries
from wiec.verification.models import Level
from wiec.verification.pesel import Pesel
from wiec.verification.queries import Identity
from wiec.voting import actions as voting
from wiec.voting.exceptions import InvalidBallotError, NotEligibleError, NotOpenError
from wiec.voting.models import Channel
from wiec.voting.permissions import Ineligible
from wiec.voting.phases import Step, allows

LEVELS = {
    Eligibility.LOGGED_IN: Level.ACCOUNT,
    Eligibility.RESIDENTS: Level.RESIDENT,
    Eligibility.DISTRICTS: Level.RESIDENT,
}


def _box_values(values: dict[str, Any]) -> dict[str, Any]:
    eligibility = Eligibility(values["eligibility"])
    return {
        "title": values["title"],
        "starts_at": values["starts_at"],
        "ends_at": values["ends_at"],
        "min_level": LEVELS[eligibility],
        "minimum_age": values.get("minimum_age") or 0,
        "districts": list(values.get("districts") or [])
        if eligibility == Eligibility.DISTRICTS
        else [],
    }


def _forget(poll: Poll) -> None:
    """Drop the cached copy of the poll now, and again once the change is committed (a
    reader between the two may have cached the old rows)."""
    key = queries.poll_cache_key(tenant_id=poll.tenant_id, poll_id=poll.pk)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def create_poll(*, tenant: Tenant, values: dict[str, Any], actor: User, at: datetime) -> Poll:
    """A new poll (a draft unless `is_published`) and its ballot box. Audit-logged.

    `values` are PollForm's cleaned data. A new poll has no questions yet, so it cannot be
    published at once (NoQuestionsError).
    """
    if values.get("is_published"):
        raise NoQuestionsError
    with transaction.atomic():
        box = voting.create_box(tenant=tenant, actor=actor, at=at, **_box_values(values))
        poll = Poll.objects.create(
            tenant=tenant,
            box=box,
            title=values["title"],
            description=values.get("description", ""),
            eligibility=values["eligibility"],
            results_visibility=values["results_visibility"],
            is_published=values.get("is_published", False),
            created_at=at,
            created_by=actor,
        )
        audit.record(actor=actor, action="poll.created", tenant=tenant, target=poll, at=at)
    return poll


def update_poll(*, poll: Poll, values: dict[str, Any], actor: User, at: datetime) -> Poll:
    """Save the poll's texts and settings; dates and eligibility go to its box, which refuses
    eligibility changes once voting has started (NotOpenError). A poll without questions cannot be
    published (NoQuestionsError). Audit-logged with the fields that really changed (the box logs
    its own); saving without a change records nothing."""
    box_values = _box_values(values)
    current = {
        "title": poll.box.title,
        "starts_at": poll.box.starts_at,
        "ends_at": poll.box.ends_at,
        "min_level": poll.box.min_level,
        "minimum_age": poll.box.minimum_age,
    }
    box_changes = {k: v for k, v in box_values.items() if k != "districts" and current[k] != v}
    old_districts = {d.pk for d in poll.box.districts.all()}
    if {d.pk for d in box_values["districts"]} != old_districts:
        box_changes["districts"] = box_values["districts"]
    with transaction.atomic():
        if values.get("is_published") and not poll.questions.exists():
            raise NoQuestionsError
        if values["eligibility"] != poll.eligibility and not allows(
            poll.box, Step.EDIT_BALLOT, at=at
        ):
            raise NotOpenError
        if box_changes:
            poll.box = voting.update_box(box=poll.box, changes=box_changes, actor=actor, at=at)
        fields = ["title", "description", "eligibility", "results_visibility", "is_published"]
        before = audit.values_of(poll, fields)
        for name in fields:
            setattr(poll, name, values.get(name, getattr(poll, name)))
        changed = audit.changed_values(before, audit.values_of(poll, fields))
        if changed:
            poll.save(update_fields=list(changed))
            audit.record_changes(
                actor=actor,
                action="poll.changed",
                tenant=poll.tenant,
                target=poll,
                at=at,
                changes=changed,
            )
        if changed or box_changes:
            _forget(poll)
    return poll


def publish_poll(*, poll: Poll, actor: User, at: datetime) -> Poll:
    """Make a draft visible to residents; it needs at least one question (NoQuestionsError).
    Audit-logged."""
    with transaction.atomic():
        if not poll.questions.exists():
            raise NoQuestionsError
        poll.is_published = True
        poll.save(update_fields=["is_published"])
        audit.record(actor=actor, action="poll.published", tenant=poll.tenant, target=poll, at=at)
        _forget(poll)
    return poll


def save_question(
    *,
    poll: Poll,
    question: Question | None,
    text: str,
    kind: str,
    max_choices: int | None,
    options: list[str],
    actor: User,
    at: datetime,
) -> Question:
    """Add or replace a question and its options; only before voting starts (NotOpenError).
    Audit-logged, unless an existing question is saved exactly as it was."""
    if not allows(poll.box, Step.EDIT_BALLOT, at=at):
        raise NotOpenError
    if question is not None and _same_question(question, text, kind, max_choices, options):
        return question  # saved without a change: nothing to write or log
    with transaction.atomic():
        if question is None:
            position = poll.questions.count()
            question = Question.objects.create(
                poll=poll, text=text, kind=kind, max_choices=max_choices, position=position
            )
        else:
            question.text, question.kind, question.max_choices = text, kind, max_choices
            question.save()
            question.options.all().delete()
        Option.objects.bulk_create(
            [Option(question=question, text=t, position=i) for i, t in enumerate(options)]
        )
        audit.record(
            actor=actor,
            action="poll.question_saved",
            tenant=poll.tenant,
            target=poll,
            at=at,
            data={"question": text},
        )
        _forget(poll)
    return question


def _same_question(
    question: Question, text: str, kind: str, max_choices: int | None, options: list[str]
) -> bool:
    current = list(question.options.order_by("position").values_list("text", flat=True))
    return (question.text, question.kind, question.max_choices, current) == (
        text,
        kind,
        max_choices,
        options,
    )


def delete_question(*, poll: Poll, question: Question, actor: User, at: datetime) -> None:
    """Only before voting starts (NotOpenError); a published poll keeps its last question
    (NoQuestionsError): unpublish it first."""
    if not allows(poll.box, Step.EDIT_BALLOT, at=at):
        raise NotOpenError
    with transaction.atomic():
        if (
            Poll.objects.filter(pk=poll.pk, is_published=True).exists()
            and not poll.questions.exclude(pk=question.pk).exists()
        ):
            raise NoQuestionsError
        audit.record(
            actor=actor,
            action="poll.question_deleted",
            tenant=poll.tenant,
            target=poll,
            at=at,
            data={"question": question.text},
        )
        question.delete()
        _forget(poll)


def close_poll(*, poll: Poll, actor: User, at: datetime) -> Poll:
    """Freeze the poll's ballot box; results become final. Audit-logged by voting."""
    poll.box = voting.close_box(box=poll.box, actor=actor, at=at)
    _forget(poll)
    return poll


def vote(*, poll: Poll, identity: Identity, choices: dict[str, list[int]], at: datetime) -> str:
    """Cast an online ballot; returns the receipt code. See voting.actions.cast_ballot.

    A ballot answers every question of the poll and nothing else; a poll without questions
    takes no ballot (InvalidBallotError), so nobody's one vote is spent on an empty one.
    """
    _check_answers_every_question(poll, choices)
    return voting.cast_ballot(
        box=poll.box,
        identity=identity,
        choices=choices,
        district_ids=queries.district_ids(poll),
        channel=Channel.ONLINE,
        at=at,
    )


def enter_paper_ballot(
    *,
    poll: Poll,
    pesel: Pesel,
    district: District | None,
    choices: dict[str, list[int]],
    official: User,
    at: datetime,
) -> str:
    """An official types in a signed paper ballot. The PESEL is checked against the same
    who-voted register as online votes (AlreadyVotedError) and then forgotten."""
    if verification_queries.settings_for(tenant=poll.tenant).register_required:
        key = verification_queries.tenant_key(tenant=poll.tenant)
        if not verification_queries.in_register(
            tenant=poll.tenant, pesel_hmac=keys.pesel_hmac(key, pesel.number)
        ):
            raise NotEligibleError(Ineligible.REGISTER)
    _check_answers_every_question(poll, choices)
    identity = verification_queries.identity_for_paper(
        tenant=poll.tenant,
        pesel=pesel.number,
        birth_year=pesel.birth_year,
        district_id=district.pk if district else None,
    )
    return voting.cast_ballot(
        box=poll.box,
        identity=identity,
        choices=choices,
        district_ids=queries.district_ids(poll),
        channel=Channel.PAPER,
        at=at,
        entered_by=official,
    )


def _check_answers_every_question(poll: Poll, choices: dict[str, list[int]]) -> None:
    questions = {str(q.pk) for q in poll.questions.all()}
    if not questions or set(choices) != questions or not all(choices.values()):
        raise InvalidBallotError
