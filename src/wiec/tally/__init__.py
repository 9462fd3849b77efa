"""Counting participatory budgets: exact rules, the pabulib format, checkable results.

`wiec.tally` is a pure library (standard library and numpy only; nothing of Django or the rest of
Wiec). The budget module builds one `Instance` per pool and calls `count`:

    from wiec.tally import Ballot, Instance, Project, TieBreaking, count

    pool = Instance.from_ballots(
        budget=1_000_000,
        projects=[Project(id="P1", cost=400_000, name="Park"), ...],
        ballots=[Ballot(voter_id="b7f3...", projects=("P1", "P4")), ...],
        vote_type="approval",
    )
    result = count(pool, "equalshares/add1", ties=TieBreaking(seed="published seed"))
    result.selected      # project ids in the order the rule chose them
    result.scores        # id -> votes / points
    result.spent, result.left, result.ties, result.rounds  # rounds: Equal Shares payments
    voter_payments(pool, result, "b7f3...")  # what one voter paid, round by round

Rules (pabulib's names): `greedy`, `greedy-no-skip`, `greedy-threshold`, `greedy-custom`
(Poznań), `equalshares`, `equalshares/add1` (Wieliczka), `equalshares/add1-comparison`,
`equalshares/greedy`, `equalshares-approval...`, `phragmen`; see `wiec.tally.rules`.
Several pools with leftovers moving to the city-wide pool: `count_election`.
Files: `read_pabulib`, `parse_pabulib`, `write_pabulib`; broken files raise `PabulibError`
(with `line` and `message`). Every other failure to count raises `TallyError`.
Money is integer units; exact shares are `Fraction`s. Nothing is rounded.
"""

from types import ModuleType

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from typing import Any

    from wiec.tally.compare import (
        RecordedCheck,
        check_recorded,
        matches_recorded,
        preference_counts,
        recorded_selection,
        voter_values,
    )
    from wiec.tally.explain import Payment, voter_payments
    from wiec.tally.model import (
        Ballot,
        Comparison,
        EqualSharesRound,
        Instance,
        Profile,
        Project,
        ReadWarning,
        Result,
        TallyError,
        Tie,
        VoteType,
    )
    from wiec.tally.pabulib import PabulibError, parse_pabulib, read_pabulib, write_pabulib
    from wiec.tally.pools import ElectionResult, Pool, Transfer, count_election
    from wiec.tally.rules import (
        RULES,
        count,
        equal_shares,
        greedy,
        sequential_phragmen,
    )
    from wiec.tally.scores import project_scores, support_counts
    from wiec.tally.ties import TieBreaking, lot_key

# Where each public name lives. The names are loaded on first use, so that `wiec tally`, which
# imports only what the count it makes needs, starts without numpy or the rules it does not run.
_WHERE = {
    "check_recorded": "compare",
    "matches_recorded": "compare",
    "preference_counts": "compare",
    "recorded_selection": "compare",
    "RecordedCheck": "compare",
    "voter_values": "compare",
    "Payment": "explain",
    "voter_payments": "explain",
    "Ballot": "model",
    "Comparison": "model",
    "EqualSharesRound": "model",
    "Instance": "model",
    "Profile": "model",
    "Project": "model",
    "ReadWarning": "model",
    "Result": "model",
    "TallyError": "model",
    "Tie": "model",
    "VoteType": "model",
    "PabulibError": "pabulib",
    "parse_pabulib": "pabulib",
    "read_pabulib": "pabulib",
    "write_pabulib": "pabulib",
    "ElectionResult": "pools",
    "Pool": "pools",
    "Transfer": "pools",
    "count_election": "pools",
    "RULES": "rules",
    "count": "rules",
    "equal_shares": "rules",
    "greedy": "rules",
    "sequential_phragmen": "rules",
    "project_scores": "scores",
    "support_counts": "scores",
    "TieBreaking": "ties",
    "lot_key": "ties",
}


def _submodule(name: str) -> ModuleType:
    """The submodule called `name`, imported by an explicit statement (nothing here loads a
    module from a string)."""
    match name:
        case "compare":
            from wiec.tally import compare

            return compare
        case "explain":
            from wiec.tally import explain

            return explain
        case "model":
            from wiec.tally import model

            return model
        case "pabulib":
            from wiec.tally import pabulib

            return pabulib
        case "pools":
            from wiec.tally import pools

            return pools
        case "rules":
            from wiec.tally import rules

            return rules
        case "scores":
            from wiec.tally import scores

            return scores
        case _:
            from wiec.tally import ties

            return ties


def __getattr__(name: str) -> "Any":
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_submodule(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


__all__ = [
    "RULES",
    "Ballot",
    "Comparison",
    "ElectionResult",
    "EqualSharesRound",
    "Instance",
    "PabulibError",
    "Payment",
    "Pool",
    "Profile",
    "Project",
    "ReadWarning",
    "RecordedCheck",
    "Result",
    "TallyError",
    "Tie",
    "TieBreaking",
    "Transfer",
    "VoteType",
    "check_recorded",
    "count",
    "count_election",
    "equal_shares",
    "greedy",
    "lot_key",
    "matches_recorded",
    "parse_pabulib",
    "preference_counts",
    "project_scores",
    "read_pabulib",
    "recorded_selection",
    "sequential_phragmen",
    "support_counts",
    "voter_payments",
    "voter_values",
    "write_pabulib",
]
