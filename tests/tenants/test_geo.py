from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from tests.factories import square
from wiec.tenants.exceptions import GeoJSONError
from wiec.tenants.geo import DistrictIndex, parse_district_file


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    with translation.override("en"):
        yield


def collection(*features: dict[str, Any]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def feature(name: str | None, geometry: dict[str, Any], key: str = "name") -> dict[str, Any]:
    return {"type": "Feature", "properties": {key: name} if name else {}, "geometry": geometry}


def test_reads_named_polygons() -> None:
    shapes = parse_district_file(collection(feature("Łęgi", square(16.8, 52.2))))
    assert [s.name for s in shapes] == ["Łęgi"]
    assert shapes[0].geometry["type"] == "Polygon"


def test_a_custom_name_property() -> None:
    shapes = parse_district_file(
        collection(feature("Osiedle A", square(16.8, 52.2), key="NAZWA")), name_property="NAZWA"
    )
    assert shapes[0].name == "Osiedle A"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "not valid JSON"),
        (b"[" * 100_000, "nested too deeply"),
        (b"[]", "FeatureCollection"),
        (collection(), "no areas"),
        (collection(feature(None, square(1, 1))), "property to name it"),
        (collection(feature("A", square(1, 1)), feature("A", square(2, 2))), "appears twice"),
        (collection(feature("A", {"type": "Point", "coordinates": [1, 2]})), "Polygon"),
        (collection(feature("A", {"type": "Polygon", "coordinates": "x"})), "broken"),
        (
            collection(
                feature(
                    "Bow",
                    {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]},
                )
            ),
            "not a valid shape",
        ),
        (collection(feature("Far", square(500000, 300000))), "WGS 84"),
    ],
)
def test_bad_files_get_a_clear_reason(raw: bytes, message: str) -> None:
    with pytest.raises(GeoJSONError, match=message):
        parse_district_file(raw)


def test_index_locates_points_including_borders() -> None:
    index = DistrictIndex([(1, square(16.0, 52.0)), (2, square(16.01, 52.0))])
    assert index.locate(lat=52.005, lon=16.005) == 1
    assert index.locate(lat=52.005, lon=16.015) == 2
    assert index.locate(lat=52.0, lon=16.0) == 1
    assert index.locate(lat=53.0, lon=16.0) is None


@pytest.mark.django_db
@pytest.mark.parametrize("missing", ["map_north", "map_west", "map_east", "map_south"])
def test_a_missing_map_edge_is_a_field_error_not_a_crash(tenant: object, missing: str) -> None:
    from django.core.exceptions import ValidationError

    setattr(tenant, missing, None)
    with pytest.raises(ValidationError) as raised:
        tenant.full_clean()  # type: ignore[attr-defined]
    assert missing in raised.value.message_dict
