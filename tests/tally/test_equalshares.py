"""The Method of Equal Shares: hand-computed cases, completions and properties."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.tally.helpers import (
    approval_sets,
    make_instance,
    reference_add1,
    reference_mes,
)
from wiec.tally import (
    Instance,
    Result,
    TallyError,
    TieBreaking,
    count,
    equal_shares,
    greedy,
    voter_payments,
)
from wiec.tally.rules import equalshares as es

BY_ID = TieBreaking(chain=("id",))


def majority_instance() -> Instance:
    """10 voters: 6 want A1..A5, 4 want B1..B5; every project costs 2; budget 10."""
    costs = {f"A{i}": 2 for i in range(1, 6)} | {f"B{i}": 2 for i in range(1, 6)}
    a = [f"A{i}" for i in range(1, 6)]
    b = [f"B{i}" for i in range(1, 6)]
    return make_instance(costs, [a] * 6 + [b] * 4, 10)


def test_greedy_gives_the_majority_everything() -> None:
    assert set(greedy(majority_instance()).selected) == {"A1", "A2", "A3", "A4", "A5"}


def test_equal_shares_gives_each_group_its_share() -> None:
    r = equal_shares(majority_instance(), ties=BY_ID)
    assert r.selected == ("A1", "A2", "A3", "B1", "B2")
    assert r.spent == 10
    assert r.budget_per_voter == 1
    a, b = r.rounds[0], r.rounds[3]
    assert (a.max_payment, a.full_payers, a.partial_payers) == (Fraction(1, 3), 6, 0)
    assert a.effective_votes == 6
    assert (b.max_payment, b.full_payers) == (Fraction(1, 2), 4)
    # every round but the last of each group was a tie among identical projects
    assert [t.position for t in r.ties] == [1, 2, 3, 4, 5]
    assert r.ties[0].project_ids == ("A1", "A2", "A3", "A4", "A5")
    assert r.ties[0].decided_by == "id"


def test_default_chain_breaks_identical_projects_by_lot() -> None:
    r = equal_shares(majority_instance(), ties=TieBreaking(seed="wiec"))
    assert {t.decided_by for t in r.ties} == {"lot"}
    assert sum(p.startswith("A") for p in r.selected) == 3


def partial_instance() -> Instance:
    """4 voters, share 20: X (28) by v0,v1; Z (45) by v0,v2,v3; v3 is alone on nothing."""
    return make_instance({"X": 28, "Z": 45}, [["X", "Z"], ["X"], ["Z"], ["Z"]], 80)


def test_partial_payers_pay_what_they_have_left() -> None:
    r = equal_shares(partial_instance(), utilities="approval")
    # X first: 14 each from v0, v1. Z: v0 has 6 left and pays it, v2 and v3 pay 39/2 each.
    assert r.selected == ("X", "Z")
    x, z = r.rounds
    assert (x.max_payment, x.full_payers, x.partial_payers) == (14, 2, 0)
    assert (z.max_payment, z.full_payers, z.partial_payers) == (Fraction(39, 2), 2, 1)
    assert z.partial_total == 6
    assert z.partial_total + z.full_payers * z.max_payment == z.cost


def test_cost_utilities_prefer_more_supporters() -> None:
    r = equal_shares(partial_instance())
    # Z first (3 supporters: rho 1/3 against 1/2); then X is out of reach for v0 and v1.
    assert r.selected == ("Z",)
    assert r.rounds[0].max_payment == 15


def test_add1_raises_shares_while_the_outcome_fits() -> None:
    # v0 wants A (5); v1, v2 want B (7); budget 9: shares of 3 buy nothing,
    # 4 buy B, 5 would buy both (12 > 9): add1 stops at 4.
    inst = make_instance({"A": 5, "B": 7}, [["A"], ["B"], ["B"]], 9)
    assert equal_shares(inst).selected == ()
    r = count(inst, "equalshares/add1")
    assert r.selected == ("B",)
    assert (r.increments, r.budget_per_voter) == (1, 4)
    assert r.rule == "equalshares/add1"


def test_greedy_completion_fills_the_money_left() -> None:
    inst = make_instance({"A": 5, "B": 7}, [["A"], ["B"], ["B"]], 9)
    r = count(inst, "equalshares/greedy")
    assert r.selected == ("B",)
    assert r.completed_by_greedy == ("B",)
    assert r.spent == 7


def test_comparison_keeps_greedy_when_more_voters_prefer_it() -> None:
    r = count(majority_instance(), "equalshares/add1-comparison", ties=BY_ID)
    c = r.comparison
    assert c is not None
    # 6 voters get 5 projects from greedy (3 from MES); 4 voters get 2 from MES (0 from greedy)
    assert (c.prefer_equal_shares, c.prefer_greedy, c.indifferent) == (4, 6, 0)
    assert c.kept == "greedy"
    assert set(r.selected) == {"A1", "A2", "A3", "A4", "A5"}
    money = equal_shares(
        majority_instance(), add1=True, comparison=True, comparison_measure="cost", ties=BY_ID
    ).comparison
    assert money is not None
    assert (money.prefer_equal_shares, money.prefer_greedy) == (4, 6)


def test_nobody_voted() -> None:
    inst = make_instance([5], [], 10)
    r = count(inst, "equalshares/add1")
    assert r.selected == ()
    assert r.spent == 0


def test_rule_names_parse() -> None:
    inst = partial_instance()
    assert count(inst, "equalshares-approval").selected == ("X", "Z")
    assert count(inst, "equalshares-approval/add1").rule == "equalshares-approval/add1"
    with pytest.raises(Exception, match="unknown rule"):
        count(inst, "equalshares/add2")


# --------------------------------------------------------------------------- properties


@st.composite
def instances(draw: st.DrawFn, max_voters: int = 10, max_projects: int = 6) -> Instance:
    m = draw(st.integers(1, max_projects))
    costs = [draw(st.sampled_from([1, 2, 3, 4, 6, 8, 9, 12, 15, 20])) for _ in range(m)]
    n = draw(st.integers(1, max_voters))
    ballots = [draw(st.lists(st.integers(0, m - 1), unique=True, max_size=m)) for _ in range(n)]
    budget = draw(st.integers(0, 40))
    return make_instance(costs, ballots, budget)


def replay_payments(inst: Instance, r: Result) -> None:
    """Every purchase is paid by its supporters, each at most its max payment, within shares."""
    sets = approval_sets(inst)
    index = inst.project_index()
    assert r.budget_per_voter is not None
    money = [r.budget_per_voter] * len(sets)
    for rnd in r.rounds:
        p = index[rnd.project_id]
        paid = Fraction(0)
        full = partial = 0
        for i, s in enumerate(sets):
            if p not in s:
                continue
            pay = min(money[i], rnd.max_payment)
            money[i] -= pay
            paid += pay
            if pay == rnd.max_payment:
                full += 1
            elif pay > 0:
                partial += 1
        assert paid == rnd.cost
        assert (full, partial) == (rnd.full_payers, rnd.partial_payers) or rnd.max_payment == 0
    assert all(x >= 0 for x in money)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.sampled_from(["cost", "approval"]))
def test_equal_shares_matches_the_textbook_definition(inst: Instance, utilities: str) -> None:
    r = equal_shares(inst, utilities=utilities, ties=BY_ID)  # type: ignore[arg-type]
    expected, payments = reference_mes(inst, utilities=utilities)
    assert list(r.selected) == expected
    assert [x.max_payment for x in r.rounds] == payments
    assert r.spent <= inst.budget
    replay_payments(inst, r)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_voters=6, max_projects=5))
def test_add1_matches_its_definition(inst: Instance) -> None:
    r = equal_shares(inst, add1=True, ties=BY_ID)
    assert list(r.selected) == reference_add1(inst)
    assert r.spent <= inst.budget
    replay_payments(inst, r)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.randoms(use_true_random=False))
def test_voter_order_does_not_matter(inst: Instance, rnd: object) -> None:
    ballots = list(inst.profile.ballots(inst.projects))
    rnd.shuffle(ballots)  # type: ignore[attr-defined]
    shuffled = Instance.from_ballots(budget=inst.budget, projects=inst.projects, ballots=ballots)
    for rule in ("equalshares", "equalshares-approval/add1", "greedy", "phragmen"):
        a, b = count(inst, rule), count(shuffled, rule)
        assert a.selected == b.selected
        assert a.ties == b.ties
        assert a.rounds == b.rounds


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_never_over_budget(inst: Instance) -> None:
    for rule in ("greedy", "greedy-no-skip", "equalshares", "equalshares/add1", "phragmen"):
        r = count(inst, rule)
        assert r.spent <= inst.budget
        assert r.spent == sum(p.cost for p in inst.projects if p.id in r.selected)
        assert len(set(r.selected)) == len(r.selected)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_voters=12, max_projects=6))
def test_exact_path_agrees_with_the_float_filter(inst: Instance) -> None:
    """Forcing every comparison into integers changes nothing."""
    fast = equal_shares(inst, add1=True, ties=BY_ID)
    saved = es.SAFETY, es.WINDOW
    try:
        es.SAFETY, es.WINDOW = 1e15, 10.0
        slow = equal_shares(inst, add1=True, ties=BY_ID)
    finally:
        es.SAFETY, es.WINDOW = saved
    assert (fast.selected, fast.rounds, fast.ties) == (slow.selected, slow.rounds, slow.ties)


def add1_every_increment(inst: Instance, stop: str) -> tuple[tuple[str, ...], int]:
    """add1 counting at every single increment (no certified jumps)."""
    d = es._prepare(inst, "cost", BY_ID)
    n, budget = inst.num_voters, inst.budget
    ids = [p.id for p in inst.projects]
    costs = [p.cost for p in inst.projects]
    previous: tuple[tuple[str, ...], int] = ((), 0)
    k = 0
    while budget + k * n <= budget * (n + 1):
        run = es._MES(d, budget + k * n, n).run()
        if run.spent > budget:
            return previous
        chosen = tuple(ids[p] for p in run.selected)
        left = budget - run.spent
        if stop == "first-exhaustive" and all(
            costs[p] > left for p in range(len(ids)) if p not in run.selected
        ):
            return chosen, k
        previous = (chosen, k)
        k += 1
    return previous


@st.composite
def long_add1_instances(draw: st.DrawFn) -> Instance:
    """Few voters and a large budget: add1 takes many increments."""
    m = draw(st.integers(2, 6))
    costs = [draw(st.integers(5, 120)) for _ in range(m)]
    n = draw(st.integers(2, 6))
    ballots = [draw(st.lists(st.integers(0, m - 1), unique=True, max_size=m)) for _ in range(n)]
    return make_instance(costs, ballots, draw(st.integers(50, 300)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(long_add1_instances(), st.sampled_from(["last-affordable", "first-exhaustive"]))
def test_certified_jumps_give_the_result_of_every_increment(inst: Instance, stop: str) -> None:
    r = equal_shares(inst, add1=True, add1_stop=stop, ties=BY_ID)  # type: ignore[arg-type]
    assert (r.selected, r.increments) == add1_every_increment(inst, stop)


def test_certified_jumps_skip_most_increments() -> None:
    # 4 voters, budget 250: 137 increments, the outcome changes rarely
    inst = make_instance([120, 100, 90, 30], [[0, 1, 2], [3], [0], [1, 3]], 250)
    runs = 0
    original = es._MES.run

    def counting(self: es._MES, *args: object, **kwargs: object) -> es._Run:
        nonlocal runs
        runs += 1
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    es._MES.run = counting  # type: ignore[method-assign]
    try:
        r = equal_shares(inst, add1=True, ties=BY_ID)
    finally:
        es._MES.run = original  # type: ignore[method-assign]
    assert (r.selected, r.increments) == add1_every_increment(inst, "last-affordable")
    assert r.increments is not None
    assert runs < r.increments / 2


def test_a_voter_can_see_what_they_paid() -> None:
    inst = partial_instance()
    r = equal_shares(inst, utilities="approval")
    v0 = voter_payments(inst, r, "v0")  # approved X and Z
    assert [(p.project_id, p.paid, p.full) for p in v0] == [("X", 14, True), ("Z", 6, False)]
    assert v0[-1].left_after == 0
    v2 = voter_payments(inst, r, "v2")
    assert [(p.project_id, p.paid, p.full, p.left_after) for p in v2] == [
        ("Z", Fraction(39, 2), True, Fraction(1, 2))
    ]
    with pytest.raises(TallyError, match="unknown voter"):
        voter_payments(inst, r, "nobody")
    with pytest.raises(TallyError, match="no Equal Shares payments"):
        voter_payments(inst, greedy(inst), "v0")
