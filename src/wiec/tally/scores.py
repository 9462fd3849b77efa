"""Scores of projects as Polish participatory budgets count them.

- approval, choose-1: the number of voters who chose the project;
- cumulative, scoring: the sum of the points given to it (for scoring ballots META
  `default_score` is added for every voter who did not list the project);
- ordinal: positional points. Without META `scoring_fn`, the first of `k` places gets `k`
  points, the second `k - 1`, ..., where `k` is META `max_length` (Kraków: 3/2/1) or, without
  it, the length of that ballot. `scoring_fn` may be a comma-separated list of points by place
  (`3,2,1`; places beyond the list get 0) or `borda` (first of `num_projects` gets
  `num_projects` points). Anything else is refused with a `TallyError`.

All sums are exact integers: when int64 could overflow (points up to 10^18 are allowed), the
scores are summed in Python integers instead.

`support_list` and `score_list` give the same as plain lists of ints; for a deferred profile of
approval or choose-1 ballots (what `wiec tally` reads) they come from the counts the reader
made, without numpy.
"""

from __future__ import annotations

from wiec.tally.model import Instance, TallyError

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from wiec.tally.model import IntArray

# numpy is imported inside the functions that use it (see `support_list`).

APPROVAL_LIKE = ("approval", "choose-1")


def support_list(instance: Instance) -> list[int]:
    """`support_counts` as a list (from the reader's counts when the profile has them)."""
    known = instance.profile.support
    if known is not None and len(known) == len(instance.projects):
        return list(known)
    return [int(v) for v in support_counts(instance).tolist()]


def score_list(instance: Instance) -> list[int]:
    """`project_scores` as a list (for approval and choose-1 ballots, the support)."""
    known = instance.profile.support
    if (
        known is not None
        and len(known) == len(instance.projects)
        and instance.vote_type in APPROVAL_LIKE
    ):
        return list(known)
    return [int(v) for v in project_scores(instance).tolist()]


SAFE = 2**62  # sums below this cannot overflow int64


def support_counts(instance: Instance) -> IntArray:
    """How many voters listed each project (its `votes`), by project index."""
    import numpy as np

    return np.bincount(instance.profile.indices, minlength=len(instance.projects)).astype(np.int64)


def entry_points(instance: Instance) -> IntArray:
    """The points each (voter, project) entry of the profile gives, by the rules above."""
    import numpy as np

    prof = instance.profile
    vt = instance.vote_type
    if vt in ("approval", "choose-1"):
        return np.ones(prof.indices.shape[0], dtype=np.int64)
    if vt in ("cumulative", "scoring"):
        if prof.points is None:
            raise TallyError(f"{vt} ballots need points")
        return prof.points
    # ordinal
    lengths = prof.lengths()
    owner = np.repeat(np.arange(prof.num_voters, dtype=np.int64), lengths)
    place = np.arange(prof.indices.shape[0], dtype=np.int64) - prof.indptr[owner]
    fn = instance.meta.get("scoring_fn", "").strip()
    if not fn:
        max_length = instance.meta_int("max_length")
        top = np.full_like(place, max_length) if max_length is not None else lengths[owner]
        points: IntArray = np.maximum(top - place, 0)
        return points
    if fn.lower() == "borda":
        borda: IntArray = np.maximum(len(instance.projects) - place, 0)
        return borda
    try:
        table = [int(x) for x in fn.split(",")]
    except ValueError:
        raise TallyError(
            f"unsupported scoring_fn {fn!r}: give points by place as '3,2,1', or 'borda'"
        ) from None
    lookup: IntArray = np.array([*table, 0], dtype=np.int64)
    by_place: IntArray = lookup[np.minimum(place, len(table))]
    return by_place


def project_scores(instance: Instance) -> IntArray:
    """The score of every project (by index), exactly."""
    import numpy as np

    prof = instance.profile
    m = len(instance.projects)
    pts = entry_points(instance)
    default = instance.meta_int("default_score") if instance.vote_type == "scoring" else None
    largest = int(np.abs(pts).max()) if pts.size else 0
    exact_int64 = largest * pts.size + abs(default or 0) * prof.num_voters < SAFE
    scores = np.zeros(m, dtype=np.int64 if exact_int64 else object)
    np.add.at(scores, prof.indices, pts if exact_int64 else pts.astype(object))
    if default:
        missing = prof.num_voters - support_counts(instance)
        scores += default * (missing if exact_int64 else missing.astype(object))
    return scores
