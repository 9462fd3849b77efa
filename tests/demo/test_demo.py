from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from shapely.geometry import Point, shape

from wiec.accounts.models import Membership, User
from wiec.demo.build import DEMO_PASSWORD
from wiec.tenants.models import District, Tenant

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_prints_addresses_and_every_role() -> None:
    output = run_demo()
    assert "http://nadrzecze.localhost:8000/" in output
    assert "http://localhost:8000/" in output
    assert "http://lipowiec.localhost:8000/" in output
    for role in ("admin", "official", "moderator", "resident"):
        assert role in output
    assert DEMO_PASSWORD in output


def test_demo_is_idempotent() -> None:
    run_demo()
    counts = (
        Tenant.objects.count(),
        User.objects.count(),
        District.objects.count(),
        Membership.objects.count(),
    )
    run_demo()
    assert counts == (
        Tenant.objects.count(),
        User.objects.count(),
        District.objects.count(),
        Membership.objects.count(),
    )
    assert counts[0] == 2


def test_demo_districts_lie_inside_the_municipality_map() -> None:
    run_demo()
    for tenant in Tenant.objects.all():
        districts = District.objects.filter(tenant=tenant)
        assert 4 <= districts.count() <= 6
        for district in districts:
            centre = shape(district.geometry).representative_point()
            assert tenant.bounds_contain(centre.y, centre.x), district.name
        assert shape(districts[0].geometry).is_valid
        assert not Point(tenant.map_center_lon, tenant.map_center_lat).is_empty


@pytest.mark.parametrize(
    ("host", "email"),
    [
        ("localhost", "admin@nadrzecze.example"),
        ("lipowiec.localhost", "mieszkanka@lipowiec.example"),
    ],
)
def test_demo_accounts_can_log_in(host: str, email: str) -> None:
    run_demo()
    client = Client(HTTP_HOST=host)
    response = client.post("/konto/login/", {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/konto/profil/").status_code == 200
