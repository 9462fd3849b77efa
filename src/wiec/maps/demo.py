"""Demo gazetteer: streets and landmarks of the two fictional municipalities, inside their
districts, so the demo's "type a place instead of using the map" works out of the box."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, Any

from shapely.geometry import Point, shape

from wiec.maps.actions import PlaceRow, import_places
from wiec.tenants.queries import districts

if TYPE_CHECKING:
    from wiec.demo.build import DemoContext
    from wiec.tenants.models import Tenant

PLACES = {
    "nadrzecze": [
        "ul. Szkolna",
        "ul. Kościelna",
        "ul. Nadwarciańska",
        "ul. Polna",
        "ul. Leśna",
        "ul. Łąkowa",
        "ul. Ogrodowa",
        "ul. Słoneczna",
        "ul. Dębowa",
        "ul. Olszynowa",
        "ul. Borówkowa",
        "ul. Rybacka",
        "Szkoła Podstawowa w Nadrzeczu",
        "Świetlica wiejska w Dębinie",
        "Remiza OSP Olszynka",
        "Boisko gminne",
        "Przystanek Łęgi – Pętla",
        "Plac zabaw w Borówcu",
    ],
    "lipowiec": [
        "Rynek",
        "ul. Lipowa",
        "ul. Kolejowa",
        "ul. Dworcowa",
        "ul. Jeziorna",
        "ul. Plażowa",
        "ul. Leśna",
        "ul. Zatorze",
        "ul. Mickiewicza",
        "ul. Słowackiego",
        "al. Wolności",
        "Park Miejski",
        "Dom Kultury",
        "Dworzec PKP",
        "Przedszkole nr 2",
        "Hala sportowa",
        "Przystań nad jeziorem",
        "Skwer Kolejarzy",
    ],
}


def random_point_in(geometry: Any, rng: random.Random) -> tuple[float, float]:
    """A random (lat, lon) inside the polygon, away from its border."""
    area = shape(geometry)
    inner = area.buffer(-0.002) if area.buffer(-0.002).area > 0 else area
    min_lon, min_lat, max_lon, max_lat = inner.bounds
    for _attempt in range(1000):
        lon, lat = rng.uniform(min_lon, max_lon), rng.uniform(min_lat, max_lat)
        if inner.contains(Point(lon, lat)):
            return round(lat, 5), round(lon, 5)
    point = inner.representative_point()
    return point.y, point.x


def place_rows(tenant: Tenant, rng: random.Random) -> list[PlaceRow]:
    areas = [d.geometry for d in districts(tenant=tenant) if d.geometry]
    rows = []
    for position, name in enumerate(PLACES.get(tenant.slug, [])):
        lat, lon = random_point_in(areas[position % len(areas)], rng)
        rows.append(PlaceRow(name=name, lat=lat, lon=lon))
    return rows


def load(ctx: DemoContext) -> None:
    for tenant in ctx.tenants.values():
        rng = random.Random(f"places-{tenant.slug}")  # noqa: S311 - demo data
        import_places(
            tenant=tenant, rows=place_rows(tenant, rng), replace=True, actor=None, at=ctx.now
        )
