"""Casting ballots: one person, one ballot, across accounts, tabs and channels."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection

from tests.factories import DistrictFactory, member
from tests.voting.factories import NOW, ballot, make_poll, paper, pesel, resident, vote_as
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.polls import actions
from wiec.tenants.models import Tenant
from wiec.verification import actions as verification_actions
from wiec.verification import queries as verification_queries
from wiec.verification.models import Level
from wiec.voting import actions as voting
from wiec.voting import queries, receipts
from wiec.voting.exceptions import (
    AlreadyVotedError,
    InvalidBallotError,
    NotEligibleError,
    NotOpenError,
    PaperNotAcceptedError,
)
from wiec.voting.models import Ballot, Channel, Participation

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int]:
    return Participation.objects.count(), Ballot.objects.count()


def test_a_ballot_is_stored_with_its_receipt(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    user = resident(tenant)
    identity = verification_queries.identity_for_user(tenant=tenant, user=user)
    code = actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=NOW)
    stored = Ballot.objects.get()
    assert stored.choices == ballot(poll)
    assert stored.receipt_digest == receipts.digest(code)
    assert queries.box_for_receipt(tenant=tenant, code=code.lower().replace("-", " ")) == poll.box
    assert queries.has_voted(box=poll.box, identity=identity)
    assert Participation.objects.get().channel == Channel.ONLINE


def test_voting_twice_with_the_same_account_is_refused(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=NOW)
    with pytest.raises(AlreadyVotedError):
        actions.vote(poll=poll, identity=identity, choices=ballot(poll, first=1), at=NOW)
    assert counts() == (1, 1)


def test_another_account_with_the_same_pesel_is_refused(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    first = resident(tenant, serial=3)
    vote_as(poll, first)
    # The first account's verification is purged, then the same PESEL verifies a second one.
    verification_actions.erase_personal_data(first, NOW)
    second = resident(tenant, serial=3)
    identity = verification_queries.identity_for_user(tenant=tenant, user=second)
    with pytest.raises(AlreadyVotedError):
        actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=NOW)
    assert counts() == (1, 1)


def test_voting_as_an_account_then_again_after_verifying_is_refused(tenant: Tenant) -> None:
    from wiec.polls.models import Eligibility

    poll = make_poll(tenant, eligibility=Eligibility.LOGGED_IN)
    user = member(tenant)
    before = verification_queries.identity_for_user(tenant=tenant, user=user)
    assert before.level == Level.ACCOUNT
    actions.vote(poll=poll, identity=before, choices=ballot(poll), at=NOW)
    verification_actions.submit_declaration(
        tenant=tenant, user=user, pesel=pesel(), district=None, at=NOW
    )
    after = verification_queries.identity_for_user(tenant=tenant, user=user)
    assert after.person_key != before.person_key
    with pytest.raises(AlreadyVotedError):
        actions.vote(poll=poll, identity=after, choices=ballot(poll), at=NOW)


def test_paper_after_online_and_online_after_paper_are_refused(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    official = member(tenant, Role.OFFICIAL)
    online = resident(tenant, serial=1)
    vote_as(poll, online)
    with pytest.raises(AlreadyVotedError):
        paper(poll, serial=1, official=official, at=NOW)
    paper(poll, serial=2, official=official, at=NOW)
    later = resident(tenant, serial=2)
    with pytest.raises(AlreadyVotedError):
        vote_as(poll, later)
    assert counts() == (2, 2)
    assert queries.turnout(box=poll.box) == {"online": 1, "paper": 1}
    entry = AuditEntry.objects.get(action="ballot_box.paper_ballot_entered")
    assert entry.actor == official
    assert entry.data == {}


@pytest.mark.parametrize("at", [NOW - timedelta(days=1, seconds=1), NOW + timedelta(days=7)])
def test_voting_before_or_after_the_dates_is_refused(tenant: Tenant, at: object) -> None:
    poll = make_poll(tenant)
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    with pytest.raises(NotOpenError):
        actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=at)  # type: ignore[arg-type]
    assert counts() == (0, 0)


def test_paper_ballots_may_be_entered_after_the_end_until_closing(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    official = member(tenant, Role.OFFICIAL)
    after_end = NOW + timedelta(days=8)
    paper(poll, serial=5, official=official, at=after_end)
    actions.close_poll(poll=poll, actor=official, at=after_end)
    with pytest.raises(NotOpenError):
        paper(poll, serial=6, official=official, at=after_end)
    assert counts() == (1, 1)
    assert AuditEntry.objects.filter(action="ballot_box.closed").count() == 1


def test_a_closed_box_refuses_online_ballots_even_within_its_dates(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    actions.close_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    with pytest.raises(NotOpenError):
        actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=NOW)


def test_a_stale_box_object_still_sees_the_closing(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    stale = make_poll.__globals__["Poll"].objects.select_related("box").get(pk=poll.pk)
    actions.close_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    with pytest.raises(NotOpenError):
        voting.cast_ballot(
            box=stale.box,
            identity=identity,
            choices=ballot(poll),
            district_ids=(),
            channel=Channel.ONLINE,
            at=NOW,
        )


def test_ineligible_people_are_refused_and_nothing_is_stored(tenant: Tenant) -> None:
    district = DistrictFactory(tenant=tenant)
    from wiec.polls.models import Eligibility

    poll = make_poll(
        tenant, eligibility=Eligibility.DISTRICTS, districts=[district], minimum_age=18
    )
    elsewhere = resident(tenant, serial=1, district=DistrictFactory(tenant=tenant))
    young = resident(
        tenant, serial=2, district=district, born=NOW.date().replace(year=NOW.year - 17)
    )
    unverified = member(tenant)
    for user in (elsewhere, young, unverified):
        with pytest.raises(NotEligibleError):
            vote_as(poll, user)
    assert counts() == (0, 0)


@pytest.mark.parametrize(
    "choices",
    [
        [1, 2],
        {"1": "2"},
        {"1": [True]},
        {1: [2]},
        {"1": [[2]]},
        "1",
        {"1": [2, 2]},
        {"1": [2] * 5},
        {},
    ],
)
def test_malformed_choices_are_refused(tenant: Tenant, choices: object) -> None:
    poll = make_poll(tenant)
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    with pytest.raises(InvalidBallotError):
        voting.cast_ballot(
            box=poll.box,
            identity=identity,
            choices=choices,
            district_ids=(),
            channel=Channel.ONLINE,
            at=NOW,
        )
    assert counts() == (0, 0)


def test_closing_shuffles_the_physical_order_of_ballots(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    official = member(tenant, Role.OFFICIAL)
    for serial in range(30):
        paper(poll, serial=serial, official=official, at=NOW)
    before = physical_order()
    actions.close_poll(poll=poll, actor=official, at=NOW)
    after = physical_order()
    assert sorted(before) == sorted(after)
    assert before != after


def physical_order() -> list[str]:
    """Ballot ids in the order they lie in the table (what a plain dump would show)."""
    position = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id FROM voting_ballot ORDER BY {position}")  # noqa: S608
        return [str(row[0]) for row in cursor.fetchall()]


def test_mixing_rewrites_every_ballot_and_loses_none(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    for serial in range(1, 6):
        vote_as(poll, resident(tenant, serial=serial), first=serial % 3)
    before = sorted(Ballot.objects.values_list("id", "choices", "receipt_digest"))
    assert voting.mix_ballots(box=poll.box) == 5
    assert sorted(Ballot.objects.values_list("id", "choices", "receipt_digest")) == before
    assert counts() == (5, 5)


def test_a_closed_box_is_not_mixed_again(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    vote_as(poll, resident(tenant))
    official = member(tenant, Role.OFFICIAL)
    voting.close_box(box=poll.box, actor=official, at=NOW)
    assert voting.mix_ballots(box=poll.box) == 0
    assert counts() == (1, 1)


def test_the_mix_command_rewrites_open_boxes(tenant: Tenant) -> None:
    from io import StringIO

    from django.core.management import call_command

    poll = make_poll(tenant)
    vote_as(poll, resident(tenant, serial=1))
    vote_as(poll, resident(tenant, serial=2))
    out = StringIO()
    call_command("mix_ballots", stdout=out)
    assert "Rewrote 2 ballot(s) in 1 open box(es)." in out.getvalue()
    assert counts() == (2, 2)


def test_paper_ballots_are_refused_where_any_account_may_vote(tenant: Tenant) -> None:
    from wiec.polls.models import Eligibility

    poll = make_poll(tenant, eligibility=Eligibility.LOGGED_IN)
    official = member(tenant, Role.OFFICIAL)
    with pytest.raises(PaperNotAcceptedError):
        paper(poll, serial=4, official=official)
    assert counts() == (0, 0)


def test_a_started_box_keeps_its_start_and_an_ended_one_is_not_reopened(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    box = make_poll(tenant).box  # open since yesterday
    with pytest.raises(NotOpenError):
        voting.update_box(
            box=box, changes={"starts_at": NOW + timedelta(days=1)}, actor=official, at=NOW
        )
    later = NOW + timedelta(days=10)
    box = voting.update_box(box=box, changes={"ends_at": later}, actor=official, at=NOW)
    assert box.ends_at == later
    ended = make_poll(tenant, starts_at=NOW - timedelta(days=3), ends_at=NOW - timedelta(hours=1))
    with pytest.raises(NotOpenError):
        voting.update_box(
            box=ended.box, changes={"ends_at": NOW + timedelta(days=1)}, actor=official, at=NOW
        )
    earlier = NOW - timedelta(hours=2)
    assert (
        voting.update_box(
            box=ended.box, changes={"ends_at": earlier}, actor=official, at=NOW
        ).ends_at
        == earlier
    )
    scheduled = make_poll(tenant, starts_at=NOW + timedelta(days=1))
    moved = NOW + timedelta(days=2)
    assert (
        voting.update_box(
            box=scheduled.box, changes={"starts_at": moved}, actor=official, at=NOW
        ).starts_at
        == moved
    )


def test_a_paper_ballot_repeating_an_answer_is_refused(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    q2 = str(poll.questions.order_by("position")[1].pk)
    choices = ballot(poll)
    with pytest.raises(InvalidBallotError):
        actions.enter_paper_ballot(
            poll=poll,
            pesel=pesel(serial=9),
            district=None,
            choices={**choices, q2: choices[q2] * 3},
            official=member(tenant, Role.OFFICIAL),
            at=NOW,
        )
    assert counts() == (0, 0)


def test_a_stored_ballot_with_a_repeat_counts_the_answer_once(tenant: Tenant) -> None:
    """The count does not trust the box's check alone (a ballot stored before it existed)."""
    poll = make_poll(tenant)
    vote_as(poll, resident(tenant))
    q2 = str(poll.questions.order_by("position")[1].pk)
    stored = Ballot.objects.get()
    option = stored.choices[q2][0]
    stored.choices = {**stored.choices, q2: [option] * 5}
    stored.save()
    assert queries.count_choices(box=poll.box)[(q2, option)] == 1


def test_turnout_names_every_channel(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    assert queries.turnout(box=poll.box) == {"online": 0, "paper": 0}
