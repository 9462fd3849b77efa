"""`wiec tally FILE.pb [--rule RULE] [--json]`: count a pabulib file and show the result.

Without `--rule` the file's own `rule` is used. The table lists the projects by score with the
ones funded marked, and, when the file records a selection, whether the count matches it.
`--json` prints one JSON object instead (see `result_json`). Problems with the file or the rule
end with exit code 2 and a one-line message on stderr.

A file from elsewhere is read leniently by default: what is odd in it is listed as warnings
(each with its line and what was done), in the table and under `warnings` in the JSON.
`--strict` stops at the first oddity instead, as for files Wiec writes itself;
`--over-limit keep|drop` overrides how ballots outside the file's limits are treated (default
`city`: as the file's recorded votes show the city counted them).
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Sequence
from types import SimpleNamespace

from wiec.tally.compare import check_recorded, has_recorded_selection
from wiec.tally.model import Instance, Result, TallyError
from wiec.tally.pabulib import OVER_LIMIT, PabulibError, read_pabulib
from wiec.tally.rules import RULES, count, is_known_rule
from wiec.tally.ties import TieBreaking

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    import argparse
    from fractions import Fraction
    from pathlib import Path
    from typing import Any, NoReturn

PROG = "wiec tally"
WARNINGS_SHOWN = 20

# The options and their defaults, for `_quick_args`; `_parser` is the full definition.
_FLAGS = ("json", "strict")
_VALUED = {
    "rule": None,
    "ties": "cost,votes,lot",
    "seed": "",
    "voter": None,
    "exclusions": None,
    "over_limit": "city",
}


def _quick_args(argv: list[str]) -> SimpleNamespace | None:
    """The arguments of the common forms, read without argparse (about 5 ms to import).

    Takes one FILE and the options spelled out in full (`--rule R` or `--rule=R`), each at most
    once, no value starting with `-`. Anything else - help, abbreviations, repeats, a missing
    value, a second file - returns None and argparse reads it, with its own messages.
    """
    values: dict[str, Any] = dict.fromkeys(_FLAGS, False) | _VALUED
    seen: set[str] = set()
    file = None
    args = iter(argv)
    for arg in args:
        if not arg.startswith("-"):
            if file is not None:
                return None
            file = arg
            continue
        name, eq, value = arg[2:].partition("=")
        key = name.replace("-", "_")
        if not arg.startswith("--") or "_" in name or key in seen:
            return None
        seen.add(key)
        if key in _FLAGS and not eq:
            values[key] = True
        elif key in _VALUED:
            if not eq:
                value = next(args, "-")
            if value.startswith("-") or (key == "over_limit" and value not in OVER_LIMIT):
                return None
            values[key] = value
        else:
            return None
    if file is None:
        return None
    return SimpleNamespace(file=file, **values)


def _parser() -> argparse.ArgumentParser:
    import argparse

    p = argparse.ArgumentParser(
        prog=PROG,
        description="Count a participatory budget stored as a pabulib .pb file.",
        epilog="Rules: " + ", ".join(RULES),
    )
    p.add_argument("file", metavar="FILE.pb", help="the pabulib file to count")
    p.add_argument("--rule", help="counting rule (default: the file's own rule)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--ties",
        default="cost,votes,lot",
        help="tie-breaking chain, from cost, votes, score, lot, id (default: cost,votes,lot)",
    )
    p.add_argument("--seed", default="", help="published seed of the lot (default: empty)")
    p.add_argument(
        "--voter", metavar="VOTER_ID", help="also show what this voter paid (Equal Shares)"
    )
    p.add_argument(
        "--exclusions",
        metavar="FILE",
        help="greedy-exclusive: a side file, one exclusion group per line (ids, comma-separated)",
    )
    p.add_argument(
        "--strict",
        action="store_true",
        help="stop at the first oddity in the file (default: read it and list warnings)",
    )
    p.add_argument(
        "--over-limit",
        choices=OVER_LIMIT,
        default="city",
        help="ballots outside the file's limits: as the city counted them (default), keep, drop",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (0 ok, 2 bad input)."""
    # Reading a file makes hundreds of thousands of small objects and frees none of them until
    # the end: the cycle collector would only walk them again and again (a third of the read).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def run(argv: Sequence[str]) -> NoReturn:
    """The console script's `wiec tally`: run, flush the output and end the process at once.

    Nothing is left to do after the result is printed, so the process skips freeing the
    hundreds of thousands of objects the reader made (`os._exit`; 7 to 15 ms on a city's file).
    """
    code = main(argv)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # a closed pipe, say: let Python end as usual and report it
        raise SystemExit(code) from None
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    argl = list(argv) if argv is not None else sys.argv[1:]
    quick = _quick_args(argl)
    if quick is not None:
        args: Any = quick
    else:
        try:
            args = _parser().parse_args(argl)
        except SystemExit as e:  # --help, or argparse's own usage error (already printed)
            return int(e.code) if isinstance(e.code, int) else 2
    path = args.file
    try:
        ties = TieBreaking.parse(args.ties, seed=args.seed)
        instance = read_pabulib(path, strict=args.strict, over_limit=args.over_limit, defer=True)
        rule_line = instance.meta_lines.get("rule")
        if args.rule is None and rule_line is not None and not is_known_rule(instance.rule):
            raise PabulibError(
                rule_line,
                f"unknown rule {instance.rule!r} (known: {', '.join(RULES)}; "
                "count with --rule to choose one)",
            )
        exclusions = None
        if args.exclusions:
            known = {p.id for p in instance.projects}
            from pathlib import Path

            exclusions = read_exclusions(Path(args.exclusions), known)
        result = count(instance, args.rule, ties=ties, exclusions=exclusions)
        payments = None
        if args.voter:
            from wiec.tally.explain import voter_payments

            payments = voter_payments(instance, result, args.voter)
    except PabulibError as e:
        print(f"{PROG}: {e.source or _name(path)}: line {e.line}: {e.message}", file=sys.stderr)
        return 2
    except TallyError as e:
        print(f"{PROG}: {_name(path)}: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        from pathlib import Path

        print(f"{PROG}: {Path(path)}: {e.strerror or e}", file=sys.stderr)
        return 2
    scale = result.money_scale
    name = os.path.basename(path)
    if args.json:
        data = result_json(instance, result, file=name)
        if payments is not None:
            data["voter_payments"] = {
                "voter": args.voter,
                "payments": [
                    {
                        "round": x.round,
                        "project": x.project_id,
                        "paid": _frac(x.paid / scale),
                        "full": x.full,
                        "left_after": _frac(x.left_after / scale),
                    }
                    for x in payments
                ],
            }
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(result_table(instance, result, file=name))
        if payments is not None:
            print(f"voter {args.voter}:")
            for x in payments:
                how = "the full share of the round" if x.full else "all that was left"
                print(
                    f"  round {x.round}: {x.project_id}: paid {float(x.paid / scale):.2f} "
                    f"({how}), {float(x.left_after / scale):.2f} left"
                )
    return 0


def _name(path: str) -> str:
    """`Path(path).name`, with pathlib imported only when a message needs it."""
    from pathlib import Path

    return Path(path).name


def read_exclusions(path: Path, known: set[str]) -> list[list[str]]:
    """Exclusion groups from a side file: one group per line, project ids comma-separated.

    Blank lines and lines starting with `#` are skipped. A group of fewer than two projects, or
    naming a project not in `known`, raises `PabulibError` with the side file's line.
    """
    groups: list[list[str]] = []
    for ln, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        members = [x.strip() for x in text.split(",") if x.strip()]
        if len(members) < 2:
            raise PabulibError(ln, "an exclusion group needs two projects", source=path.name)
        unknown = [m for m in members if m not in known]
        if unknown:
            raise PabulibError(
                ln, f"exclusion group names unknown project {unknown[0]!r}", source=path.name
            )
        groups.append(members)
    return groups


# --------------------------------------------------------------------------- JSON


def _money(units: int, scale: int) -> int | float:
    if scale == 1:
        return units
    from decimal import Decimal

    return float(Decimal(units) / scale)


def _frac(x: Fraction) -> dict[str, Any]:
    return {"exact": str(x), "approx": float(x)}


def result_json(instance: Instance, result: Result, *, file: str | None = None) -> dict[str, Any]:
    """The result as plain JSON data.

    Keys: `rule`, `selected` (ids in selection order), `scores` (id -> score), `budget`,
    `spent`, `left` (money in the file's currency), `ties`, and when relevant `rounds` (Equal
    Shares purchases, exact payments as "p/q" strings with a float beside), `budget_per_voter`,
    `increments`, `comparison`, `reserve_used`, `completed_by_greedy`, plus, when the file
    records a selection, `recorded_selected` (what the file says the count funded),
    `matches_recorded`, `recorded_status` (matches, differs, not reproducible), `recorded_reason`
    and `recorded_outside` (projects the file marks as funded from outside the count).
    `warnings` lists what the reader found odd in the file (line, message).
    """
    scale = result.money_scale
    out: dict[str, Any] = {}
    if file is not None:
        out["file"] = file
    out.update(
        {
            "rule": result.rule,
            "file_rule": instance.rule,
            "vote_type": instance.vote_type,
            "voters": instance.num_voters,
            "projects": len(instance.projects),
            "budget": _money(result.budget, scale),
            "spent": _money(result.spent, scale),
            "left": _money(result.left, scale),
            "selected": list(result.selected),
            "scores": dict(result.scores),
            "ties": [
                {
                    "position": t.position,
                    "projects": list(t.project_ids),
                    "decided_by": t.decided_by,
                    "detail": t.detail,
                }
                for t in result.ties
            ],
        }
    )
    if result.rounds:
        out["rounds"] = [
            {
                "project": r.project_id,
                "cost": _money(r.cost, scale),
                "max_payment": _frac(r.max_payment / scale),
                "effective_votes": _frac(r.effective_votes),
                "full_payers": r.full_payers,
                "partial_payers": r.partial_payers,
                "partial_total": _frac(r.partial_total / scale),
            }
            for r in result.rounds
        ]
    if result.budget_per_voter is not None:
        out["budget_per_voter"] = _frac(result.budget_per_voter / scale)
    if result.increments is not None:
        out["increments"] = result.increments
    if result.comparison is not None:
        c = result.comparison
        out["comparison"] = {
            "measure": c.measure,
            "prefer_equal_shares": c.prefer_equal_shares,
            "prefer_greedy": c.prefer_greedy,
            "indifferent": c.indifferent,
            "kept": c.kept,
            "equal_shares_selected": list(c.equal_shares_selected),
            "greedy_selected": list(c.greedy_selected),
        }
    if result.reserve_used:
        out["reserve_used"] = _money(result.reserve_used, scale)
        out["reserve_funded"] = list(result.reserve_funded)
    if result.completed_by_greedy:
        out["completed_by_greedy"] = list(result.completed_by_greedy)
    check = check_recorded(instance, result)
    if check is not None:
        out["recorded_selected"] = list(check.expected)
        out["matches_recorded"] = check.status == "matches"
        out["recorded_status"] = check.status
        out["recorded_reason"] = check.reason
        out["recorded_outside"] = [
            {"project": pid, "selected": value, "why": why} for pid, value, why in check.outside
        ]
    if result.notes:
        out["notes"] = list(result.notes)
    out["warnings"] = [{"line": w.line, "message": w.message} for w in instance.warnings]
    return out


# --------------------------------------------------------------------------- table


def _fmt(units: int, scale: int) -> str:
    if scale == 1:
        return f"{units:,}".replace(",", " ")
    from decimal import Decimal

    whole = Decimal(units) / scale
    return f"{whole:,.{len(str(scale)) - 1}f}".replace(",", " ")


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def result_table(instance: Instance, result: Result, *, file: str | None = None) -> str:
    """A readable table of the result."""
    scale = result.money_scale
    currency = instance.meta.get("currency", "").strip()
    unit = f" {currency}" if currency else ""
    lines: list[str] = []
    head = f"{file}: " if file else ""
    voters = f"{instance.num_voters:,}".replace(",", " ")
    lines.append(
        f"{head}rule {result.rule} (file says {instance.rule}), {instance.vote_type} ballots, "
        f"{voters} voters, {len(instance.projects)} projects"
    )
    lines.append(
        f"budget {_fmt(result.budget, scale)}{unit}, spent {_fmt(result.spent, scale)}, "
        f"left {_fmt(result.left, scale)}"
    )
    order = {pid: i + 1 for i, pid in enumerate(result.selected)}
    recorded = has_recorded_selection(instance)
    header = f"{'rank':>4} {'id':<14} {'score':>9} {'cost':>13} {'funded':>6}"
    if recorded:
        header += f" {'file':>4}"
    header += "  name"
    lines.append("")
    lines.append(header)
    ranked = sorted(instance.projects, key=lambda p: (-result.scores.get(p.id, 0), p.id))
    for rank, p in enumerate(ranked, 1):
        funded = f"#{order[p.id]}" if p.id in order else ""
        row = (
            f"{rank:>4} {_cut(p.id, 14):<14} {result.scores.get(p.id, 0):>9} "
            f"{_fmt(p.cost, scale):>13} {funded:>6}"
        )
        if recorded:
            row += f" {'' if p.selected is None else p.selected:>4}"
        row += "  " + _cut(p.name, 50)
        lines.append(row)
    lines.append("")
    lines.append(f"funded ({len(result.selected)}), in order: " + ", ".join(result.selected))
    if result.rounds:
        lines.append("")
        lines.append("Equal Shares purchases (payment per supporter who paid in full):")
        for i, r in enumerate(result.rounds, 1):
            lines.append(
                f"  {i:>3}. {r.project_id}: {r.full_payers} paid "
                f"{float(r.max_payment / scale):.2f}{unit} each"
                + (
                    f", {r.partial_payers} paid all they had left "
                    f"({float(r.partial_total / scale):.2f}{unit})"
                    if r.partial_payers
                    else ""
                )
            )
    if result.budget_per_voter is not None:
        extra = f" after {result.increments} increments" if result.increments else ""
        lines.append(f"share per voter: {float(result.budget_per_voter / scale):.4f}{unit}{extra}")
    if result.comparison is not None:
        c = result.comparison
        lines.append(
            f"comparison ({c.measure}): {c.prefer_equal_shares} voters prefer Equal Shares, "
            f"{c.prefer_greedy} greedy, {c.indifferent} neither; kept {c.kept}"
        )
    if result.reserve_used:
        lines.append(
            f"funded from reserves: {', '.join(result.reserve_funded)} "
            f"({_fmt(result.reserve_used, scale)} over the budget)"
        )
    if result.completed_by_greedy:
        lines.append("completed greedily: " + ", ".join(result.completed_by_greedy))
    lines.extend(f"note: {n}" for n in result.notes)
    if result.ties:
        lines.append("ties broken:")
        lines.extend(
            f"  at {t.position}: {', '.join(t.project_ids)} by {t.decided_by}: {t.detail}"
            for t in result.ties
        )
    else:
        lines.append("ties: none decided anything")
    if instance.warnings:
        shown = instance.warnings[:WARNINGS_SHOWN]
        lines.append(f"warnings ({len(instance.warnings)}):")
        lines.extend(f"  line {w.line}: {w.message}" for w in shown)
        if len(instance.warnings) > len(shown):
            lines.append(f"  ... and {len(instance.warnings) - len(shown)} more (see --json)")
    check = check_recorded(instance, result)
    if check is not None:
        rec = check.expected
        head = f"recorded selection ({len(rec)} project{'' if len(rec) == 1 else 's'}): "
        if check.status == "matches":
            lines.append(head + "matches")
        elif check.status == "differs":
            lines.append(head + "DIFFERS: " + check.reason)
        else:
            lines.append(head + "not reproducible from the file alone: " + check.reason)
        lines.extend(
            f"  {pid} (selected {value}): {why}, not expected of the count"
            for pid, value, why in check.outside
        )
    return "\n".join(lines)
