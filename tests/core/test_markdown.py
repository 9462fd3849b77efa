from __future__ import annotations

from html.parser import HTMLParser

import pytest

from wiec.core.markdown import ALLOWED_TAGS, render_markdown

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "![x](javascript:alert(1))",
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<div style="background:url(javascript:alert(1))">x</div>',
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))


def elements_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    collector = _Collector()
    collector.feed(html)
    return collector.elements


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_payloads_render_inert(payload: str) -> None:
    for tag, attrs in elements_of(render_markdown(payload)):
        assert tag in ALLOWED_TAGS
        for name, value in attrs:
            assert name in {"href", "title", "rel", "start", "align"}
            if name == "href":
                assert (value or "").startswith(("http://", "https://", "mailto:", "tel:"))


def test_javascript_links_lose_their_href() -> None:
    html = render_markdown("[click](javascript:alert(1))")
    assert "href" not in html


def test_links_are_marked_as_user_content() -> None:
    html = render_markdown("[Gmina](https://nadrzecze.example/)")
    assert 'href="https://nadrzecze.example/"' in html
    assert 'rel="nofollow ugc noopener noreferrer"' in html


def test_headings_start_below_the_page_title() -> None:
    html = render_markdown("# Tytuł\n\n## Sekcja\n\n###### Mała")
    assert "<h2>Tytuł</h2>" in html
    assert "<h3>Sekcja</h3>" in html
    assert "<h4>Mała</h4>" in html
    assert "<h1>" not in html


def test_lists_tables_and_emphasis_survive() -> None:
    html = render_markdown("- **jeden**\n- _dwa_\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>jeden</strong>" in html
    assert "<em>dwa</em>" in html
    assert "<table>" in html


def test_empty_text_renders_nothing() -> None:
    assert render_markdown("") == ""
