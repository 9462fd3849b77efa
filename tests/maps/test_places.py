"""The gazetteer: importing places, and turning what a person typed into a checked point."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import DistrictFactory, member, square
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.maps.actions import PlaceRow, import_places
from wiec.maps.exceptions import LocationError
from wiec.maps.forms import parse_places_file
from wiec.maps.models import Place
from wiec.maps.queries import matching_places, resolve_location
from wiec.maps.search import place_key
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.usefixtures("english")


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("ul. Łąkowa 5", "lakowa"),
        ("Łąkowa", "lakowa"),
        ("ulica ŁĄKOWA 12a", "lakowa"),
        ("al. Wolności 3/5", "wolnosci"),
        ("Plac Wolności", "wolnosci"),
        ("Szkoła Podstawowa nr 1", "szkola podstawowa nr 1"),
        ("ul. 3 Maja 7", "3 maja"),
    ],
)
def test_place_keys_ignore_street_words_house_numbers_and_diacritics(typed: str, key: str) -> None:
    assert place_key(typed) == key


def _places(tenant: Tenant, *names: str) -> None:
    rows = [PlaceRow(name=n, lat=52.105 + i * 0.001, lon=16.605) for i, n in enumerate(names)]
    import_places(tenant=tenant, rows=rows, replace=False, actor=None, at=timezone.now())


@pytest.mark.django_db
def test_matching_prefers_the_exact_name(tenant: Tenant) -> None:
    _places(tenant, "ul. Lipowa", "ul. Lipowa Boczna", "Park Lipowy")
    assert [p.name for p in matching_places(tenant=tenant, text="Lipowa 5")] == ["ul. Lipowa"]
    assert [p.name for p in matching_places(tenant=tenant, text="lipow")] == [
        "Park Lipowy",
        "ul. Lipowa",
        "ul. Lipowa Boczna",
    ]


@pytest.mark.django_db
def test_a_place_name_gives_its_point_and_district(tenant: Tenant) -> None:
    district = DistrictFactory(tenant=tenant, geometry=square(16.6, 52.1))
    _places(tenant, "ul. Szkolna")
    location = resolve_location(tenant=tenant, text="ul. Szkolna 5")
    assert (location.lat, location.lon) == (52.105, 16.605)
    assert location.district == district
    assert location.address == "ul. Szkolna 5"


@pytest.mark.django_db
def test_typed_coordinates_need_no_gazetteer(tenant: Tenant) -> None:
    location = resolve_location(tenant=tenant, text="52°15′N 16°51′E")
    assert (location.lat, location.lon) == pytest.approx((52.25, 16.85))
    assert location.address == ""


@pytest.mark.django_db
def test_several_matches_ask_the_person_to_choose(tenant: Tenant) -> None:
    _places(tenant, "ul. Polna", "ul. Polna Druga")
    with pytest.raises(LocationError) as problem:
        resolve_location(tenant=tenant, text="Pol")
    assert problem.value.code == "ambiguous"
    chosen = problem.value.choices[1]
    location = resolve_location(tenant=tenant, text="Pol", place_id=chosen.pk)
    assert (location.lat, location.lon) == (chosen.lat, chosen.lon)


@pytest.mark.django_db
def test_a_place_of_another_municipality_is_not_found(tenant: Tenant, other_tenant: Tenant) -> None:
    _places(other_tenant, "ul. Obca")
    with pytest.raises(LocationError) as problem:
        resolve_location(tenant=tenant, text="ul. Obca")
    assert problem.value.code == "not_found"
    foreign = Place.objects.get(tenant=other_tenant)
    with pytest.raises(LocationError):
        resolve_location(tenant=tenant, text="", place_id=foreign.pk)


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["50.06, 19.94", "52.05, 16.55"], ids=["krakow", "in-bounds"])
def test_a_point_outside_the_municipality_is_refused(tenant: Tenant, text: str) -> None:
    DistrictFactory(tenant=tenant, geometry=square(16.6, 52.1))
    with pytest.raises(LocationError, match="outside Gmina Nadrzecze") as problem:
        resolve_location(tenant=tenant, text=text)
    assert problem.value.code == "outside"


@pytest.mark.django_db
def test_without_district_borders_the_map_edges_decide(tenant: Tenant) -> None:
    assert resolve_location(tenant=tenant, text="52.05, 16.55").district is None
    with pytest.raises(LocationError):
        resolve_location(tenant=tenant, text="51.9, 16.55")


@pytest.mark.django_db
def test_an_empty_place_asks_where(tenant: Tenant) -> None:
    with pytest.raises(LocationError) as problem:
        resolve_location(tenant=tenant, text="  ")
    assert problem.value.code == "empty"


@pytest.mark.django_db
def test_a_places_file_with_header_semicolons_and_decimal_commas(tenant: Tenant) -> None:
    raw = "nazwa;szerokość;długość\nul. Lipowa;52,2451;16,8752\nRynek;52.3;16.9\n".encode()
    rows = parse_places_file(raw, tenant=tenant)
    assert rows == [PlaceRow("ul. Lipowa", 52.2451, 16.8752), PlaceRow("Rynek", 52.3, 16.9)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"ul. Lipowa,52.2", "Line 1: expected three columns"),
        (b"ul. Lipowa,52.2,16.8\nRynek,abc,def", "Line 2"),
        (b"ul. Lipowa,52.2,16.8\nul. Lipowa,52.3,16.9", "appears twice"),
        (b"ul. Lipowa,50.06,19.94", "outside the municipality"),
        (b",52.2,16.8", "no name"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b"\n\n", "no places"),
        (b'Rynek,52.2,16.8\n"Lipowa,52.2,16.8\n' + b"x" * 140_000, "Line 2: a quotation mark"),
    ],
)
def test_a_bad_places_file_names_the_problem(tenant: Tenant, raw: bytes, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_places_file(raw, tenant=tenant)


@pytest.mark.django_db
def test_importing_updates_by_name_and_can_replace(tenant: Tenant) -> None:
    _places(tenant, "ul. Stara", "ul. Lipowa")
    rows = [PlaceRow("ul. Lipowa", 52.2, 16.8), PlaceRow("ul. Nowa", 52.21, 16.81)]
    result = import_places(tenant=tenant, rows=rows, replace=True, actor=None, at=timezone.now())
    assert result == (1, 1, 1)
    assert sorted(Place.objects.values_list("name", "search_name")) == [
        ("ul. Lipowa", "lipowa"),
        ("ul. Nowa", "nowa"),
    ]
    assert AuditEntry.objects.filter(action="places.imported", tenant=tenant).exists()


@pytest.mark.django_db
def test_admins_import_places_in_the_panel(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    upload = ("miejsca.csv", b"ul. Lipowa;52.2451;16.8752\n", "text/csv")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/panel/miejsca/", {"file": SimpleUploadedFile(*upload)}, follow=True)
    assert response.status_code == 200
    assert "ul. Lipowa" in response.content.decode()
    assert Place.objects.filter(tenant=tenant).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.RESIDENT, Role.MODERATOR, Role.OFFICIAL])
def test_only_admins_open_the_places_page(client: Client, tenant: Tenant, role: Role) -> None:
    client.force_login(member(tenant, role))
    assert client.get("/panel/miejsca/").status_code == 403
