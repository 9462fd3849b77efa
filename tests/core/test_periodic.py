"""Periodic jobs: one registry, one command (`wiec run_periodic`), each job once per interval."""

from __future__ import annotations

import threading
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections
from django.utils import timezone

from tests.factories import member
from tests.voting.factories import make_poll, pesel, resident, vote_as
from wiec.core import actions as core_actions
from wiec.core import periodic
from wiec.core.models import PeriodicRun
from wiec.tenants.models import Tenant
from wiec.verification import actions as verification_actions
from wiec.verification import queries as verification_queries
from wiec.verification.models import Verification
from wiec.voting.models import Ballot

README = Path(__file__).resolve().parents[2] / "README.md"

# Every job that must run on a schedule, and how often. A new job is added here, to its app's
# ready() and to the README's Operations section.
SCHEDULE = {
    "voting.mix_ballots": timedelta(minutes=5),
    "verification.purge_verifications": timedelta(days=1),
}


def test_each_scheduled_job_is_registered_with_its_interval() -> None:
    assert {job.key: job.every for job in periodic.jobs} == SCHEDULE


def test_the_readme_tells_operators_about_the_command_and_every_job() -> None:
    text = README.read_text(encoding="utf-8")
    assert "wiec run_periodic" in text
    for key in SCHEDULE:
        assert key in text, key


def _old_verification(tenant: Tenant) -> None:
    config = verification_queries.settings_for(tenant=tenant)
    config.retention_days = 30
    config.save()
    verification_actions.submit_declaration(
        tenant=tenant,
        user=member(tenant),
        pesel=pesel(serial=7),
        district=None,
        at=timezone.now() - timedelta(days=31),
    )


def _run(*args: str) -> str:
    out = StringIO()
    call_command("run_periodic", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_run_periodic_runs_each_due_job_once_per_interval(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    vote_as(poll, resident(tenant, serial=1))
    vote_as(poll, resident(tenant, serial=2))
    _old_verification(tenant)
    cutoff = timezone.now() - timedelta(days=30)
    expired = Verification.objects.filter(verified_at__lt=cutoff).count()
    assert expired >= 1

    out = _run()
    assert "voting.mix_ballots: Rewrote 2 ballot(s) in 1 open box(es)." in out
    assert f"verification.purge_verifications: Deleted {expired} verification(s)" in out
    assert not Verification.objects.filter(verified_at__lt=cutoff).exists()
    assert Ballot.objects.count() == 2

    # A second tick within the interval (another app server's timer, say) does nothing.
    assert _run() == ""
    # Named and forced, a job runs anyway.
    assert _run("voting.mix_ballots", "--force").startswith("voting.mix_ballots: Rewrote 2")


@pytest.mark.django_db
def test_each_job_is_due_again_after_its_interval() -> None:
    start = timezone.now()

    def ran(after: timedelta) -> list[str]:
        return [o.job.key for o in periodic.run_due(at=start + after) if o.ran]

    assert ran(timedelta(0)) == sorted(SCHEDULE)  # never run: due at once
    assert ran(timedelta(minutes=1)) == []
    # A timer firing a few seconds early still counts as on time.
    assert ran(timedelta(minutes=5) - timedelta(seconds=5)) == ["voting.mix_ballots"]
    assert ran(timedelta(minutes=6)) == []
    assert ran(timedelta(days=1)) == sorted(SCHEDULE)
    assert PeriodicRun.objects.get(key="voting.mix_ballots").due_at == start + timedelta(
        days=1, minutes=5
    )


@pytest.mark.django_db
def test_a_failing_job_is_reported_retried_next_tick_and_does_not_stop_the_others(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(at: object) -> str:
        raise RuntimeError("storage down")

    job = periodic.jobs.get("voting.mix_ballots")
    assert job is not None
    monkeypatch.setitem(
        periodic.jobs._jobs, job.key, periodic.PeriodicJob(job.key, job.every, broken)
    )
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match=r"Failed: voting\.mix_ballots"):
        call_command("run_periodic", stdout=out, stderr=err)
    assert "voting.mix_ballots: failed" in err.getvalue()
    assert "verification.purge_verifications: Deleted" in out.getvalue()
    assert PeriodicRun.objects.get(key=job.key).last_failed
    # The failed job is due again, so the next tick tries it; the other one waits.
    assert [o.job.key for o in periodic.run_due(at=timezone.now()) if o.ran] == [job.key]


def test_an_unknown_job_name_is_refused() -> None:
    with pytest.raises(CommandError, match="No periodic job called nope"):
        call_command("run_periodic", "nope")


def test_list_names_every_job() -> None:
    out = _run("--list")
    for key in SCHEDULE:
        assert key in out


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so no race can occur",
)
@pytest.mark.parametrize("first_run", [True, False])
def test_of_servers_claiming_at_once_exactly_one_runs_the_job(first_run: bool) -> None:
    start = timezone.now()
    if not first_run:
        PeriodicRun.objects.create(key="race.job", due_at=start - timedelta(minutes=1))
    barrier = threading.Barrier(6)
    claims: list[bool] = []
    lock = threading.Lock()

    def server() -> None:
        try:
            barrier.wait()
            claimed = core_actions.claim_periodic_run(
                key="race.job", every=timedelta(minutes=5), grace=timedelta(seconds=30), at=start
            )
            with lock:
                claims.append(claimed)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=server) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(claims) == [False] * 5 + [True]
