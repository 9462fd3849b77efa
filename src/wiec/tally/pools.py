"""An election of several pools (city-wide and per district), counted independently.

Each pool is its own instance (budget, projects, ballots) with its own rule. With
`leftovers="to-citywide"` (Łódź's regulation) the district pools are counted first and the
money each leaves unspent is added to the city-wide pool's budget before that one is counted.
A district that overspends (reserve funding) passes nothing on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from wiec.tally.model import Instance, Result, TallyError
from wiec.tally.rules import count
from wiec.tally.ties import TieBreaking

Leftovers = Literal["keep", "to-citywide"]


@dataclass(frozen=True, slots=True)
class Pool:
    """One pool of an election. `rule=None` uses the instance's own rule."""

    name: str
    instance: Instance
    rule: str | None = None
    citywide: bool = False


@dataclass(frozen=True, slots=True)
class Transfer:
    """Money moved from one pool to another before the second was counted."""

    source: str
    target: str
    amount: int


@dataclass(frozen=True, slots=True)
class ElectionResult:
    """Results by pool name (in the order they were counted) and the transfers made."""

    results: dict[str, Result]
    transfers: tuple[Transfer, ...]
    order: tuple[str, ...]

    @property
    def spent(self) -> int:
        return sum(r.spent for r in self.results.values())


def count_election(
    pools: Sequence[Pool],
    *,
    leftovers: Leftovers = "keep",
    ties: TieBreaking | None = None,
) -> ElectionResult:
    """Count every pool; optionally move unspent district money to the city-wide pool."""
    names = [p.name for p in pools]
    if len(set(names)) != len(names):
        raise TallyError("two pools share a name")
    if leftovers not in ("keep", "to-citywide"):
        raise TallyError(f"unknown leftover rule {leftovers!r}")
    citywide = [p for p in pools if p.citywide]
    if leftovers == "to-citywide" and len(citywide) != 1:
        raise TallyError("moving leftovers needs exactly one city-wide pool")
    results: dict[str, Result] = {}
    transfers: list[Transfer] = []
    districts = [p for p in pools if not p.citywide]
    for pool in districts:
        results[pool.name] = count(pool.instance, pool.rule, ties=ties)
    for pool in citywide:
        instance = pool.instance
        if leftovers == "to-citywide":
            extra = 0
            for d in districts:
                left = results[d.name].left
                if left > 0:
                    transfers.append(Transfer(d.name, pool.name, left))
                    extra += left
            if extra:
                instance = replace(instance, budget=instance.budget + extra)
        results[pool.name] = count(instance, pool.rule, ties=ties)
    return ElectionResult(
        results=results,
        transfers=tuple(transfers),
        order=tuple(results),
    )
