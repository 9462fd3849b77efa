"""Coordinates typed in the ways people write them; anything else is not coordinates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiec.maps.coordinates import parse_coordinates


@pytest.mark.parametrize(
    "text",
    [
        "52.245, 16.875",
        "52.245 16.875",
        "52.245;16.875",
        "52,245 16,875",
        "52,245; 16,875",
        "N 52.245 E 16.875",
        "52.245N 16.875E",
        "16.875E 52.245N",
        "52°14'42\"N 16°52'30\"E",
        "52° 14′ 42″ N, 16° 52′ 30″ E",
        "52°14.7'N 16°52.5'E",
        "52 14 42 16 52 30",
        "geo:52.245,16.875",
        "  52.245 , 16.875  ",
    ],
)
def test_common_forms_give_the_same_point(text: str) -> None:
    point = parse_coordinates(text)
    assert point is not None
    assert point == pytest.approx((52.245, 16.875), abs=1e-9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("33.9S 18.4E", (-33.9, 18.4)), ("-33.9, -70.6", (-33.9, -70.6)), ("40N 3W", (40, -3))],
)
def test_southern_and_western_hemispheres(text: str, expected: tuple[float, float]) -> None:
    assert parse_coordinates(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ul. Szkolna 5",
        "Rynek 12",
        "5",
        "52.245",
        "100, 20",
        "52.245, 200",
        "52.245N 16.875N",
        "52 61 00 16 00 00",
        "52.245 N 16.875",
        "N52 E16 W17",
        "<script>",
    ],
)
def test_addresses_and_nonsense_are_not_coordinates(text: str) -> None:
    assert parse_coordinates(text) is None


def _dms(value: float, positive: str, negative: str) -> str:
    letter = positive if value >= 0 else negative
    total = round(abs(value) * 3600, 3)  # whole milliseconds of arc, so seconds stay below 60
    degrees, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{int(degrees)}°{int(minutes)}′{seconds:.3f}″{letter}"


latitudes = st.floats(min_value=-89.9, max_value=89.9, allow_nan=False)
longitudes = st.floats(min_value=-179.9, max_value=179.9, allow_nan=False)


@given(lat=latitudes, lon=longitudes)
def test_decimal_degrees_read_back(lat: float, lon: float) -> None:
    assert parse_coordinates(f"{lat:.6f}, {lon:.6f}") == pytest.approx((lat, lon), abs=1e-6)


@given(lat=latitudes, lon=longitudes)
def test_degrees_minutes_seconds_read_back(lat: float, lon: float) -> None:
    text = f"{_dms(lat, 'N', 'S')} {_dms(lon, 'E', 'W')}"
    assert parse_coordinates(text) == pytest.approx((lat, lon), abs=1e-5)


@given(lat=latitudes, lon=longitudes)
def test_polish_decimal_commas_read_back(lat: float, lon: float) -> None:
    text = f"{lat:.5f} {lon:.5f}".replace(".", ",")
    assert parse_coordinates(text) == pytest.approx((lat, lon), abs=1e-5)
