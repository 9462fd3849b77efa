"""`wiec mix_ballots`: rewrite the ballots of every box still taking votes in a random order.

The periodic job `voting.mix_ballots` does this every five minutes under `wiec run_periodic`;
this command runs it once, now. Until a ballot has been rewritten, someone able to read the
database could match it to its participation (see `wiec.voting.actions.mix_ballots`).
Closing a box does the same once more.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wiec.voting.module import mix_ballots_job


class Command(BaseCommand):
    help = "Rewrite the ballots of every box that is not closed in a random order."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(mix_ballots_job(timezone.now()))
