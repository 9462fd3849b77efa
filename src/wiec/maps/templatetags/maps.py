"""`{% map_box %}`: one map, with every setting named and defaulted here.

An `{% include %}` of the map template would leave each setting a page does not pass as an
unresolved name; this tag gives the template all of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()

PLURAL_TABLE_SIZE = 200
"""Counts 0..199 name their plural form; a larger count uses the form of 100 + count % 100
(true of every plural rule in pl, en and uk: one, few and many depend on the last two digits,
and only the count 1 itself is "one" without them)."""


def plural_labels(forms_of: Callable[[int], str]) -> dict[str, Any]:
    """The translated forms of a counted phrase and, for each count below PLURAL_TABLE_SIZE,
    which of them it takes: what a script needs to say "2 pomysły" and "5 pomysłów" without the
    catalogue's plural formula (which it could not evaluate under the CSP)."""
    forms: list[str] = []
    pick = []
    for count in range(PLURAL_TABLE_SIZE):
        text = forms_of(count)
        if text not in forms:
            forms.append(text)
        pick.append(str(forms.index(text)))
    return {"forms": forms, "pick": "".join(pick)}


def cluster_labels() -> dict[str, Any]:
    """A marker cluster's accessible name; "%(count)d" is for the script to fill."""
    return plural_labels(
        lambda count: ngettext(
            # Translators: read out for a group of map markers; keep %(count)d.
            "%(count)d idea in this area; zoom in to see it",
            "%(count)d ideas in this area; zoom in to see them",
            count,
        )
    )


@register.inclusion_tag("maps/includes/map.html", takes_context=True)
def map_box(
    context: template.Context,
    *,
    mode: str,
    label: str,
    map_id: str = "map",
    tenant: Any = None,
    lat: float | None = None,
    lon: float | None = None,
    marker_label: str = "",
    geojson_url: str = "",
    card_url: str = "",
    labels_json: str = "",
    text_input: str = "",
) -> dict[str, Any]:
    """`mode` is browse (ideas from `geojson_url`), pick (a point for the field
    `text_input`) or show (one point at `lat`, `lon`)."""
    return {
        "mode": mode,
        "label": label,
        "map_id": map_id,
        "tenant": tenant if tenant is not None else context.get("tenant"),
        "lat": lat,
        "lon": lon,
        "marker_label": marker_label,
        "geojson_url": geojson_url or context.get("geojson_url", ""),
        "card_url": card_url or context.get("card_url", ""),
        "labels_json": labels_json or context.get("labels_json", ""),
        "text_input": text_input,
        "cluster_labels_json": (
            json.dumps(cluster_labels(), ensure_ascii=False) if mode == "browse" else ""
        ),
        # Translators: a map marker's accessible name; keep %(title)s and %(status)s.
        "marker_format": gettext("%(title)s, status: %(status)s"),
    }
