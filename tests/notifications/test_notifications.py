"""The notification centre, the unread count in the header, and e-mail by choice."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core import mail
from django.db.models import Max
from django.test import Client, TestCase
from django.utils import timezone

from tests.factories import member
from wiec.notifications.actions import notify
from wiec.notifications.models import EmailPreference, Notification
from wiec.notifications.tasks import send_notification_emails
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
KIND = "ideas.answered"


def html(response: Any) -> str:
    return str(response.content.decode())


def _notify(tenant: Tenant, *people: Any, title: str = "Ławki") -> list[Notification]:
    """Notify and commit (the rows are written by the task queued after commit)."""
    last = Notification.objects.aggregate(last=Max("pk"))["last"] or 0
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify(
            tenant=tenant,
            recipient_ids=[p.pk for p in people],
            kind=KIND,
            data={"title": title, "status": "analysis"},
            url="/pomysly/1/",
            at=timezone.now(),
        )
    return list(Notification.objects.filter(pk__gt=last).order_by("pk"))


def test_unknown_kinds_are_a_programming_error(tenant: Tenant) -> None:
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify(tenant=tenant, recipient_ids=[1], kind="nope", data={}, url="/", at=timezone.now())


def test_the_header_shows_the_unread_count(client: Client, tenant: Tenant) -> None:
    person = member(tenant)
    _notify(tenant, person)
    _notify(tenant, person)
    client.force_login(person)
    page = html(client.get("/"))
    assert 'Powiadomienia (2<span class="visually-hidden"> nieprzeczytane</span>)' in page


def test_the_cached_unread_count_follows_every_change(client: Client, tenant: Tenant) -> None:
    """The count is cached between pages; new, opened and all-read notifications show at once."""
    person = member(tenant)
    client.force_login(person)
    assert "Powiadomienia</a>" in html(client.get("/"))  # 0, now cached
    [first] = _notify(tenant, person)
    _notify(tenant, person)
    assert "Powiadomienia (2<" in html(client.get("/"))
    client.get(f"/powiadomienia/{first.pk}/")
    assert "Powiadomienia (1<" in html(client.get("/"))
    client.post("/powiadomienia/przeczytane/")
    assert "Powiadomienia</a>" in html(client.get("/"))


def test_the_count_is_forgotten_again_after_commit(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    """A page served while the notification was being written may have cached the old count;
    the commit drops it."""
    from django.core.cache import cache

    from wiec.notifications.actions import create_notifications
    from wiec.notifications.queries import unread_count, unread_key

    person = member(tenant)
    with django_capture_on_commit_callbacks(execute=True):
        create_notifications(
            tenant_id=tenant.pk,
            recipient_ids=[person.pk],
            kind=KIND,
            data={"title": "Ławki", "status": "analysis"},
            url="/pomysly/1/",
            at=timezone.now(),
        )
        cache.set(unread_key(user_id=person.pk, tenant_id=tenant.pk), 0)  # another request
    assert unread_count(user=person, tenant=tenant) == 1


def test_the_centre_words_each_notification_in_the_readers_language(
    client: Client, tenant: Tenant
) -> None:
    person = member(tenant)
    _notify(tenant, person, title="Ławki nad Wartą")
    client.force_login(person)
    assert "Urząd odpowiedział na Twój pomysł „Ławki nad Wartą”: w analizie" in html(
        client.get("/powiadomienia/")
    )
    client.cookies["wiec_language"] = "en"
    assert "The office answered your idea “Ławki nad Wartą”: under analysis" in html(
        client.get("/powiadomienia/")
    )


def test_opening_marks_read_and_goes_to_the_page(client: Client, tenant: Tenant) -> None:
    person = member(tenant)
    [notification] = _notify(tenant, person)
    client.force_login(person)
    response = client.get(f"/powiadomienia/{notification.pk}/")
    assert response["Location"] == "/pomysly/1/"
    notification.refresh_from_db()
    assert notification.is_read


def test_a_notification_never_redirects_off_the_site(client: Client, tenant: Tenant) -> None:
    person = member(tenant)
    notification = Notification.objects.create(
        tenant=tenant, recipient=person, kind=KIND, url="//evil.example/", created_at=timezone.now()
    )
    client.force_login(person)
    assert client.get(f"/powiadomienia/{notification.pk}/")["Location"] == "/"


def test_mark_all_read(client: Client, tenant: Tenant) -> None:
    person = member(tenant)
    _notify(tenant, person)
    _notify(tenant, person)
    client.force_login(person)
    client.post("/powiadomienia/przeczytane/")
    assert not Notification.objects.filter(read_at__isnull=True).exists()
    assert "Powiadomienia</a>" in html(client.get("/"))


def test_others_notifications_and_other_municipalities_are_404(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    person, other = member(tenant), member(tenant)
    [mine] = _notify(tenant, person)
    [theirs] = _notify(tenant, other)
    [elsewhere] = _notify(other_tenant, person)
    client.force_login(person)
    assert client.get(f"/powiadomienia/{theirs.pk}/").status_code == 404
    assert client.get(f"/powiadomienia/{elsewhere.pk}/").status_code == 404
    assert client.get(f"/powiadomienia/{mine.pk}/").status_code == 302
    assert "Ławki" in html(client.get("/powiadomienia/"))


def test_emails_follow_each_persons_choice_and_go_once(tenant: Tenant) -> None:
    wants, refuses = member(tenant), member(tenant)
    EmailPreference.objects.create(user=refuses, kind=KIND, email=False)
    mail.outbox.clear()
    rows = _notify(tenant, wants, refuses)
    assert [m.to for m in mail.outbox] == [[wants.email]]
    assert mail.outbox[0].subject.startswith("[Gmina Nadrzecze] Urząd odpowiedział")
    assert "https://nadrzecze.localhost/pomysly/1/" in mail.outbox[0].body
    send_notification_emails.call(notification_ids=[n.pk for n in rows])
    assert len(mail.outbox) == 1


def test_emails_speak_the_recipients_language_else_the_municipalitys(tenant: Tenant) -> None:
    ukrainian, unset = member(tenant), member(tenant)
    ukrainian.language = "uk"
    ukrainian.save()
    mail.outbox.clear()
    _notify(tenant, ukrainian, unset)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[ukrainian.email].subject.startswith("[Gmina Nadrzecze] Установа відповіла")
    assert by_address[unset.email].subject.startswith("[Gmina Nadrzecze] Urząd odpowiedział")


def test_the_preferences_page_saves_a_choice_per_kind(client: Client, tenant: Tenant) -> None:
    person = member(tenant)
    client.force_login(person)
    page = html(client.get("/powiadomienia/ustawienia/"))
    assert "Gdy urząd odpowie na mój pomysł" in page
    assert 'name="ideas.answered" id="id_ideas.answered" checked' in page
    client.post("/powiadomienia/ustawienia/", {"discussion.comment": "on"})
    chosen = dict(EmailPreference.objects.filter(user=person).values_list("kind", "email"))
    assert chosen["ideas.answered"] is False
    assert chosen["discussion.comment"] is True


def test_notifications_are_in_download_my_data_and_go_with_the_account(
    client: Client, tenant: Tenant
) -> None:
    from wiec.accounts.actions import delete_account

    person = member(tenant)
    _notify(tenant, person)
    client.force_login(person)
    data = json.loads(client.get("/konto/moje-dane/").content)
    assert data["notifications"]["notifications"][0]["kind"] == KIND
    delete_account(user=person, at=timezone.now())
    assert not Notification.objects.exists()


def test_a_line_break_in_the_text_makes_a_one_line_subject(tenant: Tenant) -> None:
    person = member(tenant)
    mail.outbox.clear()
    _notify(tenant, person, title="Ławki\n\nprzy szkole " + "długo " * 60)
    [sent] = mail.outbox
    assert "\n" not in sent.subject
    assert sent.subject.startswith("[Gmina Nadrzecze] Urząd odpowiedział")
    assert "Ławki przy szkole" in sent.subject
    assert len(sent.subject) <= 200


def test_one_failing_address_does_not_stop_the_others(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.core.mail import EmailMessage

    first, second = member(tenant), member(tenant)
    with monkeypatch.context() as patched:
        patched.setattr(EmailMessage, "send", lambda self: None)
        rows = _notify(tenant, first, second)
    Notification.objects.update(emailed_at=None)
    original = EmailMessage.send

    def refuse_first(self: EmailMessage) -> int:
        if self.to == [first.email]:
            raise OSError("mailbox unavailable")
        return original(self)

    monkeypatch.setattr(EmailMessage, "send", refuse_first)
    mail.outbox.clear()
    assert send_notification_emails.call(notification_ids=[n.pk for n in rows]) == 1
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert Notification.objects.filter(emailed_at__isnull=True).get().recipient == first
