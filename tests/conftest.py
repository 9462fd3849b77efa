from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.test import Client

from tests.factories import TenantFactory
from wiec.tenants.models import Tenant
from wiec.tenants.queries import forget_tenants


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits live in the cache and tenants in a per-process one: every test starts
    with neither (SQLite may give the next test's tenant the same id)."""
    cache.clear()
    forget_tenants()
    yield
    cache.clear()
    forget_tenants()


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
