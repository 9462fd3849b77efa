"""Every write to ballot boxes: creating and closing them, and casting ballots.

Casting writes the `Participation` (who) and the `Ballot` (what) in one transaction. The
participation goes first with INSERT … ON CONFLICT DO NOTHING: under concurrency the second
attempt by the same person waits on the unique index, then inserts nothing and is refused, so
exactly one ballot is stored however many tabs, accounts, threads or channels try.
"""

from __future__ import annotations

import json
import random
import secrets
import uuid
from collections.abc import Collection
from datetime import datetime
from typing import Any

from django.db import connection, transaction

from wiec.accounts.models import User
from wiec.core import audit
from wiec.tenants.models import District, Tenant
from wiec.verification.queries import Identity
from wiec.voting import receipts
from wiec.voting.exceptions import (
    AlreadyVotedError,
    InvalidBallotError,
    NotEligibleError,
    NotOpenError,
    PaperNotAcceptedError,
)
from wiec.voting.models import Ballot, BallotBox, Channel, Participation
from wiec.voting.permissions import accepts_paper, ineligibility
from wiec.voting.phases import ALLOWED, Step, may_change, phase_at

_BOX = BallotBox._meta.db_table
_PARTICIPATION = Participation._meta.db_table
_BALLOT = Ballot._meta.db_table


def create_box(
    *,
    tenant: Tenant,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    min_level: int,
    minimum_age: int = 0,
    districts: Collection[District] = (),
    actor: User | None,
    at: datetime,
) -> BallotBox:
    """A new box for an owning module (which keeps a one-to-one link to it)."""
    with transaction.atomic():
        box = BallotBox.objects.create(
            tenant=tenant,
            title=title,
            starts_at=starts_at,
            ends_at=ends_at,
            min_level=min_level,
            minimum_age=minimum_age,
        )
        box.districts.set(list(districts))
        audit.record(actor=actor, action="ballot_box.created", tenant=tenant, target=box, at=at)
    return box


def update_box(*, box: BallotBox, changes: dict[str, Any], actor: User, at: datetime) -> BallotBox:
    """Change a box's title, dates or eligibility.

    `changes` may hold title, starts_at, ends_at, min_level, minimum_age, districts. Once
    voting has started, its start and who may vote are history and cannot change (moving the
    start into the future would reopen the ballot for editing under cast votes); voting can be
    ended early or extended while open, but not reopened once ended, when provisional results
    may already have been seen. Raises NotOpenError when the phase does not allow the change.
    Audit-logged with the fields that really change; a change to the same values is no
    change and writes nothing.
    """
    changes = dict(changes)
    districts = changes.pop("districts", None)
    with transaction.atomic():
        # FOR UPDATE, like close_box: casts in flight (FOR KEY SHARE) finish first, and later
        # ones see the new dates and eligibility.
        locked = BallotBox.objects.select_for_update().get(pk=box.pk)
        fields = [*changes, *(["districts"] if districts is not None else [])]
        before = audit.values_of(locked, fields)
        after = {**before, **changes}
        if districts is not None:
            after["districts"] = list(districts)
        changed = audit.changed_values(before, after)
        if not changed:
            return locked
        new_end = changes["ends_at"] if "ends_at" in changed else None
        if not may_change(locked, fields=set(changed), ends_at=new_end, at=at):
            raise NotOpenError
        for name, value in changes.items():
            setattr(locked, name, value)
        if changed.keys() - {"districts"}:
            locked.save(update_fields=sorted(changed.keys() - {"districts"}))
        if "districts" in changed:
            locked.districts.set(list(districts or []))
        audit.record_changes(
            actor=actor,
            action="ballot_box.changed",
            tenant=locked.tenant,
            target=locked,
            at=at,
            changes=changed,
        )
    return locked


def close_box(*, box: BallotBox, actor: User, at: datetime) -> BallotBox:
    """Freeze the box: no more ballots of any channel; results become final. Audit-logged.

    Takes FOR UPDATE on the box row, which waits for casts in flight (they hold FOR KEY SHARE)
    and makes later ones see the box closed. The box's ballots are then rewritten in a random
    order, so that their physical order in the table no longer follows the order of voting.
    """
    with transaction.atomic():
        # FOR UPDATE: waits for casts in flight and turns later ones away (see the docstring).
        locked = BallotBox.objects.select_for_update().get(pk=box.pk)
        if Step.CLOSE not in _allowed(locked, at):
            raise NotOpenError
        locked.closed_at = at
        locked.save(update_fields=["closed_at"])
        _shuffle_ballots(locked)
        audit.record(
            actor=actor, action="ballot_box.closed", tenant=locked.tenant, target=locked, at=at
        )
    return locked


def _allowed(box: BallotBox, at: datetime) -> frozenset[Step]:
    return ALLOWED[phase_at(box, at=at)]


def mix_ballots(*, box: BallotBox) -> int:
    """Rewrite the ballots of a box still taking votes in a random order; returns how many.

    Casting writes a participation and its ballot in one transaction, so on PostgreSQL both
    rows carry that transaction's id (the hidden `xmin` column): anyone who can SELECT both
    tables could join them while the rows are untouched, and the rows also lie in the order of
    voting. Rewriting gives every ballot this transaction's id and a random place, which breaks
    both links for every ballot cast so far. `wiec mix_ballots` runs it for every box that is
    not closed; schedule it every few minutes during a vote. Casting goes on meanwhile: the box
    row is locked FOR NO KEY UPDATE, which casts (FOR KEY SHARE) do not wait for, and `DELETE
    … RETURNING` re-inserts exactly the ballots it removed, so none cast meanwhile is lost.
    """
    with transaction.atomic():
        locked = BallotBox.objects.select_for_update(no_key=True).get(pk=box.pk)
        if locked.closed_at is not None:
            return 0  # closing already rewrote them, and nothing changes any more
        return _shuffle_ballots(locked)


def mix_open_boxes() -> tuple[int, int]:
    """`mix_ballots` on every box that is not closed; returns (ballots rewritten, boxes).

    The periodic job `voting.mix_ballots` (every five minutes) and `wiec mix_ballots`.
    """
    boxes = list(BallotBox.objects.filter(closed_at__isnull=True).only("pk"))
    return sum(mix_ballots(box=box) for box in boxes), len(boxes)


def _shuffle_ballots(box: BallotBox) -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {_BALLOT} WHERE box_id = %s RETURNING id, choices, receipt_digest",  # noqa: S608
            [box.pk],
        )
        rows = cursor.fetchall()
    random.SystemRandom().shuffle(rows)
    Ballot.objects.bulk_create(
        [
            Ballot(
                id=i, box=box, choices=json.loads(c) if isinstance(c, str) else c, receipt_digest=r
            )
            for i, c, r in rows
        ],
        batch_size=2000,
    )
    return len(rows)


def cast_ballot(
    *,
    box: BallotBox,
    identity: Identity,
    choices: Any,
    district_ids: Collection[int],
    channel: Channel,
    at: datetime,
    entered_by: User | None = None,
) -> str:
    """Store one secret ballot and return its receipt code (shown once, never stored).

    `choices` must already be validated by the owning module. Checks the phase (online in
    OPEN; paper in OPEN or COUNTING, and only in boxes of verified residents) and
    eligibility; raises NotOpenError, NotEligibleError, PaperNotAcceptedError or
    AlreadyVotedError, and then nothing is stored. A paper ballot is audit-logged (who entered
    one into which box, never what it says).
    """
    if not _well_formed(choices):
        raise InvalidBallotError
    if channel == Channel.PAPER and not accepts_paper(box):
        raise PaperNotAcceptedError
    step = Step.VOTE_ONLINE if channel == Channel.ONLINE else Step.ENTER_PAPER
    reason = ineligibility(box, identity, district_ids=district_ids, at=at)
    if reason is not None:
        raise NotEligibleError(reason)
    code = receipts.new_code()
    payload = json.dumps(choices, separators=(",", ":"), sort_keys=True)
    with transaction.atomic():
        current = _lock_box_for_casting(box)
        if step not in _allowed(current, at):
            raise NotOpenError
        participation = [_uuid(), box.pk, identity.person_key, identity.account_key, str(channel)]
        ballot = [_uuid(), payload, receipts.digest(code)]
        if not _insert_participation_and_ballot(participation, ballot):
            raise AlreadyVotedError
        if channel == Channel.PAPER:
            audit.record(
                actor=entered_by,
                action="ballot_box.paper_ballot_entered",
                tenant=box.tenant,
                target=box,
                at=at,
            )
    return code


def _insert_participation_and_ballot(participation: list[Any], ballot: list[Any]) -> bool:
    """Write who voted, then what was chosen; False (and nothing written) if this person or
    account already has a participation in the box.

    On PostgreSQL both inserts go in one statement (one round trip): the ballot is inserted
    only from the participation row that ON CONFLICT DO NOTHING actually wrote. The caller
    holds the transaction.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"WITH p AS (INSERT INTO {_PARTICIPATION} "  # noqa: S608
                "(id, box_id, person_key, account_key, channel) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING RETURNING box_id) "
                f"INSERT INTO {_BALLOT} (id, box_id, choices, receipt_digest) "
                "SELECT %s, box_id, %s::jsonb, %s FROM p RETURNING id",
                [*participation, *ballot],
            )
            return cursor.fetchone() is not None
        cursor.execute(
            f"INSERT INTO {_PARTICIPATION} (id, box_id, person_key, account_key, channel) "  # noqa: S608
            "VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING id",
            participation,
        )
        if cursor.fetchone() is None:
            return False
        ballot_id, payload, digest = ballot
        cursor.execute(
            f"INSERT INTO {_BALLOT} (id, box_id, choices, receipt_digest) "  # noqa: S608
            "VALUES (%s, %s, %s, %s)",
            [ballot_id, participation[1], payload, digest],
        )
        return True


def _well_formed(choices: Any) -> bool:
    """Choices are `{key: [value, …]}`, not empty, with string keys and int or string values,
    and no value twice under one key: one ballot gives an answer (or a project) at most one vote,
    whatever the owning module's form let through."""
    return (
        isinstance(choices, dict)
        and bool(choices)
        and all(
            isinstance(key, str)
            and isinstance(values, list)
            and all(isinstance(v, int | str) and not isinstance(v, bool) for v in values)
            and len(set(values)) == len(values)
            for key, values in choices.items()
        )
    )


def _uuid() -> str:
    value = uuid.UUID(bytes=secrets.token_bytes(16), version=4)
    return value.hex if connection.vendor == "sqlite" else str(value)


def _lock_box_for_casting(box: BallotBox) -> BallotBox:
    """Re-read the box's dates and state inside the transaction.

    On PostgreSQL FOR KEY SHARE lets casts run side by side but waits for `close_box`'s FOR
    UPDATE, and then sees the closed box. SQLite's write transactions are serial anyway.
    """
    if connection.vendor != "postgresql":
        current = BallotBox.objects.filter(pk=box.pk).only("starts_at", "ends_at", "closed_at")
        found = current.first()
        if found is None:
            raise NotOpenError
        return found
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT starts_at, ends_at, closed_at FROM {_BOX} WHERE id = %s FOR KEY SHARE",  # noqa: S608
            [box.pk],
        )
        row = cursor.fetchone()
    if row is None:
        raise NotOpenError
    return BallotBox(pk=box.pk, starts_at=row[0], ends_at=row[1], closed_at=row[2])
