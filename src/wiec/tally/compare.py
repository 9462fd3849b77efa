"""Comparing outcomes: which voters prefer which, and whether a count matches a published one.

Preference measures (a voter prefers the outcome that gives them more):

- `count`: the number of funded projects the voter chose. This is the measure that reproduces
  Wieliczka's published comparison, 1,625 voters for Equal Shares against 885 for greedy -
  on the 31-project outcome at which add1 first exhausts the budget (share +150 PLN); on
  the recorded 30-project outcome it gives 1,615 against 873. The money-based measure below
  gives neither (1,576 against 1,050 on the recorded outcome);
- `cost`: the money spent on projects the voter chose (cost utilities, as Equal Shares with
  `Cost_Sat` values them).

A voter with equal value under both outcomes is indifferent and counts for neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from wiec.tally.model import Instance, Result, TallyError

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from typing import Literal

    from wiec.tally.model import IntArray

    Measure = Literal["cost", "count"]
    Status = Literal["matches", "differs", "not reproducible"]
MEASURES: tuple[str, ...] = ("cost", "count")


def voter_values(instance: Instance, selected: Sequence[str], *, measure: Measure) -> IntArray:
    """What each voter gets from the funded projects `selected`, by `measure` (exact ints)."""
    if measure not in MEASURES:
        raise TallyError(f"unknown measure {measure!r} (use {', '.join(MEASURES)})")
    import numpy as np

    index = instance.project_index()
    funded = np.zeros(len(instance.projects), dtype=bool)
    for pid in selected:
        funded[index[pid]] = True
    prof = instance.profile
    weight = instance.costs() if measure == "cost" else np.ones(len(instance.projects), np.int64)
    per_entry = np.where(funded[prof.indices], weight[prof.indices], 0)
    if prof.points is not None:
        per_entry = np.where(prof.points > 0, per_entry, 0)
    largest = int(weight.max()) if weight.size else 0
    exact = largest * per_entry.shape[0] < 2**62  # else sum in Python integers
    if not exact:
        per_entry = per_entry.astype(object)
    csum = np.zeros(per_entry.shape[0] + 1, dtype=np.int64 if exact else object)
    np.cumsum(per_entry, out=csum[1:])
    return csum[prof.indptr[1:]] - csum[prof.indptr[:-1]]


def preference_counts(
    instance: Instance,
    a: Sequence[str],
    b: Sequence[str],
    *,
    measure: Measure = "count",
) -> tuple[int, int, int]:
    """(voters preferring `a`, voters preferring `b`, indifferent voters)."""
    va = voter_values(instance, a, measure=measure)
    vb = voter_values(instance, b, measure=measure)
    return int((va > vb).sum()), int((vb > va).sum()), int((va == vb).sum())


# What a file's comment may say about `selected = 2` and about a result that followed no rule.
_RESERVE_RULE = re.compile(r"80\s*%|reserve|rezerw", re.IGNORECASE)
_TURNOUT = re.compile(r"\+\s*1|turnout|frekwencj", re.IGNORECASE)
_BELOW_THRESHOLD = re.compile(r"threshold|próg|progu|below the (minimum|required)", re.IGNORECASE)
_NO_RULE = re.compile(
    r"(did|does|do) not follow|didn't follow|not (follow|based on|according to) (a|any|the)"
    r" (rule|method)|no (fixed |specific |clear |single )?rule|not (be )?reproduc"
    r"|decided (individually|manually|by the (mayor|council|committee|board))",
    re.IGNORECASE,
)


def file_comment(instance: Instance) -> str:
    """The file's META comment(s), as one text (pabulib numbers them `#1: ... #2: ...`)."""
    return " ".join(v for k, v in instance.meta.items() if k.strip().lower().startswith("comment"))


def reserve_counts(instance: Instance, rule: str | None = None) -> bool:
    """Is `selected = 2` funded by the count itself?

    Only under `greedy-custom` whose comment describes the reserve (Poznań: "at least 80% ...
    with the external reserve funds ... marked 2"). Elsewhere 2 marks money from outside the
    count.
    """
    name = (rule or instance.rule or "").strip()
    return name == "greedy-custom" and bool(_RESERVE_RULE.search(file_comment(instance)))


def recorded_selection(
    instance: Instance, *, include_reserve: bool | None = None, rule: str | None = None
) -> tuple[str, ...]:
    """The projects a file records as funded *by the count*, in file order.

    `selected = 1` is funded by the count. `2` is funded by the count only when
    `reserve_counts` says so for `rule` (default the file's own), unless `include_reserve`
    decides. `3` marks projects funded later from extra money given to a district: no rule on
    this file alone can produce them, so they are never included.
    """
    if include_reserve is None:
        include_reserve = reserve_counts(instance, rule)
    keep = {1, 2} if include_reserve else {1}
    return tuple(p.id for p in instance.projects if p.selected in keep)


def has_recorded_selection(instance: Instance) -> bool:
    return any(p.selected is not None for p in instance.projects)


def matches_recorded(instance: Instance, result: Result) -> bool:
    """Does the count fund exactly the projects the file records (as a set)?"""
    return set(result.selected) == set(recorded_selection(instance, rule=result.rule))


@dataclass(frozen=True)
class RecordedCheck:
    """A count set beside the selection a file records.

    `status`: `matches`; `differs`; or `not reproducible` when the file's comment says the
    published result did not follow a rule (`greedy-custom` only) and the count differs.
    `expected` is what the count should fund by the file (see `recorded_selection`);
    `outside` lists (id, selected value, why) for projects the file marks as funded from
    outside the count; `only_recorded` / `only_counted` say how a count differs.
    """

    status: Status
    expected: tuple[str, ...]
    outside: tuple[tuple[str, int, str], ...]
    only_recorded: tuple[str, ...]
    only_counted: tuple[str, ...]
    reason: str


def check_recorded(instance: Instance, result: Result) -> RecordedCheck | None:
    """Compare `result` with the file's `selected` column as the file means it (None: none)."""
    if not has_recorded_selection(instance):
        return None
    comment = file_comment(instance)
    reserve = reserve_counts(instance, result.rule)
    expected = recorded_selection(instance, include_reserve=reserve)
    outside: list[tuple[str, int, str]] = []
    for p in instance.projects:
        if p.selected == 3:
            why = "funded later from extra money given to the district, never by the count"
            outside.append((p.id, 3, why))
        elif p.selected == 2 and not reserve:
            if _TURNOUT.search(comment):
                why = "a turnout award (the file's comment), money from outside the count"
            elif _BELOW_THRESHOLD.search(comment):
                why = "funded by a later decision below the threshold (the file's comment)"
            elif comment:
                why = "money from outside the count (the file's comment gives no rule for it)"
            else:
                why = "money from outside the count (the file has no comment on it)"
            outside.append((p.id, 2, why))
    counted = set(result.selected)
    only_recorded = tuple(x for x in expected if x not in counted)
    only_counted = tuple(x for x in result.selected if x not in set(expected))
    if not only_recorded and not only_counted:
        status: Status = "matches"
        reason = "the count funds exactly the projects the file records as funded by the count"
    elif result.rule == "greedy-custom" and _NO_RULE.search(comment):
        status = "not reproducible"
        reason = (
            "the file's comment says the published result did not follow a rule: it cannot be "
            "reproduced from the file alone"
        )
    else:
        status = "differs"
        reason = f"recorded only {list(only_recorded)}, counted only {list(only_counted)}"
    return RecordedCheck(
        status=status,
        expected=expected,
        outside=tuple(outside),
        only_recorded=only_recorded,
        only_counted=only_counted,
        reason=reason,
    )
