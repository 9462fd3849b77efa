"""Greedy rules: fund projects from the highest score down while money lasts.

- `greedy`: skip a project that does not fit and go on with the next;
- `greedy-no-skip`: stop at the first project that does not fit (Wrocław);
- `greedy-threshold`: drop projects scoring below META `min_project_score_threshold` (a project
  scoring exactly the threshold stays), then `greedy` (Warszawa, Łódź, Częstochowa). Every
  other variant honours that META threshold too when the file gives one;
- `greedy-custom` (Poznań, as its file's META comment says): fund projects by votes until the
  next one does not fit; if the money left covers at least 80% of that project, fund it too
  from reserve funds (the file marks it `selected = 2`), then stop. The result then spends more
  than the budget: `reserve_used` says by how much.

Scores come from `wiec.tally.scores`; equal scores are ordered by the tie-breaking chain, and
a tie is reported only when another order of the tied projects would have funded a different
set of projects.
Projects that nobody chose are treated like any other (score 0), as pabulib and pabutools
do; give a threshold of 1 to exclude them.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from itertools import permutations
from typing import Literal

from wiec.tally.model import Instance, Result, TallyError, Tie
from wiec.tally.scores import project_scores, support_counts
from wiec.tally.ties import TieBreaking, TieContext

Variant = Literal["skip", "no-skip", "custom"]

RESERVE_SHARE = Fraction(4, 5)


def greedy(
    instance: Instance,
    *,
    variant: Variant = "skip",
    threshold: int | None = None,
    budget: int | None = None,
    ties: TieBreaking | None = None,
    reserve_share: Fraction = RESERVE_SHARE,
    exclude: frozenset[int] = frozenset(),
    rule: str | None = None,
) -> Result:
    """Count `instance` greedily.

    `threshold`: projects scoring less are not funded. `budget` overrides the pool's budget.
    `exclude`: project indices to leave out (already funded by an earlier rule).
    `reserve_share` is Poznań's 80%: for `variant="custom"` the first project that does not fit
    is funded when the money left is at least this share of its cost.
    """
    ties = ties or TieBreaking()
    scores = project_scores(instance)
    votes = support_counts(instance)
    ctx = TieContext(
        ties,
        ids=[p.id for p in instance.projects],
        costs=[p.cost for p in instance.projects],
        votes=votes.tolist(),
        scores=scores.tolist(),
    )
    order, tie_records = ranking(instance, ctx, scores.tolist(), exclude=exclude)
    money = instance.budget if budget is None else budget
    costs = [p.cost for p in instance.projects]
    score_list = scores.tolist()

    def scan(order: list[int]) -> tuple[list[int], int, list[int], int]:
        left = money
        chosen: list[int] = []
        reserve: list[int] = []
        for pos, p in enumerate(order):
            if threshold is not None and score_list[p] < threshold:
                return chosen, pos, reserve, 0  # sorted by score: the rest is below too
            cost = costs[p]
            if cost <= left:
                chosen.append(p)
                left -= cost
                continue
            if variant == "skip":
                continue
            if variant == "custom" and left >= 0 and Fraction(left) >= reserve_share * cost:
                chosen.append(p)
                reserve.append(p)
                return chosen, pos + 1, reserve, cost - left
            return chosen, pos + 1, reserve, 0
        return chosen, len(order), reserve, 0

    chosen, reached, reserve, reserve_used = scan(order)
    chosen_set = frozenset(chosen)
    reserve_funded = [instance.projects[p].id for p in reserve]
    recorded: list[Tie] = []
    for position, group, criterion, detail in tie_records:
        if position > reached:
            continue  # the count never got to these projects
        if not _order_matters(order, position - 1, len(group), chosen_set, scan):
            continue  # every order of the group funds the same projects: nothing was decided
        recorded.append(
            Tie(
                position=position,
                project_ids=tuple(instance.projects[p].id for p in group),
                decided_by=criterion,
                detail=detail,
            )
        )
    name = (
        rule or {"skip": "greedy", "no-skip": "greedy-no-skip", "custom": "greedy-custom"}[variant]
    )
    if threshold is not None and rule is None and variant == "skip":
        name = "greedy-threshold"
    spent = sum(instance.projects[p].cost for p in chosen)
    notes: list[str] = []
    if reserve_funded:
        notes.append(
            f"{', '.join(reserve_funded)} funded from reserves: {reserve_used} over the budget"
        )
    return Result(
        rule=name,
        budget=money,
        selected=tuple(instance.projects[p].id for p in chosen),
        scores={p.id: int(s) for p, s in zip(instance.projects, scores.tolist(), strict=True)},
        spent=spent,
        ties=tuple(recorded),
        reserve_used=reserve_used,
        reserve_funded=tuple(reserve_funded),
        money_scale=instance.money_scale,
        notes=tuple(notes),
    )


def _order_matters(
    order: list[int],
    start: int,
    size: int,
    chosen: frozenset[int],
    scan: Callable[[list[int]], tuple[list[int], int, list[int], int]],
) -> bool:
    """Would another order of the tied group `order[start:start+size]` fund other projects?"""
    if size > 6:
        return True  # too many orders to try: say it may have decided
    group = order[start : start + size]
    for perm in permutations(group):
        trial = [*order[:start], *perm, *order[start + size :]]
        if frozenset(scan(trial)[0]) != chosen:
            return True
    return False


def ranking(
    instance: Instance,
    ctx: TieContext,
    scores: list[int],
    *,
    exclude: frozenset[int] = frozenset(),
) -> tuple[list[int], list[tuple[int, list[int], str, str]]]:
    """Project indices from the highest score down, equal scores in tie-breaking order.

    Also returns, for every group of equal scores, (position of the group, its projects in
    order, the criterion that ordered its first two, an explanation).
    """
    candidates = [p for p in range(len(instance.projects)) if p not in exclude]
    order = sorted(candidates, key=lambda p: (-scores[p], ctx.key(p)))
    groups: list[tuple[int, list[int], str, str]] = []
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and scores[order[j]] == scores[order[i]]:
            j += 1
        if j - i > 1:
            group = order[i:j]
            _, criterion = ctx.order(group)
            detail = f"equal score {scores[order[i]]}: " + ctx.explain(
                criterion, group[0], group[1]
            )
            groups.append((i + 1, group, criterion, detail))
        i = j
    return order, groups


def greedy_rule(instance: Instance, name: str, ties: TieBreaking | None = None) -> Result:
    """The greedy rule called `name` in pabulib's `rule` field.

    A META `min_project_score_threshold` is honoured by every variant (a city that sets one
    funds no project below it, whatever its greedy); `greedy-threshold` requires one.
    """
    threshold = instance.meta_int("min_project_score_threshold")
    variants: dict[str, Variant] = {
        "greedy": "skip",
        "greedy-threshold": "skip",
        "greedy-no-skip": "no-skip",
        "greedy-custom": "custom",
    }
    if name not in variants:
        raise TallyError(f"unknown rule {name!r}")
    if name == "greedy-threshold" and threshold is None:
        raise TallyError("greedy-threshold needs META min_project_score_threshold")
    return greedy(instance, variant=variants[name], threshold=threshold, ties=ties, rule=name)
