"""Compact GeoJSON for many points: what map pages load, kept small and quick on purpose.

Each feature carries its id, its point and a few short properties with few distinct values
(such as a status); anything longer (a title) is fetched when a marker is opened, so ten
thousand points stay near a megabyte.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

Point = tuple[int, float, float, Mapping[str, Any]]
"""(id, latitude, longitude, properties)"""


def dumps_points(points: Iterable[Point]) -> bytes:
    """A FeatureCollection of points as UTF-8 JSON without spaces.

    Coordinates keep five decimals (about a metre). Built as text, not through dicts and
    json.dumps per feature, because this runs over every idea of a municipality.
    """
    serialised: dict[tuple[tuple[str, Any], ...], str] = {}
    features = []
    for feature_id, lat, lon, properties in points:
        key = tuple(sorted(properties.items()))
        if key not in serialised:
            serialised[key] = json.dumps(dict(key), ensure_ascii=False, separators=(",", ":"))
        features.append(
            f'{{"type":"Feature","id":{int(feature_id)},"geometry":{{"type":"Point",'
            f'"coordinates":[{float(lon):.5f},{float(lat):.5f}]}},"properties":{serialised[key]}}}'
        )
    return ('{"type":"FeatureCollection","features":[' + ",".join(features) + "]}").encode()
