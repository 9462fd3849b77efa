"""Every Wiec URL name is verb-first and equals its view's name (docs/conventions.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from django.http import HttpResponse
from django.urls import URLPattern, URLResolver, get_resolver, path

# The verbs a URL name (and so its view) may start with, each the first word of the name.
VERBS = frozenset(
    {
        "show",  # one thing, or one page, to read
        "list",  # several things
        "create",
        "edit",  # change one thing (or a page of settings)
        "delete",
        "remove",  # take a file off an idea
        "download",  # a file: CSV, GeoJSON, PDF
        "describe",
        "publish",
        "close",
        "support",
        "follow",
        "post",
        "mark",
        "open",
        "join",
        "verify",
        "confirm",
        "check",
        "report",
        "record",
        "revoke",
        "clear",
        "lift",
        "block",
        "decide",
        "answer",
        "choose",
    }
)


def _patterns(
    patterns: Sequence[URLPattern | URLResolver], namespace: str = ""
) -> Iterator[tuple[str, str | None, Callable[..., Any]]]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, inner)
        else:
            yield namespace, entry.name, entry.callback


def url_name_breaks(patterns: Sequence[URLPattern | URLResolver]) -> list[str]:
    """Each named Wiec URL whose name does not start with a verb or is not its view's name.

    One view may answer both `create_<thing>` and `edit_<thing>`: it is named `edit_<thing>`.
    Django's admin and allauth keep their own names; only views from `wiec.` are checked."""
    breaks = []
    for namespace, name, view in _patterns(patterns):
        if name is None or not view.__module__.startswith("wiec."):
            continue
        where = f"{namespace}{name} ({view.__module__}.{view.__name__})"
        if name.split("_", 1)[0] not in VERBS:
            breaks.append(f"{where}: does not start with a verb from VERBS")
        shared = name.startswith("create_") and view.__name__ == "edit_" + name[len("create_") :]
        if view.__name__ != name and not shared:
            breaks.append(f"{where}: the view is not named as the URL")
    return breaks


def test_every_url_name_is_verb_first_and_names_its_view() -> None:
    assert url_name_breaks(get_resolver().url_patterns) == []


def test_the_walk_finds_the_namespaced_urls() -> None:
    names = {f"{ns}{name}" for ns, name, _ in _patterns(get_resolver().url_patterns)}
    assert {"ideas:show_idea", "polls_staff:delete_question", "choose_language"} <= names


def show_idea(request: Any) -> HttpResponse:
    return HttpResponse()


def edit_category(request: Any) -> HttpResponse:
    return HttpResponse()


show_idea.__module__ = edit_category.__module__ = "wiec.example.views"


@pytest.mark.parametrize(
    ("name", "view", "broken"),
    [
        ("show_idea", show_idea, False),
        ("edit_category", edit_category, False),
        ("create_category", edit_category, False),
        ("detail", show_idea, True),  # a noun
        ("list_ideas", show_idea, True),  # not the view's name
        ("delete_category", edit_category, True),
    ],
)
def test_url_name_detector(name: str, view: Callable[..., Any], broken: bool) -> None:
    assert bool(url_name_breaks([path("x/", view, name=name)])) is broken
