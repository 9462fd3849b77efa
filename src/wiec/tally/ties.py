"""Explicit tie-breaking: a chain of criteria, applied in order until two projects differ.

Criteria:

- `cost`: the cheaper project first;
- `votes`: the project more voters chose first;
- `score`: the project with the higher score first (points; equals `votes` for approval);
- `lot`: a lot drawn from a published seed: projects are ordered by the SHA-256 digest (hex)
  of the UTF-8 text `"<seed>:<project id>"`, smallest first. Anyone can recompute it, e.g.
  `printf '%s' 'seed:P12' | sha256sum`; no random generator state is involved;
- `id`: project ids in code-point order (what pabutools' default lexicographic rule does).

`id` always ends the chain, so every order is total and repeatable. Polish regulations name no
tie rule; the default `cost, votes, lot` follows common Equal Shares practice. Whenever a chain
decides which of several tied projects goes first, the rule records a `Tie`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from wiec.tally.model import TallyError

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from typing import Literal

    Criterion = Literal["cost", "votes", "score", "lot", "id"]
CRITERIA: tuple[str, ...] = ("cost", "votes", "score", "lot", "id")


def _criterion(name: str) -> Criterion:
    for c in ("cost", "votes", "score", "lot", "id"):
        if name == c:
            return c
    raise TallyError(f"unknown tie-breaking criterion {name!r} (use {', '.join(CRITERIA)})")


def lot_key(seed: str, project_id: str) -> str:
    """The lot of one project: hex SHA-256 of `"<seed>:<project id>"`."""
    import hashlib

    return hashlib.sha256(f"{seed}:{project_id}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class TieBreaking:
    """A tie-breaking chain (see the module documentation) and the seed of its lot."""

    chain: tuple[Criterion, ...] = ("cost", "votes", "lot")
    seed: str = ""

    def __post_init__(self) -> None:
        for c in self.chain:
            if c not in CRITERIA:
                raise TallyError(f"unknown tie-breaking criterion {c!r}")

    @classmethod
    def parse(cls, text: str, seed: str = "") -> TieBreaking:
        """From text like `cost,votes,lot`."""
        return cls(
            chain=tuple(_criterion(c.strip()) for c in text.split(",") if c.strip()), seed=seed
        )

    def describe(self) -> str:
        parts = [c if c != "lot" else f"lot(seed={self.seed!r})" for c in self.chain]
        return ", then ".join([*parts, "id"]) if "id" not in self.chain else ", then ".join(parts)


class TieContext:
    """Data a chain looks at, by project index."""

    __slots__ = ("_keys", "costs", "ids", "scores", "ties", "votes")

    def __init__(
        self,
        ties: TieBreaking,
        *,
        ids: Sequence[str],
        costs: Sequence[int],
        votes: Sequence[int],
        scores: Sequence[int] | None = None,
    ) -> None:
        self.ties = ties
        self.ids = list(ids)
        self.costs = [int(c) for c in costs]
        self.votes = [int(v) for v in votes]
        self.scores = [int(s) for s in scores] if scores is not None else list(self.votes)
        self._keys: dict[int, tuple[object, ...]] = {}

    def _value(self, criterion: str, p: int) -> object:
        if criterion == "cost":
            return self.costs[p]
        if criterion == "votes":
            return -self.votes[p]
        if criterion == "score":
            return -self.scores[p]
        if criterion == "lot":
            return lot_key(self.ties.seed, self.ids[p])
        return self.ids[p]

    def key(self, p: int) -> tuple[object, ...]:
        """Sort key of project `p` under the chain (then id)."""
        k = self._keys.get(p)
        if k is None:
            k = tuple(self._value(c, p) for c in (*self.ties.chain, "id"))
            self._keys[p] = k
        return k

    def order(self, projects: Sequence[int]) -> tuple[list[int], str]:
        """The projects in chain order, and the criterion that put the first before the second."""
        ordered = sorted(projects, key=self.key)
        if len(ordered) < 2:
            return ordered, ""
        a, b = self.key(ordered[0]), self.key(ordered[1])
        names = (*self.ties.chain, "id")
        for name, x, y in zip(names, a, b, strict=True):
            if x != y:
                return ordered, name
        return ordered, "id"  # pragma: no cover - ids are unique

    def explain(self, criterion: str, first: int, second: int) -> str:
        a, b = self.ids[first], self.ids[second]
        if criterion == "cost":
            return f"{a} costs {self.costs[first]}, less than {b} ({self.costs[second]})"
        if criterion == "votes":
            return f"{a} has {self.votes[first]} votes, more than {b} ({self.votes[second]})"
        if criterion == "score":
            return f"{a} scores {self.scores[first]}, more than {b} ({self.scores[second]})"
        if criterion == "lot":
            return (
                f"lot with seed {self.ties.seed!r}: sha256 {lot_key(self.ties.seed, a)[:12]}... "
                f"of {a} comes before {lot_key(self.ties.seed, b)[:12]}... of {b}"
            )
        return f"id {a!r} sorts before {b!r}"
