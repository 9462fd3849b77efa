"""The ideas map as a screen reader and a browser without JavaScript meet it.

Cluster icons say how many ideas they hold in the page language's plural form; each single
marker is named by its idea's title and status; without JavaScript there is no dead map box,
only a sentence pointing to the list or the address field.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.e2e.helpers import map_ready, switch_language
from wiec.ideas.models import Idea


def polish_cluster(count: int) -> str:
    """What a cluster of `count` ideas is called in Polish, by the grammar, not the catalogue."""
    if count == 1:
        noun, pronoun = "pomysł", "go"
    elif count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        noun, pronoun = "pomysły", "je"
    else:
        noun, pronoun = "pomysłów", "je"
    return f"{count} {noun} w tym obszarze; przybliż, aby {pronoun} zobaczyć"


def ukrainian_cluster(count: int) -> str:
    if count % 10 == 1 and count % 100 != 11:
        return f"{count} ідея в цій місцевості; наблизьте, щоб її побачити"
    if count % 10 in (2, 3, 4) and count % 100 not in (12, 13, 14):
        return f"{count} ідеї в цій місцевості; наблизьте, щоб їх побачити"
    return f"{count} ідей у цій місцевості; наблизьте, щоб їх побачити"


def english_cluster(count: int) -> str:
    if count == 1:
        return "1 idea in this area; zoom in to see it"
    return f"{count} ideas in this area; zoom in to see them"


EXPECTED = {"pl": polish_cluster, "en": english_cluster, "uk": ukrainian_cluster}
STATUS_WORD = {"pl": "status", "en": "status", "uk": "статус"}


def clusters(page: Any) -> list[tuple[int, str]]:
    """(the visible count, the name read out) of every cluster icon on the map."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.marker-cluster')).map(icon => [
            Number(icon.querySelector('[aria-hidden=true]').textContent),
            icon.querySelector('.visually-hidden').textContent])"""
    )


@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_clusters_and_markers_are_named_in_words(
    page: Any, demo: Any, site: Any, language: str
) -> None:
    base = site().rstrip("/")
    page.goto(base + "/")
    if language != "pl":
        switch_language(page, language)
    page.goto(base + "/pomysly/mapa/")
    map_ready(page)
    page.locator(".leaflet-marker-icon").first.wait_for()
    # Zoomed out, the demo's ideas gather into clusters of two or more.
    for _ in range(3):
        page.locator(".leaflet-control-zoom-out").click()
    page.locator(".marker-cluster").first.wait_for()
    seen = clusters(page)
    assert seen
    assert all(count >= 2 for count, _ in seen)
    for count, name in seen:
        assert name == EXPECTED[language](count)

    # Zoomed in to the street, single markers: each named by its title and its status.
    for _ in range(8):
        page.locator(".leaflet-control-zoom-in").click()
    singles = page.locator(".leaflet-marker-icon:not(.marker-cluster)")
    singles.first.wait_for()
    titles = set(Idea.objects.values_list("title", flat=True))
    names = [singles.nth(i).get_attribute("alt") for i in range(singles.count())]
    for name in names:
        title, _, status = name.rpartition(f", {STATUS_WORD[language]}: ")
        assert title in titles, name
        assert status, name


def test_plural_forms_cover_every_count(page: Any, demo: Any, site: Any) -> None:
    """The script's plural table, for counts the demo cannot make (12, 22, 105, 1 112)."""
    base = site().rstrip("/")
    page.goto(base + "/pomysly/mapa/")
    map_ready(page)
    table = page.locator("[data-map]").get_attribute("data-cluster-labels")
    labels = json.loads(table)
    for count in (2, 4, 5, 12, 14, 21, 22, 25, 101, 102, 105, 112, 122, 1112, 10_004):
        index = count if count < len(labels["pick"]) else len(labels["pick"]) - 100 + count % 100
        form = labels["forms"][int(labels["pick"][index])]
        assert form.replace("%(count)d", str(count)) == polish_cluster(count), count


def test_without_javascript_the_map_gives_way_to_the_list(
    browser: Any, demo: Any, site: Any
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="pl-PL")
    try:
        page = context.new_page()
        base = site().rstrip("/")
        page.goto(base + "/pomysly/mapa/")
        assert not page.locator("[data-map]").is_visible()
        assert page.locator("[data-map-box]").is_hidden()
        note = page.locator("[data-map-no-script]")
        assert note.is_visible()
        assert "Lista poniżej pokazuje te same pomysły" in note.inner_text()
        # The list is there instead.
        assert page.locator(".idea-card").count() > 0
    finally:
        context.close()


def test_with_javascript_the_map_shows_and_the_note_goes(page: Any, demo: Any, site: Any) -> None:
    base = site().rstrip("/")
    page.goto(base + "/pomysly/mapa/")
    map_ready(page)
    assert page.locator("[data-map]").is_visible()
    assert page.locator("[data-map-no-script]").is_hidden()
