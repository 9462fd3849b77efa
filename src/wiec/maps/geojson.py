"""Compact GeoJSON for many points: what map pages load, kept small on purpose."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

# Five decimals of a degree are about a metre: enough for a marker, and short.
PRECISION = 5


def point_feature(feature_id: int, *, lat: float, lon: float, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": feature_id,
        "geometry": {
            "type": "Point",
            "coordinates": [round(lon, PRECISION), round(lat, PRECISION)],
        },
        "properties": properties,
    }


def dumps_collection(features: Iterable[dict[str, Any]]) -> bytes:
    """A FeatureCollection as UTF-8 JSON without spaces (Polish letters stay two bytes)."""
    document = {"type": "FeatureCollection", "features": list(features)}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
