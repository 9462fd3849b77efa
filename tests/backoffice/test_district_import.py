"""Issue 9: a district import that moved a border silently left places and ideas outside it.
Now the panel lists what falls outside the new districts and imports only once confirmed (a
second, plain form: no JavaScript needed)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import DistrictFactory, member, square
from tests.ideas.factories import IdeaFactory
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.ideas.statuses import IdeaStatus
from wiec.maps.models import Place
from wiec.tenants.models import District, Tenant

pytestmark = pytest.mark.django_db

OLD_NORTH = square(16.6, 52.1)
NEW_NORTH = square(16.7, 52.1)  # moved east: nothing of the old square is inside any more


def upload(**areas: dict[str, Any]) -> SimpleUploadedFile:
    features = [
        {"type": "Feature", "properties": {"name": name}, "geometry": geometry}
        for name, geometry in areas.items()
    ]
    body = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    return SimpleUploadedFile("obszary.geojson", body)


def text_of(response: Any) -> str:
    return str(response.content.decode())


def token_of(response: Any) -> str:
    found = re.search(r'name="confirm" value="([^"]+)"', text_of(response))
    assert found, "no confirm button"
    return found.group(1)


@pytest.fixture
def north(tenant: Tenant) -> District:
    return DistrictFactory(tenant=tenant, name="Północ", geometry=OLD_NORTH)


@pytest.fixture
def admin_client(client: Client, tenant: Tenant) -> Client:
    client.force_login(member(tenant, Role.ADMIN))
    return client


def test_a_moved_border_lists_what_falls_outside_and_waits(
    admin_client: Client, tenant: Tenant, north: District
) -> None:
    Place.objects.create(
        tenant=tenant, name="ul. Lipowa", search_name="lipowa", lat=52.105, lon=16.605
    )
    Place.objects.create(tenant=tenant, name="Rynek", search_name="rynek", lat=52.105, lon=16.705)
    IdeaFactory(tenant=tenant, title="Ławka pod lipą", lat=52.105, lon=16.605, district=north)
    IdeaFactory(tenant=tenant, title="Fontanna", lat=52.105, lon=16.705, district=north)
    IdeaFactory(tenant=tenant, title="Szkic", status=IdeaStatus.DRAFT, lat=52.105, lon=16.605)

    response = admin_client.post(
        "/panel/obszary/", {"file": upload(Północ=NEW_NORTH), "name_property": "name"}
    )
    assert response.status_code == 200
    html = text_of(response)
    assert "ul. Lipowa" in html
    assert "Ławka pod lipą" in html
    assert "Rynek" not in html  # inside the new border
    assert "Fontanna" not in html
    assert "Szkic" not in html  # a draft is nobody's business yet
    assert "hx-" not in html.split("<main", 1)[1]  # the confirmation is a plain form
    north.refresh_from_db()
    assert north.geometry == OLD_NORTH  # nothing imported yet
    assert not AuditEntry.objects.filter(action="districts.imported").exists()

    confirmed = admin_client.post("/panel/obszary/", {"confirm": token_of(response)})
    assert confirmed.status_code == 302
    north.refresh_from_db()
    assert north.geometry == NEW_NORTH
    assert AuditEntry.objects.filter(action="districts.imported").exists()
    # The session no longer holds it: confirming twice imports nothing more.
    again = admin_client.post("/panel/obszary/", {"confirm": token_of(response)}, follow=True)
    assert "Ten import już nie czeka" in text_of(again)


def test_cancelling_imports_nothing(admin_client: Client, tenant: Tenant, north: District) -> None:
    IdeaFactory(tenant=tenant, lat=52.105, lon=16.605, district=north)
    response = admin_client.post(
        "/panel/obszary/", {"file": upload(Północ=NEW_NORTH), "name_property": "name"}
    )
    token = token_of(response)
    assert admin_client.post("/panel/obszary/", {"cancel": "1"}).status_code == 302
    admin_client.post("/panel/obszary/", {"confirm": token})
    north.refresh_from_db()
    assert north.geometry == OLD_NORTH


def test_a_forged_or_stale_token_imports_nothing(
    admin_client: Client, tenant: Tenant, north: District
) -> None:
    IdeaFactory(tenant=tenant, lat=52.105, lon=16.605, district=north)
    admin_client.post(
        "/panel/obszary/", {"file": upload(Północ=NEW_NORTH), "name_property": "name"}
    )
    response = admin_client.post("/panel/obszary/", {"confirm": "guessed"}, follow=True)
    assert "Ten import już nie czeka" in text_of(response)
    north.refresh_from_db()
    assert north.geometry == OLD_NORTH


def test_an_idea_in_another_new_district_and_a_deleted_district_are_named(
    admin_client: Client, tenant: Tenant, north: District
) -> None:
    south = DistrictFactory(tenant=tenant, name="Południe", geometry=square(16.6, 52.0))
    IdeaFactory(tenant=tenant, title="Przejście", lat=52.105, lon=16.605, district=north)
    IdeaFactory(tenant=tenant, title="Boisko", lat=52.005, lon=16.605, district=south)
    # Północ now covers the old Południe; Południe is gone (replace).
    response = admin_client.post(
        "/panel/obszary/",
        {
            "file": upload(Północ=square(16.6, 52.0)),
            "name_property": "name",
            "replace": "on",
        },
    )
    html = text_of(response)
    assert "Przejście" in html  # now outside every district
    assert "Boisko" in html  # filed under Południe, which goes; inside the new Północ
    assert "brak obszaru" in html
    admin_client.post("/panel/obszary/", {"confirm": token_of(response)})
    assert list(District.objects.filter(tenant=tenant).values_list("name", flat=True)) == ["Północ"]


def test_borders_that_leave_nothing_outside_import_at_once(
    admin_client: Client, tenant: Tenant, north: District
) -> None:
    Place.objects.create(tenant=tenant, name="Rynek", search_name="rynek", lat=52.105, lon=16.705)
    IdeaFactory(tenant=tenant, lat=52.105, lon=16.705, district=None)
    response = admin_client.post(
        "/panel/obszary/", {"file": upload(Północ=NEW_NORTH), "name_property": "name"}
    )
    assert response.status_code == 302
    north.refresh_from_db()
    assert north.geometry == NEW_NORTH
