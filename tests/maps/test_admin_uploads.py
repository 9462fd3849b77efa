"""An administrator's upload that the database or shapely cannot take is refused with a message
next to the field, never a server error: NaN coordinates in a districts file, and a NUL
character (which PostgreSQL cannot store in text) in a places CSV or a district name.

Run on both databases: on PostgreSQL these were 500s; on SQLite the NUL was stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import member, square
from wiec.accounts.models import Role
from wiec.maps.models import Place
from wiec.tenants.models import District, Tenant

pytestmark = pytest.mark.django_db


def districts_file(name: str, geometry: dict[str, Any]) -> bytes:
    feature = {"type": "Feature", "properties": {"name": name}, "geometry": geometry}
    # allow_nan: json.dumps writes NaN and Infinity, as some GIS exports do
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()


def admin_client(tenant: Tenant) -> Client:
    client = Client(HTTP_HOST=f"{tenant.slug}.localhost")
    client.force_login(member(tenant, Role.ADMIN))
    return client


def nan_ring() -> dict[str, Any]:
    nan = float("nan")
    return {
        "type": "Polygon",
        "coordinates": [[[nan, 52.1], [16.7, 52.1], [16.7, 52.2], [nan, 52.1]]],
    }


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        (nan_ring(), "nie są liczbami (NaN lub nieskończoność)"),
        (
            {"type": "MultiPolygon", "coordinates": [nan_ring()["coordinates"]]},
            "nie są liczbami (NaN lub nieskończoność)",
        ),
        (
            {
                "type": "Polygon",
                "coordinates": [
                    square(16.6, 52.1)["coordinates"][0],
                    [[float("inf"), 52.1]] * 4,
                ],
            },
            "nie są liczbami (NaN lub nieskończoność)",
        ),
    ],
    ids=["nan-polygon", "nan-multipolygon", "infinite-hole"],
)
def test_a_districts_file_with_coordinates_that_are_not_numbers_is_refused(
    tenant: Tenant, geometry: dict[str, Any], message: str
) -> None:
    upload = SimpleUploadedFile("obszary.geojson", districts_file("Łęgi", geometry))
    response = admin_client(tenant).post(
        "/panel/obszary/", {"file": upload, "name_property": "name"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert message in html
    assert not District.objects.exists()


def test_a_district_name_with_a_nul_character_is_refused(tenant: Tenant) -> None:
    upload = SimpleUploadedFile("obszary.geojson", districts_file("Łę\x00gi", square(16.6, 52.1)))
    response = admin_client(tenant).post(
        "/panel/obszary/", {"file": upload, "name_property": "name"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert "Nazwa obszaru nr 1 zawiera znak zerowy (NUL)" in html
    assert not District.objects.exists()


def test_a_places_file_with_a_nul_character_is_refused(tenant: Tenant) -> None:
    upload = SimpleUploadedFile(
        "miejsca.csv", b"ul. Lipowa;52.2451;16.8752\nRy\x00nek;52.25;16.88\n", "text/csv"
    )
    response = admin_client(tenant).post("/panel/miejsca/", {"file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert "Wiersz 2 zawiera znak zerowy (NUL)" in html
    assert not Place.objects.exists()
