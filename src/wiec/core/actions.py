"""Core's writes: the bookkeeping of periodic jobs (the audit log is written by `audit.record`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from wiec.core.models import PeriodicRun


def claim_periodic_run(*, key: str, every: timedelta, grace: timedelta, at: datetime) -> bool:
    """Whether this caller runs the job `key` now: True for one caller per interval.

    A job never run before is due at once. The claim is one conditional UPDATE that moves
    `due_at` on by `every`; of two servers claiming at the same moment, the second sees the
    first's new `due_at` and gets False. `grace` lets a timer that fires a little early count
    as on time.
    """
    PeriodicRun.objects.get_or_create(key=key, defaults={"due_at": at})
    claimed = PeriodicRun.objects.filter(key=key, due_at__lte=at + grace).update(
        due_at=at + every, last_run_at=at
    )
    return bool(claimed)


def finish_periodic_run(*, key: str, failed: bool, at: datetime) -> None:
    """Record how the run went; a failed job is due again at once (the next tick retries)."""
    runs = PeriodicRun.objects.filter(key=key)
    if failed:
        runs.update(due_at=at, last_failed=True)
    else:
        runs.update(last_failed=False)
