"""`wiec mix_ballots`: rewrite the ballots of every box still taking votes in a random order.

Run it every few minutes while any vote is open (cron or a systemd timer): until a ballot has
been rewritten, someone able to read the database could match it to its participation (see
`wiec.voting.actions.mix_ballots`). Closing a box does the same once more.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wiec.voting import actions, checks
from wiec.voting.models import BallotBox


class Command(BaseCommand):
    help = "Rewrite the ballots of every box that is not closed in a random order."

    def handle(self, *args: Any, **options: Any) -> None:
        boxes = BallotBox.objects.filter(closed_at__isnull=True).only("pk")
        total = sum(actions.mix_ballots(box=box) for box in boxes)
        checks.record_mix_run(at=timezone.now())
        self.stdout.write(f"Rewrote {total} ballot(s) in {len(boxes)} open box(es).")
