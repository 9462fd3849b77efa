from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone, translation
from pytest_django.fixtures import Settings

from tests.factories import TenantFactory
from wiec.tenants.models import Tenant
from wiec.tenants.queries import forget_tenants
from wiec.verification.queries import forget_salts


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits live in the cache, tenants and verification salts in per-process ones:
    every test starts with none (SQLite may give the next test's tenant the same id)."""
    cache.clear()
    forget_tenants()
    forget_salts()
    yield
    cache.clear()
    forget_tenants()
    forget_salts()


@pytest.fixture
def redis_cache(settings: Settings) -> Iterator[None]:
    """The default cache on a real Redis with Wiec's backend (a spare database, emptied before
    and after), as production runs with REDIS_URL; skipped where no Redis answers."""
    import os

    import redis

    url = os.environ.get("WIEC_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    server = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        server.flushdb()
    except redis.ConnectionError:
        pytest.skip(f"no Redis at {url}")
    settings.CACHES = {
        "default": {"BACKEND": "wiec.core.cache.RedisCache", "LOCATION": url, "KEY_PREFIX": "t"}
    }
    yield
    server.flushdb()
    server.close()


@pytest.fixture(autouse=True)
def _test_settings(request: pytest.FixtureRequest, settings: Settings, tmp_path: Path) -> None:
    """Uploaded files (logos, photos, PDFs) go to a throw-away directory, not var/media;
    passwords use a fast hash (Argon2 costs half a second per account on a CI machine) except
    in tests marked `production_hashing`."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    if "production_hashing" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """The clock stands still (mid-minute), so rate-limit windows cannot roll over mid-test."""
    now = datetime(2026, 5, 4, 10, 15, 30, tzinfo=UTC)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now


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
