"""Warsaw's greedy-exclusive: at most one project of each exclusion group is funded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiec.tally import TallyError, count, parse_pabulib
from wiec.tally.cli import main


def tally_json(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> dict:  # type: ignore[type-arg]
    path = tmp_path / "t.pb"
    path.write_text(text, encoding="utf-8")
    assert main([str(path), "--json"]) == 0
    data: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    assert main([str(path)]) == 0
    data["table"] = capsys.readouterr().out
    return data


# --------------------------------------------------------------------------- greedy-exclusive

EXCLUSIVE = (
    "META\nkey;value\ndescription;d\ncountry;Poland\nunit;Warszawa\ninstance;2026\n"
    "num_projects;3\nnum_votes;3\nbudget;200\nvote_type;approval\n"
    "rule;greedy-exclusive\ndate_begin;2026\ndate_end;2026\n"
    "PROJECTS\nproject_id;cost;name{col}\nA;60;Square{a}\nB;50;Playground{b}\nC;30;Bench{c}\n"
    "VOTES\nvoter_id;vote\nv1;A,B,C\nv2;A,B\nv3;A\n"
)


def exclusive(column: bool) -> str:
    if not column:
        return EXCLUSIVE.format(col="", a="", b="", c="")
    return EXCLUSIVE.format(col=";exclusion_group", a=";g1", b=";g1", c=";")


def test_greedy_exclusive_skips_a_project_whose_group_has_a_winner() -> None:
    # A (3 votes) and B (2) are closer than 100 m: B is skipped although it fits; then C.
    result = count(parse_pabulib(exclusive(column=True)))
    assert result.selected == ("A", "C")
    assert result.rule == "greedy-exclusive"


def test_greedy_exclusive_takes_the_groups_from_a_side_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "w.pb"
    path.write_text(exclusive(column=False), encoding="utf-8")
    side = tmp_path / "conflicts.txt"
    side.write_text("# closer than 100 m\nA, B\n", encoding="utf-8")
    assert main([str(path), "--json", "--exclusions", str(side)]) == 0
    assert json.loads(capsys.readouterr().out)["selected"] == ["A", "C"]
    assert count(parse_pabulib(exclusive(column=False)), exclusions=[["B", "C"]]).selected == (
        "A",
        "B",
    )


def test_greedy_exclusive_without_groups_is_plain_greedy_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = count(parse_pabulib(exclusive(column=False)))
    assert result.selected == ("A", "B", "C")
    assert any("conflicts were not checked" in n for n in result.notes)
    data = tally_json(tmp_path, exclusive(column=False), capsys)
    assert any("conflicts were not checked" in n for n in data["notes"])
    assert "note: no exclusion groups known" in data["table"]


def test_an_exclusion_group_naming_an_unknown_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(TallyError, match="unknown project 'Z'"):
        count(parse_pabulib(exclusive(column=False)), exclusions=[["A", "Z"]])
    path = tmp_path / "w.pb"
    path.write_text(exclusive(column=False), encoding="utf-8")
    side = tmp_path / "conflicts.txt"
    side.write_text("A,B\n\nC,Z\n", encoding="utf-8")
    assert main([str(path), "--exclusions", str(side)]) == 2
    err = capsys.readouterr().err
    assert err == "wiec tally: conflicts.txt: line 3: exclusion group names unknown project 'Z'\n"
