"""The command's shortcuts: arguments read without argparse, and the end of the process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from wiec.tally.cli import _parser, _quick_args

REPO = Path(__file__).resolve().parents[2]

SAME_AS_ARGPARSE = [
    ["f.pb"],
    ["f.pb", "--json"],
    ["--json", "f.pb"],
    ["f.pb", "--rule", "greedy", "--json"],
    ["f.pb", "--rule=greedy-cost"],
    ["f.pb", "--rule="],
    ["f.pb", "--ties", "votes,lot", "--seed", "abc", "--strict"],
    ["f.pb", "--seed=", "--over-limit", "drop"],
    ["f.pb", "--over-limit=keep", "--voter", "v1", "--exclusions", "x.txt"],
    ["--strict", "--rule", "equalshares", "f.pb", "--json"],
]

LEFT_TO_ARGPARSE = [
    [],
    ["--help"],
    ["-h"],
    ["f.pb", "--js"],  # argparse takes abbreviations
    ["f.pb", "g.pb"],
    ["f.pb", "--rule"],
    ["f.pb", "--rule", "--json"],
    ["f.pb", "--seed", "-5"],
    ["f.pb", "--json", "--json"],
    ["f.pb", "--rule", "a", "--rule", "b"],
    ["f.pb", "--over-limit", "maybe"],
    ["f.pb", "--json=yes"],
    ["f.pb", "--over_limit", "keep"],
    ["f.pb", "--colour"],
    ["--", "f.pb"],
    ["-", "--json"],
]


@pytest.mark.parametrize("argv", SAME_AS_ARGPARSE)
def test_quick_arguments_are_what_argparse_reads(argv: list[str]) -> None:
    quick = _quick_args(argv)
    assert quick is not None
    assert vars(quick) == vars(_parser().parse_args(argv))


@pytest.mark.parametrize("argv", LEFT_TO_ARGPARSE)
def test_unusual_arguments_are_left_to_argparse(argv: list[str]) -> None:
    assert _quick_args(argv) is None


SMALL = """META
key;value
description;small
country;Poland
unit;Test
instance;2026
num_projects;2
num_votes;3
budget;100
vote_type;approval
rule;greedy
date_begin;2026
date_end;2026
PROJECTS
project_id;cost;name
1;40;Ławka
2;50;Drzewa
VOTES
voter_id;vote
a;1,2
b;2
c;1
"""


def _run(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    # Without PYTHONUNBUFFERED output to a pipe waits in a buffer, as on a resident's machine.
    drop = ("SECRET_KEY", "DEBUG", "PYTHONUNBUFFERED")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = str(REPO / "src")
    code = "import sys; from wiec.manage import main; sys.argv = ['wiec', *sys.argv[1:]]; main()"
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True,
        timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip


def test_the_console_script_prints_everything_before_it_ends(tmp_path: Path) -> None:
    # Output to a pipe is buffered: ending with os._exit without flushing would lose it.
    path = tmp_path / "small.pb"
    path.write_text(SMALL, encoding="utf-8")
    result = _run("tally", str(path), "--json", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["selected"] == ["1", "2"]
    assert data["voters"] == 3
    table = _run("tally", str(path), tmp_path=tmp_path)
    assert table.returncode == 0
    assert table.stdout.endswith("ties: none decided anything\n")


def test_the_console_script_reports_errors_with_exit_code_2(tmp_path: Path) -> None:
    result = _run("tally", str(tmp_path / "brak.pb"), tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("wiec tally: ")
    assert "brak.pb" in result.stderr
    usage = _run("tally", "--colour", tmp_path=tmp_path)
    assert usage.returncode == 2
    assert "usage: wiec tally" in usage.stderr


def test_the_common_form_imports_no_typing_pathlib_fractions_or_decimal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "small.pb"
    path.write_text(SMALL, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    env["PYTHONPATH"] = str(REPO / "src")
    result = subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-X", "importtime", "-m", "wiec", "tally", str(path), "--json"],
        env=env, capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert "wiec.tally.cli" in imported
    assert not imported & {"typing", "argparse", "pathlib", "fractions", "decimal", "numpy"}


def test_messages_name_the_path_as_before(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from wiec.tally.cli import main

    missing = f"{tmp_path}/./sub//brak.pb"
    assert main([missing, "--json"]) == 2
    assert capsys.readouterr().err.startswith(f"wiec tally: {Path(missing)}: ")
    assert main([f"{tmp_path}/", "--ties", "luck"]) == 2
    assert capsys.readouterr().err.startswith(f"wiec tally: {tmp_path.name}: ")
