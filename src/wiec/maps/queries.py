"""Reads for maps: gazetteer look-ups and turning what a person typed into a checked point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from wiec.maps.coordinates import parse_coordinates
from wiec.maps.exceptions import LocationError
from wiec.maps.models import Place
from wiec.maps.search import place_key
from wiec.tenants.queries import district_for_point, districts

if TYPE_CHECKING:
    from wiec.tenants.geo import DistrictIndex
    from wiec.tenants.models import District, Tenant

MAX_MATCHES = 10


def places(*, tenant: Tenant) -> QuerySet[Place]:
    return Place.objects.filter(tenant=tenant).order_by("name")


def places_outside(*, tenant: Tenant, index: DistrictIndex) -> list[Place]:
    """The municipality's places that no district of `index` contains (by name)."""
    return [
        place
        for place in places(tenant=tenant)
        if index.locate(lat=place.lat, lon=place.lon) is None
    ]


def matching_places(*, tenant: Tenant, text: str) -> list[Place]:
    """Places whose name matches what was typed: exact names first, then names starting with it,
    then names with a word starting with it."""
    key = place_key(text)
    if not key:
        return []
    rows = Place.objects.filter(tenant=tenant)
    exact = list(rows.filter(search_name=key).order_by("name")[:MAX_MATCHES])
    if exact:
        return exact
    return list(
        rows.filter(Q(search_name__startswith=key) | Q(search_name__contains=f" {key}")).order_by(
            "name"
        )[:MAX_MATCHES]
    )


@dataclass(frozen=True)
class Location:
    lat: float | None
    lon: float | None
    address: str
    district: District | None


def district_of_point(*, tenant: Tenant, lat: float, lon: float) -> District | None:
    """The district containing the point; LocationError if it is outside the municipality.

    Outside means outside the map edges, or outside every district when districts have borders.
    """
    outside = LocationError(
        _("This place is outside %(name)s. Choose a place within the municipality.")
        % {"name": tenant.name},
        code="outside",
    )
    if not tenant.bounds_contain(lat, lon):
        raise outside
    district = district_for_point(tenant=tenant, lat=lat, lon=lon)
    if district is None and districts(tenant=tenant).filter(geometry__isnull=False).exists():
        raise outside
    return district


def resolve_location(
    *,
    tenant: Tenant,
    text: str,
    place_id: int | None = None,
) -> Location:
    """A point from typed coordinates (the map picker types them too), a place chosen from
    several matches, or a place name. Several matches raise LocationError with `choices`.
    """
    text = text.strip()
    coordinates = parse_coordinates(text) if text else None
    if coordinates is not None:
        lat, lon = coordinates
        return Location(lat, lon, "", district_of_point(tenant=tenant, lat=lat, lon=lon))
    if place_id is not None:
        place = Place.objects.filter(tenant=tenant, pk=place_id).first()
        if place is not None:
            return Location(
                place.lat,
                place.lon,
                text or place.name,
                district_of_point(tenant=tenant, lat=place.lat, lon=place.lon),
            )
    if not text:
        raise LocationError(
            _("Say where: type an address or coordinates, or choose the point on the map."),
            code="empty",
        )
    matches = matching_places(tenant=tenant, text=text)
    if len(matches) == 1:
        place = matches[0]
        return Location(
            place.lat,
            place.lon,
            text,
            district_of_point(tenant=tenant, lat=place.lat, lon=place.lon),
        )
    if matches:
        raise LocationError(
            _("Several places match; choose one below."), code="ambiguous", choices=matches
        )
    raise LocationError(
        _(
            "We could not find “%(text)s” in the list of places. Check the spelling, type "
            "coordinates (e.g. 52.245, 16.875), or choose the point on the map."
        )
        % {"text": text},
        code="not_found",
    )
