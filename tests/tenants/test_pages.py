from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.utils import timezone

from wiec.tenants import actions
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

STATUTORY_IDS = [
    "a11y-wstep",
    "a11y-podmiot",
    "a11y-url",
    "a11y-data-publikacja",
    "a11y-data-aktualizacja",
    "a11y-status",
    "a11y-data-sporzadzenie",
    "a11y-data-przeglad",
    "a11y-kontakt",
    "a11y-osoba",
    "a11y-email",
    "a11y-telefon",
    "a11y-procedura",
    "a11y-architektura",
    "a11y-aplikacje",
]


def statement(tenant: Tenant, **values: object) -> None:
    actions.save_accessibility_statement(
        tenant=tenant,
        values={
            "published_on": date(2026, 1, 15),
            "updated_on": date(2026, 11, 1),
            "prepared_on": date(2026, 3, 20),
            "reviewed_on": date(2026, 11, 1),
            "status": "partial",
            "contact_person": "Jan Urzędowski",
            "contact_email": "dostepnosc@nadrzecze.example",
            "contact_phone": "61 000 10 00",
            "architectural_accessibility": "Podjazd dla wózków.",
            **values,
        },
        actor=None,
        at=timezone.now(),
    )


def test_accessibility_statement_has_every_statutory_element(
    client: Client, tenant: Tenant
) -> None:
    statement(tenant, assessment_method="external", assessor="Fundacja Przykład")
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    for element_id in [*STATUTORY_IDS, "a11y-audytor"]:
        assert f'id="{element_id}"' in html, element_id
    assert 'datetime="2026-01-15"' in html
    assert "Fundacja Przykład" in html


def test_accessibility_page_before_a_statement_exists(client: Client) -> None:
    response = client.get("/deklaracja-dostepnosci/")
    assert response.status_code == 200
    assert "a11y-status" not in response.content.decode()


def test_every_page_links_the_accessibility_statement(client: Client) -> None:
    assert 'href="/deklaracja-dostepnosci/"' in client.get("/").content.decode()


def test_legal_pages_render_sanitised_markdown(client: Client, tenant: Tenant) -> None:
    tenant.privacy_policy = "## Administrator\n\n<script>alert(1)</script> **RODO**"
    tenant.save()
    html = client.get("/polityka-prywatnosci/").content.decode()
    assert "<h3>Administrator</h3>" in html
    assert "<strong>RODO</strong>" in html
    assert "<script>alert" not in html


def test_theme_css_carries_an_accessible_palette_and_an_etag(client: Client) -> None:
    response = client.get("/theme.css")
    assert response["Content-Type"].startswith("text/css")
    assert "--brand: #1d4f91;" in response.content.decode()
    again = client.get("/theme.css", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_office_written_text_keeps_its_language_on_other_language_pages(
    client: Client, tenant: Tenant
) -> None:
    statement(tenant)
    tenant.terms = "Regulamin"
    tenant.address = "ul. Rynek 1\n62-050 Nadrzecze"
    tenant.save()
    client.post("/jezyk/", {"language": "en", "next": "/"})
    html = client.get("/deklaracja-dostepnosci/").content.decode()
    assert '<div lang="pl"><p>Podjazd dla wózków.</p>' in html
    assert "62-050 Nadrzecze" in html  # postal contact, as the statute asks
    assert '<div lang="pl"><p>Regulamin</p>' in client.get("/regulamin/").content.decode()
    client.post("/jezyk/", {"language": "pl", "next": "/"})
    assert 'lang="pl"><p>Regulamin' not in client.get("/regulamin/").content.decode()
