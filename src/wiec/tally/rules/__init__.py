"""Counting rules, by the names pabulib's `rule` field uses.

| name | rule |
| --- | --- |
| `greedy` | greedy by score, skipping projects that do not fit |
| `greedy-no-skip` | greedy by score, stopping at the first project that does not fit |
| `greedy-threshold` | greedy after dropping projects below META `min_project_score_threshold` |
| `greedy-exclusive` | greedy, at most one project of each exclusion group (Warszawa) |
| `greedy-custom` | Poznań: no-skip, then the first misfit funded from reserves if 80% covered |
| `equalshares` | Method of Equal Shares, cost utilities |
| `equalshares/add1` | ... raising every share by one unit of currency while it fits (Wieliczka) |
| `equalshares/add1-comparison` | ... then compared with greedy, the one more voters prefer |
| `equalshares/greedy` | ... completed greedily by votes |
| `equalshares-approval...` | the same with approval utilities (each project is worth 1) |
| `phragmen` | sequential Phragmén |

Equal Shares names combine: `equalshares[-approval][/add1][/greedy][-comparison]`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from wiec.tally.model import Instance, Profile, Result, TallyError
from wiec.tally.rules.greedy import greedy, greedy_rule
from wiec.tally.scores import project_scores, support_counts
from wiec.tally.ties import TieBreaking

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from typing import Any

    from wiec.tally.rules.equalshares import equal_shares
    from wiec.tally.rules.phragmen import sequential_phragmen


def __getattr__(name: str) -> Any:
    # Equal Shares and Phragmen (and numpy, which they need) load only when used.
    if name == "equal_shares":
        from wiec.tally.rules.equalshares import equal_shares

        return equal_shares
    if name == "sequential_phragmen":
        from wiec.tally.rules.phragmen import sequential_phragmen

        return sequential_phragmen
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "RULES",
    "count",
    "equal_shares",
    "greedy",
    "greedy_rule",
    "is_known_rule",
    "parse_equal_shares",
    "sequential_phragmen",
]

RULES: tuple[str, ...] = (
    "greedy",
    "greedy-no-skip",
    "greedy-threshold",
    "greedy-exclusive",
    "greedy-custom",
    "equalshares",
    "equalshares/add1",
    "equalshares/add1-comparison",
    "equalshares/greedy",
    "equalshares/add1/greedy",
    "equalshares-approval",
    "equalshares-approval/add1",
    "equalshares-approval/greedy",
    "phragmen",
)


def parse_equal_shares(name: str) -> dict[str, object] | None:
    """Options of an Equal Shares rule name, or None when `name` is not one."""
    parts = name.strip().split("/")
    base = parts[0]
    if base not in ("equalshares", "equalshares-approval"):
        return None
    options: dict[str, object] = {
        "utilities": "approval" if base == "equalshares-approval" else "cost",
        "add1": False,
        "greedy_completion": False,
        "comparison": False,
    }
    keys = {"add1": "add1", "greedy": "greedy_completion", "comparison": "comparison"}
    for part in parts[1:]:
        for token in part.split("-"):
            if token not in keys or options[keys[token]]:
                raise TallyError(f"unknown rule {name!r}")
            options[keys[token]] = True
    return options


def is_known_rule(name: str) -> bool:
    """Is `name` a rule `count` knows (pabulib's spelling)?"""
    name = name.strip()
    if name in RULES:
        return True
    try:
        return parse_equal_shares(name) is not None
    except TallyError:
        return False


def count(
    instance: Instance,
    rule: str | None = None,
    *,
    ties: TieBreaking | None = None,
    exclusions: Sequence[Sequence[str]] | None = None,
) -> Result:
    """Count one pool with `rule` (default: the pool's own `rule`, as a pabulib file names it).

    Raises `TallyError` for an unknown rule or one the pool cannot be counted with (e.g.
    `greedy-threshold` without a threshold).
    """
    name = (rule or instance.rule or "").strip()
    if not name or name == "unknown":
        raise TallyError("the pool names no rule: choose one (e.g. greedy)")
    if name.startswith("greedy"):
        if name not in RULES:
            raise TallyError(f"unknown rule {name!r} (known: {', '.join(RULES)})")
        return greedy_rule(instance, name, ties=ties, exclusions=exclusions)
    if exclusions:
        raise TallyError(f"exclusion groups are for greedy-exclusive, not {name}")
    options = parse_equal_shares(name) if name != "phragmen" else {}
    if options is None:
        raise TallyError(f"unknown rule {name!r} (known: {', '.join(RULES)})")
    eligible, dropped = above_threshold(instance)
    if name == "phragmen":
        from wiec.tally.rules.phragmen import sequential_phragmen

        result = sequential_phragmen(eligible, ties=ties)
    else:
        result = _equal_shares(eligible, name, options, ties)
    if not dropped:
        return result
    votes = support_counts(instance).tolist()
    s = "" if len(dropped) == 1 else "s"
    note = f"{len(dropped)} project{s} below META min_project_score_threshold not eligible"
    return replace(
        result,
        scores={p.id: int(v) for p, v in zip(instance.projects, votes, strict=True)},
        notes=(
            *result.notes,
            f"{note}: {', '.join(dropped)}",
        ),
    )


def above_threshold(instance: Instance) -> tuple[Instance, tuple[str, ...]]:
    """The pool without the projects scoring below META `min_project_score_threshold`.

    Voters stay (their ballots lose the dropped projects), so shares of money do not change.
    Returns the pool itself when there is no threshold or nothing falls below it, and the ids
    of the dropped projects.
    """
    threshold = instance.meta_int("min_project_score_threshold")
    if threshold is None:
        return instance, ()
    scores = project_scores(instance).tolist()
    keep = [s >= threshold for s in scores]
    if all(keep):
        return instance, ()
    import numpy as np

    prof = instance.profile
    kept_mask = np.array(keep, dtype=bool)
    new_index = np.cumsum(kept_mask) - 1
    entry_kept = kept_mask[prof.indices] if prof.indices.size else np.zeros(0, dtype=bool)
    per_voter = np.zeros(prof.num_voters + 1, dtype=np.int64)
    if prof.num_voters:
        csum = np.zeros(entry_kept.shape[0] + 1, dtype=np.int64)
        np.cumsum(entry_kept, out=csum[1:])
        per_voter = csum[prof.indptr]
    profile = Profile(
        voter_ids=prof.voter_ids,
        indptr=per_voter,
        indices=new_index[prof.indices[entry_kept]],
        points=None if prof.points is None else prof.points[entry_kept],
        columns=prof.columns,
        fields=prof.fields,
    )
    pool = replace(
        instance,
        projects=tuple(p for p, k in zip(instance.projects, keep, strict=True) if k),
        profile=profile,
    )
    dropped = tuple(p.id for p, k in zip(instance.projects, keep, strict=True) if not k)
    return pool, dropped


def _equal_shares(
    instance: Instance, name: str, options: dict[str, object], ties: TieBreaking | None
) -> Result:
    from wiec.tally.rules.equalshares import equal_shares

    return equal_shares(
        instance,
        utilities="approval" if options["utilities"] == "approval" else "cost",
        add1=bool(options["add1"]),
        greedy_completion=bool(options["greedy_completion"]),
        comparison=bool(options["comparison"]),
        ties=ties,
        rule=name,
    )
