"""Periodic jobs: work that runs on a schedule rather than in answer to a request.

Each app declares its jobs in its spec (`ModuleSpec.periodic_jobs`), registered here when the
spec is; `wiec run_periodic`, started every minute by cron or a systemd timer (README,
*Operations*), runs those that are due. Whether a
job is due is kept in the database (`PeriodicRun`) and claimed with one conditional UPDATE, so
a timer on each of several app servers still runs each job once per interval. Jobs must be
idempotent: a run that fails is tried again at the next tick. See
docs/decisions/0002-periodic-jobs.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ImproperlyConfigured

from wiec.core import actions

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


def claim(job: PeriodicJob, *, at: datetime) -> bool:
    """True for the first caller in each interval of the job, across all app servers."""
    return actions.claim_periodic_run(key=job.key, every=job.every, grace=GRACE, at=at)


def run_due(*, at: datetime, only: Collection[str] = (), force: bool = False) -> list[Outcome]:
    """Run every job that is due (or those named in `only`); with `force`, due or not.

    A job that raises is logged and given up for this run; it is due again at once, so the
    next tick tries it again, and the other jobs still run.
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
            actions.finish_periodic_run(key=job.key, failed=True, at=at)
            outcomes.append(Outcome(job, ran=True, failed=True))
        else:
            actions.finish_periodic_run(key=job.key, failed=False, at=at)
            outcomes.append(Outcome(job, ran=True, summary=summary))
    return outcomes
