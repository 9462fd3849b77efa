"""Moderators hear of content when it is first reported."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.accounts.models import Role
from wiec.moderation import actions
from wiec.moderation.models import Block
from wiec.notifications.models import EmailPreference, Notification
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
KIND = "moderation.reported"


def test_a_report_tells_the_municipalitys_moderators_and_no_one_else(
    client: Client,
    tenant: Tenant,
    other_tenant: Tenant,
    django_capture_on_commit_callbacks: Any,
) -> None:
    moderator, admin = member(tenant, Role.MODERATOR), member(tenant, Role.ADMIN)
    official, declined = member(tenant, Role.OFFICIAL), member(tenant, Role.MODERATOR)
    EmailPreference.objects.create(user=declined, kind=KIND, email=False)
    blocked = member(tenant, Role.MODERATOR)
    Block.objects.create(tenant=tenant, user=blocked, reason="x", created_at=timezone.now())
    elsewhere = member(other_tenant, Role.MODERATOR)
    idea = IdeaFactory(tenant=tenant, title="Tanie opony")
    reporter = member(tenant)
    client.force_login(reporter)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/zglos/idea/{idea.pk}/", {"reason": "spam", "details": "Reklama."})
    assert response.status_code == 302
    told = set(Notification.objects.filter(kind=KIND).values_list("recipient_id", flat=True))
    assert told == {moderator.pk, admin.pk}
    assert not {official.pk, declined.pk, blocked.pk, elsewhere.pk, reporter.pk} & told
    assert sorted(m.to[0] for m in mail.outbox) == sorted([moderator.email, admin.email])
    sent = mail.outbox[0]
    assert sent.subject.startswith("[Gmina Nadrzecze] Ktoś zgłosił moderatorom „Tanie opony")
    assert "(spam lub reklama). Zgłoszenie czeka na decyzję." in sent.subject
    assert f"https://nadrzecze.localhost/panel/moderacja/idea/{idea.pk}/" in sent.body


def test_further_reports_of_waiting_content_tell_no_one_again(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    moderator = member(tenant, Role.MODERATOR)
    idea = IdeaFactory(tenant=tenant)
    with django_capture_on_commit_callbacks(execute=True):
        for reporter in (member(tenant), member(tenant)):
            actions.report_content(
                obj=idea, reporter=reporter, reason="spam", details="", at=timezone.now()
            )
    assert Notification.objects.filter(recipient=moderator, kind=KIND).count() == 1


def test_moderators_see_the_choice_and_officials_do_not(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.MODERATOR))
    page = client.get("/powiadomienia/ustawienia/").content.decode()
    assert "Gdy ktoś zgłosi treść moderatorom" in page
    assert 'name="moderation.reported" id="id_moderation.reported" checked' in page
    assert "ideas.new" not in page
    client.force_login(member(tenant, Role.OFFICIAL))
    assert KIND not in client.get("/powiadomienia/ustawienia/").content.decode()
