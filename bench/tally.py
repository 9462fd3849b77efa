"""Benchmark of wiec.tally against pabutools on the real pabulib files
in tests/data/pabulib.

    PYTHONPATH=src python bench/tally.py [--files Warszawa,Wieliczka] [--rules greedy,...]
        [--repeat 5] [--skip-pabutools] [--pabutools-timeout 300]
        [--whole-file Warszawa_2026] [--whole-repeat 20] [--whole-only]

For every file and every applicable rule it times parsing and counting, ours (median of
`--repeat` runs) against pabutools 1.2 (one run, in a subprocess killed after
`--pabutools-timeout` seconds and reported as "timed out > N s"), checks that both select the
same projects, and measures peak memory (ru_maxrss of a fresh subprocess per side, and its rise
over the process right after imports). It prints a table and ends with one JSON line.

Ours is run with the `id` tie-breaking chain, which is pabutools' lexicographic rule, so that
outcomes can be compared. Rules pabutools lacks (greedy-no-skip, greedy-custom) are timed
for us only. greedy-threshold on pabutools is its greedy on the projects at or above the
threshold. This is never part of the test run, and no figure here is asserted.

Whole process: `wiec tally FILE --json` run `--whole-repeat` times as a fresh process in an
environment without SECRET_KEY, DEBUG or a database (what a resident runs), file to printed
result, against pabutools' parse and count of the same file with the file's rule, timed inside
its worker (so its interpreter start-up is not counted against it), in the same run. It prints
the median and p95 of ours (wall clock, and the CPU time of the process, which a loaded
machine disturbs less), the ratio of medians, and puts the figures in the JSON line under
`whole_process`. Like an installed package, the runs use compiled bytecode: the bytecode is
written to a temporary `PYTHONPYCACHEPREFIX` by one warm-up run (PYTHONDONTWRITEBYTECODE
is dropped), so the source tree is not touched. Beside it, the floor: the same medians for
`python -S -c pass`, `python -c pass` and `python -c "import wiec.tally.cli"`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
DATA = Path(os.environ.get("WIEC_PABULIB_DIR") or ROOT / "tests" / "data" / "pabulib")

APPROVAL = ("approval", "choose-1")


def rules_for(vote_type: str, file_rule: str) -> list[str]:
    """The rules to time on a file: its own, and the general ones that apply."""
    rules = [file_rule, "greedy", "equalshares", "equalshares/add1"]
    if vote_type in APPROVAL:
        rules.append("phragmen")
    out: list[str] = []
    for r in rules:
        if r not in out:
            out.append(r)
    return out


def rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


# --------------------------------------------------------------------------- workers


def worker_ours(path: Path, rule: str | None, repeat: int) -> dict[str, Any]:
    sys.path.insert(0, str(SRC))
    from wiec.tally import TieBreaking, count, read_pabulib

    base = rss_kb()
    parse_times = []
    parse_cpu = []
    inst = None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        inst = read_pabulib(path)
        parse_times.append(time.perf_counter() - t)
        parse_cpu.append(time.process_time() - c)
    if inst is None:
        raise SystemExit("--repeat must be at least 1")
    out: dict[str, Any] = {
        "parse_s": parse_times,
        "parse_cpu_s": parse_cpu,
        "vote_type": inst.vote_type,
        "rule": inst.rule,
        "voters": inst.num_voters,
        "projects": len(inst.projects),
    }
    if rule is not None:
        times = []
        cpu = []
        selected: tuple[str, ...] = ()
        for _ in range(repeat):
            t, c = time.perf_counter(), time.process_time()
            result = count(inst, rule, ties=TieBreaking(chain=("id",)))
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
            selected = result.selected
        out["rule_s"] = times
        out["rule_cpu_s"] = cpu
        out["selected"] = list(selected)
    out["peak_kb"] = rss_kb()
    out["base_kb"] = base
    return out


def worker_pabutools(path: Path, rule: str | None) -> dict[str, Any]:
    from pabutools.election import parse_pabulib

    base = rss_kb()
    t, c = time.perf_counter(), time.process_time()
    instance, profile = parse_pabulib(str(path))
    out: dict[str, Any] = {
        "parse_s": [time.perf_counter() - t],
        "parse_cpu_s": [time.process_time() - c],
    }
    if rule is not None:
        t, c = time.perf_counter(), time.process_time()
        allocation = _pabutools_rule(rule, instance, profile)
        out["rule_s"] = [time.perf_counter() - t]
        out["rule_cpu_s"] = [time.process_time() - c]
        out["selected"] = [p.name for p in allocation]
    out["peak_kb"] = rss_kb()
    out["base_kb"] = base
    return out


def _pabutools_rule(rule: str, instance: Any, profile: Any) -> Any:
    from pabutools.election import AdditiveSatisfaction, Cardinality_Sat, Cost_Sat
    from pabutools.election import Instance as PInstance
    from pabutools.rules import (
        exhaustion_by_budget_increase,
        greedy_utilitarian_welfare,
        method_of_equal_shares,
        popularity_comparison,
        sequential_phragmen,
    )

    vote_type = instance.meta["vote_type"]
    max_length = instance.meta.get("max_length")

    def score_of(ballot: Any, project: Any) -> int:
        if vote_type in APPROVAL:
            return int(project in ballot)
        if vote_type == "ordinal":
            if project not in ballot:
                return 0
            top = int(max_length) if max_length else len(ballot)
            return max(top - ballot.position(project), 0)
        return int(ballot.get(project, 0))

    class ScoreTimesCost(AdditiveSatisfaction):  # type: ignore[misc]
        """Score times cost: pabutools' greedy divides by cost, leaving greedy by score."""

        def __init__(self, inst: Any, prof: Any, ballot: Any) -> None:
            super().__init__(inst, prof, ballot, lambda i, p, b, pr, pre: score_of(b, pr) * pr.cost)

    greedy_sat = Cost_Sat if vote_type in APPROVAL else ScoreTimesCost
    n = profile.num_ballots()
    add1 = {
        "rule": method_of_equal_shares,
        "rule_params": {"sat_class": Cost_Sat},
        "budget_step": n,
        "exhaustive_stop": False,
    }
    if rule == "greedy":
        return greedy_utilitarian_welfare(instance, profile, sat_class=greedy_sat)
    if rule == "greedy-threshold":
        threshold = int(instance.meta["min_project_score_threshold"])
        scores = dict.fromkeys(instance, 0)
        for ballot in profile:
            for p in instance:
                scores[p] += score_of(ballot, p)
        kept = PInstance([p for p in instance if scores[p] >= threshold])
        kept.budget_limit = instance.budget_limit
        return greedy_utilitarian_welfare(kept, profile, sat_class=greedy_sat)
    if rule == "equalshares":
        return method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
    if rule == "equalshares/add1":
        return exhaustion_by_budget_increase(instance, profile, **add1)
    if rule == "equalshares/add1-comparison":
        best = popularity_comparison(
            instance,
            profile,
            Cardinality_Sat,
            [exhaustion_by_budget_increase, greedy_utilitarian_welfare],
            [add1, {"sat_class": Cost_Sat}],
        )
        return best[0]
    if rule == "phragmen":
        return sequential_phragmen(instance, profile)
    raise KeyError(rule)


PABUTOOLS_RULES = (
    "greedy",
    "greedy-threshold",
    "equalshares",
    "equalshares/add1",
    "equalshares/add1-comparison",
    "phragmen",
)


# --------------------------------------------------------------------------- driver


def run_worker(
    side: str, path: Path, rule: str | None, repeat: int, timeout: float | None
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--worker",
        side,
        "--file",
        str(path),
        "--repeat",
        str(repeat),
    ]
    if rule is not None:
        cmd += ["--rule", rule]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")])
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"timed_out": timeout}
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        return {"error": tail[0]}
    data: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return data


def med(xs: list[float]) -> float:
    return statistics.median(xs)


def fmt_s(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bench/tally.py", description=__doc__.splitlines()[0])
    ap.add_argument("--worker", choices=["ours", "pabutools"], help=argparse.SUPPRESS)
    ap.add_argument("--file", help=argparse.SUPPRESS)
    ap.add_argument("--rule", help=argparse.SUPPRESS)
    ap.add_argument("--files", default="", help="comma-separated substrings of file names")
    ap.add_argument("--rules", default="", help="comma-separated rule names (default: all)")
    ap.add_argument("--repeat", type=int, default=5, help="runs of ours per measure (median)")
    ap.add_argument("--skip-pabutools", action="store_true")
    ap.add_argument(
        "--whole-file", default="Warszawa_2026", help="file for the whole-process measure"
    )
    ap.add_argument("--whole-repeat", type=int, default=20, help="runs of the whole process")
    ap.add_argument("--pabutools-repeat", type=int, default=3, help="pabutools runs (whole)")
    ap.add_argument("--whole-only", action="store_true", help="only the whole-process measure")
    ap.add_argument(
        "--pabutools-timeout", type=float, default=300.0, help="seconds per pabutools rule"
    )
    args = ap.parse_args(argv)

    if args.worker:
        path = Path(args.file)
        if args.worker == "ours":
            data = worker_ours(path, args.rule, args.repeat)
        else:
            data = worker_pabutools(path, args.rule)
        print(json.dumps(data))
        return 0

    if not DATA.is_dir():
        print(f"no pabulib data at {DATA} (set WIEC_PABULIB_DIR)")
        return 2
    wanted = [s for s in args.files.split(",") if s]
    files = sorted(
        (p for p in DATA.glob("*.pb") if not wanted or any(w in p.name for w in wanted)),
        key=lambda p: -p.stat().st_size,
    )
    only_rules = [r for r in args.rules.split(",") if r]
    report: dict[str, Any] = {}
    rows: list[list[str]] = []
    started = time.perf_counter()
    for path in [] if args.whole_only else files:
        info = run_worker("ours", path, None, args.repeat, None)
        if "error" in info:
            print(f"{path.name}: {info['error']}")
            continue
        rules = rules_for(info["vote_type"], info["rule"])
        if only_rules:
            rules = [r for r in rules if r in only_rules]
        entry: dict[str, Any] = {
            "size_mb": round(path.stat().st_size / 1e6, 2),
            "voters": info["voters"],
            "projects": info["projects"],
            "vote_type": info["vote_type"],
            "file_rule": info["rule"],
            "rules": {},
        }
        # parsing
        ours_parse = med(info["parse_s"])
        theirs: dict[str, Any] = {}
        if not args.skip_pabutools:
            theirs = run_worker("pabutools", path, None, 1, args.pabutools_timeout)
        entry["parse"] = _pair(ours_parse, theirs, info, None)
        rows.append(_row(path.name, "parse", entry["parse"]))
        print(_fmt_row(rows[-1]), flush=True)
        for rule in rules:
            ours = run_worker("ours", path, rule, args.repeat, None)
            if "error" in ours:
                entry["rules"][rule] = {"error": ours["error"]}
                rows.append([path.name, rule, "error: " + ours["error"], "", "", "", "", ""])
                print(_fmt_row(rows[-1]), flush=True)
                continue
            theirs = {}
            if args.skip_pabutools:
                theirs = {"skipped": True}
            elif rule not in PABUTOOLS_RULES:
                theirs = {"unsupported": True}
            else:
                theirs = run_worker("pabutools", path, rule, 1, args.pabutools_timeout)
            entry["rules"][rule] = _pair(med(ours["rule_s"]), theirs, ours, rule)
            rows.append(_row(path.name, rule, entry["rules"][rule]))
            print(_fmt_row(rows[-1]), flush=True)
        report[path.name] = entry
    if rows:
        print()
        print(_fmt_row(HEADER))
        for row in rows:
            print(_fmt_row(row))
    whole = None
    whole_files = [p for p in DATA.glob("*.pb") if args.whole_file and args.whole_file in p.name]
    if whole_files:
        whole = whole_process(
            whole_files[0], args.whole_repeat, args.pabutools_repeat, args.skip_pabutools
        )
        print()
        print(_whole_text(whole))
    summary = {
        "benchmark": "wiec.tally vs pabutools",
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cpus",
        "repeat": args.repeat,
        "pabutools_timeout_s": None if args.skip_pabutools else args.pabutools_timeout,
        "pabutools_version": _pabutools_version(),
        "wall_s": round(time.perf_counter() - started, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "times": "ours_s / pabutools_s: wall-clock medians; *_cpu_s: process CPU time",
        "files": report,
        "whole_process": whole,
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 0


# --------------------------------------------------------------------------- whole process


def bare_env() -> dict[str, str]:
    """A machine with only the package installed: no Wiec or Django settings in the env."""
    drop = ("SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])
    return env


def p95(xs: list[float]) -> float:
    ordered = sorted(xs)
    return ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


def timed_runs(
    cmd: list[str], env: dict[str, str], repeat: int
) -> tuple[list[float], list[float], subprocess.CompletedProcess[str]]:
    """Wall-clock and CPU seconds (user + system of the child) of `repeat` fresh runs."""
    walls: list[float] = []
    cpus: list[float] = []
    proc: subprocess.CompletedProcess[str] | None = None
    for _ in range(max(1, repeat)):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        walls.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(
            after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime,
        )
        if proc.returncode != 0:
            break
    if proc is None:  # pragma: no cover - the loop runs at least once
        raise RuntimeError("no run")
    return walls, cpus, proc


def whole_process(path: Path, repeat: int, p_repeat: int, skip_pabutools: bool) -> dict[str, Any]:
    """Fresh `wiec tally FILE --json` processes, file to printed result, against pabutools."""
    cmd = [sys.executable, "-m", "wiec", "tally", str(path), "--json"]
    env = bare_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="wiec-bench-pyc-") as cache:
        env["PYTHONPYCACHEPREFIX"] = cache
        timed_runs(cmd, env, 1)  # warm-up: writes the bytecode, as installing the package does
        times, cpu, proc = timed_runs(cmd, env, repeat)
        if proc.returncode != 0:
            return {"file": path.name, "error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
        data = json.loads(proc.stdout)
        selected, rule = data["selected"], data["rule"]
        floor: dict[str, dict[str, float]] = {}
        for label, argv in (
            ("python -S -c pass", [sys.executable, "-S", "-c", "pass"]),
            ("python -c pass", [sys.executable, "-c", "pass"]),
            ("import wiec.tally.cli", [sys.executable, "-c", "import wiec.tally.cli"]),
        ):
            w, c, _ = timed_runs(argv, env, repeat)
            floor[label] = {"median_s": round(med(w), 4), "cpu_median_s": round(med(c), 4)}
    out: dict[str, Any] = {
        "file": path.name,
        "rule": rule,
        "command": "python -m wiec tally FILE --json (no SECRET_KEY, DEBUG or database)",
        "runs": len(times),
        "ours_median_s": round(med(times), 4),
        "ours_p95_s": round(p95(times), 4),
        "ours_min_s": round(min(times), 4),
        "ours_cpu_median_s": round(med(cpu), 4),
        "ours_cpu_p95_s": round(p95(cpu), 4),
        "target_s": 0.12,
        "floor": floor,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    if skip_pabutools:
        out["pabutools"] = "skipped"
        return out
    p_rule = rule if rule in PABUTOOLS_RULES else "greedy"
    p_times: list[float] = []
    p_selected: list[str] = []
    for _ in range(max(1, p_repeat)):
        theirs = run_worker("pabutools", path, p_rule, 1, None)
        if "error" in theirs:
            out["pabutools"] = "error: " + theirs["error"]
            return out
        p_times.append(theirs["parse_s"][0] + theirs["rule_s"][0])
        p_selected = theirs["selected"]
    out.update(
        {
            "pabutools_rule": p_rule,
            "pabutools_runs": len(p_times),
            "pabutools_parse_and_count_median_s": round(med(p_times), 4),
            "ratio_of_medians": round(med(p_times) / med(times), 1),
            "ratio_to_ours_p95": round(med(p_times) / p95(times), 1),
            "same_outcome": set(selected) == set(p_selected),
        }
    )
    return out


def _whole_text(w: dict[str, Any]) -> str:
    if "error" in w:
        return f"whole process on {w['file']}: error: {w['error']}"
    head = (
        f"whole process, {w['file']} ({w['rule']}), {w['runs']} fresh runs of `wiec tally`: "
        f"median {fmt_s(w['ours_median_s'])}, p95 {fmt_s(w['ours_p95_s'])}, "
        f"min {fmt_s(w['ours_min_s'])} (target {fmt_s(w['target_s'])}); CPU time median "
        f"{fmt_s(w['ours_cpu_median_s'])}, p95 {fmt_s(w['ours_cpu_p95_s'])}; load average "
        f"{', '.join(f'{x:.2f}' for x in w['load_average_after'])}"
    )
    lines = [head]
    lines.extend(
        f"  floor: {label}: median {fmt_s(f['median_s'])}, CPU {fmt_s(f['cpu_median_s'])}"
        for label, f in w["floor"].items()
    )
    if "ratio_of_medians" in w:
        lines.append(
            f"pabutools parse + {w['pabutools_rule']} in-process, {w['pabutools_runs']} runs: "
            f"median {fmt_s(w['pabutools_parse_and_count_median_s'])}; ratio "
            f"{w['ratio_of_medians']}x (medians), {w['ratio_to_ours_p95']}x (to our p95); "
            f"same outcome: {'yes' if w['same_outcome'] else 'NO'}"
        )
    elif "pabutools" in w:
        lines.append(f"pabutools: {w['pabutools']}")
    return "\n".join(lines)


HEADER = ["file", "what", "ours", "pabutools", "ratio", "same", "ours MB", "pabutools MB"]


def _pabutools_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("pabutools")
    except Exception:
        return None


def _mb(data: dict[str, Any]) -> dict[str, float] | None:
    if "peak_kb" not in data:
        return None
    return {
        "peak": round(data["peak_kb"] / 1024, 1),
        "rise": round((data["peak_kb"] - data["base_kb"]) / 1024, 1),
    }


def _pair(
    ours_s: float, theirs: dict[str, Any], ours: dict[str, Any], rule: str | None
) -> dict[str, Any]:
    key = "parse" if rule is None else "rule"
    out: dict[str, Any] = {"ours_s": round(ours_s, 4), "ours_mem_mb": _mb(ours)}
    if f"{key}_cpu_s" in ours:
        out["ours_cpu_s"] = round(med(ours[f"{key}_cpu_s"]), 4)
    if theirs.get("skipped"):
        out["pabutools"] = "skipped"
        return out
    if theirs.get("unsupported"):
        out["pabutools"] = "no such rule in pabutools"
        return out
    if "timed_out" in theirs:
        out["pabutools"] = f"timed out > {theirs['timed_out']:g} s"
        out["pabutools_s"] = None
        out["ratio_at_least"] = round(theirs["timed_out"] / ours_s, 1)
        return out
    if "error" in theirs:
        out["pabutools"] = "error: " + theirs["error"]
        return out
    if not theirs:
        return out
    p_s = med(theirs[f"{key}_s"])
    out["pabutools_s"] = round(p_s, 4)
    if f"{key}_cpu_s" in theirs:
        out["pabutools_cpu_s"] = round(med(theirs[f"{key}_cpu_s"]), 4)
    out["ratio"] = round(p_s / ours_s, 1) if ours_s > 0 else None
    out["pabutools_mem_mb"] = _mb(theirs)
    if rule is not None:
        a, b = ours.get("selected", []), theirs.get("selected", [])
        out["same_outcome"] = set(a) == set(b)
        out["same_order"] = list(a) == list(b)
        if not out["same_outcome"]:
            out["only_ours"] = sorted(set(a) - set(b))
            out["only_pabutools"] = sorted(set(b) - set(a))
    return out


def _row(name: str, what: str, pair: dict[str, Any]) -> list[str]:
    theirs = pair.get("pabutools")
    p_s = pair.get("pabutools_s")
    their_text = theirs if theirs is not None else fmt_s(p_s)
    if "ratio" in pair and pair["ratio"] is not None:
        ratio = f"{pair['ratio']:.0f}x" if pair["ratio"] >= 10 else f"{pair['ratio']:.1f}x"
    elif "ratio_at_least" in pair:
        ratio = f">{pair['ratio_at_least']:.0f}x"
    else:
        ratio = ""
    same = ""
    if "same_outcome" in pair:
        same = "yes" if pair["same_outcome"] else "NO"
        if pair["same_outcome"] and not pair.get("same_order", True):
            same = "yes (set)"
    om, pm = pair.get("ours_mem_mb"), pair.get("pabutools_mem_mb")
    return [
        name.removesuffix(".pb")[:28],
        what,
        fmt_s(pair["ours_s"]),
        their_text,
        ratio,
        same,
        f"{om['peak']:.0f} (+{om['rise']:.0f})" if om else "",
        f"{pm['peak']:.0f} (+{pm['rise']:.0f})" if pm else "",
    ]


def _fmt_row(row: list[str]) -> str:
    widths = [28, 28, 10, 22, 8, 9, 12, 12]
    return " ".join(
        cell.ljust(w) if i < 2 else cell.rjust(w)
        for i, (cell, w) in enumerate(zip(row, widths, strict=True))
    )


if __name__ == "__main__":
    sys.exit(main())
