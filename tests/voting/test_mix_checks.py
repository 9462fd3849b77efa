"""While a vote is open, the panel and `wiec check --deploy` say when `wiec mix_ballots` is
not running (until it runs, ballots can be paired with voters by their physical order and, on
PostgreSQL, their transaction id)."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core import checks
from django.core.management import call_command

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, make_poll
from wiec.accounts.models import Role
from wiec.tenants.models import Tenant
from wiec.voting.models import BallotBox

pytestmark = pytest.mark.django_db

WARNING = "Karty do głosowania nie są mieszane"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The time now: NOW until the test moves it."""
    moment = [NOW]
    monkeypatch.setattr("django.utils.timezone.now", lambda: moment[0])
    return moment


def deploy_warnings() -> list[str]:
    return [
        message.id or ""
        for message in checks.run_checks(include_deployment_checks=True)
        if message.id == "wiec.voting.W001"
    ]


def mix() -> None:
    call_command("mix_ballots", stdout=StringIO())


def test_check_deploy_warns_while_an_open_vote_goes_unmixed(
    tenant: Tenant, clock: list[datetime]
) -> None:
    assert deploy_warnings() == []  # nothing open: nothing to mix
    make_poll(tenant, starts_at=NOW - timedelta(hours=1))
    assert deploy_warnings() == ["wiec.voting.W001"]  # open for an hour, never mixed
    mix()
    assert deploy_warnings() == []
    clock[0] = NOW + timedelta(minutes=14)
    assert deploy_warnings() == []
    clock[0] = NOW + timedelta(minutes=16)  # the default interval is 15 minutes
    assert deploy_warnings() == ["wiec.voting.W001"]
    BallotBox.objects.update(closed_at=NOW)
    assert deploy_warnings() == []


def test_a_vote_that_just_opened_is_not_overdue(tenant: Tenant, clock: list[datetime]) -> None:
    make_poll(tenant, starts_at=NOW - timedelta(minutes=5))
    assert deploy_warnings() == []
    clock[0] = NOW + timedelta(minutes=11)
    assert deploy_warnings() == ["wiec.voting.W001"]


def test_the_panel_warns_the_officials_who_run_votes(
    tenant: Tenant, other_tenant: Tenant, clock: list[datetime]
) -> None:
    make_poll(tenant, starts_at=NOW - timedelta(hours=1))
    elsewhere = client_for(other_tenant)
    elsewhere.force_login(member(other_tenant, Role.OFFICIAL))
    assert WARNING not in elsewhere.get("/panel/").content.decode()  # not their vote
    official = client_for(tenant)
    official.force_login(member(tenant, Role.OFFICIAL))
    assert WARNING in official.get("/panel/").content.decode()
    assert WARNING in official.get("/panel/sondy/").content.decode()
    moderator = client_for(tenant)
    moderator.force_login(member(tenant, Role.MODERATOR))
    assert WARNING not in moderator.get("/panel/").content.decode()
    mix()
    assert WARNING not in official.get("/panel/").content.decode()
