"""Reads of ballot boxes, always scoped to a tenant. Nothing here joins a ballot to a person."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.db.models import Count, Q
from django.http import Http404

from wiec.tenants.models import Tenant
from wiec.verification.queries import Identity
from wiec.voting import receipts
from wiec.voting.models import Ballot, BallotBox, Channel, Participation


def get_box_or_404(*, tenant: Tenant, box_id: int) -> BallotBox:
    try:
        return BallotBox.objects.get(tenant=tenant, pk=box_id)
    except BallotBox.DoesNotExist:
        raise Http404 from None


def district_ids(box: BallotBox) -> frozenset[int]:
    """The box's districts; uses prefetched `districts` when the caller loaded them."""
    return frozenset(d.pk for d in box.districts.all())


def has_voted(*, box: BallotBox, identity: Identity | None) -> bool:
    if identity is None:
        return False
    match = Q(person_key=identity.person_key)
    if identity.account_key:
        match |= Q(account_key=identity.account_key)
    return Participation.objects.filter(match, box=box).exists()


def turnout(*, box: BallotBox) -> dict[str, int]:
    """Participations by channel (who voted how many times: once each); every channel is
    named, with 0 where nobody voted that way."""
    rows = Participation.objects.filter(box=box).values("channel").annotate(n=Count("id"))
    counted = {row["channel"]: row["n"] for row in rows.order_by("channel")}
    return {str(channel): counted.get(str(channel), 0) for channel in Channel}


def ballot_count(*, box: BallotBox) -> int:
    return Ballot.objects.filter(box=box).count()


def iter_choices(*, box: BallotBox) -> Iterator[Any]:
    """Every ballot's choices, in no meaningful order (for counting)."""
    return Ballot.objects.filter(box=box).values_list("choices", flat=True).iterator(5000)


def count_choices(*, box: BallotBox) -> Counter[tuple[str, Any]]:
    """How often each (key, value) pair appears across the box's ballots.

    Ballot choices are `{key: [values…]}` mappings; the owning module names the keys. A
    value counts at most once per ballot and key: the box refuses repeats when casting, and
    the count does not trust that alone (a ballot stored before that check, or written by
    hand, cannot give one answer several votes).
    """
    counter: Counter[tuple[str, Any]] = Counter()
    for choices in iter_choices(box=box):
        for key, values in choices.items():
            counter.update((key, value) for value in dict.fromkeys(values))
    return counter


def ballots_for_export(*, box: BallotBox) -> Iterator[tuple[str, Any]]:
    """(ballot id, choices) sorted by the random id, which says nothing about when."""
    rows = Ballot.objects.filter(box=box).order_by("id").values_list("id", "choices")
    return ((str(ballot_id), choices) for ballot_id, choices in rows.iterator(5000))


def box_for_receipt(*, tenant: Tenant, code: str) -> BallotBox | None:
    """The tenant's box whose counted ballots include this receipt, else None."""
    ballot = (
        Ballot.objects.filter(receipt_digest=receipts.digest(code), box__tenant=tenant)
        .select_related("box")
        .only("box")
        .first()
    )
    return ballot.box if ballot else None
