from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = Path(os.environ.get("WIEC_PABULIB_DIR") or REPO / "tests" / "data" / "pabulib")
WIELICZKA = DATA / "Poland_Wieliczka_2023_Green_Budget.pb"


def wiec(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBUG": "true", "PYTHONPATH": str(REPO / "src")}
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "wiec", *args], env=env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.skipif(not WIELICZKA.exists(), reason=f"no pabulib data in {DATA}")
def test_wiec_tally_counts_a_file_with_its_own_rule() -> None:
    result = wiec("tally", str(WIELICZKA), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["rule"] == "equalshares/add1-comparison"
    assert data["spent"] == 995_079
    assert len(data["selected"]) == 30


def test_wiec_tally_reports_a_missing_file_without_a_traceback(tmp_path: Path) -> None:
    result = wiec("tally", str(tmp_path / "brak.pb"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "brak.pb" in result.stderr


def bare_env() -> dict[str, str]:
    """The environment of a machine with only the package installed: no Wiec settings at all."""
    drop = ("SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if k not in drop and not k.startswith("WIEC_")}
    env["PYTHONPATH"] = str(REPO / "src")
    return env


@pytest.mark.parametrize("entry", ["module", "console script"])
def test_wiec_tally_needs_no_secret_key_database_or_django(entry: str, tmp_path: Path) -> None:
    path = tmp_path / "small.pb"
    path.write_text(SMALL, encoding="utf-8")
    script = Path(sys.executable).with_name("wiec")
    if entry == "console script" and not script.exists():
        pytest.skip(f"no console script next to {sys.executable}")
    cmd = [sys.executable, "-m", "wiec"] if entry == "module" else [str(script)]
    result = subprocess.run(  # noqa: S603 - our own command
        [*cmd, "tally", str(path), "--json"], env={**bare_env(), "PYTHONPROFILEIMPORTTIME": "1"},
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(result.stdout)
    assert data["selected"] == ["2", "1"]
    assert data["spent"] == 90
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines()]
    assert "wiec.tally.cli" in imported
    assert not [m for m in imported if m == "django" or m.startswith("django.")], "Django started"


SMALL = """META
key;value
description;small
country;Poland
unit;Test
instance;2026
num_projects;3
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
3;30;Skwer
VOTES
voter_id;vote
a;1,2
b;2,1
c;3,2
"""
