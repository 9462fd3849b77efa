"""District borders: reading GeoJSON and finding the district a point lies in (shapely).

Borders are stored as GeoJSON in longitude/latitude (WGS 84, as GeoJSON requires), so no
spatial database is needed; a few dozen polygons per municipality are tested in memory.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from shapely.errors import ShapelyError
from shapely.geometry import Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.prepared import PreparedGeometry, prep
from shapely.validation import explain_validity

from wiec.tenants.exceptions import GeoJSONError

MAX_GEOJSON_BYTES = 5 * 1024 * 1024
POLYGON_TYPES = {"Polygon", "MultiPolygon"}


@dataclass(frozen=True)
class DistrictShape:
    name: str
    geometry: dict[str, Any]


def parse_district_file(raw: bytes, *, name_property: str = "name") -> list[DistrictShape]:
    """Read a FeatureCollection of (Multi)Polygons, each named by `name_property`."""
    if len(raw) > MAX_GEOJSON_BYTES:
        raise GeoJSONError(_("The file is larger than 5 MB."))
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GeoJSONError(_("The file is not valid JSON: %(error)s") % {"error": exc}) from None
    except RecursionError:
        raise GeoJSONError(_("The file is nested too deeply to be GeoJSON.")) from None
    if not isinstance(data, dict):
        raise GeoJSONError(_("The file must hold a GeoJSON FeatureCollection."))
    if data.get("type") == "Feature":
        features = [data]
    elif data.get("type") == "FeatureCollection" and isinstance(data.get("features"), list):
        features = data["features"]
    else:
        raise GeoJSONError(_("The file must hold a GeoJSON FeatureCollection."))
    if not features:
        raise GeoJSONError(_("The file holds no areas."))

    shapes: list[DistrictShape] = []
    seen: set[str] = set()
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            raise GeoJSONError(_("Area %(n)d is not a GeoJSON feature.") % {"n": number})
        properties = feature.get("properties") or {}
        name = (
            str(properties.get(name_property, "")).strip() if isinstance(properties, dict) else ""
        )
        if not name:
            raise GeoJSONError(
                _("Area %(n)d has no “%(prop)s” property to name it.")
                % {"n": number, "prop": name_property}
            )
        if "\x00" in name:  # PostgreSQL cannot store it in text
            raise GeoJSONError(
                _("The name of area %(n)d holds a null character; remove it.") % {"n": number}
            )
        if name in seen:
            raise GeoJSONError(_("The name “%(name)s” appears twice.") % {"name": name})
        seen.add(name)
        geometry = feature.get("geometry")
        shapes.append(DistrictShape(name=name[:150], geometry=validate_geometry(geometry, name)))
    return shapes


def validate_geometry(geometry: Any, label: str) -> dict[str, Any]:
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        raise GeoJSONError(
            _("The area “%(name)s” must be a Polygon or MultiPolygon.") % {"name": label}
        )
    if not _all_finite(geometry.get("coordinates")):
        raise GeoJSONError(
            _("The area “%(name)s” has coordinates that are not numbers (NaN or infinity).")
            % {"name": label}
        )
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, ShapelyError):
        raise GeoJSONError(
            _("The area “%(name)s” has broken coordinates.") % {"name": label}
        ) from None
    if geom.is_empty:
        raise GeoJSONError(_("The area “%(name)s” is empty.") % {"name": label})
    if not geom.is_valid:
        raise GeoJSONError(
            _("The border of “%(name)s” is not a valid shape (%(reason)s).")
            % {"name": label, "reason": explain_validity(geom)}
        )
    min_lon, min_lat, max_lon, max_lat = geom.bounds
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise GeoJSONError(
            _(
                "The area “%(name)s” has coordinates outside longitude/latitude ranges; "
                "export the file in WGS 84 (EPSG:4326)."
            )
            % {"name": label}
        )
    return dict(geom.__geo_interface__)


def _all_finite(coordinates: Any) -> bool:
    """No NaN or infinity among the numbers of nested coordinate lists (shapely raises on some
    of them instead of reporting an invalid shape); other oddities are left to shapely."""
    pending = [coordinates]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, float) and not math.isfinite(item):
            return False
    return True


@dataclass(frozen=True)
class _Indexed:
    district_id: int
    geometry: BaseGeometry
    prepared: PreparedGeometry  # type: ignore[type-arg]


class DistrictIndex:
    """The districts of one tenant, prepared for fast point-in-polygon tests."""

    def __init__(self, districts: list[tuple[int, dict[str, Any]]]) -> None:
        self._items = []
        for district_id, geometry in districts:
            geom = shape(geometry)
            self._items.append(_Indexed(district_id, geom, prep(geom)))

    def locate(self, *, lat: float, lon: float) -> int | None:
        """The id of the district containing the point (its border included), or None."""
        point = Point(lon, lat)
        for item in self._items:
            if item.prepared.covers(point):
                return item.district_id
        return None
