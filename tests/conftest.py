from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation
from pytest_django.fixtures import Settings

from tests.factories import TenantFactory
from wiec.tenants.models import Tenant


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits live in the cache; every test starts with none used."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _test_settings(settings: Settings, tmp_path: Path) -> None:
    """Uploaded files (logos, photos, PDFs) go to a throw-away directory, not var/media;
    passwords use a fast hash (Argon2 costs half a second per account on a CI machine)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def english() -> Iterator[None]:
    """Messages outside a request in English, for tests that match their wording."""
    with translation.override("en"):
        yield


@pytest.fixture
def tenant(db: None) -> Tenant:
    return TenantFactory(slug="nadrzecze", name="Gmina Nadrzecze")


@pytest.fixture
def other_tenant(db: None) -> Tenant:
    return TenantFactory(slug="lipowiec", name="Miasto Lipowiec")


def client_for(tenant: Tenant, **kwargs: object) -> Client:
    """A test client whose requests carry the tenant's host name."""
    return Client(HTTP_HOST=f"{tenant.slug}.localhost", **kwargs)


@pytest.fixture
def client(tenant: Tenant) -> Client:
    return client_for(tenant)
