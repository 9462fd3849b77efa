"""The Method of Equal Shares (MES), exact, with the completions Polish towns used.

The rule. Every voter gets an equal share of the budget. In each round, for every project still
affordable by its supporters, find the smallest `rho` such that the supporters, each paying
`min(what they have left, rho * utility)`, cover the cost. Buy the project with the smallest
`rho` (ties: the tie-breaking chain), take the payments, repeat until no project is affordable.
With *cost utilities* (pabutools' `Cost_Sat`, the variant Wieliczka and Świecie used) a
supporter's utility is the project's cost, so `rho` is the largest payment per złoty of the
project; with *approval utilities* (`Cardinality_Sat`) it is the largest payment itself.

Completions (pabulib rule names):

- `equalshares/add1`: raise every voter's share by one unit of currency (1 PLN), count again,
  and keep going *while the outcome still fits the real budget*; the last outcome that fits
  wins (pabutools 1.2: `exhaustion_by_budget_increase(..., budget_step=number of voters,
  exhaustive_stop=False)`);
- `-comparison`: compare that outcome with greedy by votes: Equal Shares is kept when more
  voters prefer it (`comparison_measure`, see `wiec.tally.compare`), else greedy's outcome;
- `equalshares/greedy` (`greedy_completion=True`): fill the money left greedily by votes.

Exactness and speed. All money is exact. Voters with equal money left form a class; a class's
money is the equal share minus the payments along its purchase path, and the payments are exact
integers over a common denominator that grows as purchases divide money (nothing is rounded).
Floating point is used only to *prune*: to find which projects can still win a round and where
a project's boundary between full and partial payers lies. Every float quantity carries a
rigorous error bound (see `_MES._float`); whenever two candidates are closer than their bounds,
or a boundary class is closer than its bound, the decision is made again in integers. So the
outcome, the order and every payment are those of exact arithmetic. Rounds recompute only the
projects whose last known `rho` (a lower bound: shares only shrink) could beat the best one, as
pabutools does, and a project's supporters are handled as numpy arrays of classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from math import gcd, inf
from typing import TYPE_CHECKING, Literal

import numpy as np
import numpy.typing as npt

from wiec.tally.compare import MEASURES, preference_counts
from wiec.tally.model import (
    Comparison,
    EqualSharesRound,
    Instance,
    Result,
    TallyError,
    Tie,
)
from wiec.tally.rules.greedy import greedy
from wiec.tally.scores import support_counts
from wiec.tally.ties import TieBreaking, TieContext

if TYPE_CHECKING:
    from wiec.tally.compare import Measure

Utilities = Literal["cost", "approval"]
Add1Stop = Literal["last-affordable", "first-exhaustive"]
ULP = 2.0**-53  # unit roundoff of float64
SAFETY = 4.0  # error bounds below are multiplied by this
# A class whose float money is within WINDOW * share of a max payment is compared exactly; the
# float error of class money is below 2 * purchases * ULP * share, far inside this window.
WINDOW = 1e-9

IntpArray = npt.NDArray[np.intp]
IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
ObjArray = npt.NDArray[np.object_]


@dataclass(slots=True)
class _Data:
    """What every run of MES on one instance shares."""

    n: int
    m: int
    costs: list[int]
    util: list[int]
    supp: list[IntpArray]
    sizes: list[int]
    ctx: TieContext


def _prepare(instance: Instance, utilities: Utilities, ties: TieBreaking) -> _Data:
    prof = instance.profile
    m = len(instance.projects)
    n = prof.num_voters
    owner = prof.voter_of_entry()
    proj = prof.indices
    if prof.points is not None:
        keep = prof.points > 0  # listed with 0 points is no support
        owner, proj = owner[keep], proj[keep]
    order = np.argsort(proj, kind="stable")
    sorted_proj = proj[order]
    sorted_voter = owner[order].astype(np.intp)
    bounds = np.searchsorted(sorted_proj, np.arange(m + 1)).tolist()
    supp = [sorted_voter[bounds[p] : bounds[p + 1]] for p in range(m)]
    costs = [p.cost for p in instance.projects]
    votes = support_counts(instance)
    ctx = TieContext(ties, ids=[p.id for p in instance.projects], costs=costs, votes=votes.tolist())
    return _Data(
        n=n,
        m=m,
        costs=costs,
        util=[c if utilities == "cost" else 1 for c in costs],
        supp=supp,
        sizes=[int(s.shape[0]) for s in supp],
        ctx=ctx,
    )


@dataclass(slots=True)
class _Purchase:
    project: int
    max_num: int  # max payment = max_num / max_den
    max_den: int
    full_payers: int
    partial_payers: int
    partial_num: int  # total of partial payments = partial_num / partial_den
    partial_den: int


@dataclass(slots=True)
class _Run:
    selected: list[int] = field(default_factory=list)
    purchases: list[_Purchase] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    spent: int = 0
    rho: list[tuple[int, int]] = field(default_factory=list)  # each winner's rho, num / den
    rho_f: list[float] = field(default_factory=list)  # an upper bound of it in floats
    certified: bool = True  # see `_MES.run(certify=...)`
    complete: bool = True  # False when a certifying run stopped early


@dataclass(slots=True)
class _Certify:
    """The winners of a run at a smaller share, and their rho, to certify an interval against."""

    winners: list[int]
    rho: list[tuple[int, int]]
    rho_f: list[float]


@dataclass(slots=True)
class _Cand:
    """A project's float picture in one round: its supporters' classes sorted by money left."""

    p: int
    rho: float
    err: float  # |rho - exact rho| is at most this
    nz: IntpArray  # classes of supporters with money left, ascending by money (float order)
    cn: IntArray  # supporters in each class
    i: int  # first class that pays in full (float guess)
    of_supporters: IntpArray  # each supporter's class (this round)


@dataclass(slots=True)
class _Exact:
    nz: IntpArray
    cn: IntArray
    i: int  # first class paying in full
    num: int  # cost * D - what partial payers pay, over the current denominator D
    rich: int  # number of full payers; the max payment is num / (rich * D)
    poor_sum: int  # what partial payers pay, over D
    poor_cnt: int
    t_f: float  # the max payment in floats
    of_supporters: IntpArray


class _MES:
    """One run of MES from a given equal share, exactly.

    Voters with equal money left form a class; `cls[v]` is voter v's class. Class 0 has nothing
    left, class 1 still has the whole share. Every other class was made in a purchase from the
    full payers of a `parent` class: its money is the parent's minus that purchase's max
    payment. So a class's exact money is the share minus the max payments along its path, and
    exact sums over classes need only how many voters paid in each purchase (numpy counts)
    times the exact payments. `valf` holds the same money in floats.

    Exact payments: purchase j's max payment is `pay_t[j] / dens[pay_lvl[j]]`; a class's exact
    money is computed from its parent's when first needed and kept (`memo`, numerator and
    level); `fac[l] = dens[-1] // dens[l]` puts any level over the current denominator.
    """

    def __init__(self, d: _Data, share_num: int, share_den: int) -> None:
        self.d = d
        self.cls: IntpArray = np.ones(d.n, dtype=np.intp)
        cap = 1024
        self.valf: FloatArray = np.zeros(cap, dtype=np.float64)
        self.share_f = share_num / share_den
        self.valf[1] = self.share_f
        self.parent: IntpArray = np.zeros(cap, dtype=np.intp)
        self.paid: IntpArray = np.full(cap, -1, dtype=np.intp)  # purchase that made the class
        self.k = 2
        self.share_num = share_num
        self.share_den = share_den
        self.dens: list[int] = [share_den]
        self.fac: ObjArray = np.array([1], dtype=object)
        self.pay_t: list[int] = []  # exact max payment numerators, by paying purchase
        self.pay_lvl: list[int] = []
        self.memo: dict[int, tuple[int, int]] = {1: (share_num, 0)}
        self._pay_now: ObjArray | None = None  # pay_t over the current denominator
        self.window = WINDOW * self.share_f  # float values this close to a boundary are checked

    def _grow(self, need: int) -> None:
        cap = self.valf.shape[0]
        if need <= cap:
            return
        extra = max(need, 2 * cap) - cap
        self.valf = np.concatenate([self.valf, np.zeros(extra, dtype=np.float64)])
        self.parent = np.concatenate([self.parent, np.zeros(extra, dtype=np.intp)])
        self.paid = np.concatenate([self.paid, np.full(extra, -1, dtype=np.intp)])

    # -- exact money

    def _num(self, c: int) -> tuple[int, int]:
        """Exact money of class `c` as (numerator, level): numerator / dens[level]."""
        memo = self.memo
        got = memo.get(c)
        if got is not None:
            return got
        chain = []
        while c not in memo:
            chain.append(c)
            c = int(self.parent[c])
        num, lvl = memo[c]
        for x in reversed(chain):
            j = int(self.paid[x])
            level = self.pay_lvl[j]
            num = num * (self.dens[level] // self.dens[lvl]) - self.pay_t[j]
            lvl = level
            memo[x] = (num, lvl)
        return num, lvl

    def _value(self, c: int) -> int:
        """Exact money of one class, over the current denominator `dens[-1]`."""
        if c == 0:
            return 0
        num, lvl = self._num(c)
        return num * int(self.fac[lvl])

    def _sum(self, classes: IntpArray, counts: IntArray) -> int:
        """Exact total money of `counts[i]` voters of each class `classes[i]`, over `dens[-1]`.

        Few classes: from each class's exact money. Many: the share times the voters, minus,
        for every purchase, how many of them paid it in full (counted along the class paths
        with numpy) times its exact payment.
        """
        q = classes.shape[0]
        if q == 0:
            return 0
        fac = self.fac
        if q <= 24 or not self.pay_t:
            total = 0
            for c, w in zip(classes.tolist(), counts.tolist(), strict=True):
                num, lvl = self._num(c)
                total += w * num * int(fac[lvl])
            return total
        npaid = len(self.pay_t)
        paid = np.zeros(npaid, dtype=np.float64)  # voter counts: exact in float64
        c, w = classes, counts.astype(np.float64)
        while c.shape[0]:
            j = self.paid[c]
            keep = j >= 0
            if not keep.all():
                c, w, j = c[keep], w[keep], j[keep]
                if c.shape[0] == 0:
                    break
            paid += np.bincount(j, weights=w, minlength=npaid)
            c = self.parent[c]
        if self._pay_now is None:
            self._pay_now = np.array(self.pay_t, dtype=object) * fac[self.pay_lvl]
        used = np.flatnonzero(paid)
        taken = int((paid[used].astype(np.int64).astype(object) * self._pay_now[used]).sum())
        return int(counts.sum()) * self.share_num * int(fac[0]) - taken

    # -- one project

    def _classes(self, of_voters: IntpArray) -> tuple[IntpArray, IntArray]:
        """The classes (other than 0) among the given voters' classes, and their sizes."""
        s = of_voters.shape[0]
        if self.k < 3 * s:
            cnt = np.bincount(of_voters, minlength=self.k)
            nz = cnt.nonzero()[0]
            c = cnt[nz]
        else:  # many classes, few voters: sorting beats counting over all classes
            x = np.sort(of_voters)
            if s == 0:
                return x, np.zeros(0, dtype=np.int64)
            first = np.empty(s, dtype=bool)
            first[0] = True
            np.not_equal(x[1:], x[:-1], out=first[1:])
            starts = first.nonzero()[0]
            nz = x[starts]
            c = np.diff(np.append(starts, s)).astype(np.int64)
        if nz.shape[0] and nz[0] == 0:
            return nz[1:], c[1:]
        return nz, c

    def _float(self, p: int) -> _Cand | None:
        """The project's round in floats, or None if its supporters cannot afford it.

        Error bounds: a class's float money is within `delta = 2 * purchases * ULP * share` of
        the exact money (each purchase subtracts a correctly rounded payment); a float sum of
        `q` nonnegative terms is within `q * ULP * sum` of the exact sum of those terms. A
        partition that is wrong only for classes within `delta` of the max payment moves the
        payment by at most `supporters * delta`. `SAFETY` covers what these bounds round off.
        """
        d = self.d
        of_supporters = self.cls[d.supp[p]]
        nz, c = self._classes(of_supporters)
        q = nz.shape[0]
        if q == 0:
            return None
        cost = d.costs[p]
        if q <= 32:  # few classes: plain Python is quicker than numpy's call overhead
            vl = self.valf[nz].tolist()
            cl = c.tolist()
            s = sum(cl)
            total = sum([a * b for a, b in zip(cl, vl, strict=True)])
        else:
            v = self.valf[nz]
            cv = c * v
            total = float(cv.sum())
            s = int(c.sum())
        delta = 2.0 * (len(self.pay_t) + 1) * ULP * self.share_f
        err_total = SAFETY * (s * delta + (q + 1) * ULP * (total + cost))
        if total + err_total < cost:
            return None
        if total - err_total < cost and self._sum(nz, c) < cost * self.dens[-1]:
            return None
        if q <= 32:
            order = sorted(range(q), key=vl.__getitem__)
            pc = 0
            pvi = 0.0
            i = q - 1
            ti = 0.0
            for pos, j in enumerate(order):
                ti = (cost - pvi) / (s - pc)
                if ti <= vl[j]:
                    i = pos
                    break
                pc += cl[j]
                pvi += cl[j] * vl[j]
            else:
                last = order[-1]
                pvi -= cl[last] * vl[last]
            idx = np.array(order, dtype=np.intp)
            nz, c = nz[idx], c[idx]
        else:
            o = np.argsort(v)
            v, c, cv, nz = v[o], c[o], cv[o], nz[o]
            pc_a = np.cumsum(c) - c
            pv = np.cumsum(cv) - cv
            t = (cost - pv) / (s - pc_a)
            ok = t <= v
            i = int(ok.argmax()) if bool(ok.any()) else q - 1
            ti = float(t[i])
            pvi = float(pv[i])
        err_t = SAFETY * (s * delta + (q + 2) * ULP * (pvi + cost) + ULP * ti)
        u = d.util[p]
        rho = ti / u
        err = err_t / u + SAFETY * ULP * rho
        return _Cand(p=p, rho=rho, err=err, nz=nz, cn=c, i=i, of_supporters=of_supporters)

    def _exact(self, c: _Cand) -> _Exact:
        """The project's max payment in integers, checking (and if need be redoing) the boundary.

        The float boundary is trusted for classes whose float money is farther than `window`
        from the exact max payment (float money is within a few ulps of the share); classes
        inside the window are compared exactly.
        """
        nz, cn, i = c.nz, c.cn, c.i
        den = self.dens[-1]
        need = self.d.costs[c.p] * den
        s = int(cn.sum())
        poor_sum = self._sum(nz[:i], cn[:i])
        poor_cnt = int(cn[:i].sum())
        num, rich = need - poor_sum, s - poor_cnt
        if rich > 0:
            t_f = num / (rich * den)
            vf = self.valf[nz]
            w = self.window
            ok = True
            for j in np.flatnonzero(vf[:i] >= t_f - w).tolist():
                if self._value(int(nz[j])) * rich >= num:
                    ok = False  # a partial payer could pay in full
                    break
            if ok:
                for j in (np.flatnonzero(vf[i:] <= t_f + w) + i).tolist():
                    if self._value(int(nz[j])) * rich < num:
                        ok = False  # a full payer cannot pay
                        break
            if ok:
                return _Exact(nz, cn, i, num, rich, poor_sum, poor_cnt, t_f, c.of_supporters)
        # The float order or boundary was off: redo it all in integers.
        vals = [self._value(int(x)) for x in nz.tolist()]
        order = np.array(sorted(range(nz.shape[0]), key=vals.__getitem__), dtype=np.intp)
        nz, cn = nz[order], cn[order]
        vals = [vals[j] for j in order.tolist()]
        poor_sum = poor_cnt = 0
        i = 0
        while True:
            num, rich = need - poor_sum, s - poor_cnt
            if vals[i] * rich >= num:
                break
            poor_sum += int(cn[i]) * vals[i]
            poor_cnt += int(cn[i])
            i += 1
        t_f = num / (rich * den)
        return _Exact(nz, cn, i, num, rich, poor_sum, poor_cnt, t_f, c.of_supporters)

    # -- the run

    def run(self, certify: _Certify | None = None, *, stop_uncertified: bool = False) -> _Run:
        """Count. With `certify` (the trace of a run at a smaller share x0; this run is at x1),
        also decide whether every share in [x0, x1] gives the same purchases, in order.

        Why this is sound: after a fixed sequence of purchases, every voter's money left is a
        non-decreasing function of the initial share (a payment max(0, m - t) with m up and the
        max payment t down, by induction), so every project's rho is non-increasing in the
        share. If in every round the winner w at x1 is the winner at x0 and every other project
        p has rho_p(x1) > rho_w(x0) (or equal with w first in the tie order), then at any share
        x in between rho_p(x) >= rho_p(x1) > rho_w(x0) >= rho_w(x): w wins there too, and a
        project unaffordable at x1 is unaffordable below. `certified` says whether that held;
        with `stop_uncertified` the run stops (incomplete) as soon as it does not.
        """
        d = self.d
        out = _Run()
        zero = [p for p in range(d.m) if d.costs[p] == 0 and d.sizes[p] > 0]
        for p in d.ctx.order(zero)[0]:
            out.selected.append(p)
            out.purchases.append(_Purchase(p, 0, 1, d.sizes[p], 0, 0, 1))
        stale = [inf] * d.m
        alive: list[int] = []
        for p in range(d.m):
            cost, size = d.costs[p], d.sizes[p]
            if cost > 0 and size > 0 and size * self.share_num >= cost * self.share_den:
                stale[p] = cost / (size * d.util[p]) * (1 - SAFETY * ULP)
                alive.append(p)
        rnd = 0
        while alive:
            order = sorted(alive, key=stale.__getitem__)
            cut = -inf  # with certify: every project whose rho might be <= cut is computed
            if certify is not None and out.certified and rnd < len(certify.rho_f):
                cut = certify.rho_f[rnd]
            best = inf  # the smallest upper bound of a rho computed this round
            cands: list[_Cand] = []
            dropped: set[int] = set()
            for p in order:
                if stale[p] > best and stale[p] > cut:
                    break  # this and every later project have a larger rho for sure
                c = self._float(p)
                if c is None:
                    dropped.add(p)  # unaffordable now, so for the rest of this run
                    continue
                stale[p] = c.rho - c.err  # a lower bound now, and later (shares only shrink)
                cands.append(c)
                best = min(best, c.rho + c.err)
            if dropped:
                alive = [p for p in alive if p not in dropped]
            if not cands:
                break
            near = [c for c in cands if c.rho - c.err <= best]
            exact = {c.p: self._exact(c) for c in near}
            tied = self._exact_minimum(exact)
            winner = tied[0]
            if len(tied) > 1:
                ordered, criterion = d.ctx.order(tied)
                winner = ordered[0]
                out.ties.append(
                    Tie(
                        position=len(out.selected) + 1,
                        project_ids=tuple(d.ctx.ids[p] for p in ordered),
                        decided_by=criterion,
                        detail="equal effective votes: "
                        + d.ctx.explain(criterion, ordered[0], ordered[1]),
                    )
                )
            e = exact[winner]
            rho = (e.num, e.rich * self.dens[-1] * d.util[winner])
            if certify is not None and out.certified:
                out.certified = self._certified(certify, rnd, winner, cands, exact)
                if not out.certified and stop_uncertified:
                    out.complete = False
                    return out
            out.rho.append(rho)
            out.rho_f.append(rho[0] / rho[1] * (1 + SAFETY * ULP))
            self._buy(winner, e, out)
            alive.remove(winner)
            rnd += 1
        if certify is not None and rnd != len(certify.winners):
            out.certified = False
        out.spent = sum(d.costs[p] for p in out.selected)
        return out

    def _certified(
        self,
        certify: _Certify,
        rnd: int,
        winner: int,
        cands: list[_Cand],
        exact: dict[int, _Exact],
    ) -> bool:
        """Does this round keep its winner for every share between the two runs?"""
        if rnd >= len(certify.winners) or certify.winners[rnd] != winner:
            return False
        (cut_n, cut_d), cut_f = certify.rho[rnd], certify.rho_f[rnd]
        key = self.d.ctx.key
        for c in cands:
            if c.p == winner or c.rho - c.err > cut_f:
                continue  # above the cut for sure
            e = exact.get(c.p) or self._exact(c)
            # rho = num / (rich * D * util), compared with cut_n / cut_d
            lhs = e.num * cut_d
            rhs = cut_n * e.rich * self.dens[-1] * self.d.util[c.p]
            if lhs < rhs or (lhs == rhs and key(c.p) < key(winner)):
                return False
        return True

    def _exact_minimum(self, exact: dict[int, _Exact]) -> list[int]:
        util = self.d.util
        best: list[int] = []
        bn = bd = 0
        for p, e in exact.items():
            # rho = num / (rich * D * util); D is common to all projects of the round
            n_, d_ = e.num, e.rich * util[p]
            if not best or n_ * bd < bn * d_:
                best, bn, bd = [p], n_, d_
            elif n_ * bd == bn * d_:
                best.append(p)
        return best

    def _buy(self, p: int, e: _Exact, out: _Run) -> None:
        g = gcd(e.num, e.rich)
        f = e.rich // g
        t = e.num // g  # the max payment is t / new_den
        old_den = self.dens[-1]
        new_den = old_den * f

        rich = e.nz[e.i :]
        left_f = self.valf[rich] - e.t_f
        # Far above the payment (more than the float error, by a wide margin): money is left.
        keep = left_f > 2 * self.window
        fresh: dict[int, float] = {}
        for x in np.flatnonzero(~keep).tolist():
            # Near it: decide in integers whether anything is left, and how much.
            v = self._value(int(rich[x]))  # over old_den (read before the level changes)
            left = (v * e.rich - e.num) * f // e.rich  # over new_den: (v - num/rich) * f
            keep[x] = left > 0
            if left > 0:
                fresh[x] = left / new_den

        self.dens.append(new_den)
        self.fac = np.append(self.fac * f, np.array([1], dtype=object))
        self._pay_now = None
        self.pay_t.append(t)
        self.pay_lvl.append(len(self.dens) - 1)
        purchase = len(self.pay_t) - 1
        idx = np.flatnonzero(keep)
        remap = np.zeros(self.k, dtype=np.intp)
        if idx.shape[0]:
            new = np.arange(self.k, self.k + idx.shape[0], dtype=np.intp)
            self._grow(self.k + idx.shape[0])
            remap[rich[idx]] = new
            self.parent[new] = rich[idx]
            self.paid[new] = purchase
            vals = left_f[idx]
            for pos, x in enumerate(idx.tolist()):
                if x in fresh:
                    vals[pos] = fresh[x]
            self.valf[new] = vals
            self.k += idx.shape[0]
        self.cls[self.d.supp[p]] = remap[e.of_supporters]
        out.selected.append(p)
        out.purchases.append(_Purchase(p, t, new_den, e.rich, e.poor_cnt, e.poor_sum, old_den))


def _run_mes(d: _Data, share: Fraction) -> _Run:
    return _MES(d, share.numerator, share.denominator).run()


def _exhaustive(d: _Data, run: _Run, budget: int) -> bool:
    """No project left out fits in the money left (pabutools' `is_exhaustive`: any project)."""
    chosen = set(run.selected)
    left = budget - run.spent
    return all(d.costs[p] > left for p in range(d.m) if p not in chosen)


def _add1(d: _Data, budget: int, step: int, stop: Add1Stop) -> tuple[_Run, int]:
    """Wieliczka's completion: raise every share by `step` while the outcome fits `budget`.

    `stop="last-affordable"` (Wieliczka's reading) ends only when an outcome overspends and
    returns the one before; `"first-exhaustive"` also ends at the first outcome that leaves no
    room for another project (pabutools' default, `exhaustive_stop=True`). Like pabutools, the
    share never passes budget * (voters + 1) / voters.

    Instead of counting at every increment, the count gallops: from an increment k0 it counts
    at k1 = k0 + 1, 2, 4, ... and accepts the whole interval when `_MES.run(certify=...)` proves
    that every share in between gives the same outcome (so the same cost and exhaustiveness);
    when it cannot, it halves the step, down to consecutive increments, which need no proof.
    The result is the one of counting at every increment.
    """
    n = d.n
    bound = budget * (n + 1)  # pabutools' budget_bound: budget limit * (voters + 1)
    k_max = (bound - budget) // (n * step)
    supported = sum(d.costs[p] for p in range(d.m) if d.sizes[p] > 0)

    def share(k: int) -> tuple[int, int]:
        return budget + k * n * step, n

    if supported <= budget and stop == "last-affordable":
        # Every outcome fits, so the count runs to the bound: go there at once.
        return _MES(d, *share(k_max)).run(), k_max
    lo = 0
    at_lo = _MES(d, *share(0)).run()
    if stop == "first-exhaustive" and _exhaustive(d, at_lo, budget):
        return at_lo, 0
    jump = 2  # how far the next certified jump reaches
    wait = 0  # consecutive increments to count before trying to jump again
    patience = 1  # how long to wait after a failed jump (doubles on each failure)
    while lo < k_max:
        if wait == 0 and lo + 1 < k_max:
            hi = min(lo + jump, k_max)
            trace = _Certify(
                at_lo.selected[len(at_lo.selected) - len(at_lo.rho) :], at_lo.rho, at_lo.rho_f
            )
            at_hi = _MES(d, *share(hi)).run(certify=trace, stop_uncertified=True)
            if at_hi.complete and at_hi.certified and at_hi.selected == at_lo.selected:
                # Every increment in [lo, hi] gives at_lo's outcome: nothing can stop there.
                lo, at_lo = hi, at_hi
                jump, patience = jump * 2, 1
                continue
            wait, patience, jump = patience, patience * 2, 2
        # One increment: no proof needed.
        at_hi = _MES(d, *share(lo + 1)).run()
        if at_hi.spent > budget:
            return at_lo, lo
        if stop == "first-exhaustive" and _exhaustive(d, at_hi, budget):
            return at_hi, lo + 1
        if at_hi.selected != at_lo.selected:
            jump = 2
        lo, at_lo = lo + 1, at_hi
        wait = max(0, wait - 1)
    return at_lo, lo


def equal_shares(
    instance: Instance,
    *,
    utilities: Utilities = "cost",
    add1: bool = False,
    greedy_completion: bool = False,
    comparison: bool = False,
    comparison_measure: Measure = "count",
    ties: TieBreaking | None = None,
    increment: int | None = None,
    add1_stop: Add1Stop = "last-affordable",
    rule: str | None = None,
) -> Result:
    """Count `instance` with the Method of Equal Shares.

    `add1`: Wieliczka's completion (see the module documentation); `increment` is the money
    added to each voter's share per step, one currency unit (`money_scale`) by default;
    `add1_stop` chooses when add1 ends (see `_add1`; Wieliczka: `last-affordable`).
    `greedy_completion`: then fill the money left greedily by votes. `comparison`: compare the
    outcome with greedy by votes and keep the one more voters prefer (Equal Shares must be
    preferred by strictly more voters to be kept).
    """
    if utilities not in ("cost", "approval"):
        raise TallyError(f"unknown utilities {utilities!r} (use cost or approval)")
    if comparison_measure not in MEASURES:
        raise TallyError(f"unknown comparison measure {comparison_measure!r}")
    ties = ties or TieBreaking()
    d = _prepare(instance, utilities, ties)
    budget = instance.budget
    name = rule or _name(utilities, add1, greedy_completion, comparison)
    votes = support_counts(instance)
    scores = {p.id: int(v) for p, v in zip(instance.projects, votes.tolist(), strict=True)}
    if d.n == 0:
        return Result(rule=name, budget=budget, selected=(), scores=scores, spent=0)
    step = instance.money_scale if increment is None else increment
    if step <= 0:
        raise TallyError("the add1 increment must be positive")
    if add1:
        if add1_stop not in ("last-affordable", "first-exhaustive"):
            raise TallyError(f"unknown add1 stop {add1_stop!r}")
        run, k = _add1(d, budget, step, add1_stop)
        share = Fraction(budget + k * d.n * step, d.n)
    else:
        share = Fraction(budget, d.n)
        run, k = _run_mes(d, share), 0
    ids = [p.id for p in instance.projects]
    selected = [ids[p] for p in run.selected]
    rounds = tuple(_round(instance, pu) for pu in run.purchases)
    completed: tuple[str, ...] = ()
    all_ties = list(run.ties)
    if greedy_completion:
        fill = greedy(
            instance,
            budget=budget - run.spent,
            exclude=frozenset(run.selected),
            ties=ties,
        )
        completed = fill.selected
        selected.extend(completed)
        all_ties.extend(fill.ties)
    spent = run.spent + sum(instance.projects[i].cost for i in _indices(instance, completed))
    cmp: Comparison | None = None
    if comparison:
        g = greedy(instance, ties=ties)
        pro_mes, pro_greedy, same = preference_counts(
            instance, selected, g.selected, measure=comparison_measure
        )
        kept: Literal["equal_shares", "greedy"] = (
            "equal_shares" if pro_mes > pro_greedy else "greedy"
        )
        cmp = Comparison(
            measure=comparison_measure,
            prefer_equal_shares=pro_mes,
            prefer_greedy=pro_greedy,
            indifferent=same,
            equal_shares_selected=tuple(selected),
            greedy_selected=g.selected,
            kept=kept,
        )
        if kept == "greedy":
            return Result(
                rule=name,
                budget=budget,
                selected=g.selected,
                scores=scores,
                spent=g.spent,
                ties=g.ties,
                comparison=cmp,
                budget_per_voter=share,
                increments=k if add1 else None,
                money_scale=instance.money_scale,
                notes=(f"greedy kept: {pro_greedy} voters prefer it, {pro_mes} Equal Shares",),
            )
    return Result(
        rule=name,
        budget=budget,
        selected=tuple(selected),
        scores=scores,
        spent=spent,
        ties=tuple(all_ties),
        rounds=rounds,
        budget_per_voter=share,
        increments=k if add1 else None,
        comparison=cmp,
        completed_by_greedy=completed,
        money_scale=instance.money_scale,
    )


def _indices(instance: Instance, ids: tuple[str, ...]) -> list[int]:
    index = instance.project_index()
    return [index[i] for i in ids]


def _round(instance: Instance, pu: _Purchase) -> EqualSharesRound:
    project = instance.projects[pu.project]
    max_payment = Fraction(pu.max_num, pu.max_den)
    return EqualSharesRound(
        project_id=project.id,
        cost=project.cost,
        max_payment=max_payment,
        effective_votes=Fraction(project.cost) / max_payment if max_payment else Fraction(0),
        full_payers=pu.full_payers,
        partial_payers=pu.partial_payers,
        partial_total=Fraction(pu.partial_num, pu.partial_den),
    )


def _name(utilities: Utilities, add1: bool, greedy_completion: bool, comparison: bool) -> str:
    name = "equalshares" if utilities == "cost" else "equalshares-approval"
    if add1:
        name += "/add1"
    if greedy_completion:
        name += "/greedy"
    if comparison:
        name += "-comparison"
    return name
