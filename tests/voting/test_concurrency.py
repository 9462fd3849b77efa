"""Double voting under real concurrency: threads with their own PostgreSQL connections.

SQLite serialises every write transaction, so a race cannot happen there and the test would
prove nothing: it runs in CI's PostgreSQL pass.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

from tests.factories import member
from tests.voting.factories import NOW, ballot, make_poll, pesel, resident
from wiec.accounts.models import Role
from wiec.polls import actions
from wiec.tenants.models import Tenant
from wiec.verification import keys
from wiec.verification import queries as verification_queries
from wiec.verification.queries import Identity
from wiec.voting import actions as voting
from wiec.voting.exceptions import AlreadyVotedError
from wiec.voting.models import Ballot, Participation

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so no race can occur "
        "(runs in CI's PostgreSQL pass)",
    ),
]


def race(attempts: list[Callable[[], object]]) -> tuple[int, int, list[BaseException]]:
    """Start every attempt at the same moment, each in its own thread and connection."""
    barrier = threading.Barrier(len(attempts))
    outcomes: list[object] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(attempt: Callable[[], object]) -> None:
        try:
            barrier.wait()
            result = attempt()
            with lock:
                outcomes.append(result)
        except AlreadyVotedError:
            with lock:
                outcomes.append(None)
        except BaseException as error:
            with lock:
                errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(a,)) for a in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    succeeded = sum(1 for o in outcomes if o is not None)
    return succeeded, len(outcomes) - succeeded, errors


def test_same_account_from_eight_threads_stores_exactly_one_ballot(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    identity = verification_queries.identity_for_user(tenant=tenant, user=resident(tenant))
    succeeded, refused, errors = race(
        [lambda: actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=NOW)] * 8
    )
    assert errors == []
    assert (succeeded, refused) == (1, 7)
    assert (Participation.objects.count(), Ballot.objects.count()) == (1, 1)


def test_two_accounts_of_one_person_and_paper_at_once_store_exactly_one_ballot(
    tenant: Tenant,
) -> None:
    poll = make_poll(tenant)
    official = member(tenant, Role.OFFICIAL)
    number = pesel(serial=42)
    person_key = keys.pesel_hmac(verification_queries.tenant_key(tenant=tenant), number.number)
    # Two accounts carrying the same verified PESEL (e.g. verified again after a purge).
    accounts = [
        Identity(level=2, person_key=person_key, account_key=keys.account_hmac(b"k", n))
        for n in (1, 2, 3, 4)
    ]
    attempts: list[Callable[[], object]] = [
        (lambda i=i: actions.vote(poll=poll, identity=i, choices=ballot(poll), at=NOW))
        for i in accounts
    ]
    attempts += [
        lambda: actions.enter_paper_ballot(
            poll=poll, pesel=number, district=None, choices=ballot(poll), official=official, at=NOW
        )
    ] * 2
    succeeded, refused, errors = race(attempts)
    assert errors == []
    assert (succeeded, refused) == (1, 5)
    assert list(Participation.objects.values_list("person_key", flat=True)) == [person_key]
    assert Ballot.objects.count() == 1


def test_many_people_voting_at_once_are_all_counted(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    identities = [
        verification_queries.identity_for_user(tenant=tenant, user=resident(tenant, serial=s))
        for s in range(10)
    ]
    succeeded, refused, errors = race(
        [
            (lambda i=i: actions.vote(poll=poll, identity=i, choices=ballot(poll), at=NOW))
            for i in identities
        ]
    )
    assert errors == []
    assert (succeeded, refused) == (10, 0)
    assert Ballot.objects.count() == Participation.objects.count() == 10


def _links_by_transaction_id() -> int:
    """Participations whose row was written by the same transaction as some ballot's row."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {Participation._meta.db_table} p "  # noqa: S608
            f"JOIN {Ballot._meta.db_table} b ON b.xmin = p.xmin AND b.box_id = p.box_id"
        )
        row = cursor.fetchone()
    assert row is not None
    return int(row[0])


def test_mixing_breaks_the_link_through_the_hidden_transaction_id(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    for serial in range(1, 4):
        identity = verification_queries.identity_for_user(
            tenant=tenant, user=resident(tenant, serial=serial)
        )
        actions.vote(poll=poll, identity=identity, choices=ballot(poll), at=NOW)
    # Each cast commits a participation and its ballot together: plain SQL can pair them.
    assert _links_by_transaction_id() == 3
    before = sorted(Ballot.objects.values_list("id", "choices", "receipt_digest"))
    assert voting.mix_ballots(box=poll.box) == 3
    assert _links_by_transaction_id() == 0
    assert sorted(Ballot.objects.values_list("id", "choices", "receipt_digest")) == before


def test_ballots_cast_while_mixing_are_kept(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    voters = [
        verification_queries.identity_for_user(tenant=tenant, user=resident(tenant, serial=s))
        for s in range(1, 9)
    ]
    actions.vote(poll=poll, identity=voters[0], choices=ballot(poll), at=NOW)
    attempts: list[Callable[[], object]] = [
        lambda: voting.mix_ballots(box=poll.box),
        lambda: voting.mix_ballots(box=poll.box),
    ]
    attempts += [
        lambda identity=identity: actions.vote(  # type: ignore[misc]
            poll=poll, identity=identity, choices=ballot(poll), at=NOW
        )
        for identity in voters[1:]
    ]
    succeeded, refused, errors = race(attempts)
    assert errors == []
    assert (succeeded, refused) == (9, 0)  # two mixes and seven ballots
    assert (Participation.objects.count(), Ballot.objects.count()) == (8, 8)
