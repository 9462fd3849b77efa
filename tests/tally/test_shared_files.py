"""The real votes: the rule each file names selects exactly the projects it records."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.tally.helpers import SHARED_FILES
from wiec.tally import Instance, TieBreaking, count, equal_shares, recorded_selection
from wiec.tally.compare import has_recorded_selection

pytestmark = pytest.mark.slow

WITH_SELECTION = [f for f in SHARED_FILES if f != "Poland_Gdansk_2020.pb"]

Loader = Callable[[str], Instance]


@pytest.mark.parametrize("name", WITH_SELECTION)
def test_the_files_rule_selects_the_recorded_projects(pabulib_file: Loader, name: str) -> None:
    inst = pabulib_file(name)
    assert has_recorded_selection(inst)
    result = count(inst)
    assert result.rule == inst.rule
    assert set(result.selected) == set(recorded_selection(inst))
    assert len(result.selected) == len(set(result.selected))


@pytest.mark.parametrize("name", WITH_SELECTION)
def test_pabutools_tie_order_gives_the_same_projects(pabulib_file: Loader, name: str) -> None:
    inst = pabulib_file(name)
    by_id = count(inst, ties=TieBreaking(chain=("id",)))
    assert set(by_id.selected) == set(recorded_selection(inst))


def test_gdansk_has_no_recorded_selection(pabulib_file: Loader) -> None:
    inst = pabulib_file("Poland_Gdansk_2020.pb")
    assert not has_recorded_selection(inst)
    r = count(inst)
    assert r.spent <= inst.budget
    assert r.selected[0] == "1"  # 5,053 votes, the most


def test_wieliczka_recorded_outcome(pabulib_file: Loader) -> None:
    inst = pabulib_file("Poland_Wieliczka_2023_Green_Budget.pb")
    r = count(inst)  # equalshares/add1-comparison
    assert len(r.selected) == 30
    assert r.spent == 995_079
    assert r.increments == 164
    c = r.comparison
    assert c is not None
    assert c.kept == "equal_shares"
    # number of funded projects each voter chose, recorded outcome against greedy
    assert (c.prefer_equal_shares, c.prefer_greedy) == (1_615, 873)


def test_wieliczka_published_comparison_is_on_the_first_exhaustive_outcome(
    pabulib_file: Loader,
) -> None:
    """1,625 against 885 (the published figures) come from the 31-project outcome at which add1
    first exhausts the budget; stopping there instead gives 31 projects, not the recorded 30."""
    inst = pabulib_file("Poland_Wieliczka_2023_Green_Budget.pb")
    r = equal_shares(inst, add1=True, comparison=True, add1_stop="first-exhaustive")
    assert len(r.selected) == 31
    assert r.spent == 984_579
    assert r.increments == 150
    c = r.comparison
    assert c is not None
    assert (c.prefer_equal_shares, c.prefer_greedy) == (1_625, 885)
    assert set(r.selected) != set(recorded_selection(inst))


def test_poznan_custom_rule(pabulib_file: Loader) -> None:
    inst = pabulib_file("Poland_Poznan_2023.pb")
    r = count(inst)
    assert r.selected == ("7",)
    assert r.reserve_used == 0  # 1,000 left does not cover 80% of the next project (2,000,000)


def test_wroclaw_stops_at_the_first_project_that_does_not_fit(pabulib_file: Loader) -> None:
    inst = pabulib_file("Poland_Wroclaw_2023.pb")
    r = count(inst, "greedy-no-skip")
    assert len(r.selected) == 7
    assert r.left == 0  # seven projects of 3,000,000 spend the 21,000,000 exactly


def test_krakow_scores_are_rank_points(pabulib_file: Loader) -> None:
    inst = pabulib_file("Poland_Krakow_2024.pb")
    r = count(inst)
    for p in inst.projects:
        assert r.scores[p.id] == p.score


def test_thresholds_and_points_match_the_files_scores(pabulib_file: Loader) -> None:
    for name in ("Poland_Warszawa_2026.pb", "Poland_Lodz_2022.pb", "Poland_Czestochowa_2025.pb"):
        inst = pabulib_file(name)
        r = count(inst)
        for p in inst.projects:
            assert r.scores[p.id] == (p.score if p.score is not None else p.votes)


def test_equal_shares_on_warszawa_never_overspends(pabulib_file: Loader) -> None:
    inst = pabulib_file("Poland_Warszawa_2026.pb")
    r = equal_shares(inst)
    assert r.spent <= inst.budget
    for rnd in r.rounds:
        assert rnd.full_payers * rnd.max_payment + rnd.partial_total == rnd.cost
