"""Scores, tie-breaking and the greedy family on hand-computed cases."""

from __future__ import annotations

import hashlib
from fractions import Fraction

import pytest

from tests.tally.helpers import make_instance
from wiec.tally import TallyError, TieBreaking, count, greedy, lot_key, project_scores

# --------------------------------------------------------------------------- scores


def test_approval_scores_count_voters() -> None:
    inst = make_instance([10, 10, 10], [[0, 1], [1], [1, 2]], 30)
    assert project_scores(inst).tolist() == [1, 3, 1]


def test_krakow_ranks_give_three_two_one() -> None:
    inst = make_instance(
        [1, 1, 1, 1],
        [[0, 1, 2], [2, 0, 3], [3, 2]],
        4,
        vote_type="ordinal",
        meta={"max_length": "3"},
    )
    # first 3, second 2, third 1; a ballot of two ranks still gives 3 and 2
    assert project_scores(inst).tolist() == [3 + 2, 2, 1 + 3 + 2, 1 + 3]


def test_ordinal_without_max_length_uses_the_ballot_length() -> None:
    inst = make_instance([1, 1, 1], [[0, 1], [2, 1, 0]], 3, vote_type="ordinal")
    assert project_scores(inst).tolist() == [2 + 1, 1 + 2, 3]


def test_ordinal_scoring_fn_list_and_borda() -> None:
    listed = make_instance(
        [1, 1, 1], [[0, 1, 2]], 3, vote_type="ordinal", meta={"scoring_fn": "5,1"}
    )
    assert project_scores(listed).tolist() == [5, 1, 0]
    borda = make_instance([1, 1, 1], [[2, 0]], 3, vote_type="ordinal", meta={"scoring_fn": "Borda"})
    assert project_scores(borda).tolist() == [2, 0, 3]
    odd = make_instance([1], [[0]], 1, vote_type="ordinal", meta={"scoring_fn": "sqrt"})
    with pytest.raises(TallyError, match="unsupported scoring_fn"):
        project_scores(odd)


def test_cumulative_and_scoring_points() -> None:
    cum = make_instance([1, 1], [[0, 1], [1]], 2, vote_type="cumulative", points=[[3, 2], [5]])
    assert project_scores(cum).tolist() == [3, 7]
    scoring = make_instance(
        [1, 1],
        [[0], [1]],
        2,
        vote_type="scoring",
        points=[[2], [-1]],
        meta={"default_score": "1"},
    )
    # unlisted projects get default_score from each voter
    assert project_scores(scoring).tolist() == [2 + 1, -1 + 1]


# --------------------------------------------------------------------------- greedy


def test_greedy_skips_what_does_not_fit() -> None:
    # scores 5, 4, 3, 2; costs 60, 50, 30, 10; budget 100
    ballots = [[0, 1, 2, 3]] * 2 + [[0, 1, 2]] + [[0, 1]] + [[0]]
    inst = make_instance([60, 50, 30, 10], ballots, 100)
    r = greedy(inst)
    assert r.selected == ("p0", "p2", "p3")
    assert (r.spent, r.left) == (100, 0)
    assert r.scores == {"p0": 5, "p1": 4, "p2": 3, "p3": 2}


def test_greedy_no_skip_stops_at_the_first_misfit() -> None:
    ballots = [[0, 1, 2, 3]] * 2 + [[0, 1, 2]] + [[0, 1]] + [[0]]
    inst = make_instance([60, 50, 30, 10], ballots, 100)
    assert count(inst, "greedy-no-skip").selected == ("p0",)


def test_greedy_threshold_keeps_a_project_scoring_exactly_the_threshold() -> None:
    ballots = [[0, 1, 2]] * 3 + [[0, 1]] + [[0]]
    inst = make_instance([10, 10, 10], ballots, 100, meta={"min_project_score_threshold": "3"})
    assert count(inst, "greedy-threshold").selected == ("p0", "p1", "p2")
    inst4 = make_instance([10, 10, 10], ballots, 100, meta={"min_project_score_threshold": "4"})
    assert count(inst4, "greedy-threshold").selected == ("p0", "p1")
    with pytest.raises(TallyError, match="min_project_score_threshold"):
        count(make_instance([10], [[0]], 10), "greedy-threshold")


def test_poznan_funds_the_next_project_from_reserves_at_80_percent() -> None:
    # budget 100: p0 (60) fits, p1 (50) does not; 40 left is 80% of 50 -> funded, then stop
    ballots = [[0, 1, 2]] * 3 + [[0, 1]] + [[0]]
    inst = make_instance([60, 50, 10], ballots, 100)
    r = count(inst, "greedy-custom")
    assert r.selected == ("p0", "p1")
    assert r.reserve_funded == ("p1",)
    assert r.reserve_used == 10
    assert r.spent == 110
    assert r.left == -10


def test_poznan_does_not_fund_below_80_percent() -> None:
    ballots = [[0, 1, 2]] * 3 + [[0, 1]] + [[0]]
    inst = make_instance([60, 51, 10], ballots, 100)  # 40 / 51 < 80%
    r = count(inst, "greedy-custom")
    assert r.selected == ("p0",)
    assert r.reserve_used == 0
    assert greedy(inst, variant="custom", reserve_share=Fraction(3, 4)).selected == ("p0", "p1")


# --------------------------------------------------------------------------- ties


def test_lot_is_sha256_of_seed_and_id() -> None:
    assert lot_key("2024-06-01", "P7") == hashlib.sha256(b"2024-06-01:P7").hexdigest()


def test_tie_broken_by_cost_then_votes_then_lot_and_reported() -> None:
    # p0 and p1: equal score 2, only one fits; p1 is cheaper
    inst = make_instance([50, 40, 30], [[0, 1], [0, 1], [2]], 60)
    r = greedy(inst)
    assert r.selected == ("p1",)
    assert len(r.ties) == 1
    tie = r.ties[0]
    assert tie.project_ids == ("p1", "p0")
    assert tie.decided_by == "cost"
    assert "costs 40" in tie.detail
    by_id = greedy(inst, ties=TieBreaking(chain=("id",)))
    assert by_id.selected == ("p0",)
    assert by_id.ties[0].decided_by == "id"


def test_lot_decides_between_equal_cost_and_votes() -> None:
    inst = make_instance({"A": 50, "B": 50}, [["A", "B"], ["A", "B"]], 60)
    for seed in ("one", "two", "three", "four"):
        r = greedy(inst, ties=TieBreaking(seed=seed))
        first = min(("A", "B"), key=lambda pid, s=seed: lot_key(s, pid))
        assert r.selected == (first,)
        assert r.ties[0].decided_by == "lot"
        assert seed in r.ties[0].detail


def test_ties_that_change_nothing_are_not_reported() -> None:
    inst = make_instance([10, 10, 30], [[0, 1], [0, 1], [2]], 100)
    assert greedy(inst).ties == ()


def test_votes_criterion_uses_supporters_not_points() -> None:
    inst = make_instance(
        [50, 50],
        [[0], [1], [1]],
        60,
        vote_type="cumulative",
        points=[[4], [2], [2]],
    )
    r = greedy(inst, ties=TieBreaking(chain=("votes",)))
    assert r.selected == ("p1",)  # both score 4; p1 has two voters
    assert r.ties[0].decided_by == "votes"


def test_unknown_tie_criterion_and_rule_are_refused() -> None:
    with pytest.raises(TallyError):
        TieBreaking.parse("cost,luck")
    with pytest.raises(TallyError, match="unknown rule"):
        count(make_instance([1], [[0]], 1), "greedy-magic")
    with pytest.raises(TallyError, match="names no rule"):
        count(make_instance([1], [[0]], 1, rule="unknown"))
