"""Elections of several pools, and the `wiec tally` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.tally.helpers import make_instance, pabulib_dir
from wiec.tally import Instance, Pool, TallyError, count_election, write_pabulib
from wiec.tally.cli import main


def district(budget: int, cost: int) -> Instance:
    return make_instance({"D": cost}, [["D"]] * 3, budget)


def citywide(budget: int) -> Instance:
    return make_instance({"C1": 60, "C2": 50}, [["C1", "C2"], ["C1"], ["C1"], ["C2"]], budget)


def test_pools_are_counted_independently() -> None:
    pools = [
        Pool("north", district(100, 70)),
        Pool("south", district(100, 100)),
        Pool("city", citywide(100), citywide=True),
    ]
    r = count_election(pools)
    assert r.results["north"].selected == ("D",)
    assert r.results["city"].selected == ("C1",)
    assert r.transfers == ()
    assert r.order == ("north", "south", "city")


def test_unspent_district_money_moves_to_the_citywide_pool() -> None:
    pools = [
        Pool("north", district(100, 70)),  # 30 left
        Pool("south", district(100, 100)),  # nothing left
        Pool("east", district(100, 200)),  # 100 left: its project does not fit
        Pool("city", citywide(100), citywide=True),
    ]
    r = count_election(pools, leftovers="to-citywide")
    assert [(t.source, t.amount) for t in r.transfers] == [("north", 30), ("east", 100)]
    city = r.results["city"]
    assert city.budget == 230
    assert city.selected == ("C1", "C2")
    assert r.spent == 70 + 100 + 110


def test_leftovers_need_one_citywide_pool() -> None:
    with pytest.raises(TallyError, match="city-wide"):
        count_election([Pool("a", district(1, 1))], leftovers="to-citywide")
    with pytest.raises(TallyError, match="share a name"):
        count_election([Pool("a", district(1, 1)), Pool("a", district(1, 1))])


# --------------------------------------------------------------------------- CLI


META = {
    "description": "Test",
    "country": "Poland",
    "unit": "Testowo",
    "instance": "2024",
    "date_begin": "01.06.2024",
    "date_end": "15.06.2024",
    "currency": "PLN",
}


@pytest.fixture
def small_file(tmp_path: Path) -> Path:
    inst = make_instance(
        {"A1": 2, "A2": 2, "A3": 2, "B1": 2, "B2": 2},
        [["A1", "A2", "A3"]] * 6 + [["B1", "B2"]] * 4,
        8,
        rule="greedy",
        meta=META,
    )
    path = tmp_path / "small.pb"
    write_pabulib(inst, path)
    return path


def test_cli_prints_a_table(small_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(small_file), "--ties", "id"]) == 0
    out = capsys.readouterr().out
    assert "rule greedy" in out
    assert "funded (4), in order: A1, A2, A3, B1" in out
    assert "budget 8 PLN, spent 8, left 0" in out


def test_cli_json_has_the_agreed_keys(small_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(small_file), "--rule", "equalshares", "--json", "--ties", "id"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "equalshares"
    # shares of 4/5: A voters afford two A projects (1/3 each), B voters one B (1/2)
    assert data["selected"] == ["A1", "A2", "B1"]
    assert data["scores"] == {"A1": 6, "A2": 6, "A3": 6, "B1": 4, "B2": 4}
    assert (data["spent"], data["budget"], data["left"]) == (6, 8, 2)
    assert data["rounds"][0]["max_payment"] == {"exact": "1/3", "approx": pytest.approx(1 / 3)}
    assert data["budget_per_voter"]["exact"] == "4/5"
    assert data["ties"][0]["decided_by"] == "id"


def test_cli_explains_one_voters_payments(
    small_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(small_file), "--rule", "equalshares", "--voter", "v0", "--ties", "id"]) == 0
    out = capsys.readouterr().out
    assert "voter v0:" in out
    assert "round 1: A1: paid 0.33" in out
    assert main([str(small_file), "--rule", "equalshares", "--voter", "v9", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["voter_payments"]["payments"][0]["paid"]["exact"] == "1/2"
    assert main([str(small_file), "--voter", "v0"]) == 2  # greedy: nothing to explain
    assert "no Equal Shares payments" in capsys.readouterr().err


def test_cli_uses_the_files_rule_and_checks_the_recorded_selection(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = pabulib_dir() / "Poland_Poznan_2023.pb"
    if not path.is_file():
        pytest.skip(f"pabulib data not found at {path.parent}")
    assert main([str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["rule"] == "greedy-custom"
    assert data["selected"] == ["7"]
    assert data["matches_recorded"] is True
    assert main([str(path)]) == 0
    assert "recorded selection (1 project): matches" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.pb"], "No such file"),
        (["{small}", "--rule", "greedy-magic"], "unknown rule"),
        (["{small}", "--ties", "luck"], "tie-breaking criterion"),
        (["{broken}"], "META budget is negative"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(
    args: list[str],
    message: str,
    small_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    broken = tmp_path / "broken.pb"
    text = small_file.read_text(encoding="utf-8").replace("budget;8", "budget;-5")
    broken.write_text(text, encoding="utf-8")
    args = [a.format(small=small_file, broken=broken) for a in args]
    if "budget" in message:
        line = text.split("\n").index("budget;-5") + 1
        message = f"broken.pb: line {line}: {message}"
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_cli_help_and_usage(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "wiec tally" in capsys.readouterr().out
    assert main([]) == 2


def test_python_m_entry_point_exists() -> None:
    import importlib.util

    assert importlib.util.find_spec("wiec.tally.__main__") is not None
