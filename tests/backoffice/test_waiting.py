"""The panel home lists what waits for this person, by role: the oldest few, with links."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from tests.voting.factories import NOW, make_poll
from wiec.accounts.models import Role
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.actions import report_content
from wiec.polls.actions import close_poll
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def _home(client: Client, tenant: Tenant, role: Role) -> str:
    client.force_login(member(tenant, role))
    response = client.get("/panel/")
    assert response.status_code == 200
    return str(response.content.decode())


def _section(html: str, title: str) -> str:
    """The card under the heading `title` (up to the next card)."""
    match = re.search(
        rf'<h3 class="card__title">{re.escape(title)}</h3>(.*?)</li>'
        r'\s*(<li class="card">|</ul>\s*</section>)',
        html,
        re.S,
    )
    assert match, f"no section {title!r}"
    return match.group(1)


IDEAS = "Nowe pomysły czekające na odpowiedź urzędu"
REPORTS = "Zgłoszone treści czekające na decyzję"
POLLS = "Sondy, które wkrótce ruszają lub się kończą, i karty papierowe"


def test_an_official_sees_the_oldest_new_ideas_with_links_and_the_count(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    ideas = [
        IdeaFactory(tenant=tenant, title=f"Pomysł {i}", created_at=NOW - timedelta(days=10 - i))
        for i in range(7)
    ]
    IdeaFactory(tenant=tenant, title="Już w analizie", status=IdeaStatus.ANALYSIS)
    IdeaFactory(tenant=tenant, title="Szkic", status=IdeaStatus.DRAFT)
    IdeaFactory(tenant=other_tenant, title="Z innej gminy")
    html = _home(client, tenant, Role.OFFICIAL)
    box = _section(html, IDEAS)
    assert "7 czeka – najdłużej czekające na początku:" in box
    links = re.findall(r'<a href="/panel/pomysly/(\d+)/">([^<]+)</a>', box)
    assert links == [(str(idea.pk), idea.title) for idea in ideas[:5]]
    assert "opublikowano <time" in box
    assert 'href="/panel/pomysly/"' in box
    for absent in ("Już w analizie", "Szkic", "Z innej gminy"):
        assert absent not in html
    assert REPORTS not in html  # officials answer ideas; moderators decide on reports
    assert POLLS in html


def test_a_moderator_sees_reports_and_neither_ideas_polls_nor_the_voter_register(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant, title="Tanie opony tylko u nas")
    for reporter in (member(tenant), member(tenant)):
        report_content(obj=idea, reporter=reporter, reason="spam", details="", at=NOW)
    html = _home(client, tenant, Role.MODERATOR)
    box = _section(html, REPORTS)
    assert "1 czeka" in box
    assert f'<a href="/panel/moderacja/idea/{idea.pk}/">Tanie opony tylko u nas' in box
    assert "pomysł, 2 zgłoszenia, pierwsze <time" in box
    assert 'href="/panel/moderacja/"' in box
    assert IDEAS not in html
    assert POLLS not in html
    assert "/panel/weryfikacja/rejestr/" not in html


def test_polls_opening_or_ending_soon_and_those_waiting_to_be_closed(
    client: Client, tenant: Tenant
) -> None:
    opens = make_poll(tenant, starts_at=NOW + timedelta(days=2), ends_at=NOW + timedelta(days=20))
    ends = make_poll(tenant, starts_at=NOW - timedelta(days=5), ends_at=NOW + timedelta(days=3))
    ended = make_poll(tenant, starts_at=NOW - timedelta(days=9), ends_at=NOW - timedelta(days=1))
    later = make_poll(tenant, starts_at=NOW + timedelta(days=30), ends_at=NOW + timedelta(days=40))
    long_open = make_poll(
        tenant, starts_at=NOW - timedelta(days=1), ends_at=NOW + timedelta(days=30)
    )
    closed = make_poll(tenant, starts_at=NOW - timedelta(days=9), ends_at=NOW - timedelta(days=2))
    close_poll(poll=closed, actor=member(tenant, Role.OFFICIAL), at=NOW)
    box = _section(_home(client, tenant, Role.OFFICIAL), POLLS)
    assert "3 czekają – najbliższe terminy na początku:" in box
    linked = re.findall(r'<a href="/panel/sondy/(\d+)/">', box)
    assert linked == [str(ended.pk), str(opens.pk), str(ends.pk)]
    assert "głosowanie zakończyło się <time" in box
    assert "Wpisz karty papierowe, a potem zamknij sondę." in box
    assert "głosowanie rusza <time" in box
    assert "głosowanie kończy się <time" in box
    for absent in (later, long_open, closed):
        assert f'href="/panel/sondy/{absent.pk}/"' not in box


def test_plain_words_when_nothing_waits(client: Client, tenant: Tenant) -> None:
    html = _home(client, tenant, Role.ADMIN)
    for title in (IDEAS, REPORTS, POLLS):
        assert "<p>Nic nie czeka.</p>" in _section(html, title)


def test_the_panel_home_costs_the_same_queries_however_much_waits(
    client: Client, tenant: Tenant, django_assert_max_num_queries: Any
) -> None:
    admin = member(tenant, Role.ADMIN)

    def add_work(count: int) -> None:
        for i in range(count):
            idea = IdeaFactory(tenant=tenant, title=f"Pomysł {i}")
            report_content(obj=idea, reporter=member(tenant), reason="spam", details="", at=NOW)
            make_poll(
                tenant,
                official=admin,
                starts_at=NOW + timedelta(days=1),
                ends_at=NOW + timedelta(days=2),
            )

    add_work(1)
    client.force_login(admin)
    client.get("/panel/")  # warm the session and Django's content-type cache
    with django_assert_max_num_queries(40) as one_each:
        client.get("/panel/")
    add_work(11)
    with django_assert_max_num_queries(len(one_each.captured_queries)):
        page = client.get("/panel/").content.decode()
    assert page.count('href="/panel/pomysly/') >= 5
    assert "12 czeka" in page


def test_a_module_lists_its_waiting_work_through_its_spec_alone(
    client: Client, tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new module's list appears on the panel home in the panel's order, and a provider
    that answers None (the role has no such work) leaves nothing behind."""
    from wiec.core.modules import Modules, ModuleSpec, Waiting, WaitingItem, modules

    def budget(user: Any, tenant: Tenant, at: Any) -> Waiting | None:
        return Waiting(
            key="budget",
            title="Projekty budżetu do oceny",
            count=1,
            items=[WaitingItem(label="Nowy park", url="/panel/budzet/1/", note="od", when=at)],
            all_url="/panel/budzet/",
            all_label="Wszystkie projekty",
            order="najstarsze na początku",
        )

    fresh = Modules()
    for spec in modules:
        fresh.register(spec)
    fresh.register(ModuleSpec(key="budget", label="Budget", order=15, waiting=(budget,)))
    fresh.register(ModuleSpec(key="quiet", label="Quiet", waiting=(lambda u, t, a: None,)))
    monkeypatch.setattr(modules, "_specs", fresh._specs)
    html = _home(client, tenant, Role.OFFICIAL)
    box = _section(html, "Projekty budżetu do oceny")
    assert '<a href="/panel/budzet/1/">Nowy park</a>' in box
    assert 'href="/panel/budzet/"' in box
    # ideas (order 10) come before the budget (15), polls (40) after it
    assert html.index(IDEAS) < html.index("Projekty budżetu") < html.index(POLLS)
