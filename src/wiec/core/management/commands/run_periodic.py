"""`wiec run_periodic`: run the periodic jobs that are due (see `wiec.core.periodic`).

Start it every minute from cron or a systemd timer on each app server; the shared cache makes
each job run once per interval however many servers start it. `--list` shows the jobs;
naming jobs runs only those, and `--force` runs them even if they are not due.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from wiec.core import periodic


class Command(BaseCommand):
    help = "Run the periodic jobs that are due (start it every minute from cron or a timer)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("jobs", nargs="*", metavar="JOB", help="only these jobs")
        parser.add_argument("--force", action="store_true", help="run them even if not due")
        parser.add_argument("--list", action="store_true", help="list the jobs and stop")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for job in periodic.jobs:
                self.stdout.write(f"{job.key}  every {job.every}  {job.description}")
            return
        unknown = [key for key in options["jobs"] if periodic.jobs.get(key) is None]
        if unknown:
            raise CommandError(f"No periodic job called {', '.join(unknown)}; see --list.")
        outcomes = periodic.run_due(at=timezone.now(), only=options["jobs"], force=options["force"])
        for outcome in outcomes:
            if outcome.failed:
                self.stderr.write(f"{outcome.job.key}: failed (see the log)")
            elif outcome.ran:
                self.stdout.write(f"{outcome.job.key}: {outcome.summary}")
            elif options["verbosity"] > 1:
                self.stdout.write(f"{outcome.job.key}: not due")
        failed = [o.job.key for o in outcomes if o.failed]
        if failed:
            raise CommandError(f"Failed: {', '.join(failed)}")
