"""Typed data of a count: projects, ballots, one pool (an *instance*) and a result.

Money is an integer number of *money units*. `Instance.money_scale` says how many units make one
unit of the currency: 1 when costs are whole złoty (every pabulib file in tests/data), 100 when
they are grosze. Rules never round: sums of money are integers, shares of money are `Fraction`s.

A profile stores ballots column-wise (compressed rows of project indices in numpy arrays), so a
city of 100,000 voters costs a few megabytes and rules can work on whole arrays at once. A
profile read by `wiec tally` may be *deferred*: it knows its number of voters and how many
chose each project, and builds its arrays only when something asks for them (see
`Profile.deferred`). numpy is imported only then, so a greedy count of an approval file never
loads it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

# `typing` is not imported at run time (5 ms of `wiec tally`); mypy reads TYPE_CHECKING as True.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from fractions import Fraction
    from typing import Literal

    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

VOTE_TYPES: tuple[str, ...] = ("approval", "choose-1", "ordinal", "cumulative", "scoring")
if TYPE_CHECKING:
    VoteType = Literal["approval", "choose-1", "ordinal", "cumulative", "scoring"]


def __getattr__(name: str) -> object:
    """`VoteType` at run time, made from `VOTE_TYPES` when asked for."""
    if name == "VoteType":
        from typing import Literal

        return Literal[VOTE_TYPES]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class TallyError(ValueError):
    """A count that cannot be made as asked (unknown rule, unsupported option, bad input)."""


@dataclass(frozen=True, slots=True)
class Project:
    """One project on the ballot of a pool.

    `votes`, `score` and `selected` are what a pabulib file *recorded*; rules compute their own
    scores from the ballots and never read these. `selected` is 0/1, or 2 and 3 for the special
    cases a file's META comment explains (see `wiec.tally.compare.recorded_selection`).
    `fields` holds every other column of the file, verbatim, so a file can be written back;
    `raw` keeps the file's spelling of the typed columns (e.g. `cost` as `1 000,00`) for the
    writer and takes no part in comparisons.
    """

    id: str
    cost: int
    name: str = ""
    district: str | None = None
    category: tuple[str, ...] = ()
    votes: int | None = None
    score: int | None = None
    selected: int | None = None
    fields: Mapping[str, str] = field(default_factory=dict, hash=False)
    raw: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.id:
            raise TallyError("a project needs a non-empty id")
        if self.cost < 0:
            raise TallyError(f"project {self.id}: negative cost {self.cost}")


@dataclass(frozen=True, slots=True)
class Ballot:
    """One voter's ballot, as a person would read it.

    `projects` is a set for approval and choose-1 ballots (kept in the order given), the ranking
    from most to least preferred for ordinal ballots, and the projects that received points for
    cumulative and scoring ballots, with `points` parallel to it. `fields` holds the other columns
    of the voter's row (age, sex, voting_method, district, ...), verbatim.
    """

    voter_id: str
    projects: tuple[str, ...]
    points: tuple[int, ...] | None = None
    fields: Mapping[str, str] = field(default_factory=dict, hash=False)


class Profile:
    """All ballots of one pool, stored as compressed rows.

    Voter `i` listed the projects `indices[indptr[i]:indptr[i+1]]` (indices into the pool's
    `projects`), in ballot order; for cumulative and scoring ballots `points` is parallel to
    `indices`. `columns` names the extra per-voter columns (in file order) and `fields[column]`
    holds one string per voter.

    A deferred profile (`Profile.deferred`) holds only the number of voters and `support` (how
    many voters listed each project, by index); its arrays are built by its loader the first
    time one of them is read. `support` is None for a profile built from arrays.
    """

    __slots__ = (
        "_fields",
        "_indices",
        "_indptr",
        "_loader",
        "_points",
        "_voter_ids",
        "columns",
        "num_voters",
        "support",
    )

    def __init__(
        self,
        *,
        voter_ids: Sequence[str],
        indptr: IntArray,
        indices: IntArray,
        points: IntArray | None = None,
        columns: Sequence[str] = (),
        fields: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        import numpy as np

        self._loader: Callable[[], Profile] | None = None
        self.support: tuple[int, ...] | None = None
        self._voter_ids: tuple[str, ...] = tuple(voter_ids)
        self._indptr: IntArray = np.ascontiguousarray(indptr, dtype=np.int64)
        self._indices: IntArray = np.ascontiguousarray(indices, dtype=np.int64)
        self._points: IntArray | None = (
            None if points is None else np.ascontiguousarray(points, dtype=np.int64)
        )
        self.columns: tuple[str, ...] = tuple(columns)
        given = fields or {}
        self._fields: dict[str, tuple[str, ...]] = {c: tuple(given[c]) for c in self.columns}
        n = len(self._voter_ids)
        self.num_voters: int = n
        if self._indptr.shape != (n + 1,) or (n + 1 > 0 and self._indptr[0] != 0):
            raise TallyError("profile: indptr must have one entry per voter plus one, from 0")
        if int(self._indptr[-1]) != self._indices.shape[0]:
            raise TallyError("profile: indptr does not match the number of listed projects")
        if self._points is not None and self._points.shape != self._indices.shape:
            raise TallyError("profile: points must be parallel to the listed projects")
        for c in self.columns:
            if len(self._fields[c]) != n:
                raise TallyError(f"profile: column {c!r} needs one value per voter")

    @classmethod
    def deferred(
        cls,
        *,
        num_voters: int,
        support: Sequence[int],
        columns: Sequence[str],
        loader: Callable[[], Profile],
    ) -> Profile:
        """A profile of ballots without points whose arrays `loader` builds on first use.

        `support[j]` is the number of voters who listed project `j`; the loader must return a
        profile of `num_voters` voters, `columns` and exactly that support, without points.
        """
        self = cls.__new__(cls)
        self._loader = loader
        self.support = tuple(support)
        self.num_voters = num_voters
        self.columns = tuple(columns)
        return self

    @property
    def is_deferred(self) -> bool:
        """Are the arrays still to be built?"""
        return self._loader is not None

    def _load(self) -> None:
        loader = self._loader
        if loader is None:
            return
        full = loader()
        if full.num_voters != self.num_voters or full.columns != self.columns:
            raise TallyError("profile: the deferred ballots do not match")  # pragma: no cover
        self._voter_ids = full._voter_ids
        self._indptr = full._indptr
        self._indices = full._indices
        self._points = full._points
        self._fields = full._fields
        self._loader = None

    @property
    def voter_ids(self) -> tuple[str, ...]:
        self._load()
        return self._voter_ids

    @property
    def indptr(self) -> IntArray:
        self._load()
        return self._indptr

    @property
    def indices(self) -> IntArray:
        self._load()
        return self._indices

    @property
    def points(self) -> IntArray | None:
        self._load()
        return self._points

    @points.setter
    def points(self, value: IntArray | None) -> None:
        self._load()
        self._points = value

    @property
    def fields(self) -> dict[str, tuple[str, ...]]:
        self._load()
        return self._fields

    def indices_within(self, num_projects: int) -> bool:
        """Does every listed project index fall in `range(num_projects)`?"""
        support = self.support
        if self._loader is not None and support is not None and len(support) <= num_projects:
            return True
        idx = self.indices
        return not idx.size or (int(idx.min()) >= 0 and int(idx.max()) < num_projects)

    def __len__(self) -> int:
        return self.num_voters

    def lengths(self) -> IntArray:
        """Number of projects on each ballot."""
        import numpy as np

        return np.diff(self.indptr)

    def voter_of_entry(self) -> IntArray:
        """For each listed (voter, project) entry, the voter's index."""
        import numpy as np

        return np.repeat(np.arange(self.num_voters, dtype=np.int64), self.lengths())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        import numpy as np

        if (self.points is None) != (other.points is None):
            return False
        return (
            self.voter_ids == other.voter_ids
            and np.array_equal(self.indptr, other.indptr)
            and np.array_equal(self.indices, other.indices)
            and (
                self.points is None
                or other.points is None
                or np.array_equal(self.points, other.points)
            )
            and self.columns == other.columns
            and self.fields == other.fields
        )

    def __repr__(self) -> str:
        if self._loader is not None:
            return f"Profile({self.num_voters} voters, deferred)"
        return f"Profile({self.num_voters} voters, {self._indices.shape[0]} entries)"

    @classmethod
    def from_ballots(
        cls,
        ballots: Iterable[Ballot],
        projects: Sequence[Project],
        *,
        columns: Sequence[str] | None = None,
    ) -> Profile:
        """Build a profile from `Ballot` objects (the form a web application has at hand).

        Raises `TallyError` for a ballot naming an unknown project, naming one twice, or having
        points that do not match its projects, and for a voter id used twice.
        """
        import numpy as np

        index = {p.id: i for i, p in enumerate(projects)}
        voter_ids: list[str] = []
        seen: set[str] = set()
        indptr = [0]
        indices: list[int] = []
        points: list[int] = []
        has_points: bool | None = None
        rows: list[Mapping[str, str]] = []
        for b in ballots:
            if b.voter_id in seen:
                raise TallyError(f"voter {b.voter_id!r} has two ballots")
            seen.add(b.voter_id)
            if len(set(b.projects)) != len(b.projects):
                raise TallyError(f"voter {b.voter_id!r} lists a project twice")
            for pid in b.projects:
                if pid not in index:
                    raise TallyError(f"voter {b.voter_id!r} votes for unknown project {pid!r}")
                indices.append(index[pid])
            if has_points is None:
                has_points = b.points is not None
            if (b.points is not None) != has_points:
                raise TallyError("either every ballot has points or none has")
            if b.points is not None:
                if len(b.points) != len(b.projects):
                    raise TallyError(f"voter {b.voter_id!r}: points do not match projects")
                points.extend(b.points)
            indptr.append(len(indices))
            voter_ids.append(b.voter_id)
            rows.append(b.fields)
        cols = tuple(columns) if columns is not None else _union_keys(rows)
        fields = {c: [r.get(c, "") for r in rows] for c in cols}
        return cls(
            voter_ids=voter_ids,
            indptr=np.array(indptr, dtype=np.int64),
            indices=np.array(indices, dtype=np.int64),
            points=np.array(points, dtype=np.int64) if has_points else None,
            columns=cols,
            fields=fields,
        )

    def ballots(self, projects: Sequence[Project]) -> Iterator[Ballot]:
        """The ballots one by one, with project ids (slow; for display and export)."""
        ids = [p.id for p in projects]
        ptr = self.indptr.tolist()
        idx = self.indices.tolist()
        pts = None if self.points is None else self.points.tolist()
        for i, vid in enumerate(self.voter_ids):
            lo, hi = ptr[i], ptr[i + 1]
            yield Ballot(
                voter_id=vid,
                projects=tuple(ids[j] for j in idx[lo:hi]),
                points=None if pts is None else tuple(pts[lo:hi]),
                fields={c: self.fields[c][i] for c in self.columns},
            )


def _union_keys(rows: Iterable[Mapping[str, str]]) -> tuple[str, ...]:
    keys: dict[str, None] = {}
    for r in rows:
        for k in r:
            keys[k] = None
    return tuple(keys)


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """Something odd in a file that the lenient reader read anyway: where, what, what was done."""

    line: int
    message: str


@dataclass(eq=True)
class Instance:
    """One pool: its budget, projects and ballots (one pabulib file).

    `budget` and project costs are integer money units; `money_scale` units make one unit of
    the currency (1 when costs are whole złoty; the budget module, which keeps grosze, passes
    100). `rule` is the pool's own counting rule (used when `count` is given none). `meta` keeps
    every META key of a file in file order, as text, including keys this library does not
    know; the typed attributes (`budget`, `vote_type`, `rule`) are authoritative and the writer
    puts them back in place of their META text. `project_columns` is the PROJECTS header of the
    file it came from (empty: the writer chooses). `warnings` lists what the lenient reader
    found odd in the file and what it did about it; `meta_lines` gives the line of each META key.
    """

    budget: int
    projects: tuple[Project, ...]
    profile: Profile
    vote_type: VoteType = "approval"
    rule: str = "greedy"
    meta: dict[str, str] = field(default_factory=dict)
    money_scale: int = 1
    project_columns: tuple[str, ...] = ()
    warnings: tuple[ReadWarning, ...] = field(default=(), compare=False)
    meta_lines: Mapping[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.projects = tuple(self.projects)
        if self.vote_type not in VOTE_TYPES:
            raise TallyError(f"unknown vote type {self.vote_type!r}")
        if self.budget < 0:
            raise TallyError(f"negative budget {self.budget}")
        if self.money_scale < 1:
            raise TallyError("money_scale must be a positive integer")
        ids = [p.id for p in self.projects]
        if len(set(ids)) != len(ids):
            raise TallyError("two projects share an id")
        needs_points = self.vote_type in ("cumulative", "scoring")
        if needs_points and self.profile.points is None:
            if self.profile.indices.size:
                raise TallyError(f"{self.vote_type} ballots need points")
            import numpy as np

            self.profile.points = np.zeros(0, dtype=np.int64)
        if not self.profile.indices_within(len(self.projects)):
            raise TallyError("profile refers to a project index outside the pool")

    @property
    def num_voters(self) -> int:
        return self.profile.num_voters

    def project_index(self) -> dict[str, int]:
        return {p.id: i for i, p in enumerate(self.projects)}

    def costs(self) -> IntArray:
        import numpy as np

        return np.array([p.cost for p in self.projects], dtype=np.int64)

    def meta_int(self, key: str) -> int | None:
        """An integer META value, or None when the key is absent or empty."""
        raw = self.meta.get(key, "").strip()
        if not raw:
            return None
        try:
            return int(raw)
        except ValueError:
            raise TallyError(f"META {key} is not an integer: {raw!r}") from None

    @classmethod
    def from_ballots(
        cls,
        *,
        budget: int,
        projects: Sequence[Project],
        ballots: Iterable[Ballot],
        vote_type: VoteType = "approval",
        rule: str = "greedy",
        meta: Mapping[str, str] | None = None,
        money_scale: int = 1,
    ) -> Instance:
        """Build a pool from plain objects (what the budget module has after a vote)."""
        projects = tuple(projects)
        profile = Profile.from_ballots(ballots, projects)
        return cls(
            budget=budget,
            projects=projects,
            profile=profile,
            vote_type=vote_type,
            rule=rule,
            meta=dict(meta or {}),
            money_scale=money_scale,
        )


@dataclass(frozen=True, slots=True)
class Tie:
    """A tie the tie-breaking chain had to break, and how.

    `position` is the round (Equal Shares, Phragmén) or the place in the ranking (greedy) at
    which it happened, counting from 1. `project_ids` lists the tied projects in the order the
    chain put them; the first one was preferred. `decided_by` names the criterion that separated
    the first from the second (`cost`, `votes`, `lot`, `id`), `detail` says it in words.
    `decisive` is False when the order did not change which projects were funded (e.g. two tied
    projects that were both funded).
    """

    position: int
    project_ids: tuple[str, ...]
    decided_by: str
    detail: str
    decisive: bool = True


@dataclass(frozen=True, slots=True)
class EqualSharesRound:
    """One purchase of the Method of Equal Shares, as a resident can check it.

    Every supporter who still had at least `max_payment` paid exactly `max_payment`
    (`full_payers` of them); every other supporter paid everything they had left
    (`partial_payers`, `partial_total` together). The three add up to `cost`.
    `effective_votes` is cost / max_payment: the number of supporters that would pay if all paid
    the same; the project with the most effective votes (for cost utilities: the lowest payment
    per złoty of utility) is bought first.
    """

    project_id: str
    cost: int
    max_payment: Fraction
    effective_votes: Fraction
    full_payers: int
    partial_payers: int
    partial_total: Fraction


@dataclass(frozen=True, slots=True)
class Comparison:
    """The comparison step of `-comparison` rules: how many voters prefer which outcome."""

    measure: str
    prefer_equal_shares: int
    prefer_greedy: int
    indifferent: int
    equal_shares_selected: tuple[str, ...]
    greedy_selected: tuple[str, ...]
    kept: Literal["equal_shares", "greedy"]


@dataclass(frozen=True)
class Result:
    """The outcome of counting one pool.

    `selected` lists project ids in the order the rule chose them. `scores` is the rule's score
    of every project (votes, points or rank points; for Equal Shares and Phragmén the number of
    supporters). `spent` is the cost of the selected projects; `left = budget - spent`, and is
    negative only when a rule funds a project from reserves (`reserve_used`, Poznań's rule).
    Money is in the pool's money units (`money_scale` units make one unit of currency).
    """

    rule: str
    budget: int
    selected: tuple[str, ...]
    scores: Mapping[str, int]
    spent: int
    ties: tuple[Tie, ...] = ()
    rounds: tuple[EqualSharesRound, ...] = ()
    budget_per_voter: Fraction | None = None
    increments: int | None = None
    comparison: Comparison | None = None
    reserve_used: int = 0
    reserve_funded: tuple[str, ...] = ()
    completed_by_greedy: tuple[str, ...] = ()
    money_scale: int = 1
    notes: tuple[str, ...] = ()

    @property
    def left(self) -> int:
        return self.budget - self.spent

    def is_selected(self, project_id: str) -> bool:
        return project_id in self.selected
