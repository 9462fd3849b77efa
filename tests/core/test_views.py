from __future__ import annotations

import re

import pytest
from django.test import Client, RequestFactory

from tests.conftest import client_for
from wiec.core.modules import ProcessCard, modules
from wiec.core.views import server_error
from wiec.tenants.models import Tenant


@pytest.mark.django_db
def test_home_shows_an_empty_state_when_nothing_is_open(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Modules register their own open processes (ideas are open by default): none here.
    monkeypatch.setattr(modules, "process_providers", list)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="empty-state"' in html
    assert "Gmina Nadrzecze" in html


@pytest.mark.django_db
def test_home_lists_processes_from_every_module(
    client: Client, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    def provider(for_tenant: Tenant, at: object) -> list[ProcessCard]:
        assert for_tenant == tenant
        return [ProcessCard(title="Budżet obywatelski 2027", url="/bo/", kind="BO", phase="vote")]

    monkeypatch.setattr(modules, "process_providers", lambda: [provider])
    html = client.get("/").content.decode()
    assert "Budżet obywatelski 2027" in html
    assert "empty-state" not in html


@pytest.mark.django_db
def test_every_page_has_a_strict_content_security_policy(client: Client) -> None:
    response = client.get("/")
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert re.search(r"script-src 'self' 'nonce-[\w-]+'", policy)
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    # The tenant's tile server is allowed for map images, nothing else is.
    assert "img-src 'self' data: https://tile.openstreetmap.org" in policy


@pytest.mark.django_db
def test_pages_carry_no_inline_script_or_style(client: Client) -> None:
    html = client.get("/").content.decode()
    assert " style=" not in html
    assert "<style" not in html
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag


@pytest.mark.django_db
def test_404_page_is_branded_and_translated(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Gmina Nadrzecze" in html
    assert "Nie znaleziono strony" in html


@pytest.mark.django_db
def test_csrf_failure_page_is_branded(tenant: Tenant) -> None:
    client = client_for(tenant, enforce_csrf_checks=True)
    response = client.post("/jezyk/", {"language": "en"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Gmina Nadrzecze" in html
    assert "Formularz wygasł" in html


@pytest.mark.django_db
def test_server_error_page_renders_without_the_database(tenant: Tenant) -> None:
    request = RequestFactory().get("/")
    request.tenant = tenant
    response = server_error(request)
    assert response.status_code == 500
    assert "Gmina Nadrzecze" in response.content.decode()


@pytest.mark.django_db
def test_language_defaults_to_the_tenants_and_follows_the_cookie(
    client: Client, tenant: Tenant
) -> None:
    assert client.get("/").headers["Content-Language"] == "pl"
    response = client.post("/jezyk/", {"language": "uk", "next": "/"})
    assert response.status_code == 302
    page = client.get("/")
    assert page.headers["Content-Language"] == "uk"
    assert '<html lang="uk">' in page.content.decode()


@pytest.mark.django_db
def test_a_bogus_language_cookie_falls_back_to_the_default(tenant: Tenant) -> None:
    tenant.default_language = "en"
    tenant.save()
    client = client_for(tenant)
    client.cookies["wiec_language"] = "xx"
    assert client.get("/").headers["Content-Language"] == "en"


@pytest.mark.django_db
def test_accept_language_does_not_override_polish(client: Client) -> None:
    response = client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
    assert response.headers["Content-Language"] == "pl"
