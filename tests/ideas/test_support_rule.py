"""Issue 9: supports counted accounts, not residents. The municipality may count verified
residents only; by default every logged-in account may still support (today's behaviour)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.accounts.models import Role, User
from wiec.ideas.models import IdeaSettings
from wiec.tenants.models import Tenant
from wiec.verification.models import Level, Method, Verification

pytestmark = pytest.mark.django_db


def text_of(response: Any) -> str:
    return str(response.content.decode())


def verified(tenant: Tenant, user: User, level: int = Level.RESIDENT) -> User:
    Verification.objects.create(
        tenant=tenant,
        user=user,
        level=level,
        method=Method.IN_PERSON if level >= Level.RESIDENT else Method.CODE,
        pesel_hmac=f"pesel-{user.pk}" if level >= Level.RESIDENT else None,
        contact_hmac=None if level >= Level.RESIDENT else f"contact-{user.pk}",
        verified_at=timezone.now(),
    )
    return user


def only_residents(tenant: Tenant) -> None:
    IdeaSettings.objects.create(tenant=tenant, supporters_verified=True)


def test_by_default_any_account_may_support(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    assert "Tylko zweryfikowani mieszkańcy" not in text_of(client.get(f"/pomysly/{idea.pk}/"))
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"})
    idea.refresh_from_db()
    assert idea.support_count == 1


def test_an_unverified_account_is_refused_with_a_link_to_verify(
    client: Client, tenant: Tenant
) -> None:
    only_residents(tenant)
    idea = IdeaFactory(tenant=tenant)
    client.force_login(verified(tenant, member(tenant), Level.CONTACT))
    page = text_of(client.get(f"/pomysly/{idea.pk}/"))
    assert "Tylko zweryfikowani mieszkańcy mogą tu popierać pomysły" in page
    assert f'href="/weryfikacja/?next=%2Fpomysly%2F{idea.pk}%2F"' in page
    assert "Popieram ten pomysł" not in page

    response = client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"}, follow=True)
    assert "Potwierdź najpierw, że tu mieszkasz" in text_of(response)
    swapped = client.post(
        f"/pomysly/{idea.pk}/poparcie/", {"support": "1"}, headers={"HX-Request": "true"}
    )
    assert swapped.status_code == 200
    assert "/weryfikacja/?next=" in text_of(swapped)
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_a_verified_resident_supports_and_the_page_says_who_counts(
    client: Client, tenant: Tenant
) -> None:
    only_residents(tenant)
    idea = IdeaFactory(tenant=tenant)
    client.force_login(verified(tenant, member(tenant)))
    page = text_of(client.get(f"/pomysly/{idea.pk}/"))
    assert "Tylko zweryfikowani mieszkańcy mogą tu popierać pomysły:" in page
    assert "Popieram ten pomysł" in page
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"})
    idea.refresh_from_db()
    assert idea.support_count == 1


def test_a_verification_elsewhere_does_not_count(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    only_residents(tenant)
    idea = IdeaFactory(tenant=tenant)
    person = member(tenant)
    verified(other_tenant, person)
    client.force_login(person)
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"})
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_support_given_before_the_rule_can_still_be_withdrawn(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    person = member(tenant)
    client.force_login(person)
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"})
    only_residents(tenant)
    page = text_of(client.get(f"/pomysly/{idea.pk}/"))
    assert "Wycofaj moje poparcie" in page
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "0"})
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_the_administrator_turns_the_rule_on_in_the_panel(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    form = text_of(client.get("/panel/pomysly/ustawienia/"))
    assert "Tylko zweryfikowani mieszkańcy mogą popierać pomysły" in form
    client.post(
        "/panel/pomysly/ustawienia/", {"accepting": "on", "supporters_verified": "on", "intro": ""}
    )
    settings = IdeaSettings.objects.get(tenant=tenant)
    assert settings.supporters_verified
    assert settings.accepting
    client.post("/panel/pomysly/ustawienia/", {"accepting": "on", "intro": ""})
    settings.refresh_from_db()
    assert not settings.supporters_verified
