"""Every write to the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction

from wiec.core import audit
from wiec.maps.models import Place
from wiec.maps.search import place_key

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


@dataclass(frozen=True)
class PlaceRow:
    name: str
    lat: float
    lon: float


def import_places(
    *, tenant: Tenant, rows: list[PlaceRow], replace: bool, actor: User | None, at: datetime
) -> tuple[int, int, int]:
    """Create or update places by name; with `replace`, delete those not in the list.

    Returns (created, updated, deleted); an import that changes nothing is not logged.
    """
    with transaction.atomic():
        # FOR UPDATE: with `replace`, the places missing from the list are deleted below.
        existing = {p.name: p for p in Place.objects.select_for_update().filter(tenant=tenant)}
        new, changed = [], []
        for row in rows:
            place = existing.get(row.name)
            if place is None:
                new.append(
                    Place(
                        tenant=tenant,
                        name=row.name,
                        search_name=place_key(row.name),
                        lat=row.lat,
                        lon=row.lon,
                    )
                )
            elif (place.lat, place.lon) != (row.lat, row.lon):
                place.lat, place.lon = row.lat, row.lon
                changed.append(place)
        Place.objects.bulk_create(new)
        Place.objects.bulk_update(changed, ["lat", "lon"])
        deleted = 0
        if replace:
            names = {row.name for row in rows}
            stale = [p.pk for name, p in existing.items() if name not in names]
            deleted, _ = Place.objects.filter(pk__in=stale).delete()
        if new or changed or deleted:
            audit.record(
                actor=actor,
                action="places.imported",
                tenant=tenant,
                at=at,
                data={"created": len(new), "updated": len(changed), "deleted": deleted},
            )
    return len(new), len(changed), deleted
