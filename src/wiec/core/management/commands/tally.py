from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from wiec.tally.cli import main


class Command(BaseCommand):
    help = "Count a participatory budget from a pabulib file: FILE.pb [--rule R] [--json]"

    def run_from_argv(self, argv: list[str]) -> None:
        # The counting engine has its own argument parser (and no Django); hand it the rest.
        raise SystemExit(main(argv[2:]))

    def handle(self, *args: Any, **options: Any) -> None:  # pragma: no cover - run_from_argv
        raise SystemExit(main(list(args)))
