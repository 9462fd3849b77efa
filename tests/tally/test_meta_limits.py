"""Every rule against every META field that can change its outcome, on small hand-made files.

The file (`pb` below): A costs 50 and has 4 votes, B 30 and 3 votes, C 4 and 2 votes; the
budget is 100. Without limits every rule funds all three (84 of 100): greedy by votes fits
them all; Equal Shares pays A 12.5, B 10 and C 2 per supporter out of shares of 25; Phragmén
fits them all. So a limit that removes C, or a voter, shows in every rule's outcome.
"""

from __future__ import annotations

import pytest

from wiec.tally import RULES, Instance, count, parse_pabulib

BALLOTS = [("v1", "A,B,C"), ("v2", "A,B,C"), ("v3", "A,B"), ("v4", "A")]


def pb(
    meta: dict[str, str] | None = None,
    ballots: list[tuple[str, str]] = BALLOTS,
    costs: tuple[int, int, int] = (50, 30, 4),
    budget: int = 100,
    rule: str = "greedy",
) -> str:
    head = {
        "description": "hand-made district",
        "country": "Poland",
        "unit": "Test",
        "instance": "2026",
        "num_projects": "3",
        "num_votes": str(len(ballots)),
        "budget": str(budget),
        "vote_type": "approval",
        "rule": rule,
        "date_begin": "2026",
        "date_end": "2026",
        **(meta or {}),
    }
    lines = ["META", "key;value", *(f"{k};{v}" for k, v in head.items())]
    lines += ["PROJECTS", "project_id;cost;name"]
    lines += [f"{pid};{c};project {pid}" for pid, c in zip("ABC", costs, strict=True)]
    lines += ["VOTES", "voter_id;vote", *(f"{v};{b}" for v, b in ballots)]
    return "\n".join(lines) + "\n"


def selected(instance: Instance, rule: str) -> set[str]:
    return set(count(instance, rule).selected)


def no_limit(rule: str) -> dict[str, str]:
    """META that limits nothing: greedy-threshold needs a threshold, 1 keeps every project."""
    return {"min_project_score_threshold": "1"} if rule == "greedy-threshold" else {}


@pytest.mark.parametrize("rule", RULES)
def test_without_limits_every_rule_funds_all_three(rule: str) -> None:
    assert selected(parse_pabulib(pb(no_limit(rule))), rule) == {"A", "B", "C"}


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_honours_the_threshold(rule: str) -> None:
    inst = parse_pabulib(pb({"min_project_score_threshold": "3"}))
    result = count(inst, rule)
    assert set(result.selected) == {"A", "B"}  # C has 2 votes, below 3
    assert result.scores["C"] == 2  # the dropped project is still reported with its score


@pytest.mark.parametrize("rule", RULES)
def test_a_project_scoring_exactly_the_threshold_stays(rule: str) -> None:
    assert selected(parse_pabulib(pb({"min_project_score_threshold": "2"})), rule) == {
        "A",
        "B",
        "C",
    }


@pytest.mark.parametrize("rule", RULES)
def test_a_district_where_no_project_reaches_the_threshold_selects_nothing(rule: str) -> None:
    inst = parse_pabulib(pb({"min_project_score_threshold": "5"}))
    result = count(inst, rule)
    assert result.selected == ()
    assert result.spent == 0


@pytest.mark.parametrize("rule", RULES)
def test_every_rule_counts_with_the_files_budget(rule: str) -> None:
    # 83 cannot pay for all three (84): every rule leaves one out and stays within 83.
    result = count(parse_pabulib(pb(no_limit(rule), budget=83)), rule)
    assert set(result.selected) != {"A", "B", "C"}
    assert result.spent <= 83
