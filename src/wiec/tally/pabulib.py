"""Reading and writing the pabulib `.pb` format (https://pabulib.org/format).

A file has three sections, each a title line (`META`, `PROJECTS`, `VOTES`), a header line and
rows of `;`-separated fields with CSV quoting. `read_pabulib` checks everything a count relies
on and reports the first problem as a `PabulibError` naming the line; `write_pabulib` writes a
file that reads back to an equal `Instance` (and, for a file this module read, the same text up
to line endings: values are kept verbatim where they still mean the same thing).

Two modes. `strict=True` (the default of the library, for files Wiec writes itself) stops at
the first problem. `strict=False` (the default of `wiec tally`, for files published elsewhere)
reads what real files contain and reports each oddity as a `ReadWarning` on
`Instance.warnings`, with its line and what was done: a project listed twice on one ballot is
counted once; a ballot outside the file's limits (`max_length`, `min_length`, `max_sum_cost`,
`min_sum_cost`, points limits) is kept or left out as `over_limit` says (`city`, the default:
as the file's recorded `votes` show the city counted it, kept when they cannot tell); a row
with a stray double quote is read with its quotes as written; a file in Windows-1250 instead of
UTF-8 is decoded as such; a wrong `num_projects` or `num_votes` is reported. A file that is
really broken (a missing section, a vote for an unknown project, a cost that is not a number,
an amount too large to count exactly) stops in both modes with one `PabulibError` naming the
line.

Bounds (both modes): money amounts at most 10^15 money units with at most 6 decimal places,
integer META values and points at most 10^18 in absolute value, so every sum a count makes is
exact (scores fall back to Python integers where int64 could overflow).

Speed: rows without a double quote (all ballot rows in practice) are split with `str.split`,
which gives exactly what the csv module gives for such rows; rows with quotes go through the
csv module. A well-formed VOTES section is read all at once (`_votes_fast`); anything unusual
in it sends the reader to the line-by-line path (`_votes_slow`), which names the line.

`defer=True` (what `wiec tally` uses) goes one step further for approval and choose-1 ballots:
the VOTES section is checked and counted with string operations only (`_votes_lean`: every
condition `_votes_fast` checks, and a few more, on whole columns), and the profile is deferred,
its arrays built by `_votes_fast` only if a rule asks for them. Only the lines before the
VOTES rows are split into lines. When any check fails the reader goes on exactly as without
`defer`, so warnings, errors and their lines are the same either way (tested on every file of
`tests/data/pabulib` and on broken ones).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, pairwise, repeat

from wiec.tally.model import VOTE_TYPES, Instance, Profile, Project, ReadWarning

TYPE_CHECKING = False  # as in `model`: no `typing` at run time
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Literal

    import numpy as np

    from wiec.tally.model import VoteType

__all__ = ["OverLimit", "PabulibError", "parse_pabulib", "read_pabulib", "write_pabulib"]

OVER_LIMIT: tuple[str, ...] = ("city", "keep", "drop")
if TYPE_CHECKING:
    OverLimit = Literal["city", "keep", "drop"]


def __getattr__(name: str) -> object:
    """`OverLimit` at run time, made from `OVER_LIMIT` when asked for."""
    if name == "OverLimit":
        from typing import Literal

        return Literal[OVER_LIMIT]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


MAX_MONEY_UNITS = 10**15  # the largest budget or cost, in money units
MAX_DECIMALS = 6  # decimal places of a money amount
MAX_INT = 10**18  # the largest integer META value or point, in absolute value
_INT64_SAFE = 2**62  # sums below this fit int64 with room

REQUIRED_META = (
    "description",
    "country",
    "unit",
    "instance",
    "num_projects",
    "num_votes",
    "budget",
    "vote_type",
    "rule",
    "date_begin",
    "date_end",
)
INT_META = (
    "num_projects",
    "num_votes",
    "min_length",
    "max_length",
    "min_points",
    "max_points",
    "min_sum_points",
    "max_sum_points",
    "min_project_score_threshold",
    "default_score",
)
MONEY_META = ("budget", "min_sum_cost", "max_sum_cost", "min_project_cost", "max_project_cost")
_TITLES = ("meta", "projects", "votes")
_DATE = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4})$")
_SPECIAL = re.compile(r'[;"\r\n]')
_VOTES_TITLE = re.compile(r"^votes[ \t;]*\r?$", re.IGNORECASE | re.MULTILINE)
_ID_SPACE = " \t\x0b\x0c\x1c\x1d\x1e\x1f"  # whitespace an ASCII voter id must not hold


class PabulibError(ValueError):
    """A file that is not valid pabulib: `line` (1-based) and `message` say where and what."""

    def __init__(self, line: int, message: str, *, source: str | None = None) -> None:
        self.line = line
        self.message = message
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}line {line}: {message}")


# --------------------------------------------------------------------------- reading


def read_pabulib(
    path: str | Path,
    *,
    strict: bool = True,
    over_limit: OverLimit = "city",
    defer: bool = False,
) -> Instance:
    """Read a `.pb` file. Raises `PabulibError` (with the line) or `OSError`.

    `strict=False` reads odd files with warnings; `defer=True` defers the ballots when it can
    (see the module documentation).
    """
    with open(path, "rb") as f:
        data = f.read()
    name = os.path.basename(path)
    early: list[ReadWarning] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        if strict:
            raise PabulibError(line, "the file is not UTF-8 text", source=name) from None
        try:
            text = data.decode("cp1250")
        except UnicodeDecodeError:
            raise PabulibError(
                line, "the file is neither UTF-8 nor Windows-1250 text", source=name
            ) from None
        early.append(
            ReadWarning(line, "the file is not UTF-8 (first here): read as Windows-1250 (cp1250)")
        )
    return _parse(text, name, strict=strict, over_limit=over_limit, defer=defer, early=early)


def parse_pabulib(
    text: str,
    *,
    source: str | None = None,
    strict: bool = True,
    over_limit: OverLimit = "city",
    defer: bool = False,
) -> Instance:
    """Parse the text of a `.pb` file into an `Instance` (modes as for `read_pabulib`)."""
    return _parse(text, source, strict=strict, over_limit=over_limit, defer=defer)


def _parse(
    text: str,
    source: str | None,
    *,
    strict: bool,
    over_limit: OverLimit,
    defer: bool,
    early: Sequence[ReadWarning] = (),
) -> Instance:
    if defer:
        try:
            return _Parser(
                text, source, strict=strict, over_limit=over_limit, warnings=list(early), defer=True
            ).parse()
        except PabulibError:
            pass  # read it again the careful way, which names the problem as it always does
    return _Parser(text, source, strict=strict, over_limit=over_limit, warnings=list(early)).parse()


class _TooLargeError(ValueError):
    """A number beyond what a count takes exactly; the message says which bound."""


class _Money:
    """Money amounts as (integer, decimals) until the file's scale is known."""

    @staticmethod
    def parse(raw: str) -> tuple[int, int] | None:
        """(integer, decimals), or None when not a number; `_TooLargeError` beyond the bounds.

        The bounds are checked on the digits and exponent before any arithmetic, so that
        `1e999999` is refused at once instead of being expanded to a million digits.
        """
        s = raw.strip().replace(",", ".")
        if not s:
            return None
        if s.isascii() and s.isdigit() and len(s.lstrip("0")) <= 16:
            return int(s), 0  # a whole number of at most 16 digits: what Decimal would give
        from decimal import Decimal, InvalidOperation

        try:
            d = Decimal(s)
        except InvalidOperation:
            return None
        if not d.is_finite():
            return None
        t = d.as_tuple()
        exp = t.exponent if isinstance(t.exponent, int) else 0
        digits = t.digits
        if any(digits) and d.adjusted() > 15:
            raise _TooLargeError(f"{raw.strip()!r} is too large (the most a count takes is 10^15)")
        decimals = max(0, -exp)
        if decimals > MAX_DECIMALS:
            zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
            needed = 0 if not any(digits) else max(0, decimals - zeros)
            if needed > MAX_DECIMALS:
                raise _TooLargeError(f"{raw.strip()!r} has more than {MAX_DECIMALS} decimal places")
            decimals = needed
        return int(d.scaleb(decimals)), decimals


class _Parser:
    def __init__(
        self,
        text: str,
        source: str | None,
        *,
        strict: bool = True,
        over_limit: OverLimit = "city",
        warnings: list[ReadWarning] | None = None,
        defer: bool = False,
    ) -> None:
        if text.startswith("\ufeff"):
            text = text[1:]
        # With `defer`, only the text up to the line after the (first) VOTES title is split into
        # lines; the rest is `tail`, read by `_votes_lean` or split when it gives up.
        self.tail: str | None = None
        self.head_len = -1
        title = _VOTES_TITLE.search(text) if defer else None
        cut = text.find("\n", title.end() + 1) if title is not None else -1
        if title is not None and cut >= 0:
            self.lines = text[: cut + 1].split("\n")
            self.head_len = len(self.lines) - 1  # the last item is the empty rest of the cut
            self.tail = text[cut + 1 :]
        else:
            self.lines = text.split("\n")
        self.source = source
        self.pos = 0  # index into self.lines of the next line to read
        if over_limit not in OVER_LIMIT:
            raise ValueError(f"over_limit must be one of {', '.join(OVER_LIMIT)}")
        self.strict = strict
        self.over_limit = over_limit
        self.warnings: list[ReadWarning] = list(warnings or [])

    # -- low level

    def error(self, line: int, message: str) -> PabulibError:
        return PabulibError(line, message, source=self.source)

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ReadWarning(line, message))

    def odd(self, line: int, message: str, done: str) -> None:
        """An oddity: an error in strict mode, a warning saying what was done otherwise."""
        if self.strict:
            raise self.error(line, message)
        self.warn(line, f"{message}: {done}")

    def _line(self, i: int) -> str:
        s = self.lines[i]
        return s[:-1] if s.endswith("\r") else s

    def _split(self, i: int, width: int | None = None) -> tuple[list[str], int]:
        """Fields of the logical row starting at line index `i`, and the next line index.

        `width`, when known, is the number of fields the row must have: in lenient mode a row
        whose quotes do not parse, or whose quotes would swallow the next lines, but which has
        exactly `width` fields when read literally, is read literally (with a warning).
        """
        line = self._line(i)
        if '"' not in line:
            return line.split(";"), i + 1
        quotes = line.count('"')
        odd_quotes = quotes % 2 == 1
        if not self.strict and width is not None and odd_quotes and len(line.split(";")) == width:
            return self._literal(i, line), i + 1
        j = i + 1
        # A quoted field may hold a line break: join lines until the quotes balance.
        parts = [line]
        while quotes % 2 == 1 and j < len(self.lines):
            part = self._line(j)
            parts.append(part)
            quotes += part.count('"')
            j += 1
        joined = "\n".join(parts)
        import csv

        try:
            rows = list(csv.reader([joined], delimiter=";", strict=True))
            if len(rows) != 1:
                raise csv.Error("bad quoting")
        except csv.Error as e:
            if not self.strict and (width is None or len(line.split(";")) == width):
                return self._literal(i, line), i + 1
            raise self.error(i + 1, f"bad quoting: {e}") from None
        if (
            not self.strict
            and width is not None
            and len(rows[0]) != width
            and len(line.split(";")) == width
        ):
            return self._literal(i, line), i + 1
        return rows[0], j

    def _literal(self, i: int, line: str) -> list[str]:
        """A row with a stray double quote, read with its quotes as written (lenient mode)."""
        self.warn(i + 1, "stray double quote: the row is read with its quotes as written")
        fields = line.split(";")
        return [
            f[1:-1].replace('""', '"') if len(f) >= 2 and f[0] == f[-1] == '"' else f
            for f in fields
        ]

    @staticmethod
    def _title(fields: list[str]) -> str | None:
        head = fields[0].strip().lower()
        if head in _TITLES and all(not f.strip() for f in fields[1:]):
            return head
        return None

    def _rows(self, width: int | None = None) -> Iterator[tuple[int, list[str]]]:
        """Rows of the current section (1-based line, fields), stopping before a title."""
        n = len(self.lines)
        while self.pos < n:
            i = self.pos
            if not self._line(i).strip():
                self.pos += 1
                continue
            fields, nxt = self._split(i, width)
            if self._title(fields) is not None:
                return
            self.pos = nxt
            yield i + 1, fields

    def _next_title(self, expected: str) -> int:
        n = len(self.lines)
        while self.pos < n and not self._line(self.pos).strip():
            self.pos += 1
        if self.pos >= n:
            raise self.error(n, f"missing {expected.upper()} section")
        fields, nxt = self._split(self.pos)
        title = self._title(fields)
        if title != expected:
            what = f"{title.upper()} section" if title else repr(self._line(self.pos)[:40])
            raise self.error(self.pos + 1, f"expected the {expected.upper()} section, found {what}")
        self.pos = nxt
        return nxt  # 1-based line of the title == index of the next line

    def _header(self, section: str, required: Sequence[str]) -> tuple[int, list[str]]:
        n = len(self.lines)
        while self.pos < n and not self._line(self.pos).strip():
            self.pos += 1
        if self.pos >= n:
            raise self.error(n, f"{section} section has no header line")
        fields, nxt = self._split(self.pos)
        line = self.pos + 1
        if self._title(fields) is not None:
            raise self.error(line, f"{section} section has no header line")
        header = [f.strip() for f in fields]
        for r in required:
            if r not in header:
                raise self.error(line, f"{section} header lacks the required field {r!r}")
        if len(set(header)) != len(header):
            raise self.error(line, f"{section} header names a field twice")
        self.pos = nxt
        return line, header

    # -- sections

    def parse(self) -> Instance:
        meta_title = self._next_title("meta")
        meta, meta_lines = self._meta()
        self._next_title("projects")
        proj_header_line, proj_header = self._header("PROJECTS", ("project_id", "cost"))
        raw_projects = self._projects(proj_header)
        self._next_title("votes")
        return self._finish(
            meta, meta_lines, meta_title, proj_header_line, proj_header, raw_projects
        )

    def _meta(self) -> tuple[dict[str, str], dict[str, int]]:
        line, header = self._header("META", ())
        if [h.lower() for h in header[:2]] != ["key", "value"]:
            raise self.error(line, "META header must be 'key;value'")
        meta: dict[str, str] = {}
        where: dict[str, int] = {}
        for ln, fields in self._rows(2):
            if len(fields) < 2 or any(f.strip() for f in fields[2:]):
                raise self.error(ln, "a META row must be 'key;value'")
            key = fields[0].strip()
            if not key:
                raise self.error(ln, "META row with an empty key")
            if key in meta:
                raise self.error(ln, f"META key {key!r} given twice (first on line {where[key]})")
            meta[key] = fields[1]
            where[key] = ln
        return meta, where

    def _projects(self, header: list[str]) -> list[tuple[int, list[str]]]:
        width = len(header)
        rows = []
        for ln, fields in self._rows(width):
            if len(fields) != width:
                raise self.error(
                    ln, f"project row has {len(fields)} fields, the header has {width}"
                )
            rows.append((ln, fields))
        return rows

    def _finish(
        self,
        meta: dict[str, str],
        meta_lines: dict[str, int],
        meta_title: int,
        proj_header_line: int,
        proj_header: list[str],
        raw_projects: list[tuple[int, list[str]]],
    ) -> Instance:
        for key in REQUIRED_META:
            if key not in meta or not meta[key].strip():
                raise self.error(meta_title, f"META lacks the required key {key!r}")
        ints: dict[str, int] = {}
        for key in INT_META:
            if key in meta and meta[key].strip():
                raw = meta[key].strip()
                if len(raw.lstrip("+-")) > 19:
                    raise self.error(meta_lines[key], f"META {key} is too large: {raw[:40]!r}")
                try:
                    ints[key] = int(raw)
                except ValueError:
                    raise self.error(
                        meta_lines[key], f"META {key} must be an integer, not {meta[key]!r}"
                    ) from None
                if abs(ints[key]) > MAX_INT:
                    raise self.error(
                        meta_lines[key], f"META {key} is too large (the most is 10^18): {raw!r}"
                    )
        vote_type = meta["vote_type"].strip()
        if vote_type not in VOTE_TYPES:
            raise self.error(
                meta_lines["vote_type"],
                f"unknown vote_type {vote_type!r} (expected one of {', '.join(VOTE_TYPES)})",
            )
        for key in ("date_begin", "date_end"):
            if not _DATE.match(meta[key].strip()):
                raise self.error(
                    meta_lines[key], f"META {key} must be dd.mm.yyyy or a year: {meta[key]!r}"
                )
        money: dict[str, tuple[int, int]] = {}
        for key in MONEY_META:
            if key in meta and meta[key].strip():
                try:
                    m = _Money.parse(meta[key])
                except _TooLargeError as e:
                    raise self.error(meta_lines[key], f"META {key} {e}") from None
                if m is None:
                    raise self.error(meta_lines[key], f"META {key} is not a number: {meta[key]!r}")
                if m[0] < 0:
                    raise self.error(meta_lines[key], f"META {key} is negative: {meta[key]!r}")
                money[key] = m

        # Projects
        col = {h: i for i, h in enumerate(proj_header)}
        ids: list[str] = []
        index: dict[str, int] = {}
        costs: list[tuple[int, int]] = []
        parsed: list[dict[str, object]] = []
        for ln, fields in raw_projects:
            pid = fields[col["project_id"]].strip()
            if not pid:
                raise self.error(ln, "project with an empty project_id")
            if pid in index:
                first = raw_projects[index[pid]][0]
                raise self.error(ln, f"project {pid!r} is listed twice (first on line {first})")
            try:
                cost = _Money.parse(fields[col["cost"]])
            except _TooLargeError as e:
                raise self.error(ln, f"project {pid!r}: cost {e}") from None
            if cost is None:
                raise self.error(ln, f"project {pid!r}: cost is not a number")
            if cost[0] < 0:
                raise self.error(ln, f"project {pid!r}: negative cost {fields[col['cost']]}")
            rec: dict[str, object] = {}
            for key in ("votes", "score", "selected"):
                if key in col:
                    raw = fields[col[key]].strip()
                    if raw and raw.lower() != "none":
                        try:
                            if len(raw.lstrip("+-")) > 19:
                                raise ValueError(raw)
                            rec[key] = int(raw)
                        except ValueError:
                            raise self.error(
                                ln, f"project {pid!r}: {key} must be an integer, not {raw!r}"
                            ) from None
            if "selected" in rec and rec["selected"] not in (0, 1, 2, 3):
                raise self.error(ln, f"project {pid!r}: selected must be 0, 1, 2 or 3")
            if "votes" in rec and int(str(rec["votes"])) < 0:
                raise self.error(ln, f"project {pid!r}: negative votes")
            index[pid] = len(ids)
            ids.append(pid)
            costs.append(cost)
            parsed.append(rec)

        num_projects = ints["num_projects"]
        if num_projects != len(ids):
            self.odd(
                meta_lines["num_projects"],
                f"num_projects is {num_projects} but the PROJECTS section lists {len(ids)}",
                "the projects listed are counted",
            )

        # Money scale: the most decimals any amount uses.
        decimals = max([d for _, d in costs] + [d for _, d in money.values()] + [0])
        scale = _pow10(decimals)

        def scaled(m: tuple[int, int]) -> int:
            return m[0] * _pow10(decimals - m[1])

        budget = scaled(money["budget"])
        cost_units = [scaled(c) for c in costs]
        too_large = [
            (meta_lines[k], f"META {k}") for k, m in money.items() if scaled(m) > MAX_MONEY_UNITS
        ] + [
            (ln, f"project {pid!r}: cost")
            for (ln, _f), pid, cu in zip(raw_projects, ids, cost_units, strict=True)
            if cu > MAX_MONEY_UNITS
        ]
        if too_large:
            line, what = min(too_large)
            raise self.error(
                line,
                f"{what} is too large with the {decimals} decimal places the file uses "
                f"(the most a count takes is 10^15 money units)",
            )

        projects: list[Project] = []
        typed_cols = {"project_id", "cost", "name", "category", "district", "votes", "score"}
        typed_cols.add("selected")
        for (_ln, fields), pid, cu, rec in zip(raw_projects, ids, cost_units, parsed, strict=True):
            category: tuple[str, ...] = ()
            if "category" in col:
                raw = fields[col["category"]]
                if raw.strip() and raw.strip().lower() != "none":
                    category = tuple(c.strip() for c in raw.split(",") if c.strip())
            district = None
            if "district" in col:
                raw = fields[col["district"]]
                district = raw if raw.strip() and raw.strip().lower() != "none" else None
            extra = {h: fields[i] for i, h in enumerate(proj_header) if h not in typed_cols}
            raw_typed = {h: fields[i] for i, h in enumerate(proj_header) if h in typed_cols}
            votes = rec.get("votes")
            score = rec.get("score")
            selected = rec.get("selected")
            projects.append(
                Project(
                    id=pid,
                    cost=cu,
                    name=fields[col["name"]] if "name" in col else "",
                    district=district,
                    category=category,
                    votes=votes if isinstance(votes, int) else None,
                    score=score if isinstance(score, int) else None,
                    selected=selected if isinstance(selected, int) else None,
                    fields=extra,
                    raw=raw_typed,
                )
            )

        limits: dict[str, int] = {
            k: scaled(money[k]) for k in ("min_sum_cost", "max_sum_cost") if k in money
        }
        recorded: list[int | None] = []
        for rec in parsed:
            v = rec.get("votes")
            if v is None and vote_type in ("approval", "choose-1"):
                v = rec.get("score")
            recorded.append(v if isinstance(v, int) else None)
        self.recorded_votes = recorded
        self.ballots_in_file = -1
        profile = self._votes(vote_type, index, cost_units, ints, limits)
        if profile.num_voters == 0 and not self.strict:
            self.warn(self.votes_header_line, "the VOTES section has no ballots")
        num_votes = ints["num_votes"]
        in_file = profile.num_voters if self.ballots_in_file < 0 else self.ballots_in_file
        if num_votes != in_file:
            self.odd(
                meta_lines["num_votes"],
                f"num_votes is {num_votes} but the VOTES section has {in_file} voters",
                "the ballots in the file are counted",
            )
        return Instance(
            budget=budget,
            projects=tuple(projects),
            profile=profile,
            vote_type=_vote_type(vote_type),
            rule=meta["rule"].strip(),
            meta=meta,
            money_scale=scale,
            project_columns=tuple(proj_header),
            warnings=tuple(self.warnings),
            meta_lines=dict(meta_lines),
        )

    def _votes(
        self,
        vote_type: str,
        index: dict[str, int],
        cost_units: list[int],
        ints: dict[str, int],
        cost_limits: dict[str, int],
        *,
        fast: bool = True,
    ) -> Profile:
        with_points = vote_type in ("cumulative", "scoring")
        required = ("voter_id", "vote", "points") if with_points else ("voter_id", "vote")
        self.votes_header_line, header = self._header("VOTES", required)
        max_len = ints.get("max_length")
        if vote_type == "choose-1":
            max_len = 1 if max_len is None else min(max_len, 1)
        rules = _VoteRules(
            header=header,
            with_points=with_points,
            cumulative=vote_type == "cumulative",
            index=index,
            costs=cost_units,
            max_len=max_len,
            min_len=ints.get("min_length"),
            max_sum_pts=ints.get("max_sum_points"),
            min_sum_pts=ints.get("min_sum_points"),
            max_pts=ints.get("max_points"),
            min_pts=ints.get("min_points"),
            max_sum_cost=cost_limits.get("max_sum_cost"),
            min_sum_cost=cost_limits.get("min_sum_cost"),
        )
        if self.tail is not None:
            if fast and self.pos == self.head_len:
                lean = _votes_lean(self.tail, rules)
                if lean is not None:
                    return lean
            self.lines = self.lines[: self.head_len] + self.tail.split("\n")
            self.tail = None
        start = self.pos
        self.pos = len(self.lines)
        if fast:
            profile = _votes_fast(self.lines[start:], rules)
            if profile is not None:
                return profile
        return self._votes_slow(start, rules)

    def _votes_slow(self, start: int, r: _VoteRules) -> Profile:
        """Ballots line by line: the first real problem stops with its line number.

        In lenient mode a project listed twice is counted once, and ballots outside the file's
        limits are collected and then kept or left out together (see `_over_limit`).
        """
        width = len(r.header)
        index = r.index
        seen: dict[str, int] = {}
        # One entry per ballot: (line, voter id, project indices, points, extra fields).
        ballots: list[tuple[int, str, list[int], list[int], list[str]]] = []
        outside: list[tuple[int, int, str]] = []  # (ballot number, line, what is wrong)
        n = len(self.lines)
        i = start
        while i < n:
            line = self._line(i)
            fields, nxt = self._split(i, width) if '"' in line else (line.split(";"), i + 1)
            ln = i + 1
            i = nxt
            if len(fields) != width:
                if not line.strip():
                    continue
                if self._title(fields) is not None:
                    raise self.error(ln, f"unexpected {fields[0].strip().upper()} section")
                raise self.error(ln, f"ballot row has {len(fields)} fields, the header has {width}")
            vid = fields[r.c_id].strip()
            if not vid:
                raise self.error(ln, "ballot with an empty voter_id")
            if vid in seen:
                raise self.error(ln, f"duplicate voter {vid!r} (first on line {seen[vid]})")
            seen[vid] = ln
            vote = fields[r.c_vote]
            row: list[int] = []
            if vote.strip():
                for p in vote.split(","):
                    p = p.strip()
                    if p not in index:
                        raise self.error(ln, f"voter {vid!r} votes for unknown project {p!r}")
                    row.append(index[p])
            pts: list[int] = []
            if r.with_points:
                raw_pts = fields[r.c_points]
                try:
                    pts = [_bounded_int(x) for x in raw_pts.split(",")] if raw_pts.strip() else []
                except _TooLargeError as e:
                    raise self.error(ln, f"voter {vid!r}: points {e}") from None
                except ValueError:
                    raise self.error(
                        ln, f"voter {vid!r}: points must be integers: {raw_pts!r}"
                    ) from None
                if len(pts) != len(row):
                    raise self.error(
                        ln, f"voter {vid!r}: {len(pts)} points for {len(row)} projects"
                    )
            if len(set(row)) != len(row):
                self.odd(
                    ln,
                    f"voter {vid!r} lists a project twice",
                    "each project counted once, with its first points"
                    if r.with_points
                    else "each project counted once",
                )
                first: dict[int, int] = {}
                for k, j in enumerate(row):
                    first.setdefault(j, k)
                keep = sorted(first.values())
                row = [row[k] for k in keep]
                pts = [pts[k] for k in keep] if r.with_points else pts
            problem = r.ballot_problem(row, pts)
            if problem:
                if self.strict:
                    raise self.error(ln, f"voter {vid!r}: {problem}")
                outside.append((len(ballots), ln, f"voter {vid!r}: {problem}"))
            ballots.append((ln, vid, row, pts, [fields[j] for j in r.extra_idx]))
        self.ballots_in_file = len(ballots)
        dropped = self._over_limit(ballots, outside) if outside else set()
        voter_ids: list[str] = []
        indptr: list[int] = [0]
        indices: list[int] = []
        points: list[int] = []
        extras: list[list[str]] = []
        for k, (_ln, vid, row, pts, extra) in enumerate(ballots):
            if k in dropped:
                continue
            indices.extend(row)
            points.extend(pts)
            indptr.append(len(indices))
            voter_ids.append(vid)
            extras.append(extra)
        return r.profile(voter_ids, indptr, indices, points, extras)

    def _over_limit(
        self,
        ballots: list[tuple[int, str, list[int], list[int], list[str]]],
        outside: list[tuple[int, int, str]],
    ) -> set[int]:
        """Keep or leave out the ballots outside the file's limits; warn for each one.

        `city` compares the votes the file records for its projects with the votes counted
        with and without those ballots: whichever matches is how the city counted; when the
        file records no votes, or neither matches, the ballots are kept (they are in the file).
        """
        which = {k for k, _ln, _m in outside}
        how = self.over_limit
        why = ""
        if how == "city":
            recorded = self.recorded_votes
            how, why = "keep", "the file records no votes to show how the city counted them"
            if recorded and all(v is not None for v in recorded):
                with_all = [0] * len(recorded)
                without = [0] * len(recorded)
                for k, (_ln, _vid, row, _pts, _x) in enumerate(ballots):
                    for j in row:
                        with_all[j] += 1
                        if k not in which:
                            without[j] += 1
                if without == recorded and with_all != recorded:
                    how, why = "drop", "as the file's recorded votes show the city did"
                elif with_all == recorded:
                    why = "as the file's recorded votes show the city did"
                else:
                    why = "the file's recorded votes match neither way"
        done = "kept" if how == "keep" else "left out"
        detail = f" ({why})" if why else ""
        for _k, ln, message in outside:
            self.warn(ln, f"{message}: ballot {done}{detail}")
        return which if how == "drop" else set()


def _bounded_int(raw: str) -> int:
    """An integer of at most 10^18 in absolute value (else `_TooLargeError`, or ValueError)."""
    s = raw.strip()
    if len(s.lstrip("+-")) > 19:
        if s.lstrip("+-").isdigit():
            raise _TooLargeError(f"{s[:30]!r} are too large (the most is 10^18)")
        raise ValueError(s)
    value = int(s)
    if abs(value) > MAX_INT:
        raise _TooLargeError(f"{s!r} are too large (the most is 10^18)")
    return value


class _VoteRules:
    """What a VOTES section must satisfy, and how its columns are laid out."""

    def __init__(
        self,
        *,
        header: list[str],
        with_points: bool,
        cumulative: bool,
        index: dict[str, int],
        costs: list[int],
        max_len: int | None,
        min_len: int | None,
        max_sum_pts: int | None,
        min_sum_pts: int | None,
        max_pts: int | None,
        min_pts: int | None,
        max_sum_cost: int | None,
        min_sum_cost: int | None,
    ) -> None:
        self.header = header
        self.with_points = with_points
        self.cumulative = cumulative
        self.index = index
        self.costs = costs
        self.max_len = max_len
        self.min_len = min_len
        self.max_sum_pts = max_sum_pts
        self.min_sum_pts = min_sum_pts
        self.max_pts = max_pts
        self.min_pts = min_pts
        self.max_sum_cost = max_sum_cost
        self.min_sum_cost = min_sum_cost
        self.c_id = header.index("voter_id")
        self.c_vote = header.index("vote")
        self.c_points = header.index("points") if "points" in header else -1
        self.extra_cols = [h for h in header if h not in ("voter_id", "vote", "points")]
        self.extra_idx = [header.index(h) for h in self.extra_cols]

    def ballot_problem(self, row: list[int], pts: list[int]) -> str | None:
        """What puts a ballot outside the file's limits, or None."""
        k = len(row)
        if self.max_len is not None and k > self.max_len:
            return f"ballot lists {k} projects, max_length is {self.max_len}"
        if self.min_len is not None and k < self.min_len:
            return f"ballot lists {k} projects, min_length is {self.min_len}"
        if self.with_points:
            problem = self.points_problem(pts)
            if problem:
                return problem
        if self.max_sum_cost is not None or self.min_sum_cost is not None:
            c = sum(self.costs[j] for j in row)
            if self.max_sum_cost is not None and c > self.max_sum_cost:
                return f"ballot costs {c}, more than max_sum_cost {self.max_sum_cost}"
            if self.min_sum_cost is not None and c < self.min_sum_cost:
                return f"ballot costs {c}, less than min_sum_cost {self.min_sum_cost}"
        return None

    def points_problem(self, pts: list[int]) -> str | None:
        s = sum(pts)
        if self.max_sum_pts is not None and s > self.max_sum_pts:
            return f"{s} points in total, max_sum_points is {self.max_sum_pts}"
        if self.min_sum_pts is not None and s < self.min_sum_pts:
            return f"{s} points in total, min_sum_points is {self.min_sum_pts}"
        if pts:
            lo, hi = min(pts), max(pts)
            if self.max_pts is not None and hi > self.max_pts:
                return f"{hi} points for one project, max_points is {self.max_pts}"
            if self.min_pts is not None and lo < self.min_pts:
                return f"{lo} points for one project, min_points is {self.min_pts}"
            if lo < 0 and self.cumulative:
                return "negative points on a cumulative ballot"
        return None

    def profile(
        self,
        voter_ids: list[str],
        indptr: list[int] | np.ndarray,
        indices: list[int] | np.ndarray,
        points: list[int] | np.ndarray,
        extras: list[list[str]],
    ) -> Profile:
        import numpy as np

        return Profile(
            voter_ids=voter_ids,
            indptr=np.asarray(indptr, dtype=np.int64),
            indices=np.asarray(indices, dtype=np.int64),
            points=np.asarray(points, dtype=np.int64) if self.with_points else None,
            columns=self.extra_cols,
            fields={c: [row[j] for row in extras] for j, c in enumerate(self.extra_cols)},
        )


def _list_lengths(cells: list[str]) -> np.ndarray:
    """Number of comma-separated items in each cell (0 for an empty cell)."""
    import numpy as np

    commas = np.array(list(map(str.count, cells, repeat(","))), dtype=np.int64)
    empty = np.array(list(map(len, cells)), dtype=np.int64) == 0
    lengths = commas + 1
    lengths[empty] = 0
    return lengths


def _votes_fast(block: list[str], r: _VoteRules) -> Profile | None:
    """All ballots at once, for a well-formed section; None sends the caller to the slow path.

    Every check of the slow path is made here on whole columns; anything unusual (quotes,
    blank lines inside the section, spaces around ids, any violation) returns None so that the
    slow path finds the problem and names its line.
    """
    import numpy as np

    while block and not block[-1].strip():
        block = block[:-1]
    if not block:
        return None
    joined = "\n".join(block)
    if '"' in joined:
        return None
    if "\r" in joined:
        joined = joined.replace("\r\n", "\n").removesuffix("\r")
        if "\r" in joined:
            return None
        block = joined.split("\n")
    width = len(r.header)
    # Every row must have exactly width - 1 separators; then the fields of all rows, in one
    # flat list, are columns by stride.
    if set(map(str.count, block, repeat(";"))) != {width - 1}:
        return None
    fields = joined.replace("\n", ";").split(";")
    n = len(block)
    if len(fields) != n * width:  # pragma: no cover - implied by the separator count
        return None

    def column(j: int) -> list[str]:
        return fields[j::width]

    vids = column(r.c_id)
    id_text = "\x00".join(vids)
    if len(set(vids)) != len(vids) or "" in vids:
        return None
    # The line-by-line path strips voter ids: an id with whitespace (a no-break space, a
    # vertical tab) might be another voter's id twice, so such sections go that way.
    if not id_text.isascii() or any(c in id_text for c in _ID_SPACE):
        return None
    votes = column(r.c_vote)
    lengths = _list_lengths(votes)
    index = r.index
    try:
        flat = (
            [index[p] for p in ",".join([v for v in votes if v]).split(",")] if any(votes) else []
        )
    except KeyError:
        return None
    indices = np.array(flat, dtype=np.int64)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=indptr[1:])
    if int(indptr[-1]) != indices.shape[0]:
        return None
    if n and r.max_len is not None and int(lengths.max()) > r.max_len:
        return None
    if n and r.min_len is not None and int(lengths.min()) < r.min_len:
        return None
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    codes = np.sort(owner * max(len(index), 1) + indices)
    if codes.shape[0] > 1 and bool((codes[1:] == codes[:-1]).any()):
        return None
    points: np.ndarray = np.zeros(0, dtype=np.int64)
    if r.with_points:
        raw = column(r.c_points)
        if not np.array_equal(_list_lengths(raw), lengths):
            return None
        try:
            points = np.array(
                [int(p) for p in ",".join([p for p in raw if p]).split(",")] if any(raw) else [],
                dtype=np.int64,
            )
        except (ValueError, OverflowError):
            return None
        if points.shape != indices.shape:
            return None
        if points.size and int(np.abs(points).max()) > MAX_INT // max(1, points.size) // 4:
            return None  # sums might not fit int64: the slow path checks in Python integers
        csum = np.zeros(points.shape[0] + 1, dtype=np.int64)
        np.cumsum(points, out=csum[1:])
        sums = csum[indptr[1:]] - csum[indptr[:-1]]
        if n and r.max_sum_pts is not None and int(sums.max()) > r.max_sum_pts:
            return None
        if n and r.min_sum_pts is not None and int(sums.min()) < r.min_sum_pts:
            return None
        if points.size:
            if int(points.min()) < 0 and r.cumulative:
                return None
            if r.max_pts is not None and int(points.max()) > r.max_pts:
                return None
            if r.min_pts is not None and int(points.min()) < r.min_pts:
                return None
    if r.max_sum_cost is not None or r.min_sum_cost is not None:
        cost = np.array(r.costs, dtype=object)[indices] if indices.size else np.zeros(0)
        totals = [sum(cost[a:b]) for a, b in pairwise(indptr.tolist())]
        if r.max_sum_cost is not None and any(t > r.max_sum_cost for t in totals):
            return None
        if r.min_sum_cost is not None and any(t < r.min_sum_cost for t in totals):
            return None
    extras_cols = {c: column(j) for c, j in zip(r.extra_cols, r.extra_idx, strict=True)}
    return Profile(
        voter_ids=vids,
        indptr=indptr,
        indices=indices,
        points=points if r.with_points else None,
        columns=r.extra_cols,
        fields=extras_cols,
    )


def _votes_lean(tail: str, r: _VoteRules) -> Profile | None:
    """Approval and choose-1 ballots checked and counted without numpy, the profile deferred.

    `tail` is the text after the VOTES header. Returns None (the caller goes on as without
    `defer`) unless everything `_votes_fast` checks holds, and also: no ballot row needs
    its last line's carriage return or blank lines dropped beyond trailing newlines, voter ids
    are ASCII without any whitespace, the vote column is not the first, and the file sets no
    cost limits. Then `_votes_fast` on the same rows succeeds with the same voters and support,
    and it is the deferred profile's loader.
    """
    if r.with_points or r.max_sum_cost is not None or r.min_sum_cost is not None:
        return None
    width = len(r.header)
    if r.c_vote == 0:
        return None
    body = tail
    if "\r" in body:
        body = body.replace("\r\n", "\n")
        if "\r" in body:
            return None
    body = body.rstrip("\n")
    if not body or '"' in body or "\x00" in body:
        return None
    n = body.count("\n") + 1
    # Every row starts with a NUL mark: then the fields of all rows are one flat list, and each
    # row has exactly `width` fields when the marks fall every `width` fields.
    fields = ("\x00" + body.replace("\n", ";\x00")).split(";")
    if len(fields) != n * width or not all(map(str.startswith, fields[::width], repeat("\x00"))):
        return None
    vids = fields[r.c_id :: width]
    id_text = "".join(vids)
    if len(set(vids)) != n or ("\x00" if r.c_id == 0 else "") in vids:
        return None
    if not id_text.isascii() or any(c in id_text for c in _ID_SPACE):
        return None
    votes = fields[r.c_vote :: width]
    # Each ballot's projects once (dict.fromkeys keeps one of each): the counts are the support,
    # and they add up to the number of listed items only when no ballot lists one twice. An
    # empty cell splits into one empty item; every cell has one item more than commas.
    support = Counter(chain.from_iterable(map(dict.fromkeys, map(str.split, votes, repeat(",")))))
    if sum(support.values()) != ",".join(votes).count(",") + 1:
        return None
    empty_cells = votes.count("")
    if support.pop("", 0) != empty_cells:  # an empty item inside a list of projects
        return None
    index = r.index
    if not support.keys() <= index.keys():
        return None
    if r.max_len is not None and max(map(str.count, votes, repeat(","))) + 1 > r.max_len:
        return None
    if r.min_len is not None and r.min_len > 0 and empty_cells:
        return None
    if r.min_len is not None and min(map(str.count, votes, repeat(","))) + 1 < r.min_len:
        return None
    counts = [0] * len(index)
    for pid, k in support.items():
        counts[index[pid]] = k

    def load() -> Profile:
        profile = _votes_fast(tail.split("\n"), r)
        if profile is None:  # pragma: no cover - the checks above are stricter
            raise AssertionError("the deferred ballots no longer read")
        return profile

    return Profile.deferred(num_voters=n, support=counts, columns=r.extra_cols, loader=load)


def _vote_type(s: str) -> VoteType:
    for v in ("approval", "choose-1", "ordinal", "cumulative", "scoring"):
        if s == v:
            return v
    raise ValueError(s)  # pragma: no cover - checked by the caller


# --------------------------------------------------------------------------- writing


def _q(s: str) -> str:
    """One field with CSV quoting, as the csv module's QUOTE_MINIMAL would write it."""
    if _SPECIAL.search(s):
        return '"' + s.replace('"', '""') + '"'
    return s


def format_money(units: int, scale: int) -> str:
    """Money units as text in the currency: `1234` or, with scale 100, `12.34`."""
    if scale == 1:
        return str(units)
    decimals = len(str(scale)) - 1
    sign = "-" if units < 0 else ""
    whole, frac = divmod(abs(units), scale)
    return f"{sign}{whole}.{frac:0{decimals}d}"


def _raw_or(project: Project, column: str, typed: str, same: bool) -> str:
    raw = project.raw.get(column)
    return raw if raw is not None and same else typed


def _project_cell(project: Project, column: str, scale: int) -> str:
    raw = project.raw.get(column)
    if column == "project_id":
        return _raw_or(project, column, project.id, raw is not None and raw.strip() == project.id)
    if column == "cost":
        text = format_money(project.cost, scale)
        same = raw is not None and _money_equal(raw, project.cost, scale)
        return _raw_or(project, column, text, same)
    if column == "name":
        return project.name
    if column == "category":
        text = ",".join(project.category)
        same = raw is not None and (
            tuple(c.strip() for c in raw.split(",") if c.strip()) == project.category
            or (not project.category and (not raw.strip() or raw.strip().lower() == "none"))
        )
        return _raw_or(project, column, text, same)
    if column == "district":
        text = project.district or ""
        same = raw is not None and (
            raw == project.district
            or (project.district is None and (not raw.strip() or raw.strip().lower() == "none"))
        )
        return _raw_or(project, column, text, same)
    if column in ("votes", "score", "selected"):
        value: int | None = getattr(project, column)
        text = "" if value is None else str(value)
        if raw is None:
            return text
        r = raw.strip()
        if value is None:
            same = not r or r.lower() == "none"
        else:
            same = r.lstrip("-").isdigit() and int(r) == value
        return _raw_or(project, column, text, same)
    return project.fields.get(column, "")


def _money_equal(raw: str, units: int, scale: int) -> bool:
    m = _Money.parse(raw)
    if m is None:
        return False
    value, decimals = m
    # value / 10**decimals == units / scale
    return value * scale == units * _pow10(decimals)


def _pow10(k: int) -> int:
    """10**k for k >= 0, typed as an int."""
    result = 1
    for _ in range(k):
        result *= 10
    return result


def default_project_columns(instance: Instance) -> tuple[str, ...]:
    """Columns to write when the instance did not come from a file."""
    ps = instance.projects
    cols = ["project_id", "cost"]
    if any(p.votes is not None for p in ps):
        cols.append("votes")
    if any(p.score is not None for p in ps):
        cols.append("score")
    cols.append("name")
    if any(p.category for p in ps):
        cols.append("category")
    if any(p.district is not None for p in ps):
        cols.append("district")
    if any(p.selected is not None for p in ps):
        cols.append("selected")
    extra: dict[str, None] = {}
    for p in ps:
        for k in p.fields:
            extra[k] = None
    cols.extend(k for k in extra if k not in cols)
    return tuple(cols)


def write_pabulib(instance: Instance, path: str | Path | None = None) -> str:
    """The instance as pabulib text (written to `path` too when given).

    META keeps the instance's keys in order; `num_projects`, `num_votes`, `budget`, `vote_type`
    and `rule` are taken from the typed attributes. Lines end with `\\n`.
    """
    out: list[str] = ["META", "key;value"]
    meta = dict(instance.meta)
    typed = {
        "num_projects": str(len(instance.projects)),
        "num_votes": str(instance.num_voters),
        "budget": format_money(instance.budget, instance.money_scale),
        "vote_type": instance.vote_type,
        "rule": instance.rule,
    }
    for key, value in typed.items():
        old = meta.get(key)
        if (
            key == "budget"
            and old is not None
            and _money_equal(old, instance.budget, instance.money_scale)
        ):
            continue
        if old is None or old.strip() != value:
            meta[key] = value
    out.extend(f"{_q(key)};{_q(value)}" for key, value in meta.items())

    out.append("PROJECTS")
    columns = instance.project_columns or default_project_columns(instance)
    out.append(";".join(_q(c) for c in columns))
    scale = instance.money_scale
    out.extend(";".join(_q(_project_cell(p, c, scale)) for c in columns) for p in instance.projects)

    out.append("VOTES")
    prof = instance.profile
    with_points = prof.points is not None or instance.vote_type in ("cumulative", "scoring")
    header = ["voter_id", "vote"] + (["points"] if with_points else []) + list(prof.columns)
    out.append(";".join(_q(h) for h in header))
    ids = [p.id for p in instance.projects]
    quote_ids = any(_SPECIAL.search(x) for x in ids)
    ptr = prof.indptr.tolist()
    idx = prof.indices.tolist()
    pts = prof.points.tolist() if prof.points is not None else None
    cols = [prof.fields[c] for c in prof.columns]
    for i, vid in enumerate(prof.voter_ids):
        lo, hi = ptr[i], ptr[i + 1]
        vote = ",".join([ids[j] for j in idx[lo:hi]])
        row = [_q(vid), _q(vote) if quote_ids else vote]
        if pts is not None:
            row.append(",".join(map(str, pts[lo:hi])))
        row.extend(_q(c[i]) for c in cols)
        out.append(";".join(row))
    text = "\n".join(out) + "\n"
    if path is not None:
        from pathlib import Path

        Path(path).write_text(text, encoding="utf-8", newline="\n")
    return text
