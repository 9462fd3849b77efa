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
