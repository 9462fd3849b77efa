"""The `wiec` command: Django's manage.py for this project (`wiec migrate`, `wiec demo`, ...)."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:2] == ["tally"]:
        # Counting a file needs no settings, database or Django: run the pure engine directly.
        from wiec.tally.cli import run

        run(sys.argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiec.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
