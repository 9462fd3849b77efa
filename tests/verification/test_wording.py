"""Who the verification forms speak to, and what they call the municipality and its parts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from tests.conftest import client_for
from tests.factories import DistrictFactory, TenantFactory, member
from tests.voting.factories import NOW
from wiec.accounts.models import Role
from wiec.demo.content import LIPOWIEC, NADRZECZE
from wiec.tenants.models import Tenant
from wiec.verification.queries import settings_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def demo_tenant(content: dict[str, Any]) -> Tenant:
    tenant = TenantFactory(
        slug=content["slug"], name=content["name"], kind=content["kind"], hosts=content["hosts"]
    )
    DistrictFactory(tenant=tenant)
    return tenant


def logged_in(tenant: Tenant, role: Role = Role.RESIDENT) -> Client:
    client = client_for(tenant)
    client.force_login(member(tenant, role))
    return client


def form_text(client: Client, url: str) -> str:
    html = client.get(url).content.decode()
    form = html[html.index('<form method="post" class="form"') :]
    return re.sub(r"\s+", " ", form[: form.index("</form>")])


def test_in_person_form_speaks_of_the_resident_not_to_the_official(tenant: Tenant) -> None:
    DistrictFactory(tenant=tenant)
    text = form_text(logged_in(tenant, Role.OFFICIAL), "/panel/weryfikacja/osobiscie/")
    assert "Adres e-mail konta mieszkańca" in text
    assert "Numer PESEL mieszkańca" in text
    assert "Obszar zamieszkania mieszkańca" in text
    assert "Obszar, w którym mieszka mieszkaniec." in text
    for second_person in ("mieszkasz", "Twoje", "Twój", "tej osoby"):
        assert second_person not in text


def test_a_towns_declaration_says_town_and_neighbourhood() -> None:
    text = form_text(logged_in(demo_tenant(LIPOWIEC)), "/weryfikacja/")
    assert "Oświadczam, że mieszkam w mieście" in text
    assert "Twoje osiedle" in text
    assert "gmin" not in text
    assert "sołect" not in text


def test_a_rural_municipalitys_declaration_says_gmina_and_village() -> None:
    text = form_text(logged_in(demo_tenant(NADRZECZE)), "/weryfikacja/")
    assert "Oświadczam, że mieszkam na terenie gminy" in text
    assert "Twoje sołectwo" in text
    assert "osiedl" not in text


def test_the_offices_own_declaration_wins_over_the_standard_one() -> None:
    tenant = demo_tenant(LIPOWIEC)
    config = settings_for(tenant=tenant)
    config.declaration_text = "Oświadczam, że mieszkam w Lipowcu."
    config.save()
    assert "Oświadczam, że mieszkam w Lipowcu." in form_text(logged_in(tenant), "/weryfikacja/")
