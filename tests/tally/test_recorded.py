"""Reading a file's `selected` column as the file means it (1, 2 and 3), in the command too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiec.tally import check_recorded, count, parse_pabulib
from wiec.tally.cli import main


def pb(rule: str, comment: str, selected: tuple[int, int, int], meta: str = "") -> str:
    """A is 60 with 3 votes, B 50 with 2, C 30 with 1; budget 100."""
    a, b, c = selected
    return (
        "META\nkey;value\ndescription;d\ncountry;Poland\nunit;Gdynia\ninstance;2026\n"
        "num_projects;3\nnum_votes;3\nbudget;100\nvote_type;approval\n"
        f"rule;{rule}\ndate_begin;2026\ndate_end;2026\n{meta}"
        + (f"comment;{comment}\n" if comment else "")
        + "PROJECTS\nproject_id;cost;votes;name;selected\n"
        f"A;60;3;Park;{a}\nB;50;2;Road;{b}\nC;30;1;Bench;{c}\n"
        "VOTES\nvoter_id;vote\nv1;A,B,C\nv2;A,B\nv3;A\n"
    )


def tally_json(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    path = tmp_path / "t.pb"
    path.write_text(text, encoding="utf-8")
    assert main([str(path), "--json"]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    assert main([str(path)]) == 0
    data["table"] = capsys.readouterr().out
    return data


# Greedy: A (60), B (50) no longer fits, C (30) does: A and C.


def test_a_turnout_award_marked_2_is_money_from_outside_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = pb(
        "greedy", "#1: Projekt +1: the district with the best turnout gets one more", (1, 2, 1)
    )
    data = tally_json(tmp_path, text, capsys)
    assert data["selected"] == ["A", "C"]
    assert data["matches_recorded"] is True
    assert data["recorded_status"] == "matches"
    assert data["recorded_selected"] == ["A", "C"]
    ((out),) = data["recorded_outside"]
    assert out["project"] == "B"
    assert out["selected"] == 2
    assert "turnout award" in out["why"]
    assert "DIFFERS" not in data["table"]
    assert "B (selected 2): a turnout award" in data["table"]


def test_a_project_below_the_threshold_funded_later_is_marked_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Threshold 2: C (1 vote) is out; A, then B does not fit: A alone. C marked 2 by decision.
    text = pb(
        "greedy-threshold",
        "#1: projects below the threshold were funded by a later decision of the council",
        (1, 0, 2),
        meta="min_project_score_threshold;2\n",
    )
    data = tally_json(tmp_path, text, capsys)
    assert data["selected"] == ["A"]
    assert data["recorded_status"] == "matches"
    assert "below the threshold" in data["recorded_outside"][0]["why"]


def test_selected_3_is_never_expected_of_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = pb("greedy", "#1: extra money was given to the district later", (1, 3, 1))
    data = tally_json(tmp_path, text, capsys)
    assert data["recorded_status"] == "matches"
    assert data["recorded_outside"][0]["selected"] == 3


def test_poznans_reserve_marked_2_is_funded_by_greedy_custom() -> None:
    comment = (
        "#1: fund by votes until the next does not fit, if the money left is at least 80% of "
        "it, fund it from the external reserve funds, marked 2"
    )
    # No-skip: A (60); B (50) does not fit, 40 left is 80% of 50: B from reserves.
    inst = parse_pabulib(pb("greedy-custom", comment, (1, 2, 0)))
    result = count(inst)
    assert set(result.selected) == {"A", "B"}
    check = check_recorded(inst, result)
    assert check is not None
    assert check.status == "matches"
    assert check.expected == ("A", "B")
    # Counted with plain greedy, the 2 is not the count's: greedy funds A and C.
    greedy = check_recorded(inst, count(inst, "greedy"))
    assert greedy is not None
    assert greedy.status == "differs"
    assert greedy.only_counted == ("C",)


def test_a_greedy_custom_result_that_followed_no_rule_is_not_reproducible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = pb(
        "greedy-custom",
        "#1: the final list did not follow a rule, the committee chose the projects",
        (0, 1, 1),
    )
    data = tally_json(tmp_path, text, capsys)
    assert data["recorded_status"] == "not reproducible"
    assert data["matches_recorded"] is False
    assert "DIFFERS" not in data["table"]
    assert "not reproducible from the file alone" in data["table"]


def test_a_real_mismatch_still_differs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tally_json(tmp_path, pb("greedy", "", (0, 1, 1)), capsys)
    assert data["recorded_status"] == "differs"
    assert "DIFFERS: recorded only ['B'], counted only ['A']" in data["table"]
