from __future__ import annotations

from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.core.management.base import BaseCommand, CommandError, CommandParser

import wiec


class Command(BaseCommand):
    help = (
        "Compile Wiec's .po catalogues to .mo. Pure Python (Babel), so a fresh machine needs "
        "no GNU gettext; only catalogues newer than their .mo are rebuilt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Rebuild every catalogue.")

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(wiec.__file__).resolve().parent
        built = 0
        for po_path in sorted(root.glob("*/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if (
                not options["force"]
                and mo_path.exists()
                and mo_path.stat().st_mtime >= po_path.stat().st_mtime
            ):
                continue
            locale = po_path.parents[1].name
            try:
                with po_path.open("rb") as source:
                    catalog = read_po(source, locale=locale, abort_invalid=True)
            except Exception as exc:
                raise CommandError(f"{po_path}: {exc}") from exc
            with mo_path.open("wb") as target:
                write_mo(target, catalog, use_fuzzy=False)
            built += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"Translations: {built} catalogue(s) compiled.")
