from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from wiec.tenants import actions
from wiec.tenants.exceptions import GeoJSONError
from wiec.tenants.geo import parse_district_file
from wiec.tenants.models import Tenant


class Command(BaseCommand):
    help = "Import a municipality's districts from a GeoJSON FeatureCollection of polygons."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tenant", help="The municipality's short name (slug).")
        parser.add_argument("file", type=Path, help="GeoJSON file in WGS 84.")
        parser.add_argument("--name-property", default="name", help="Property with the name.")
        parser.add_argument(
            "--replace", action="store_true", help="Delete districts that are not in the file."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            tenant = Tenant.objects.get(slug=options["tenant"])
        except Tenant.DoesNotExist:
            raise CommandError(
                f"No municipality with the short name {options['tenant']!r}."
            ) from None
        path: Path = options["file"]
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from None
        try:
            shapes = parse_district_file(raw, name_property=options["name_property"])
        except GeoJSONError as exc:
            raise CommandError(str(exc)) from None
        created, updated, deleted = actions.import_districts(
            tenant=tenant, shapes=shapes, replace=options["replace"], actor=None, at=timezone.now()
        )
        self.stdout.write(
            f"{tenant.name}: {created} created, {updated} updated, {deleted} deleted."
        )
