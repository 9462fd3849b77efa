"""Reading and writing pabulib files: every section, field and vote type; errors name the line."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tally.helpers import SHARED_FILES, pabulib_dir
from wiec.tally import (
    Ballot,
    Instance,
    PabulibError,
    Project,
    parse_pabulib,
    write_pabulib,
)
from wiec.tally.pabulib import _Parser

META = """META
key;value
description;Test budget
country;Poland
unit;Testowo
instance;2024
num_projects;{np}
num_votes;{nv}
budget;{budget}
vote_type;{vt}
rule;greedy
date_begin;01.06.2024
date_end;2024
{extra}"""


def pb(
    projects: str,
    votes: str,
    *,
    vt: str = "approval",
    budget: str = "1000",
    extra: str = "",
    np_: int | None = None,
    nv: int | None = None,
) -> str:
    prows = [r for r in projects.strip().splitlines()[1:] if r.strip()]
    vrows = [r for r in votes.strip().splitlines()[1:] if r.strip()]
    meta = META.format(
        np=len(prows) if np_ is None else np_,
        nv=len(vrows) if nv is None else nv,
        budget=budget,
        vt=vt,
        extra=extra,
    )
    return meta + "PROJECTS\n" + projects.strip() + "\nVOTES\n" + votes.strip() + "\n"


PARK = '"Park; with ""trees"""'
APPROVAL = pb(
    "project_id;cost;votes;name;category;selected;latitude\n"
    f"1;600;2;{PARK};green,sport;1;50.1\n"
    "2;500;1;Road;transport;0;50.2\n"
    "3;300;1;Library;;0;\n",
    """voter_id;vote;age;sex
a;1,2;30;F
b;1;45;M
c;3;;O
""",
    extra='max_length;3\nmy_custom_key;kept as is\ncomment;"#1: a comment; with a semicolon"\n',
)


def same_count_data(a: Instance, b: Instance) -> bool:
    """Equal in everything a count uses (META and column order may be filled in on writing)."""
    return (
        a.budget == b.budget
        and a.projects == b.projects
        and a.profile == b.profile
        and a.vote_type == b.vote_type
        and a.rule == b.rule
        and a.money_scale == b.money_scale
    )


def line_of(text: str, needle: str) -> int:
    for i, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_reads_every_section_and_field() -> None:
    inst = parse_pabulib(APPROVAL)
    assert inst.budget == 1000
    assert inst.vote_type == "approval"
    assert inst.rule == "greedy"
    assert [p.id for p in inst.projects] == ["1", "2", "3"]
    park = inst.projects[0]
    assert park.name == 'Park; with "trees"'
    assert park.category == ("green", "sport")
    assert park.votes == 2
    assert park.selected == 1
    assert park.fields == {"latitude": "50.1"}
    assert inst.projects[2].category == ()
    assert inst.meta["my_custom_key"] == "kept as is"
    assert inst.meta["comment"] == "#1: a comment; with a semicolon"
    ballots = list(inst.profile.ballots(inst.projects))
    assert ballots[0] == Ballot("a", ("1", "2"), None, {"age": "30", "sex": "F"})
    assert ballots[2].fields == {"age": "", "sex": "O"}


def test_written_file_reads_back_identical_and_keeps_spelling() -> None:
    inst = parse_pabulib(APPROVAL)
    text = write_pabulib(inst)
    assert parse_pabulib(text) == inst
    assert text == APPROVAL


def test_unknown_meta_keys_survive_a_round_trip() -> None:
    inst = parse_pabulib(APPROVAL)
    back = parse_pabulib(write_pabulib(inst))
    assert back.meta["my_custom_key"] == "kept as is"
    assert list(back.meta) == list(inst.meta)


def test_crlf_bom_and_blank_lines_are_accepted() -> None:
    text = "\ufeff" + APPROVAL.replace("\n", "\r\n").replace("VOTES", "\r\nVOTES")
    assert parse_pabulib(text) == parse_pabulib(APPROVAL)


def test_cumulative_ballots_with_points() -> None:
    text = pb(
        "project_id;cost\nx;10\ny;20\n",
        "voter_id;vote;points\n1;x,y;3,2\n2;y;5\n",
        vt="cumulative",
        extra="max_sum_points;5\n",
    )
    inst = parse_pabulib(text)
    assert inst.profile.points is not None
    assert inst.profile.points.tolist() == [3, 2, 5]
    assert parse_pabulib(write_pabulib(inst)) == inst


def test_ordinal_and_choose_one_and_scoring() -> None:
    ordinal = parse_pabulib(
        pb("project_id;cost\nx;10\ny;20\nz;5\n", "voter_id;vote\n1;z,x,y\n", vt="ordinal")
    )
    assert next(iter(ordinal.profile.ballots(ordinal.projects))).projects == ("z", "x", "y")
    choose = parse_pabulib(pb("project_id;cost\nx;10\n", "voter_id;vote\n1;x\n", vt="choose-1"))
    assert choose.vote_type == "choose-1"
    scoring = parse_pabulib(
        pb("project_id;cost\nx;10\ny;3\n", "voter_id;vote;points\n1;x,y;-1,4\n", vt="scoring")
    )
    assert scoring.vote_type == "scoring"


def test_decimal_costs_use_a_money_scale() -> None:
    text = pb("project_id;cost\nx;10.50\ny;3,25\n", "voter_id;vote\n1;x\n", budget="100")
    inst = parse_pabulib(text)
    assert inst.money_scale == 100
    assert inst.budget == 10000
    assert [p.cost for p in inst.projects] == [1050, 325]
    assert parse_pabulib(write_pabulib(inst)) == inst


def test_instance_built_in_code_writes_a_valid_file() -> None:
    inst = Instance.from_ballots(
        budget=50,
        projects=[Project("a", 20, "A; b"), Project("b", 30, 'B "q"', category=("x",))],
        ballots=[Ballot("1", ("a",)), Ballot("2", ("a", "b"), fields={"age": "7"})],
        meta=dict.fromkeys(("description", "country", "unit", "instance"), "x")
        | {"date_begin": "2024", "date_end": "2024"},
    )
    back = parse_pabulib(write_pabulib(inst))
    assert same_count_data(back, inst)
    assert write_pabulib(back) == write_pabulib(inst)


def test_empty_ballot_and_empty_profile() -> None:
    inst = parse_pabulib(pb("project_id;cost\nx;10\n", "voter_id;vote\n1;\n2;x\n"))
    assert inst.profile.lengths().tolist() == [0, 1]
    empty = parse_pabulib(pb("project_id;cost\nx;10\n", "voter_id;vote\n"))
    assert empty.num_voters == 0


# --------------------------------------------------------------------------- errors


def expect_error(text: str, needle: str | None, message: str) -> PabulibError:
    with pytest.raises(PabulibError) as info:
        parse_pabulib(text, source="t.pb")
    err = info.value
    assert message in err.message
    if needle is not None:
        assert err.line == line_of(text, needle), (err.line, err.message)
    assert f"line {err.line}" in str(err)
    return err


def test_missing_sections_are_named() -> None:
    expect_error("", None, "missing META section")
    no_votes = APPROVAL[: APPROVAL.index("VOTES")]
    err = expect_error(no_votes, None, "missing VOTES section")
    assert err.line == len(no_votes.split("\n"))
    no_projects = APPROVAL.replace("PROJECTS", "SOMETHING")
    expect_error(no_projects, "SOMETHING", "a META row must be 'key;value'")
    twice = APPROVAL.replace("VOTES", "META")
    err = expect_error(twice, None, "expected the VOTES section, found META section")
    assert err.line == line_of(twice, "voter_id;vote;age") - 1


def test_missing_required_meta_key() -> None:
    text = APPROVAL.replace("budget;1000\n", "")
    expect_error(text, "META", "lacks the required key 'budget'")


def test_missing_required_project_and_vote_fields() -> None:
    expect_error(
        APPROVAL.replace("project_id;cost;", "project_id;price;"), "project_id;price", "'cost'"
    )
    expect_error(
        APPROVAL.replace("voter_id;vote;", "voter_id;ballot;"), "voter_id;ballot", "'vote'"
    )


def test_vote_for_unknown_project() -> None:
    text = APPROVAL.replace("b;1;45;M", "b;1,9;45;M")
    expect_error(text, "b;1,9", "unknown project '9'")


def test_negative_cost() -> None:
    text = APPROVAL.replace("2;500;1;Road", "2;-500;1;Road")
    expect_error(text, "2;-500", "negative cost")


def test_duplicate_voter() -> None:
    text = APPROVAL.replace("c;3;;O", "a;3;;O")
    err = expect_error(text, "a;3;;O", "duplicate voter 'a'")
    assert f"first on line {line_of(text, 'a;1,2')}" in err.message


def test_ballot_longer_than_max_length() -> None:
    text = APPROVAL.replace("max_length;3", "max_length;1")
    expect_error(text, "a;1,2", "max_length is 1")


def test_ballot_shorter_than_min_length() -> None:
    text = APPROVAL.replace("max_length;3", "min_length;2")
    expect_error(text, "b;1;45", "min_length is 2")


def test_points_over_max_sum_points() -> None:
    text = pb(
        "project_id;cost\nx;10\ny;20\n",
        "voter_id;vote;points\n1;x,y;3,2\n2;y;6\n",
        vt="cumulative",
        extra="max_sum_points;5\n",
    )
    expect_error(text, "2;y;6", "max_sum_points is 5")


def test_points_not_matching_projects() -> None:
    text = pb("project_id;cost\nx;10\ny;20\n", "voter_id;vote;points\n1;x,y;3\n", vt="cumulative")
    expect_error(text, "1;x,y;3", "1 points for 2 projects")


def test_project_listed_twice_in_a_ballot() -> None:
    text = APPROVAL.replace("b;1;45;M", "b;1,1;45;M")
    expect_error(text, "b;1,1", "lists a project twice")


def test_duplicate_project_and_wrong_counts() -> None:
    text = APPROVAL.replace("3;300;1;Library", "2;300;1;Library")
    expect_error(text, "2;300", "listed twice")
    expect_error(APPROVAL.replace("num_votes;3", "num_votes;4"), "num_votes", "num_votes is 4")
    expect_error(
        APPROVAL.replace("num_projects;3", "num_projects;2"), "num_projects", "num_projects is 2"
    )


def test_bad_values_in_meta_and_rows() -> None:
    expect_error(APPROVAL.replace("vote_type;approval", "vote_type;borda"), "vote_type", "unknown")
    expect_error(APPROVAL.replace("budget;1000", "budget;lots"), "budget;lots", "not a number")
    expect_error(
        APPROVAL.replace("date_begin;01.06.2024", "date_begin;June"), "date_begin", "dd.mm"
    )
    expect_error(
        APPROVAL.replace("2;500;1;Road;transport;0", "2;500;1;Road;transport;7"),
        "2;500",
        "selected must be",
    )
    expect_error(APPROVAL.replace("b;1;45;M", "b;1;45"), "b;1;45", "3 fields")
    expect_error(APPROVAL.replace(PARK, '"Park'), '"Park', "bad quoting")


# --------------------------------------------------------------------------- fast path


@st.composite
def profiles(draw: st.DrawFn) -> Instance:
    m = draw(st.integers(1, 6))
    projects = [Project(f"P{i}", draw(st.integers(0, 100))) for i in range(m)]
    n = draw(st.integers(0, 12))
    ballots = []
    for v in range(n):
        chosen = draw(st.lists(st.sampled_from([p.id for p in projects]), unique=True))
        pts = tuple(draw(st.integers(1, 3)) for _ in chosen)
        ballots.append(Ballot(f"v{v}", tuple(chosen), pts, {"age": str(draw(st.integers(0, 90)))}))
    meta = dict.fromkeys(("description", "country", "unit", "instance"), "x") | {
        "date_begin": "2024",
        "date_end": "2024",
    }
    return Instance.from_ballots(
        budget=draw(st.integers(0, 300)),
        projects=projects,
        ballots=ballots,
        vote_type="cumulative",
        meta=meta,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(profiles())
def test_round_trip_and_fast_path_equals_slow_path(inst: Instance) -> None:
    text = write_pabulib(inst)
    back = parse_pabulib(text)
    assert same_count_data(back, inst)
    assert write_pabulib(back) == text
    parser = _Parser(text, None)
    slow_votes = parser._votes

    def slow(*args: object, **kwargs: object) -> object:
        return slow_votes(*args, fast=False)  # type: ignore[arg-type]

    parser._votes = slow  # type: ignore[method-assign]
    assert parser.parse() == back


@pytest.mark.slow
@pytest.mark.parametrize("name", SHARED_FILES)
def test_shared_file_round_trips_byte_for_byte(
    pabulib_file: Callable[[str], Instance], name: str
) -> None:
    inst = pabulib_file(name)
    original = (pabulib_dir() / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    text = write_pabulib(inst)
    assert text == original if original.endswith("\n") else original + "\n"
    assert parse_pabulib(text) == inst


@pytest.mark.slow
def test_warszawa_is_read_whole(pabulib_file: Callable[[str], Instance]) -> None:
    inst = pabulib_file("Poland_Warszawa_2026.pb")
    assert inst.num_voters == 61_668
    assert len(inst.projects) == 83
    assert int(inst.profile.lengths().max()) == 5
    assert inst.meta_int("min_project_score_threshold") == 3000
    ages = inst.profile.fields["age"]
    assert len(ages) == 61_668
    assert int(np.bincount(inst.profile.indices).sum()) == inst.profile.indices.shape[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["delete", "duplicate", "insert", "truncate"]),
            st.integers(0, 10_000),
            st.text(alphabet=';",\n\r 1aBVOTESMETA-x.9', max_size=6),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_a_mangled_file_gives_a_pabulib_error_never_a_traceback(
    edits: list[tuple[str, int, str]],
) -> None:
    text = APPROVAL
    for op, pos, chunk in edits:
        lines = text.split("\n")
        at = pos % max(len(lines), 1)
        if op == "delete":
            del lines[at]
            text = "\n".join(lines)
        elif op == "duplicate":
            lines.insert(at, lines[at])
            text = "\n".join(lines)
        elif op == "insert":
            i = pos % (len(text) + 1)
            text = text[:i] + chunk + text[i:]
        else:
            text = text[: pos % (len(text) + 1)]
    error: PabulibError | None = None
    try:
        parse_pabulib(text)
    except PabulibError as e:
        error = e
    if error is not None:
        assert error.line >= 0
        assert error.message


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_well_formed_ballots_take_the_fast_path(
    newline: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from wiec.tally import pabulib

    taken: list[bool] = []
    fast = pabulib._votes_fast

    def spy(block: list[str], rules: object) -> object:
        out = fast(block, rules)  # type: ignore[arg-type]
        taken.append(out is not None)
        return out

    monkeypatch.setattr(pabulib, "_votes_fast", spy)
    parse_pabulib(APPROVAL.replace('"Park; with ""trees"""', "Park").replace("\n", newline))
    assert taken == [True]
