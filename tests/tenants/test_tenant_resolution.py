from __future__ import annotations

import pytest
from django.test import Client, override_settings

from tests.factories import PASSWORD, TenantFactory, UserFactory
from wiec.tenants.models import Tenant, TenantHost
from wiec.tenants.queries import normalise_host, tenant_for_host


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("Nadrzecze.LocalHost:8000", "nadrzecze.localhost"),
        ("nadrzecze.localhost.", "nadrzecze.localhost"),
        ("[::1]:8000", "[::1]"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_normalise_host(host: str, expected: str) -> None:
    assert normalise_host(host) == expected


@pytest.mark.django_db
def test_the_host_picks_the_tenant(tenant: Tenant, other_tenant: Tenant) -> None:
    assert tenant_for_host("nadrzecze.localhost:8000") == tenant
    assert tenant_for_host("lipowiec.localhost") == other_tenant
    assert tenant_for_host("unknown.localhost") is None


@pytest.mark.django_db
def test_inactive_tenants_do_not_answer(tenant: Tenant) -> None:
    tenant.is_active = False
    tenant.save()
    assert tenant_for_host("nadrzecze.localhost") is None


@pytest.mark.django_db
def test_unknown_host_gets_a_friendly_page() -> None:
    TenantFactory(slug="nadrzecze")
    response = Client(HTTP_HOST="nieznana.localhost").get("/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "nieznana.localhost" in html
    assert "<h1>" in html


@pytest.mark.django_db
def test_default_tenant_answers_unknown_hosts(tenant: Tenant) -> None:
    with override_settings(WIEC_DEFAULT_TENANT="nadrzecze"):
        response = Client(HTTP_HOST="konsultacje.example.localhost").get("/")
    assert response.status_code == 200
    assert "Gmina Nadrzecze" in response.content.decode()


@pytest.mark.django_db
def test_operators_reach_the_admin_through_a_municipalitys_address(tenant: Tenant) -> None:
    operator = UserFactory(is_staff=True, is_superuser=True)
    client = Client(HTTP_HOST="nadrzecze.localhost")
    login = client.get("/admin/login/")
    assert login["Location"] == "/konto/login/?next=%2Fadmin%2Flogin%2F"
    answer = client.post(
        "/konto/login/?next=/admin/", {"login": operator.email, "password": PASSWORD}
    )
    assert answer["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_tenants_are_cached_per_process_but_a_save_is_seen_at_once(
    tenant: Tenant, django_assert_num_queries: object
) -> None:
    first = tenant_for_host("nadrzecze.localhost")
    with django_assert_num_queries(0):  # type: ignore[operator]
        again = tenant_for_host("nadrzecze.localhost")
    assert again == first
    assert again is not first  # each request gets its own instance to change
    tenant.name = "Gmina Nadrzecze Nowa"
    tenant.save()
    found = tenant_for_host("nadrzecze.localhost")
    assert found is not None
    assert found.name == "Gmina Nadrzecze Nowa"


@pytest.mark.django_db
def test_a_new_host_name_is_seen_at_once(tenant: Tenant) -> None:
    assert tenant_for_host("konsultacje.nadrzecze.localhost") is None
    TenantHost.objects.create(tenant=tenant, hostname="konsultacje.nadrzecze.localhost")
    assert tenant_for_host("konsultacje.nadrzecze.localhost") == tenant
