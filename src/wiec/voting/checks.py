"""Is `wiec mix_ballots` running while votes are open?

Until it runs, a ballot can be paired with its voter's participation by someone who can read
the database (the shared transaction id and the physical order, see `actions.mix_ballots`).
Nothing else would notice a missing cron entry, so the command notes each run in the shared
cache, and the panel (a warning for officials) and `wiec check --deploy` (a system check) say
so when a ballot box has been open for longer than WIEC_MIX_BALLOTS_INTERVAL minutes without a
run since.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone

from wiec.voting.models import BallotBox

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant

LAST_RUN_KEY = "wiec:voting:mix_ballots:last_run"
CHECK_ID = "wiec.voting.W001"


def interval() -> timedelta:
    return timedelta(minutes=settings.WIEC_MIX_BALLOTS_INTERVAL)


def record_mix_run(*, at: datetime) -> None:
    """Called by `wiec mix_ballots` after each run; kept without expiry."""
    cache.set(LAST_RUN_KEY, at.timestamp(), timeout=None)


def last_mix_run() -> datetime | None:
    stamp = cache.get(LAST_RUN_KEY)
    return datetime.fromtimestamp(stamp, tz=UTC) if stamp else None


def mixing_overdue(*, at: datetime, tenant: Tenant | None = None) -> bool:
    """Whether a ballot box (of `tenant`, or any) has been taking votes for longer than the
    interval and `wiec mix_ballots` has not run within it."""
    cutoff = at - interval()
    last = last_mix_run()
    if last is not None and last >= cutoff:
        return False
    # Not closed and started: online votes while open, paper ballots while counting.
    boxes = BallotBox.objects.filter(closed_at__isnull=True, starts_at__lte=cutoff)
    if tenant is not None:
        boxes = boxes.filter(tenant=tenant)
    return boxes.exists()


@checks.register(checks.Tags.security, deploy=True)
def check_mix_ballots(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        overdue = mixing_overdue(at=timezone.now())
    except DatabaseError:  # no tables yet (before `migrate`): nothing can be open
        return []
    if not overdue:
        return []
    return [
        checks.Warning(
            f"A ballot box is open and `wiec mix_ballots` has not run in the last "
            f"{settings.WIEC_MIX_BALLOTS_INTERVAL} minutes: until it runs, someone who can "
            "read the database can pair ballots with voters.",
            hint="Run `wiec mix_ballots` every 5 minutes (cron or a systemd timer) while any "
            "vote is open; see docs/voting.md.",
            id=CHECK_ID,
        )
    ]
