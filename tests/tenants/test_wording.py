"""A town is not called a gmina: kind-dependent words come from wiec.tenants.wording."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

import wiec
from tests.conftest import client_for
from tests.factories import DistrictFactory, TenantFactory, member
from wiec.demo.content import LIPOWIEC, NADRZECZE, privacy_policy
from wiec.tenants import wording
from wiec.tenants.models import TenantKind

KIND_WORDS = re.compile(r"gmin|sołect|osiedl", re.IGNORECASE)
# Entries that name the kinds themselves, give examples of names, or are chosen per kind by
# wiec.tenants.wording; everything else must not assume what the tenant is.
ALLOWED = {
    "rural municipality (gmina wiejska)",
    "urban-rural municipality",
    "town or city (gmina miejska)",
    "association of municipalities",
    "E.g. Gmina Nadrzecze.",
    "E.g. Urząd Gminy Nadrzecze.",
    # Panel: officials import districts of any kind.
    "Areas of the municipality; import their borders from GeoJSON.",
}
CONTEXTS = {
    "district of a rural municipality",
    "district of an urban-rural municipality",
    "district of a town",
    "district of a county",
    "district of an association",
    "declaration in a municipality",
    "declaration in a county",
    "declaration in an association",
}


def test_no_polish_text_assumes_the_tenant_is_a_gmina() -> None:
    found = []
    for po in sorted(Path(wiec.__file__).parent.glob("*/locale/pl/LC_MESSAGES/django.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale="pl")
        for message in catalog:
            if not message.id or message.id in ALLOWED or message.context in CONTEXTS:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if any(KIND_WORDS.search(text) for text in strings):
                found.append(f"{po.parents[3].name}: {message.id!r}")
    assert not found, "\n".join(found)


@pytest.mark.parametrize("kind", TenantKind.values)
def test_every_kind_has_its_own_wording_in_polish(kind: str) -> None:
    with translation.override("pl"):
        assert wording.your_district(kind).startswith("Twoj")
        assert wording.default_declaration(kind).startswith("Oświadczam, że mieszkam")


def test_a_town_is_a_town_and_a_rural_gmina_a_gmina() -> None:
    with translation.override("pl"):
        assert wording.your_district(LIPOWIEC["kind"]) == "Twoje osiedle"
        assert "w mieście" in wording.default_declaration(LIPOWIEC["kind"])
        assert wording.your_district(NADRZECZE["kind"]) == "Twoje sołectwo"
        assert "na terenie gminy" in wording.default_declaration(NADRZECZE["kind"])


def test_demo_privacy_policy_names_the_districts_each_demo_tenant_has() -> None:
    assert "- osiedle, jeśli je wskażesz" in privacy_policy("Urząd", "a@b.c", LIPOWIEC["kind"])
    assert "sołect" not in privacy_policy("Urząd", "a@b.c", LIPOWIEC["kind"])
    assert "- sołectwo, jeśli je wskażesz" in privacy_policy("Urząd", "a@b.c", NADRZECZE["kind"])


@pytest.mark.django_db
def test_profile_names_a_towns_district_an_osiedle() -> None:
    tenant = TenantFactory(kind=LIPOWIEC["kind"])
    DistrictFactory(tenant=tenant)
    client = client_for(tenant)
    client.force_login(member(tenant))
    page = client.get("/konto/profil/").content.decode()
    assert "Twoje osiedle" in page
    assert "sołect" not in page
