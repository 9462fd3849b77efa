from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from wiec.tenants import actions
from wiec.tenants.models import Tenant, TenantHost, TenantKind


def _floats(text: str, count: int, what: str) -> list[float]:
    try:
        values = [float(part) for part in text.split(",")]
    except ValueError:
        raise CommandError(f"{what}: write {count} numbers separated by commas.") from None
    if len(values) != count:
        raise CommandError(f"{what}: write {count} numbers separated by commas.")
    return values


class Command(BaseCommand):
    help = (
        "Create a municipality from the command line (the first one on a new installation, "
        "before anyone can log in on a municipality's address)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="Short name, e.g. nadrzecze.")
        parser.add_argument("--name", required=True, help="E.g. 'Gmina Nadrzecze'.")
        parser.add_argument("--office", required=True, help="E.g. 'Urząd Gminy Nadrzecze'.")
        parser.add_argument("--kind", required=True, choices=TenantKind.values)
        parser.add_argument(
            "--host", action="append", required=True, help="Host name; repeat for more."
        )
        parser.add_argument("--center", required=True, help="Map centre: LAT,LON.")
        parser.add_argument("--bounds", required=True, help="Map edges: SOUTH,WEST,NORTH,EAST.")
        parser.add_argument("--zoom", type=int, default=12)

    def handle(self, *args: Any, **options: Any) -> None:
        lat, lon = _floats(options["center"], 2, "--center")
        south, west, north, east = _floats(options["bounds"], 4, "--bounds")
        tenant = Tenant(
            slug=options["slug"], name=options["name"], office_name=options["office"],
            kind=options["kind"], map_center_lat=lat, map_center_lon=lon,
            map_zoom=options["zoom"], map_south=south, map_west=west, map_north=north,
            map_east=east,
        )  # fmt: skip
        hosts = [host.strip().lower().rstrip(".") for host in options["host"]]
        try:
            tenant.full_clean()
            for host in hosts:
                TenantHost(tenant=tenant, hostname=host).clean_fields(exclude=["tenant"])
        except ValidationError as exc:
            raise CommandError("; ".join(exc.messages)) from None
        if TenantHost.objects.filter(hostname__in=hosts).exists():
            raise CommandError("One of these host names already belongs to a municipality.")
        with transaction.atomic():
            created = actions.create_tenant(
                slug=tenant.slug, name=tenant.name, office_name=tenant.office_name,
                kind=tenant.kind, hosts=hosts, at=timezone.now(),
                map_center_lat=lat, map_center_lon=lon, map_zoom=tenant.map_zoom,
                map_south=south, map_west=west, map_north=north, map_east=east,
            )  # fmt: skip
        self.stdout.write(f"Created {created.name}: https://{hosts[0]}/")
