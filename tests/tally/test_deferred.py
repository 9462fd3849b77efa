"""The deferred reading `wiec tally` uses (`defer=True`) against the careful one.

`_votes_lean` checks and counts approval and choose-1 ballots with string operations and
defers the profile; whenever it cannot vouch for a file the reader goes on as without `defer`.
These tests hold the two paths together: on every file in tests/data/pabulib, in both modes,
the instance (warnings included) and every greedy outcome must be the same, and on odd and
broken texts the error (line, message) or the warnings must be the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.tally.helpers import SHARED_FILES, pabulib_available_dir
from wiec.tally import (
    RULES,
    Instance,
    PabulibError,
    TallyError,
    TieBreaking,
    count,
    parse_pabulib,
    read_pabulib,
)
from wiec.tally.cli import main, result_json

GREEDY_RULES = [r for r in RULES if r.startswith("greedy")]
APPROVAL_LIKE = ("approval", "choose-1")


def _data() -> Path:
    directory = pabulib_available_dir()
    if directory is None:
        pytest.skip("pabulib data not found")
    return directory


def _read(read: Callable[[], Instance]) -> Instance | tuple[int, str]:
    """The instance read, or (line, message) of the error the reading stopped with."""
    try:
        return read()
    except PabulibError as e:
        return e.line, e.message


def _same_instance(a: Instance, b: Instance) -> None:
    assert a.warnings == b.warnings
    assert a.meta_lines == b.meta_lines
    assert a.num_voters == b.num_voters
    assert a == b  # budget, projects, meta, columns and (loading it) the profile


def _greedy_results(instance: Instance) -> dict[str, object]:
    out: dict[str, object] = {}
    for rule in GREEDY_RULES:
        for ties in (TieBreaking(), TieBreaking(chain=("id",)), TieBreaking(seed="s")):
            try:
                out[f"{rule} {ties.chain} {ties.seed}"] = count(instance, rule, ties=ties)
            except TallyError as e:
                out[f"{rule} {ties.chain} {ties.seed}"] = str(e)
    return out


@pytest.mark.parametrize("name", SHARED_FILES)
@pytest.mark.parametrize("strict", [False, True])
def test_every_shared_file_reads_and_counts_the_same_deferred(name: str, strict: bool) -> None:
    path = _data() / name
    careful = _read(lambda: read_pabulib(path, strict=strict))
    deferred = _read(lambda: read_pabulib(path, strict=strict, defer=True))
    if not isinstance(careful, Instance) or not isinstance(deferred, Instance):
        assert deferred == careful  # the same error, at the same line
        return
    if careful.vote_type in APPROVAL_LIKE and not careful.warnings:
        # The fast path must not silently stop applying to the real files it was made for.
        assert deferred.profile.is_deferred, name
    greedy_deferred = _greedy_results(deferred)
    if careful.vote_type in APPROVAL_LIKE:
        assert deferred.profile.is_deferred == (deferred.profile.support is not None)
    assert greedy_deferred == _greedy_results(careful)
    _same_instance(deferred, careful)


def test_warszawa_is_counted_without_loading_the_ballots() -> None:
    path = _data() / "Poland_Warszawa_2026.pb"
    inst = read_pabulib(path, strict=False, defer=True)
    assert inst.profile.is_deferred
    result = count(inst)
    data = result_json(inst, result)
    assert inst.profile.is_deferred  # greedy and the JSON needed only the support
    careful = read_pabulib(path, strict=False)
    assert data == result_json(careful, count(careful))
    listed = careful.profile.indices.tolist()
    assert inst.profile.support == tuple(listed.count(j) for j in range(83))


@pytest.mark.parametrize(
    "name", ["Poland_Wieliczka_2023_Green_Budget.pb", "Netherlands_Assen_2024.pb"]
)
def test_rules_that_need_the_ballots_load_them_and_agree(name: str) -> None:
    path = _data() / name
    deferred = read_pabulib(path, strict=False, defer=True)
    careful = read_pabulib(path, strict=False)
    for rule in ("equalshares", "equalshares/add1", "equalshares/add1-comparison", "phragmen"):
        assert count(deferred, rule) == count(careful, rule), rule


@pytest.mark.parametrize("name", SHARED_FILES)
def test_the_command_prints_what_the_careful_reading_gives(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _data() / name
    assert main([str(path), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    careful = read_pabulib(path, strict=False)
    assert printed == json.loads(json.dumps(result_json(careful, count(careful), file=name)))


HEAD = """META
key;value
description;x
country;Poland
unit;Testowo
instance;2024
num_projects;3
num_votes;{votes}
budget;100
vote_type;approval
rule;greedy
date_begin;2024
date_end;2024
{extra}PROJECTS
project_id;cost;votes;name
1;40;;a
2;50;;b
3;30;;c
VOTES
voter_id;vote;age
"""

# Each body is the VOTES rows; the comment says what is odd in it.
BODIES = {
    "plain": "10;1,2;30\n11;3;40\n12;2;50\n",
    "no final newline": "10;1,2;30\n11;3;40\n12;2;50",
    "crlf": "10;1,2;30\r\n11;3;40\r\n12;2;50\r\n",
    "lone cr": "10;1,2;30\r11;3;40\n12;2;50\n",
    "trailing blank lines": "10;1,2;30\n11;3;40\n12;2;50\n\n\n",
    "trailing spaces line": "10;1,2;30\n11;3;40\n12;2;50\n  \n",
    "blank line inside": "10;1,2;30\n\n11;3;40\n12;2;50\n",
    "project twice": "10;1,2,1;30\n11;3;40\n12;2;50\n",
    "project twice far apart": "10;1,2,3,1;30\n11;3;40\n12;2;50\n",
    "unknown project": "10;1,9;30\n11;3;40\n12;2;50\n",
    "empty item": "10;1,,2;30\n11;3;40\n12;2;50\n",
    "trailing comma": "10;1,2,;30\n11;3;40\n12;2;50\n",
    "empty vote": "10;;30\n11;3;40\n12;2;50\n",
    "space in vote": "10;1, 2;30\n11;3;40\n12;2;50\n",
    "duplicate voter": "10;1,2;30\n10;3;40\n12;2;50\n",
    "empty voter": "10;1,2;30\n;3;40\n12;2;50\n",
    "voter with space": "10;1,2;30\n 11;3;40\n12;2;50\n",
    "voter with vertical tab": "10;1,2;30\n\x0b11;3;40\n12;2;50\n",
    "voter non-ascii": "10;1,2;30\n11\u00a0;3;40\n12;2;50\n",
    "voter twice, once with a vertical tab": "10;1,2;30\n\x0b11;3;40\n11;2;50\n",
    "too few fields": "10;1,2\n11;3;40\n12;2;50\n",
    "too many fields": "10;1,2;30;x\n11;3;40\n12;2;50\n",
    "fields balanced over two rows": "10;1,2;30;x\n11;3\n12;2;50\n",
    "quote": '10;1,2;"30"\n11;3;40\n12;2;50\n',
    "nul": "10;1,2;3\x000\n11;3;40\n12;2;50\n",
    "another title": "10;1,2;30\nVOTES\n12;2;50\n",
    "no ballots": "",
    "only newlines": "\n\n",
    "long ballot": "10;1,2,3;30\n11;3;40\n12;2;50\n",
}
EXTRAS = {
    "": "",
    "max_length 2": "max_length;2\n",
    "min_length 2": "min_length;2\n",
    "max_sum_cost": "max_sum_cost;80\n",
}


@pytest.mark.parametrize("body", list(BODIES))
@pytest.mark.parametrize("extra", list(EXTRAS))
@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("votes", [3, 4])
def test_odd_and_broken_votes_read_the_same_deferred(
    body: str, extra: str, strict: bool, votes: int
) -> None:
    text = HEAD.format(votes=votes, extra=EXTRAS[extra]) + BODIES[body]
    careful = _read(lambda: parse_pabulib(text, source="x.pb", strict=strict))
    deferred = _read(lambda: parse_pabulib(text, source="x.pb", strict=strict, defer=True))
    if not isinstance(careful, Instance) or not isinstance(deferred, Instance):
        assert deferred == careful  # the same error, at the same line
        return
    assert _greedy_results(deferred) == _greedy_results(careful)
    _same_instance(deferred, careful)


def test_the_plain_body_is_deferred_and_odd_ones_are_not() -> None:
    def deferred(body: str, extra: str = "") -> bool:
        text = HEAD.format(votes=3, extra=extra) + body
        return parse_pabulib(text, strict=False, defer=True).profile.is_deferred

    assert deferred(BODIES["plain"])
    assert deferred(BODIES["crlf"])
    assert deferred(BODIES["trailing blank lines"])
    assert deferred(BODIES["plain"], "max_length;2\n")
    for odd in ("project twice far apart", "trailing spaces line", "voter with vertical tab"):
        assert not deferred(BODIES[odd]), odd
    assert not deferred(BODIES["long ballot"], "max_length;2\n")
    assert not deferred(BODIES["plain"], "max_sum_cost;80\n")


def test_a_quoted_field_running_over_the_votes_title_reads_the_same() -> None:
    text = HEAD.format(votes=3, extra="").replace("1;40;;a", '1;40;;"a\nVOTES\nb"')
    text += BODIES["plain"]
    for strict in (False, True):
        careful = _read(lambda: parse_pabulib(text, strict=strict))  # noqa: B023
        deferred = _read(lambda: parse_pabulib(text, strict=strict, defer=True))  # noqa: B023
        assert deferred == careful


@pytest.mark.parametrize("space", ["\u00a0", "\x0b", "\x1f", "\u2003", " ", "\t"])
@pytest.mark.parametrize("strict", [False, True])
def test_a_voter_id_with_whitespace_reads_as_the_line_by_line_reader_reads_it(
    space: str, strict: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "11" and "11" with whitespace around it are the same voter for the line-by-line reader;
    # the array reader used to keep them apart when the whitespace was not a space or a tab.
    from wiec.tally import pabulib

    text = HEAD.format(votes=3, extra="") + f"10;1,2;30\n11;3;40\n{space}11;2;50\n"
    fast = _read(lambda: parse_pabulib(text, strict=strict))
    deferred = _read(lambda: parse_pabulib(text, strict=strict, defer=True))
    monkeypatch.setattr(pabulib, "_votes_fast", lambda block, rules: None)
    slow = _read(lambda: parse_pabulib(text, strict=strict))
    assert slow == (23, "duplicate voter '11' (first on line 22)")
    assert fast == slow
    assert deferred == slow
