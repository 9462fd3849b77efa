"""Markdown for everything people write: CommonMark rendered, then sanitised by nh3.

No raw HTML from anyone survives: markdown-it is told to escape HTML, and nh3 then keeps only
an allow-list of tags and attributes, so even a renderer bug cannot emit a script.
"""

from __future__ import annotations

import re
from functools import lru_cache

import nh3
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_HEADING = re.compile(r"<(/?)h([1-6])>")
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    return md


def _demote_headings(html: str) -> str:
    # A page has one h1 (its title); headings people write become h2 to h4.
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 4)}>", html)


def render_markdown(text: str) -> SafeString:
    """Render untrusted Markdown to safe HTML."""
    if not text:
        return mark_safe("")
    html = _demote_headings(_parser().render(text))
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="nofollow ugc noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


def render_plain(text: str) -> SafeString:
    """Plain text with line breaks kept, for places where Markdown is not offered."""
    return mark_safe("<br>".join(escape(line) for line in text.splitlines()))  # noqa: S308
