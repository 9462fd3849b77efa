"""`wiec purge_verifications`: delete verification data older than each tenant's retention.

Run it daily (cron or a systemd timer).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from wiec.verification import actions


class Command(BaseCommand):
    help = "Delete verifications older than each municipality's retention period."

    def handle(self, *args: Any, **options: Any) -> None:
        result = actions.purge_expired(at=timezone.now())
        self.stdout.write(
            f"Deleted {result['verifications']} verification(s) and "
            f"{result['codes']} expired code(s)."
        )
