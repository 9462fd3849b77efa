"""Sequential Phragmén for participatory budgets, exact.

Voters earn virtual money continuously from 0. A project can be bought when its supporters
together have earned its cost; buying it resets their money (their *load* becomes the time of the
purchase). In each round the project that can be bought soonest is bought:
`new_load = (sum of its supporters' loads + cost) / number of supporters`. The count stops the
first time that project (or any project tied with it) no longer fits the budget, as in pabutools
1.2's `sequential_phragmen`. Projects nobody chose are never funded (pabutools would fund them
last, at an infinite load, if money remained).

Loads are exact `Fraction`s held per class of voters (supporters of the same purchases share a
load); floats with error bounds only prune which projects need an exact comparison.
"""

from __future__ import annotations

from fractions import Fraction
from math import inf

import numpy as np

from wiec.tally.model import Instance, Result, Tie
from wiec.tally.scores import support_counts
from wiec.tally.ties import TieBreaking, TieContext

ULP = 2.0**-53
SAFETY = 4.0


def sequential_phragmen(
    instance: Instance, *, ties: TieBreaking | None = None, rule: str | None = None
) -> Result:
    """Count `instance` with sequential Phragmén (approval sets; ranked or point ballots count
    every listed project as approved)."""
    ties = ties or TieBreaking()
    prof = instance.profile
    m = len(instance.projects)
    costs = [p.cost for p in instance.projects]
    votes = support_counts(instance)
    ids = [p.id for p in instance.projects]
    ctx = TieContext(ties, ids=ids, costs=costs, votes=votes.tolist())
    owner = prof.voter_of_entry()
    proj = prof.indices
    if prof.points is not None:
        keep = prof.points > 0
        owner, proj = owner[keep], proj[keep]
    sizes = np.bincount(proj, minlength=m).astype(np.int64)
    budget = instance.budget
    remaining = [p for p in range(m) if sizes[p] > 0 and costs[p] <= budget]
    selected: list[int] = []
    tie_records: list[Tie] = []
    cls = np.zeros(prof.num_voters, dtype=np.intp)  # class of each voter's load
    loads: list[Fraction] = [Fraction(0)]
    loadf = np.zeros(8, dtype=np.float64)
    by_project = np.argsort(proj, kind="stable")
    proj_sorted = proj[by_project]
    bounds = np.searchsorted(proj_sorted, np.arange(m + 1))
    supp = [owner[by_project[bounds[p] : bounds[p + 1]]].astype(np.intp) for p in range(m)]
    spent = 0
    # Loads only grow, so a project's new load only grows: the last one computed is a lower
    # bound, and a round needs to look only at projects whose bound is below the best so far.
    stale = [costs[p] / int(sizes[p]) * (1 - SAFETY * ULP) if sizes[p] else inf for p in range(m)]
    while remaining:
        best_up = inf
        cands: list[tuple[int, float, float]] = []
        for p in sorted(remaining, key=stale.__getitem__):
            if stale[p] > best_up:
                break
            cnt = np.bincount(cls[supp[p]], minlength=len(loads))
            s = int(sizes[p])
            new = (float(cnt @ loadf[: len(loads)]) + costs[p]) / s
            err = SAFETY * (s + 3) * ULP * new
            stale[p] = new - err
            best_up = min(best_up, new + err)
            cands.append((p, new, err))
        near = [p for p, new, err in cands if new - err <= best_up]
        exact: dict[int, Fraction] = {}
        for p in near:
            cnt_list = np.bincount(cls[supp[p]], minlength=len(loads)).tolist()
            total = sum((c * loads[k] for k, c in enumerate(cnt_list) if c), Fraction(0))
            exact[p] = (total + costs[p]) / int(sizes[p])
        best = min(exact.values())
        tied = [p for p in near if exact[p] == best]
        if any(spent + costs[p] > budget for p in tied):
            break
        ordered, criterion = ctx.order(tied)
        winner = ordered[0]
        if len(ordered) > 1:
            tie_records.append(
                Tie(
                    position=len(selected) + 1,
                    project_ids=tuple(ids[p] for p in ordered),
                    decided_by=criterion,
                    detail=f"equal new load {best}: " + ctx.explain(criterion, *ordered[:2]),
                )
            )
        loads.append(best)
        if len(loads) > loadf.shape[0]:
            loadf = np.concatenate([loadf, np.zeros_like(loadf)])
        loadf[len(loads) - 1] = float(best)
        cls[supp[winner]] = len(loads) - 1
        selected.append(winner)
        spent += costs[winner]
        remaining.remove(winner)
    return Result(
        rule=rule or "phragmen",
        budget=budget,
        selected=tuple(ids[p] for p in selected),
        scores={pid: int(v) for pid, v in zip(ids, votes.tolist(), strict=True)},
        spent=spent,
        ties=tuple(tie_records),
        money_scale=instance.money_scale,
    )
