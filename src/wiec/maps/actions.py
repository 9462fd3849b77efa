"""Every write to the gazetteer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from wiec.core.actions import import_by_name
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

    def build(row: PlaceRow, position: int) -> Place:
        return Place(
            tenant=tenant, name=row.name, search_name=place_key(row.name), lat=row.lat, lon=row.lon
        )

    def refresh(place: Place, row: PlaceRow, position: int) -> bool:
        if (place.lat, place.lon) == (row.lat, row.lon):
            return False
        place.lat, place.lon = row.lat, row.lon
        return True

    return import_by_name(
        model=Place,
        tenant=tenant,
        rows=rows,
        name=lambda row: row.name,
        build=build,
        refresh=refresh,
        fields=["lat", "lon"],
        replace=replace,
        action="places.imported",
        actor=actor,
        at=at,
    )
