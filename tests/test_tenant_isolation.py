"""Objects of one municipality are a 404 on another's host, never a 403 that confirms them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import client_for
from tests.factories import CategoryFactory, DistrictFactory, member
from wiec.accounts.models import Membership, Role
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def _district(t: Tenant) -> str:
    return f"/panel/obszary/{DistrictFactory(tenant=t).pk}/"


def _district_delete(t: Tenant) -> str:
    return f"/panel/obszary/{DistrictFactory(tenant=t).pk}/usun/"


def _category(t: Tenant) -> str:
    return f"/panel/kategorie/{CategoryFactory(tenant=t).pk}/"


def _category_delete(t: Tenant) -> str:
    return f"/panel/kategorie/{CategoryFactory(tenant=t).pk}/usun/"


def _membership(t: Tenant) -> str:
    return f"/panel/osoby/{Membership.objects.get(user=member(t)).pk}/"


URLS: list[Callable[[Tenant], str]] = [_district, _category, _membership]
POST_URLS: list[Callable[[Tenant], str]] = [_district_delete, _category_delete, *URLS]


@pytest.mark.parametrize("make_url", URLS, ids=lambda f: f.__name__)
def test_foreign_objects_are_404_for_a_local_admin(
    tenant: Tenant, other_tenant: Tenant, make_url: Callable[[Tenant], str]
) -> None:
    client = client_for(tenant)
    client.force_login(member(tenant, Role.ADMIN))
    assert client.get(make_url(tenant)).status_code == 200
    assert client.get(make_url(other_tenant)).status_code == 404


@pytest.mark.parametrize("make_url", POST_URLS, ids=lambda f: f.__name__)
def test_foreign_objects_cannot_be_changed(
    tenant: Tenant, other_tenant: Tenant, make_url: Callable[[Tenant], str]
) -> None:
    client = client_for(tenant)
    client.force_login(member(tenant, Role.ADMIN))
    url = make_url(other_tenant)
    assert client.post(url, {"name": "Przejęte", "role": "admin"}).status_code == 404


def test_an_admin_of_one_tenant_is_no_one_on_another_host(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    admin = member(tenant, Role.ADMIN)
    client = client_for(other_tenant)
    client.force_login(admin)
    assert client.get("/panel/").status_code == 403
    assert client.get(_district(other_tenant)).status_code == 403


def test_each_host_shows_its_own_legal_texts(tenant: Tenant, other_tenant: Tenant) -> None:
    tenant.terms = "Regulamin Nadrzecza"
    tenant.save()
    other_tenant.terms = "Regulamin Lipowca"
    other_tenant.save()
    assert "Regulamin Nadrzecza" in client_for(tenant).get("/regulamin/").content.decode()
    html = client_for(other_tenant).get("/regulamin/").content.decode()
    assert "Regulamin Lipowca" in html
    assert "Nadrzecza" not in html
