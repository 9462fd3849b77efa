"""The office's panel for ideas: what waits, answering in public, and the settings."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.ideas.models import IdeaAnswer, IdeaSettings
from wiec.ideas.statuses import IdeaStatus
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
S = IdeaStatus


def html(response: Any) -> str:
    return str(response.content.decode())


def test_waiting_ideas_come_oldest_first_with_how_long_they_waited(
    client: Client, tenant: Tenant, django_assert_max_num_queries: Any
) -> None:
    now = timezone.now()
    IdeaFactory(tenant=tenant, title="Świeży", created_at=now - timedelta(hours=3))
    IdeaFactory(tenant=tenant, title="Najstarszy", created_at=now - timedelta(days=40))
    IdeaFactory(tenant=tenant, title="Odpowiedziany", status=S.ANALYSIS)
    client.force_login(member(tenant, Role.OFFICIAL))
    with django_assert_max_num_queries(12):
        page = html(client.get("/panel/pomysly/"))
    assert page.index("Najstarszy") < page.index("Świeży")
    assert "Odpowiedziany" not in page
    assert re.search(r"<td>1 miesiąc(,|&nbsp;)", page) or "miesiąc" in page
    assert "W analizie (1)" in page


@pytest.mark.parametrize(
    ("role", "status"),
    [(Role.RESIDENT, 403), (Role.MODERATOR, 403), (Role.OFFICIAL, 200), (Role.ADMIN, 200)],
)
def test_who_opens_the_answering_pages(
    client: Client, tenant: Tenant, role: Role, status: int
) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant, role))
    assert client.get("/panel/pomysly/").status_code == status
    assert client.get(f"/panel/pomysly/{idea.pk}/").status_code == status


def test_the_answer_form_offers_only_the_allowed_statuses(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant, status=S.IN_PROGRESS)
    client.force_login(member(tenant, Role.OFFICIAL))
    options = re.findall(r'<option value="(\w+)"', html(client.get(f"/panel/pomysly/{idea.pk}/")))
    assert options == ["in_progress", "done"]


def test_a_rejection_without_reasons_is_sent_back_with_the_text_kept(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant, Role.OFFICIAL))
    response = client.post(f"/panel/pomysly/{idea.pk}/", {"status": "rejected", "message": "Nie."})
    assert response.status_code == 200
    assert "Podaj uzasadnienie odrzucenia (co najmniej 30 znaków)." in html(response)
    assert "Nie.</textarea>" in html(response)
    assert not IdeaAnswer.objects.exists()


def test_an_answer_shows_on_the_idea_page_as_history(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    official = member(tenant, Role.OFFICIAL, display_name="Jan Urzędowski")
    client.force_login(official)
    client.post(f"/panel/pomysly/{idea.pk}/", {"status": "analysis", "message": "Sprawdzamy."})
    client.post(
        f"/panel/pomysly/{idea.pk}/",
        {"status": "rejected", "message": "Teren należy do powiatu; przekazaliśmy mu wniosek."},
    )
    page = html(Client(HTTP_HOST="nadrzecze.localhost").get(f"/pomysly/{idea.pk}/"))
    assert page.index("Status: w analizie") < page.index("Status: odrzucony")
    assert "Teren należy do powiatu" in page
    assert "(Jan Urzędowski)" in page
    assert AuditEntry.objects.filter(action="idea.answered").count() == 2


def test_a_stale_status_choice_gets_a_message_not_an_error(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant, Role.OFFICIAL))
    response = client.post(f"/panel/pomysly/{idea.pk}/", {"status": "done", "message": "Gotowe"})
    assert response.status_code == 200
    assert 'href="#id_status"' in html(response)


def test_admins_close_submissions_and_write_the_introduction(
    client: Client, tenant: Tenant
) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    client.post("/panel/pomysly/ustawienia/", {"intro": "Czekamy na **Wasze** pomysły."})
    settings = IdeaSettings.objects.get(tenant=tenant)
    assert (settings.accepting, settings.intro) == (False, "Czekamy na **Wasze** pomysły.")
    assert "<strong>Wasze</strong>" in html(client.get("/pomysly/"))
    assert AuditEntry.objects.filter(action="ideas.settings_saved").exists()


def test_panel_tiles_follow_the_roles(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.OFFICIAL))
    page = html(client.get("/panel/"))
    assert "Pomysły czekające na odpowiedź" in page
    assert "Moderacja" not in page
    client.force_login(member(tenant, Role.MODERATOR))
    page = html(client.get("/panel/"))
    assert "Moderacja" in page
    assert "Pomysły czekające na odpowiedź" not in page
