from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from wiec.tenants.models import Tenant
from wiec.tenants.validators import tile_origin, validate_hostname, validate_tile_url


@pytest.mark.parametrize(
    "url",
    [
        "https://tiles.example;frame-ancestors *;form-action */{z}/{x}/{y}.png",
        "https://tiles.example/{z}/{x}/{y}.png;script-src *",
        "https://tiles example/{z}/{x}/{y}.png",
        "https://'self'/{z}/{x}/{y}.png",
        "http://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "https://tile.openstreetmap.org/{z}/{x}.png",
        "https://tile.example/{z}/{x}/{y}.png#frag",
    ],
)
def test_unsafe_tile_addresses_are_refused(url: str) -> None:
    with pytest.raises(ValidationError):
        validate_tile_url(url)


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
        (
            "https://{s}.tiles.example:8443/a/{z}/{x}/{y}@2x.png?key=abc",
            "https://*.tiles.example:8443",
        ),
    ],
)
def test_tile_origins_for_the_csp(url: str, origin: str) -> None:
    validate_tile_url(url)
    assert tile_origin(url) == origin


@pytest.mark.django_db
def test_a_tile_address_that_slipped_past_validation_adds_nothing_to_the_csp(
    client: Client, tenant: Tenant
) -> None:
    Tenant.objects.filter(pk=tenant.pk).update(
        tile_url="https://x.example;script-src */{z}/{x}/{y}"
    )
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "x.example" not in policy
    assert "script-src 'self' 'nonce-" in policy


@pytest.mark.parametrize(
    "host", ["Nadrzecze.pl", "https://a.pl", "a.pl:8000", "a.pl/x", " a.pl", "a b.pl"]
)
def test_host_names_must_be_bare(host: str) -> None:
    with pytest.raises(ValidationError):
        validate_hostname(host)


@pytest.mark.django_db
def test_the_unknown_address_page_has_the_security_headers(tenant: Tenant) -> None:
    response = Client(HTTP_HOST="nieznana.localhost").get("/")
    assert response.status_code == 404
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
