"""Helpers of the tally tests: small instances, textbook references, pabutools conversion.

Imported as `tests.tally.helpers` (the repository root is on the path; no __init__ files).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

from wiec.tally import Ballot, Instance, Project, read_pabulib

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DIR = REPO / "tests" / "data" / "pabulib"


def pabulib_dir() -> Path:
    return Path(os.environ.get("WIEC_PABULIB_DIR") or DEFAULT_DIR).resolve()


def pabulib_available_dir() -> Path | None:
    directory = pabulib_dir()
    return directory if directory.is_dir() else None


SHARED_FILES = (
    "Netherlands_Assen_2024.pb",
    "Poland_Czestochowa_2025.pb",
    "Poland_Gdansk_2020.pb",
    "Poland_Krakow_2024.pb",
    "Poland_Lodz_2022.pb",
    "Poland_Poznan_2023.pb",
    "Poland_Swiecie_2023.pb",
    "Poland_Warszawa_2026.pb",
    "Poland_Wieliczka_2023_Green_Budget.pb",
    "Poland_Wroclaw_2023.pb",
)


@cache
def load_shared(name: str) -> Instance:
    return read_pabulib(pabulib_dir() / name)


def make_instance(
    costs: dict[str, int] | Sequence[int],
    ballots: Sequence[Sequence[str]] | Sequence[Sequence[int]],
    budget: int,
    *,
    vote_type: str = "approval",
    points: Sequence[Sequence[int]] | None = None,
    rule: str = "greedy",
    meta: dict[str, str] | None = None,
) -> Instance:
    """A small instance: projects by id and cost, ballots as lists of ids (or indices)."""
    if not isinstance(costs, dict):
        costs = {f"p{i}": c for i, c in enumerate(costs)}
    ids = list(costs)
    projects = [Project(id=pid, cost=c, name=f"project {pid}") for pid, c in costs.items()]
    bs = []
    for i, b in enumerate(ballots):
        listed = tuple(ids[x] if isinstance(x, int) else x for x in b)
        bs.append(
            Ballot(
                voter_id=f"v{i}",
                projects=listed,
                points=tuple(points[i]) if points is not None else None,
            )
        )
    return Instance.from_ballots(
        budget=budget,
        projects=projects,
        ballots=bs,
        vote_type=vote_type,  # type: ignore[arg-type]  # tests pass valid literals
        rule=rule,
        meta=meta,
    )


def approval_sets(instance: Instance) -> list[set[int]]:
    prof = instance.profile
    ptr = prof.indptr.tolist()
    idx = prof.indices.tolist()
    return [set(idx[ptr[i] : ptr[i + 1]]) for i in range(prof.num_voters)]


# --------------------------------------------------------------------------- references


def reference_mes(
    instance: Instance,
    *,
    utilities: str = "cost",
    share: Fraction | None = None,
) -> tuple[list[str], list[Fraction]]:
    """Textbook MES in Fractions (ties by project id), for cross-checking: ids and max payments."""
    costs = [p.cost for p in instance.projects]
    ids = [p.id for p in instance.projects]
    sets = approval_sets(instance)
    n = len(sets)
    if n == 0:
        return [], []
    money = [share if share is not None else Fraction(instance.budget, n)] * n
    supporters = [[i for i in range(n) if p in sets[i]] for p in range(len(costs))]
    chosen = [p for p in range(len(costs)) if costs[p] == 0 and supporters[p]]
    chosen.sort(key=lambda p: ids[p])
    payments: list[Fraction] = [Fraction(0)] * len(chosen)
    remaining = {p for p in range(len(costs)) if costs[p] > 0 and supporters[p]}
    while True:
        best: tuple[Fraction, str, int, Fraction] | None = None
        for p in remaining:
            have = sorted(money[i] for i in supporters[p])
            if sum(have) < costs[p]:
                continue
            paid = Fraction(0)
            t = Fraction(0)
            for j, x in enumerate(have):
                t = (costs[p] - paid) / (len(have) - j)
                if t <= x:
                    break
                paid += x
            rho = t / (costs[p] if utilities == "cost" else 1)
            key = (rho, ids[p], p, t)
            if best is None or key[:2] < best[:2]:
                best = key
        if best is None:
            return [ids[p] for p in chosen], payments
        _, _, p, t = best
        for i in supporters[p]:
            money[i] -= min(money[i], t)
        chosen.append(p)
        payments.append(t)
        remaining.discard(p)


def reference_add1(instance: Instance, *, utilities: str = "cost") -> list[str]:
    """add1 by its definition: +1 per voter while the outcome fits the budget."""
    n = instance.num_voters
    costs = {p.id: p.cost for p in instance.projects}
    previous: list[str] = []
    k = 0
    while instance.budget + k * n <= instance.budget * (n + 1):
        sel, _ = reference_mes(
            instance, utilities=utilities, share=Fraction(instance.budget + k * n, n)
        )
        if sum(costs[x] for x in sel) > instance.budget:
            return previous
        previous = sel
        k += 1
    return previous


# --------------------------------------------------------------------------- pabutools


def pabutools_available() -> bool:
    try:
        import pabutools.election  # noqa: F401
    except ImportError:
        return False
    return True


def to_pabutools(instance: Instance) -> tuple[Any, Any]:
    """The instance as pabutools (Instance, Profile); ballots keep their kind."""
    from pabutools.election import (
        ApprovalBallot,
        ApprovalProfile,
        CumulativeBallot,
        CumulativeProfile,
        OrdinalBallot,
        OrdinalProfile,
    )
    from pabutools.election import Instance as PInstance
    from pabutools.election import Project as PProject

    projects = {p.id: PProject(p.id, p.cost) for p in instance.projects}
    pinst = PInstance(init=projects.values(), budget_limit=instance.budget)
    ballots = list(instance.profile.ballots(instance.projects))
    profile: Any
    if instance.vote_type in ("approval", "choose-1"):
        profile = ApprovalProfile(
            [ApprovalBallot([projects[x] for x in b.projects]) for b in ballots]
        )
    elif instance.vote_type == "ordinal":
        profile = OrdinalProfile(
            [OrdinalBallot([projects[x] for x in b.projects]) for b in ballots]
        )
    else:
        profile = CumulativeProfile(
            [
                CumulativeBallot(
                    {projects[x]: pt for x, pt in zip(b.projects, b.points or (), strict=True)}
                )
                for b in ballots
            ]
        )
    return pinst, profile


def names(allocation: Any) -> list[str]:
    return [p.name for p in allocation]
