"""Periodic jobs: work that runs on a schedule rather than in answer to a request.

Each app registers its jobs in its `AppConfig.ready()`; `wiec run_periodic`, started every
minute by cron or a systemd timer (README, *Operations*), runs those that are due. A job is due
when no run of it has been claimed within its interval: the claim is one `cache.add`, and the
cache is shared by every app server in production, so a timer on each server still runs each
job once per interval. If the cache is emptied, jobs run early; every job must therefore be
idempotent and harmless when run more often than asked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

log = logging.getLogger(__name__)

# Timers fire a little early or late; a job claimed at 10:00:00.4 is due again at the tick
# that comes about `every` later, not one tick after that.
GRACE = timedelta(seconds=30)


@dataclass(frozen=True)
class PeriodicJob:
    key: str  # "<app>.<job>", also the name `wiec run_periodic` accepts
    every: timedelta
    run: Callable[[datetime], str]  # does the work for the moment `at`; returns a summary line
    description: str = ""


@dataclass(frozen=True)
class Outcome:
    job: PeriodicJob
    ran: bool
    summary: str = ""
    failed: bool = False


class PeriodicJobs:
    def __init__(self) -> None:
        self._jobs: dict[str, PeriodicJob] = {}

    def register(self, job: PeriodicJob) -> None:
        if job.key in self._jobs and self._jobs[job.key] != job:
            raise ImproperlyConfigured(f"Two periodic jobs are called {job.key!r}.")
        if job.every <= GRACE:
            raise ImproperlyConfigured(f"Periodic job {job.key!r} runs more often than a timer.")
        self._jobs[job.key] = job

    def __iter__(self) -> Iterator[PeriodicJob]:
        return iter(sorted(self._jobs.values(), key=lambda job: job.key))

    def get(self, key: str) -> PeriodicJob | None:
        return self._jobs.get(key)


jobs = PeriodicJobs()


def _claim_key(job: PeriodicJob) -> str:
    return f"wiec:periodic:{job.key}"


def claim(job: PeriodicJob, *, at: datetime) -> bool:
    """True for the first caller in each interval of the job, across all app servers."""
    timeout = int((job.every - GRACE).total_seconds())
    return bool(cache.add(_claim_key(job), at.isoformat(), timeout=timeout))


def run_due(*, at: datetime, only: Collection[str] = (), force: bool = False) -> list[Outcome]:
    """Run every job that is due (or those named in `only`); with `force`, due or not.

    A job that raises is logged and given up for this run; its claim is released so that the
    next tick tries again, and the other jobs still run.
    """
    outcomes = []
    for job in jobs:
        if only and job.key not in only:
            continue
        if not claim(job, at=at) and not force:
            outcomes.append(Outcome(job, ran=False))
            continue
        try:
            summary = job.run(at)
        except Exception:
            log.exception("Periodic job %s failed", job.key)
            cache.delete(_claim_key(job))
            outcomes.append(Outcome(job, ran=True, failed=True))
        else:
            outcomes.append(Outcome(job, ran=True, summary=summary))
    return outcomes
