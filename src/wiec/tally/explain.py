"""What one voter paid in an Equal Shares count: the explanation a resident can check by hand.

Every voter starts with `result.budget_per_voter`. In each purchase (`result.rounds`) every
supporter of the project pays the round's `max_payment`, or everything they have left if that
is less. Replaying the rounds for one ballot gives that voter's payments, exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from wiec.tally.model import Instance, Result, TallyError


@dataclass(frozen=True, slots=True)
class Payment:
    """One purchase from one voter's point of view."""

    round: int  # 1-based
    project_id: str
    paid: Fraction  # money units
    full: bool  # paid the round's max payment (else: all that was left)
    left_after: Fraction


def voter_payments(instance: Instance, result: Result, voter_id: str) -> tuple[Payment, ...]:
    """The payments of `voter_id` in an Equal Shares `result` of `instance`.

    Raises `TallyError` when the result has no Equal Shares rounds (another rule, or greedy
    kept by the comparison step) or the voter is unknown.
    """
    if result.budget_per_voter is None or (not result.rounds and result.selected):
        raise TallyError(f"{result.rule}: no Equal Shares payments to explain")
    prof = instance.profile
    try:
        i = prof.voter_ids.index(voter_id)
    except ValueError:
        raise TallyError(f"unknown voter {voter_id!r}") from None
    lo, hi = int(prof.indptr[i]), int(prof.indptr[i + 1])
    listed = prof.indices[lo:hi].tolist()
    if prof.points is not None:
        pts = prof.points[lo:hi].tolist()
        listed = [p for p, x in zip(listed, pts, strict=True) if x > 0]
    chosen = {instance.projects[p].id for p in listed}
    money = result.budget_per_voter
    out: list[Payment] = []
    for n, rnd in enumerate(result.rounds, 1):
        if rnd.project_id not in chosen:
            continue
        pay = min(money, rnd.max_payment)
        money -= pay
        out.append(Payment(n, rnd.project_id, pay, pay == rnd.max_payment, money))
    return tuple(out)
