"""Polls, their questions and ballot boxes of another municipality are a 404."""

from __future__ import annotations

import pytest

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, form_data, make_poll, resident
from wiec.accounts.models import Role
from wiec.polls import actions
from wiec.tenants.models import Tenant
from wiec.verification import queries as verification_queries
from wiec.voting.models import Ballot

pytestmark = pytest.mark.django_db


def urls(poll_id: int, question_id: int) -> list[str]:
    return [
        f"/sondy/{poll_id}/",
        f"/sondy/{poll_id}/wyniki/",
        f"/sondy/{poll_id}/wyniki.csv",
        f"/sondy/{poll_id}/karty.csv",
        f"/panel/sondy/{poll_id}/",
        f"/panel/sondy/{poll_id}/pytania/nowe/",
        f"/panel/sondy/{poll_id}/pytania/{question_id}/",
        f"/panel/sondy/{poll_id}/papierowe/",
    ]


def test_foreign_polls_are_404_for_a_local_admin(tenant: Tenant, other_tenant: Tenant) -> None:
    foreign = make_poll(other_tenant)
    question = foreign.questions.first()
    assert question is not None
    client = client_for(tenant)
    client.force_login(member(tenant, Role.ADMIN))
    for url in urls(foreign.pk, question.pk):
        assert client.get(url).status_code == 404, url
    for url in [
        f"/panel/sondy/{foreign.pk}/zamknij/",
        f"/panel/sondy/{foreign.pk}/pytania/{question.pk}/usun/",
        f"/sondy/{foreign.pk}/",
    ]:
        assert client.post(url, form_data(foreign)).status_code == 404, url
    foreign.box.refresh_from_db()
    assert foreign.box.closed_at is None
    assert not Ballot.objects.exists()


def test_a_receipt_is_found_only_on_its_own_municipality(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    poll = make_poll(other_tenant)
    user = resident(other_tenant)
    receipt = actions.vote(
        poll=poll,
        identity=verification_queries.identity_for_user(tenant=other_tenant, user=user),
        choices={str(q.pk): [q.options.first().pk] for q in poll.questions.all()},  # type: ignore[union-attr]
        at=NOW,
    )
    assert (
        client_for(tenant).post("/potwierdzenie-glosu/", {"code": receipt}).context["box"] is None
    )
    found = client_for(other_tenant).post("/potwierdzenie-glosu/", {"code": receipt})
    assert found.context["box"] == poll.box


def test_a_verification_of_another_tenant_cannot_be_withdrawn(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    from wiec.verification.models import Verification

    resident(other_tenant)
    verification = Verification.objects.get()
    client = client_for(tenant)
    client.force_login(member(tenant, Role.ADMIN))
    assert client.post(f"/panel/weryfikacja/{verification.pk}/cofnij/").status_code == 404
    assert Verification.objects.exists()
