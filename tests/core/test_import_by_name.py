"""The one names-keyed import (wiec.core.actions.import_by_name) that districts and places share."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from tests.factories import square
from wiec.core.actions import import_by_name
from wiec.core.models import AuditEntry
from wiec.maps import actions as map_actions
from wiec.tenants import actions as tenant_actions
from wiec.tenants.geo import DistrictShape
from wiec.tenants.models import Category, Tenant

pytestmark = pytest.mark.django_db


def categories(tenant: Tenant, rows: list[tuple[str, str]], *, replace: bool) -> Any:
    def build(row: tuple[str, str], position: int) -> Category:
        return Category(tenant=tenant, name=row[0], slug=row[0].lower(), description=row[1])

    def refresh(category: Category, row: tuple[str, str], position: int) -> bool:
        if category.description == row[1]:
            return False
        category.description = row[1]
        return True

    return import_by_name(
        model=Category,
        tenant=tenant,
        rows=rows,
        name=lambda row: row[0],
        build=build,
        refresh=refresh,
        fields=["description"],
        replace=replace,
        action="categories.imported",
        actor=None,
        at=timezone.now(),
    )


def test_creates_updates_only_what_changed_and_deletes_only_with_replace(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    Category.objects.create(tenant=other_tenant, name="Drogi", slug="drogi")
    assert categories(tenant, [("Drogi", "a"), ("Parki", "b")], replace=False) == (2, 0, 0)
    assert categories(tenant, [("Drogi", "a"), ("Parki", "c")], replace=False) == (0, 1, 0)
    assert categories(tenant, [("Parki", "c")], replace=False) == (0, 0, 0)
    assert Category.objects.filter(tenant=tenant).count() == 2
    assert categories(tenant, [("Parki", "c"), ("Szkoły", "")], replace=True) == (1, 0, 1)
    assert sorted(Category.objects.filter(tenant=tenant).values_list("name", "description")) == [
        ("Parki", "c"),
        ("Szkoły", ""),
    ]
    assert Category.objects.filter(tenant=other_tenant, name="Drogi").exists()
    last = AuditEntry.objects.filter(tenant=tenant, action="categories.imported").latest("pk")
    assert last.data == {"created": 1, "updated": 0, "deleted": 1}


def test_districts_and_places_are_imported_by_it(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    used: list[str] = []

    def recording(**kwargs: Any) -> tuple[int, int, int]:
        used.append(kwargs["action"])
        return import_by_name(**kwargs)

    monkeypatch.setattr(tenant_actions, "import_by_name", recording)
    monkeypatch.setattr(map_actions, "import_by_name", recording)
    now = timezone.now()
    tenant_actions.import_districts(
        tenant=tenant,
        shapes=[DistrictShape("Łęgi", square(16.6, 52.1))],
        replace=True,
        actor=None,
        at=now,
    )
    map_actions.import_places(
        tenant=tenant,
        rows=[map_actions.PlaceRow("ul. Lipowa", 52.1, 16.6)],
        replace=True,
        actor=None,
        at=now,
    )
    assert used == ["districts.imported", "places.imported"]
