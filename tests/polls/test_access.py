"""The ballots CSV: offered and served from the same rule, 404 alike when it is not there."""

from __future__ import annotations

import pytest

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, make_poll
from wiec.accounts.models import Role
from wiec.polls import actions
from wiec.polls.models import Poll
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def _ballots_link(poll: Poll) -> str:
    return f'href="/sondy/{poll.pk}/karty.csv"'


def test_the_ballots_are_offered_and_served_once_the_poll_is_closed(tenant: Tenant) -> None:
    poll = make_poll(tenant, results_visibility="live")  # open, results shown while open
    client = client_for(tenant)
    results = client.get(f"/sondy/{poll.pk}/wyniki/").content.decode()
    assert _ballots_link(poll) not in results
    assert client.get(f"/sondy/{poll.pk}/karty.csv").status_code == 404
    actions.close_poll(poll=poll, actor=member(tenant, Role.OFFICIAL), at=NOW)
    results = client.get(f"/sondy/{poll.pk}/wyniki/").content.decode()
    assert _ballots_link(poll) in results
    assert client.get(f"/sondy/{poll.pk}/karty.csv").status_code == 200


def test_not_yet_missing_and_foreign_ballots_are_the_same_404(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    open_poll = make_poll(tenant)
    foreign = make_poll(other_tenant)
    actions.close_poll(poll=foreign, actor=member(other_tenant, Role.OFFICIAL), at=NOW)
    client = client_for(tenant)
    for poll_id in (open_poll.pk, foreign.pk, foreign.pk + 99):
        assert client.get(f"/sondy/{poll_id}/karty.csv").status_code == 404, poll_id
