"""`{% map_box %}`: one map, with every setting named and defaulted here.

An `{% include %}` of the map template would leave each setting a page does not pass as an
unresolved name; this tag gives the template all of them.
"""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


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
    }
