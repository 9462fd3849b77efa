"""Poll results as an accessible bar chart in HTML, numbers in the reader's locale.

The chart is HTML text with a bar drawn under each answer, not one SVG scaled to the screen:
scaled to a 375 px phone, an SVG's 14 px labels shrank to about 7 px. Here labels keep the
page's font size and wrap, and only the bars are drawn (as SVG rectangles with a width in
per cent: CSP-safe, no inline style). The chart is one image to assistive technology, named by
the question and described by every value in words (wiec.core.svg.describe), and the page
shows the same numbers in a table next to it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from wiec.core.svg import Bar, describe
from wiec.polls.queries import OptionResult, PollResults, QuestionResult


@dataclass(frozen=True)
class ChartBar:
    label: str
    value_text: str
    """How the value reads, e.g. "42 (35,0 %)"."""
    width: str
    """The bar's length in per cent of the track, as SVG reads it ("35.0%")."""
    tone: int
    """Which of the six bar colours (polls.css) it takes."""


@dataclass(frozen=True)
class Chart:
    result: QuestionResult
    label: str
    """The chart's accessible name and description: the question and every value in words."""
    bars: list[ChartBar]
    rows: list[tuple[OptionResult, str]]
    """Each option with its share as text, for the table beside the chart."""


def percent(share: float) -> str:
    return number_format(share * 100, decimal_pos=1) + " %"


def charts(results: PollResults) -> list[Chart]:
    """One chart per question; a bar's length is the option's share of the ballots counted
    (an option chosen on every ballot fills its track), so bars compare across questions."""
    out = []
    for question in results.questions:
        bars = [
            ChartBar(
                tone=index % 6,
                label=row.option.text,
                value_text=f"{number_format(row.votes, force_grouping=True)} "
                f"({percent(row.share)})",
                width=f"{min(max(row.share, 0.0), 1.0) * 100:.1f}%",
            )
            for index, row in enumerate(question.options)
        ]
        title = _("Results: %(question)s") % {"question": question.question.text}
        words = describe([Bar(label=b.label, value=0, value_text=b.value_text) for b in bars])
        rows = [(row, percent(row.share)) for row in question.options]
        out.append(Chart(result=question, label=f"{title}. {words}", bars=bars, rows=rows))
    return out
