from __future__ import annotations

import contextlib
import functools
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.template import TemplateDoesNotExist, loader
from django.template.base import VariableDoesNotExist
from django.test import Client
from django.utils import timezone, translation
from pytest_django.fixtures import Settings

import wiec
from tests.cast import Cast, cast
from tests.factories import TenantFactory
from wiec.core.process_caches import reset_all
from wiec.tenants.models import Tenant

_WIEC_SOURCE = str(Path(wiec.__file__).parent)


@functools.cache
def _is_wiec_template(name: str) -> bool:
    try:
        origin = loader.get_template(name).origin.name  # type: ignore[attr-defined]
    except TemplateDoesNotExist:
        return False
    return str(origin).startswith(_WIEC_SOURCE)


def _optional(name: str, current: object) -> bool:
    """An absent optional value, not a wrong name: an attribute of an empty foreign key
    (`idea.district.name` with no district) or the first of no items (`photos.all.0`)."""
    if current is None:
        return True
    return name.isdigit() and not isinstance(current, dict) and not current


class _UnresolvedNames(logging.Handler):
    """Collects every name a template of Wiec could not resolve.

    Django renders a missing variable as an empty string and treats it as false in `{% if %}`,
    so `{% if Step.CLOSE in allowed %}` with a `Step` that the engine calls (a class) hides a
    page's main actions without a word. Django logs each failed lookup at DEBUG on the
    `django.template` logger; this handler keeps those from Wiec's own templates.
    """

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith("Exception while resolving variable"):
            return
        name, template = record.args if isinstance(record.args, tuple) else ("?", "?")
        if not _is_wiec_template(str(template)):
            return  # Django's, allauth's and the admin's templates probe optional names by design
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, VariableDoesNotExist) and _optional(name, error.params[1]):
            return
        self.found.append(f"{template}: {name!r} ({str(error)[:150]})")


@contextlib.contextmanager
def unresolved_template_names() -> Iterator[list[str]]:
    """Within the block, the list fills with every name Wiec's templates could not resolve."""
    logger = logging.getLogger("django.template")
    handler = _UnresolvedNames()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield handler.found
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


@pytest.fixture(autouse=True)
def _templates_name_only_what_exists(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a test in which a template named something that does not exist."""
    if request.node.get_closest_marker("template_names_may_be_missing"):
        yield
        return
    with unresolved_template_names() as found:
        yield
    if found:
        pytest.fail("A template names what does not exist:\n" + "\n".join(sorted(set(found))))


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits live in the cache, tenants and verification salts in per-process ones:
    every test starts with none (SQLite may give the next test's tenant the same id)."""
    cache.clear()
    reset_all()
    yield
    cache.clear()
    reset_all()


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


@pytest.fixture
def people(tenant: Tenant, other_tenant: Tenant) -> Cast:
    """The fixed cast (tests/cast.py): resident, verified, moderator, official, admin, blocked,
    and a verified resident of the other municipality."""
    return cast(tenant, other_tenant)
