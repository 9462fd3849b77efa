"""Bad and odd input: each anomaly in strict and lenient mode, each overflow, each encoding.

Every case ends in the right outcome (with a warning when something was odd) or in one
precise line of error naming the line; never in a traceback.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wiec.tally import PabulibError, count, parse_pabulib, read_pabulib
from wiec.tally.cli import main

META = {
    "description": "district",
    "country": "Poland",
    "unit": "Test",
    "instance": "2026",
    "budget": "100",
    "vote_type": "approval",
    "rule": "greedy",
    "date_begin": "2026",
    "date_end": "2026",
}


def pb(
    projects: list[str],
    votes: list[str],
    *,
    meta: dict[str, str] | None = None,
    header: str = "project_id;cost;name",
    votes_header: str | None = None,
    num_votes: int | None = None,
) -> str:
    head = {**META, **(meta or {})}
    head.setdefault("num_projects", str(len(projects)))
    head.setdefault("num_votes", str(len(votes) if num_votes is None else num_votes))
    with_points = head["vote_type"] in ("cumulative", "scoring")
    vh = votes_header or ("voter_id;vote;points" if with_points else "voter_id;vote")
    lines = ["META", "key;value", *(f"{k};{v}" for k, v in head.items())]
    lines += ["PROJECTS", header, *projects, "VOTES", vh, *votes]
    return "\n".join(lines) + "\n"


def line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def strict_error(text: str, needle: str, message: str) -> PabulibError:
    with pytest.raises(PabulibError) as info:
        parse_pabulib(text, source="t.pb")
    assert message in info.value.message, info.value.message
    assert info.value.line == line_of(text, needle), (info.value.line, info.value.message)
    return info.value


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run `wiec tally` on a text (or bytes): (exit code, stdout, stderr)."""

    def run(text: str | bytes, *args: str) -> tuple[int, str, str]:
        path = tmp_path / "t.pb"
        path.write_bytes(text.encode() if isinstance(text, str) else text)
        code = main([str(path), *args])
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def one_line_error(code: int, err: str, line: int, message: str) -> None:
    assert code == 2
    assert "Traceback" not in err
    assert err.count("\n") == 1, err
    assert f"line {line}: " in err, err
    assert message in err, err


# --------------------------------------------------------------------------- ballot anomalies

# A is 60, B 50, C 30; budget 100; max_sum_cost 100. Voter v4 chose A and B: 110, over the limit.
OVER_COST_PROJECTS = ["A;60;Park", "B;50;Road", "C;30;Bench"]
OVER_COST_VOTES = ["v1;A", "v2;B,C", "v3;B", "v4;A,B"]
OVER_COST = pb(OVER_COST_PROJECTS, OVER_COST_VOTES, meta={"max_sum_cost": "100"})


def with_votes_column(a: int, b: int, c: int) -> str:
    projects = [f"A;60;{a};Park", f"B;50;{b};Road", f"C;30;{c};Bench"]
    return pb(
        projects,
        OVER_COST_VOTES,
        meta={"max_sum_cost": "100"},
        header="project_id;cost;votes;name",
    )


def test_a_ballot_costing_more_than_max_sum_cost_stops_a_strict_read() -> None:
    strict_error(OVER_COST, "v4;A,B", "more than max_sum_cost 100")


def test_a_ballot_costing_more_than_max_sum_cost_is_kept_with_a_warning() -> None:
    inst = parse_pabulib(OVER_COST, strict=False)
    assert inst.num_voters == 4
    (w,) = inst.warnings
    assert w.line == line_of(OVER_COST, "v4;A,B")
    assert "more than max_sum_cost 100" in w.message
    assert "ballot kept" in w.message
    assert "records no votes" in w.message
    # B has 3 votes with v4, A 2: B then C (80), A does not fit.
    assert count(inst).selected == ("B", "C")


def test_an_over_limit_ballot_is_left_out_when_the_recorded_votes_leave_it_out() -> None:
    text = with_votes_column(1, 2, 1)  # the city's votes without v4
    inst = parse_pabulib(text, strict=False)
    assert inst.num_voters == 3
    (w,) = inst.warnings
    assert "ballot left out (as the file's recorded votes show the city did)" in w.message
    # without v4: A 1, B 2, C 1: B (50), then A (60) does not fit, C (30) fits.
    assert count(inst).selected == ("B", "C")
    kept = parse_pabulib(with_votes_column(2, 3, 1), strict=False)
    assert kept.num_voters == 4
    assert (
        "ballot kept (as the file's recorded votes show the city did)" in kept.warnings[0].message
    )


def test_the_over_limit_option_keeps_or_drops_whatever_the_file_records() -> None:
    text = with_votes_column(1, 2, 1)
    assert parse_pabulib(text, strict=False, over_limit="keep").num_voters == 4
    assert parse_pabulib(OVER_COST, strict=False, over_limit="drop").num_voters == 3
    # v4 chose B and C (80, over 70). Kept: A, B and C have 2 votes each, the cheaper go first:
    # C and B (80). Left out: A 2, B 1, C 1: A, then C (90).
    text = pb(
        OVER_COST_PROJECTS, ["v1;A", "v2;A", "v3;B", "v4;B,C", "v5;C"], meta={"max_sum_cost": "70"}
    )
    kept = parse_pabulib(text, strict=False, over_limit="keep")
    dropped = parse_pabulib(text, strict=False, over_limit="drop")
    assert set(count(kept).selected) == {"B", "C"}
    assert set(count(dropped).selected) == {"A", "C"}
    assert "ballot left out" in dropped.warnings[0].message


def test_an_over_long_ballot_strict_and_lenient() -> None:
    text = pb(OVER_COST_PROJECTS, ["v1;A", "v2;A,B,C", "v3;B"], meta={"max_length": "2"})
    strict_error(text, "v2;A,B,C", "max_length is 2")
    inst = parse_pabulib(text, strict=False)
    assert "ballot lists 3 projects, max_length is 2: ballot kept" in inst.warnings[0].message
    assert parse_pabulib(text, strict=False, over_limit="drop").num_voters == 2


def test_a_project_listed_twice_is_counted_once_in_lenient_mode() -> None:
    text = pb(OVER_COST_PROJECTS, ["v1;A", "v2;B,B", "v3;C"])
    strict_error(text, "v2;B,B", "lists a project twice")
    inst = parse_pabulib(text, strict=False)
    (w,) = inst.warnings
    assert w.line == line_of(text, "v2;B,B")
    assert w.message == "voter 'v2' lists a project twice: each project counted once"
    assert count(inst).scores["B"] == 1


def test_a_project_listed_twice_with_points_keeps_its_first_points() -> None:
    text = pb(
        OVER_COST_PROJECTS,
        ["v1;A,B,A;3,2,5"],
        meta={"vote_type": "cumulative", "max_sum_points": "10"},
    )
    strict_error(text, "v1;A,B,A", "lists a project twice")
    inst = parse_pabulib(text, strict=False)
    assert count(inst).scores == {"A": 3, "B": 2, "C": 0}


def test_a_stray_double_quote_in_a_project_name() -> None:
    text = pb(['A;60;Park "Zielony', "B;50;Road", "C;30;Bench"], ["v1;A", "v2;A", "v3;B"])
    with pytest.raises(PabulibError):
        parse_pabulib(text)
    inst = parse_pabulib(text, strict=False)
    assert [p.name for p in inst.projects] == ['Park "Zielony', "Road", "Bench"]
    (w,) = inst.warnings
    assert w.line == line_of(text, "Zielony")
    assert "stray double quote" in w.message
    assert count(inst).selected == ("A", "C")  # A 2 votes; B (50) no longer fits, C (30) does


def test_an_unescaped_quote_inside_a_quoted_field() -> None:
    text = pb(['A;60;"Park "Zielony" nad rzeką"', "B;50;Road", "C;30;Bench"], ["v1;A"])
    strict_error(text, "Zielony", "bad quoting")
    inst = parse_pabulib(text, strict=False)
    assert inst.projects[0].name == 'Park "Zielony" nad rzeką'
    assert "stray double quote" in inst.warnings[0].message


def test_wrong_counts_in_meta_are_warnings_in_lenient_mode() -> None:
    text = pb(OVER_COST_PROJECTS, ["v1;A"], num_votes=5, meta={"num_projects": "4"})
    strict_error(text, "num_projects", "num_projects is 4")
    inst = parse_pabulib(text, strict=False)
    assert [w.line for w in inst.warnings] == [
        line_of(text, "num_projects"),
        line_of(text, "num_votes"),
    ]
    assert inst.num_voters == 1


# --------------------------------------------------------------------------- really broken


@pytest.mark.parametrize("strict", [True, False])
def test_really_broken_files_stop_in_both_modes(strict: bool) -> None:
    no_projects = "META\nkey;value\n" + "".join(f"{k};{v}\n" for k, v in META.items())
    with pytest.raises(PabulibError, match="PROJECTS"):
        parse_pabulib(no_projects, strict=strict)
    unknown = pb(OVER_COST_PROJECTS, ["v1;A", "v2;Z"])
    with pytest.raises(PabulibError) as e:
        parse_pabulib(unknown, strict=strict)
    assert e.value.line == line_of(unknown, "v2;Z")
    assert "unknown project 'Z'" in e.value.message
    not_a_number = pb(["A;sixty;Park"], ["v1;A"])
    with pytest.raises(PabulibError) as e:
        parse_pabulib(not_a_number, strict=strict)
    assert e.value.line == line_of(not_a_number, "A;sixty")


def test_the_command_stops_a_broken_file_with_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    text = pb(OVER_COST_PROJECTS, ["v1;A", "v2;Z"])
    code, _out, err = cli(text)
    one_line_error(code, err, line_of(text, "v2;Z"), "unknown project 'Z'")


# --------------------------------------------------------------------------- numbers


def test_huge_points_are_summed_exactly_and_fund_the_right_project() -> None:
    # 10^18 points from each of ten voters is 10^19, past int64: it must not wrap around.
    votes = [f"v{i};A;{10**18}" for i in range(10)] + ["w;B;1"]
    text = pb(["A;60;Park", "B;50;Road"], votes, meta={"vote_type": "cumulative"})
    for strict in (True, False):
        result = count(parse_pabulib(text, strict=strict))
        assert result.scores["A"] == 10**19
        assert result.selected == ("A",)


def test_points_of_4e18_per_voter_stop_with_their_line() -> None:
    text = pb(
        ["A;60;Park", "B;50;Road"],
        ["v1;A;4000000000000000000", "v2;A;4000000000000000000", "v3;B;1"],
        meta={"vote_type": "cumulative"},
    )
    strict_error(text, "v1;A;4000", "too large")


def test_points_beyond_the_bound_stop_with_their_line(cli) -> None:  # type: ignore[no-untyped-def]
    text = pb(
        ["A;60;Park", "B;50;Road"],
        ["v1;A;10000000000000000000000000", "v2;B;1"],
        meta={"vote_type": "cumulative"},
    )
    strict_error(text, "v1;A;1000", "too large")
    code, _out, err = cli(text)
    one_line_error(code, err, line_of(text, "v1;A;1000"), "too large")


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        ("1e1000000", "too large"),
        ("1e999999", "too large"),
        ("1e400", "too large"),
        ("1" + "0" * 30, "too large"),
        ("1e-999999", "decimal places"),
    ],
)
def test_a_cost_beyond_the_bounds_stops_at_once_with_its_line(
    cli,  # type: ignore[no-untyped-def]
    cost: str,
    message: str,
) -> None:
    text = pb([f"A;{cost};Park", "B;50;Road"], ["v1;A", "v2;B"])
    started = time.process_time()
    strict_error(text, f"A;{cost}", message)
    assert time.process_time() - started < 1
    code, _out, err = cli(text)
    one_line_error(code, err, line_of(text, f"A;{cost}"), message)


@pytest.mark.parametrize("rule", ["greedy", "equalshares", "equalshares/add1", "phragmen"])
def test_a_budget_of_1e400_stops_with_its_line_for_every_rule(
    cli,  # type: ignore[no-untyped-def]
    rule: str,
) -> None:
    text = pb(["A;60;Park", "B;50;Road"], ["v1;A", "v2;B"], meta={"budget": "1e400"})
    code, _out, err = cli(text, "--rule", rule)
    one_line_error(code, err, line_of(text, "budget;1e400"), "too large")


def test_the_largest_amounts_allowed_count_exactly_with_equal_shares_and_phragmen() -> None:
    big = 10**15
    text = pb(
        [f"A;{big};Park", f"B;{big // 2};Road"],
        ["v1;A", "v2;A,B", "v3;A"],
        meta={"budget": str(big)},
    )
    inst = parse_pabulib(text)
    for rule in ("greedy", "equalshares", "equalshares/add1", "phragmen"):
        assert count(inst, rule).selected == ("A",), rule


def test_an_integer_meta_value_beyond_the_bound_stops_with_its_line() -> None:
    text = pb(OVER_COST_PROJECTS, ["v1;A"], meta={"max_length": "9" * 5000})
    strict_error(text, "max_length", "too large")


def test_an_unknown_rule_is_named_with_its_line(cli) -> None:  # type: ignore[no-untyped-def]
    text = pb(OVER_COST_PROJECTS, ["v1;A"], meta={"rule": "greedy-magic"})
    code, _out, err = cli(text)
    one_line_error(code, err, line_of(text, "rule;greedy-magic"), "unknown rule 'greedy-magic'")
    code, out, _err = cli(text, "--rule", "greedy", "--json")
    assert code == 0
    assert json.loads(out)["selected"] == ["A", "C"]


# --------------------------------------------------------------------------- encodings, lines

POLISH = pb(["A;60;Ławka przy źródle", "B;50;Road"], ["v1;A", "v2;A", "v3;B"])


def test_a_file_in_cp1250_is_refused_when_strict_and_read_with_a_warning_otherwise(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cp1250.pb"
    path.write_bytes(POLISH.encode("cp1250"))
    with pytest.raises(PabulibError) as e:
        read_pabulib(path)
    assert e.value.line == line_of(POLISH, "Ławka")
    inst = read_pabulib(path, strict=False)
    assert inst.projects[0].name == "Ławka przy źródle"
    (w,) = inst.warnings
    assert w.line == line_of(POLISH, "Ławka")
    assert "Windows-1250" in w.message
    assert count(inst).selected == ("A",)


@pytest.mark.parametrize("strict", [True, False])
def test_a_bom_and_windows_line_endings_read_like_the_plain_file(
    tmp_path: Path, strict: bool
) -> None:
    plain = read_pabulib(_write(tmp_path / "plain.pb", POLISH.encode()), strict=strict)
    for name, data in [
        ("bom.pb", b"\xef\xbb\xbf" + POLISH.encode()),
        ("crlf.pb", POLISH.replace("\n", "\r\n").encode()),
        ("both.pb", b"\xef\xbb\xbf" + POLISH.replace("\n", "\r\n").encode()),
    ]:
        inst = read_pabulib(_write(tmp_path / name, data), strict=strict)
        assert inst == plain, name
        assert inst.warnings == ()
        assert count(inst).selected == count(plain).selected


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_an_empty_votes_section(cli) -> None:  # type: ignore[no-untyped-def]
    text = pb(OVER_COST_PROJECTS, [])
    inst = parse_pabulib(text)
    assert inst.num_voters == 0
    for rule in ("greedy", "equalshares", "phragmen"):
        count(inst, rule)
    code, out, err = cli(text, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["voters"] == 0
    assert any("no ballots" in w["message"] for w in data["warnings"])
    wrong = pb(OVER_COST_PROJECTS, [], num_votes=12)
    code, _out, err = cli(wrong, "--strict")
    one_line_error(code, err, line_of(wrong, "num_votes"), "num_votes is 12")


def test_the_command_lists_the_warnings_with_their_lines(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = cli(OVER_COST, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["warnings"] == [
        {
            "line": line_of(OVER_COST, "v4;A,B"),
            "message": "voter 'v4': ballot costs 110, more than max_sum_cost 100: ballot kept "
            "(the file records no votes to show how the city counted them)",
        }
    ]
    code, out, _err = cli(OVER_COST)
    assert f"line {line_of(OVER_COST, 'v4;A,B')}: voter 'v4'" in out
    code, _out, err = cli(OVER_COST, "--strict")
    one_line_error(code, err, line_of(OVER_COST, "v4;A,B"), "more than max_sum_cost")
