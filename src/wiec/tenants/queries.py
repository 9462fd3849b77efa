"""Reads of tenants and their districts and categories; always scoped to one tenant."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from wiec.core.process_caches import resettable
from wiec.tenants.geo import DistrictIndex
from wiec.tenants.models import AccessibilityStatement, Category, District, Tenant


def normalise_host(host: str) -> str:
    """`Nadrzecze.localhost:8000` -> `nadrzecze.localhost` (IPv6 brackets kept)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]")[0] + "]"
    return host.rsplit(":", 1)[0].rstrip(".") if ":" in host else host.rstrip(".")


# host -> (expiry, the tenant's column values or None). Every request needs its tenant, and
# tenants change rarely: each process keeps them for WIEC_TENANT_CACHE_SECONDS, and forgets
# them at once when a Tenant or TenantHost is saved in that process (see apps.py).
_by_host: dict[str, tuple[float, tuple[Any, ...] | None]] = {}
_FIELDS = [field.attname for field in Tenant._meta.concrete_fields]


def tenant_for_host(host: str) -> Tenant | None:
    """The active tenant that answers this host, else the configured default, else None.

    Each call returns its own instance, so a request may change it without touching others.
    """
    name = normalise_host(host)
    ttl: int = settings.WIEC_TENANT_CACHE_SECONDS
    now = time.monotonic()
    cached = _by_host.get(name) if ttl else None
    if cached is not None and cached[0] > now:
        values = cached[1]
    else:
        values = _lookup(name)
        if ttl:
            _by_host[name] = (now + ttl, values)
    return Tenant.from_db("default", _FIELDS, values) if values is not None else None


def _lookup(name: str) -> tuple[Any, ...] | None:
    rows = Tenant.objects.filter(is_active=True).values_list(*_FIELDS)
    found = rows.filter(hosts__hostname=name).first()
    if found is None and settings.WIEC_DEFAULT_TENANT:
        found = rows.filter(slug=settings.WIEC_DEFAULT_TENANT).first()
    return found


@resettable
def forget_tenants() -> None:
    """Drop this process's cached tenants (after a change, and between tests)."""
    _by_host.clear()


def primary_host(tenant: Tenant) -> str | None:
    host = tenant.hosts.order_by("-is_primary", "hostname").first()
    return host.hostname if host else None


def districts(*, tenant: Tenant) -> QuerySet[District]:
    return District.objects.filter(tenant=tenant).order_by("position", "name")


def categories(*, tenant: Tenant) -> QuerySet[Category]:
    return Category.objects.filter(tenant=tenant).order_by("position", "name")


def get_district_or_404(*, tenant: Tenant, district_id: int) -> District:
    try:
        return District.objects.get(tenant=tenant, pk=district_id)
    except District.DoesNotExist:
        raise Http404 from None


def get_category_or_404(*, tenant: Tenant, category_id: int) -> Category:
    try:
        return Category.objects.get(tenant=tenant, pk=category_id)
    except Category.DoesNotExist:
        raise Http404 from None


def district_index(*, tenant: Tenant) -> DistrictIndex:
    rows = districts(tenant=tenant).filter(geometry__isnull=False).values_list("pk", "geometry")
    return DistrictIndex([(pk, geometry) for pk, geometry in rows if geometry])


def district_for_point(*, tenant: Tenant, lat: float, lon: float) -> District | None:
    """The tenant's district that contains the point, or None outside every border."""
    district_id = district_index(tenant=tenant).locate(lat=lat, lon=lon)
    if district_id is None:
        return None
    return District.objects.get(tenant=tenant, pk=district_id)


def accessibility_statement(*, tenant: Tenant) -> AccessibilityStatement | None:
    return AccessibilityStatement.objects.filter(tenant=tenant).first()


def accessibility_review_due(*, tenant: Tenant, today: date) -> bool:
    """Whether the statement is missing or was last reviewed before the latest 31 March
    (the act of 4 April 2019 asks for a review every year by that day)."""
    statement = accessibility_statement(tenant=tenant)
    if statement is None:
        return True
    deadline = date(today.year, 3, 31)
    if today < deadline:
        deadline = date(today.year - 1, 3, 31)
    return statement.reviewed_on < deadline
