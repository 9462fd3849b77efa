"""Greedy rules: fund projects from the highest score down while money lasts.

- `greedy`: skip a project that does not fit and go on with the next;
- `greedy-no-skip`: stop at the first project that does not fit (Wrocław);
- `greedy-threshold`: drop projects scoring below META `min_project_score_threshold` (a project
  scoring exactly the threshold stays), then `greedy` (Warszawa, Łódź, Częstochowa). Every
  other variant honours that META threshold too when the file gives one;
- `greedy-exclusive` (Warszawa): projects that cannot both be built (locations closer than
  100 m) form exclusion groups; greedy skips a project whose group already has a winner. The
  groups come from `exclusions` (the budget module's review, or a side file), or from a
  PROJECTS column `exclusion_group` (group labels, comma-separated when a project is in
  several). Without groups the file is counted as plain greedy, with a note saying so;
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

from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import permutations

from wiec.tally.model import Instance, Result, TallyError, Tie
from wiec.tally.scores import score_list, support_list
from wiec.tally.ties import TieBreaking, TieContext

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from fractions import Fraction
    from typing import Literal

    Variant = Literal["skip", "no-skip", "custom"]

# Poznań's reserve share, 4/5, as (numerator, denominator): `fractions` is not imported for it.
RESERVE_SHARE = (4, 5)


def greedy(
    instance: Instance,
    *,
    variant: Variant = "skip",
    threshold: int | None = None,
    budget: int | None = None,
    ties: TieBreaking | None = None,
    reserve_share: Fraction | None = None,
    exclude: frozenset[int] = frozenset(),
    rule: str | None = None,
    groups: Sequence[frozenset[str]] | None = None,
) -> Result:
    """Count `instance` greedily.

    `threshold`: projects scoring less are not funded. `budget` overrides the pool's budget.
    `exclude`: project indices to leave out (already funded by an earlier rule).
    `groups`: for each project (by index) the exclusion groups it belongs to; a project is
    skipped when one of its groups already has a funded project.
    `reserve_share` is Poznań's 80%: for `variant="custom"` the first project that does not fit
    is funded when the money left is at least this share of its cost (default 4/5).
    """
    share_num, share_den = (
        RESERVE_SHARE
        if reserve_share is None
        else (reserve_share.numerator, reserve_share.denominator)
    )
    ties = ties or TieBreaking()
    scores = score_list(instance)
    ctx = TieContext(
        ties,
        ids=[p.id for p in instance.projects],
        costs=[p.cost for p in instance.projects],
        votes=support_list(instance),
        scores=scores,
    )
    order, tie_records = ranking(instance, ctx, scores, exclude=exclude)
    money = instance.budget if budget is None else budget
    costs = [p.cost for p in instance.projects]

    def scan(order: list[int]) -> tuple[list[int], int, list[int], int]:
        left = money
        chosen: list[int] = []
        reserve: list[int] = []
        taken: set[str] = set()
        for pos, p in enumerate(order):
            if threshold is not None and scores[p] < threshold:
                return chosen, pos, reserve, 0  # sorted by score: the rest is below too
            if groups is not None and groups[p] & taken:
                continue  # a project of its exclusion group is already funded
            cost = costs[p]
            if cost <= left:
                chosen.append(p)
                left -= cost
                if groups is not None:
                    taken.update(groups[p])
                continue
            if variant == "skip":
                continue
            if variant == "custom" and left >= 0 and left * share_den >= share_num * cost:
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
        scores={p.id: s for p, s in zip(instance.projects, scores, strict=True)},
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


EXCLUSION_COLUMN = "exclusion_group"


def greedy_rule(
    instance: Instance,
    name: str,
    ties: TieBreaking | None = None,
    exclusions: Sequence[Sequence[str]] | None = None,
) -> Result:
    """The greedy rule called `name` in pabulib's `rule` field.

    A META `min_project_score_threshold` is honoured by every variant (a city that sets one
    funds no project below it, whatever its greedy); `greedy-threshold` requires one.
    `exclusions` (for `greedy-exclusive`): groups of project ids of which at most one is
    funded; without them the PROJECTS column `exclusion_group` is used, if the file has one.
    """
    threshold = instance.meta_int("min_project_score_threshold")
    variants: dict[str, Variant] = {
        "greedy": "skip",
        "greedy-threshold": "skip",
        "greedy-exclusive": "skip",
        "greedy-no-skip": "no-skip",
        "greedy-custom": "custom",
    }
    if name not in variants:
        raise TallyError(f"unknown rule {name!r}")
    if name == "greedy-threshold" and threshold is None:
        raise TallyError("greedy-threshold needs META min_project_score_threshold")
    groups: list[frozenset[str]] | None = None
    if name == "greedy-exclusive":
        groups = exclusion_groups(instance, exclusions)
    elif exclusions:
        raise TallyError(f"exclusion groups are for greedy-exclusive, not {name}")
    result = greedy(
        instance, variant=variants[name], threshold=threshold, ties=ties, rule=name, groups=groups
    )
    if name == "greedy-exclusive" and groups is None:
        note = "no exclusion groups known: counted as plain greedy, conflicts were not checked"
        result = replace(result, notes=(*result.notes, note))
    return result


def exclusion_groups(
    instance: Instance, exclusions: Sequence[Sequence[str]] | None
) -> list[frozenset[str]] | None:
    """Each project's exclusion groups (by index), or None when none are known.

    Raises `TallyError` for a group naming a project the pool does not have.
    """
    index = instance.project_index()
    labels: list[set[str]] = [set() for _ in instance.projects]
    if exclusions:
        for g, members in enumerate(exclusions, 1):
            for pid in members:
                if pid not in index:
                    raise TallyError(f"exclusion group {g} names unknown project {pid!r}")
                labels[index[pid]].add(f"#{g}")
        return [frozenset(x) for x in labels]
    column = [p.fields.get(EXCLUSION_COLUMN) for p in instance.projects]
    if all(c is None for c in column):
        return None
    for i, raw in enumerate(column):
        if raw and raw.strip().lower() != "none":
            labels[i].update(x.strip() for x in raw.split(",") if x.strip())
    return [frozenset(x) for x in labels]
