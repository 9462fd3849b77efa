"""`wiec purge_verifications`: delete verification data older than each tenant's retention.

The periodic job `verification.purge_verifications` does this daily under `wiec run_periodic`;
this command runs it once, now.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wiec.verification.module import purge_verifications_job


class Command(BaseCommand):
    help = "Delete verifications older than each municipality's retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(purge_verifications_job(timezone.now()))
