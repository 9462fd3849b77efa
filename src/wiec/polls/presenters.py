"""Poll results as accessible SVG charts (wiec.core.svg), numbers in the reader's locale."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from wiec.core.svg import Bar, bar_chart, describe
from wiec.polls.queries import OptionResult, PollResults, QuestionResult


@dataclass(frozen=True)
class Chart:
    result: QuestionResult
    svg: SafeString
    rows: list[tuple[OptionResult, str]]
    """Each option with its share as text, for the table beside the chart."""


def percent(share: float) -> str:
    return number_format(share * 100, decimal_pos=1) + " %"


def charts(results: PollResults) -> list[Chart]:
    out = []
    for question in results.questions:
        bars = [
            Bar(
                label=row.option.text,
                value=row.votes,
                value_text=f"{number_format(row.votes, force_grouping=True)} "
                f"({percent(row.share)})",
            )
            for row in question.options
        ]
        title = _("Results: %(question)s") % {"question": question.question.text}
        svg = bar_chart(title=title, description=describe(bars), bars=bars)
        rows = [(row, percent(row.share)) for row in question.options]
        out.append(Chart(result=question, svg=svg, rows=rows))
    return out
