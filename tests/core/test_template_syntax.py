"""A `{# … #}` comment, a `{% tag %}` and a `{{ variable }}` end on their own line: Django prints
one that runs over two lines as text (the idea page once showed a developer's note above its
map)."""

from __future__ import annotations

import re
from pathlib import Path

import wiec

OPEN_COMMENT = re.compile(r"\{#(?!.*?#\})|\{%(?!.*?%\})|\{\{(?!.*?\}\})")


def unclosed_comments(text: str) -> list[int]:
    """Line numbers where a `{#` comment is not closed on the same line."""
    return [n for n, line in enumerate(text.splitlines(), 1) if OPEN_COMMENT.search(line)]


def test_the_detector_finds_a_comment_that_runs_over_two_lines() -> None:
    assert unclosed_comments("a {# one line #} b\n{# starts here\nends here #}\n") == [2]
    assert unclosed_comments("{# a #}{# b #}\n{% comment %}\nlong\n{% endcomment %}") == []
    assert unclosed_comments("{% if a\n %}\n{{ b\n}}") == [1, 3]


def test_no_template_has_a_comment_django_would_print() -> None:
    found = []
    for template in sorted(Path(wiec.__file__).parent.glob("*/templates/**/*")):
        if template.is_file() and template.suffix in {".html", ".txt", ".css", ".js", ".xml"}:
            lines = unclosed_comments(template.read_text(encoding="utf-8"))
            found.extend(f"{template.relative_to(Path(wiec.__file__).parent)}:{n}" for n in lines)
    assert not found, "use {% comment %} … {% endcomment %} for notes of more lines: " + ", ".join(
        found
    )
