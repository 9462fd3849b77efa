"""Officials hear of a new idea: in the centre and by e-mail, by their own choice."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.accounts.models import Role
from wiec.ideas import actions
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Block
from wiec.notifications.models import EmailPreference, Notification
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
KIND = "ideas.new"


def test_a_published_idea_tells_the_municipalitys_officials_and_no_one_else(
    client: Client,
    tenant: Tenant,
    other_tenant: Tenant,
    django_capture_on_commit_callbacks: Any,
) -> None:
    resident = member(tenant)
    official, admin = member(tenant, Role.OFFICIAL), member(tenant, Role.ADMIN)
    moderator, neighbour = member(tenant, Role.MODERATOR), member(tenant)
    declined = member(tenant, Role.OFFICIAL)
    EmailPreference.objects.create(user=declined, kind=KIND, email=False)
    blocked = member(tenant, Role.OFFICIAL)
    Block.objects.create(tenant=tenant, user=blocked, reason="x", created_at=timezone.now())
    member(tenant, Role.OFFICIAL, is_active=False)
    elsewhere = member(other_tenant, Role.OFFICIAL)
    idea = IdeaFactory(tenant=tenant, author=resident, status=IdeaStatus.DRAFT, title="Ławki")
    client.force_login(resident)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/pomysly/{idea.pk}/opublikuj/")
    assert response.status_code == 302
    told = set(Notification.objects.filter(kind=KIND).values_list("recipient_id", flat=True))
    assert told == {official.pk, admin.pk}
    assert not {moderator.pk, neighbour.pk, declined.pk, blocked.pk, elsewhere.pk} & told
    assert sorted(m.to[0] for m in mail.outbox) == sorted([official.email, admin.email])
    sent = mail.outbox[0]
    assert sent.subject == "[Gmina Nadrzecze] Nowy pomysł czeka na odpowiedź urzędu: „Ławki”"
    assert f"https://nadrzecze.localhost/panel/pomysly/{idea.pk}/" in sent.body
    assert set(Notification.objects.values_list("tenant_id", flat=True)) == {tenant.pk}


def test_the_link_in_the_email_keeps_the_demo_port(
    tenant: Tenant, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.DEBUG = True
    settings.WIEC_DEMO_PORT = 8123
    official = member(tenant, Role.OFFICIAL)
    idea = IdeaFactory(tenant=tenant, status=IdeaStatus.DRAFT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_idea(idea=idea, at=timezone.now())
    [sent] = mail.outbox
    assert sent.to == [official.email]
    assert f"http://nadrzecze.localhost:8123/panel/pomysly/{idea.pk}/" in sent.body


def test_the_email_speaks_the_officials_language(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    member(tenant, Role.OFFICIAL, language="uk")
    idea = IdeaFactory(tenant=tenant, status=IdeaStatus.DRAFT, title="Ławki")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_idea(idea=idea, at=timezone.now())
    [sent] = mail.outbox
    assert sent.subject.startswith("[Gmina Nadrzecze] Нова ідея")


def test_publishing_twice_tells_once_and_an_official_author_is_not_told_of_their_own(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    official, colleague = member(tenant, Role.OFFICIAL), member(tenant, Role.OFFICIAL)
    idea = IdeaFactory(tenant=tenant, author=official, status=IdeaStatus.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_idea(idea=idea, at=timezone.now())
        actions.publish_idea(idea=idea, at=timezone.now())
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [colleague.pk]


def test_officials_choose_on_their_settings_page_and_residents_do_not_see_the_choice(
    client: Client, tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    official = member(tenant, Role.OFFICIAL)
    client.force_login(official)
    page = client.get("/powiadomienia/ustawienia/").content.decode()
    assert "Gdy wpłynie nowy pomysł" in page
    assert 'name="ideas.new" id="id_ideas.new" checked' in page
    assert "moderation.reported" not in page
    client.post("/powiadomienia/ustawienia/", {"ideas.answered": "on"})
    assert EmailPreference.objects.get(user=official, kind=KIND).email is False
    with django_capture_on_commit_callbacks(execute=True):
        actions.publish_idea(
            idea=IdeaFactory(tenant=tenant, status=IdeaStatus.DRAFT), at=timezone.now()
        )
    assert not Notification.objects.filter(recipient=official).exists()

    resident = member(tenant)
    client.force_login(resident)
    page = client.get("/powiadomienia/ustawienia/").content.decode()
    assert "ideas.new" not in page
    assert "Gdy urząd odpowie na mój pomysł" in page


def test_someone_who_left_the_role_before_the_task_ran_is_not_told(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    """Who is told is checked again when the task runs: with a task queue, an official may lose
    the role between the step and the delivery."""
    from wiec.accounts.models import Membership

    official, admin = member(tenant, Role.OFFICIAL), member(tenant, Role.ADMIN)
    idea = IdeaFactory(tenant=tenant, status=IdeaStatus.DRAFT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.publish_idea(idea=idea, at=timezone.now())
    Membership.objects.filter(user=official, tenant=tenant).update(role=Role.RESIDENT)
    for callback in callbacks:
        callback()
    told = set(Notification.objects.filter(kind=KIND).values_list("recipient_id", flat=True))
    assert told == {admin.pk}
    assert [m.to[0] for m in mail.outbox] == [admin.email]
