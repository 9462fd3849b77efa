from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories import DistrictFactory, member, square
from wiec.accounts.models import Membership, Role
from wiec.core.models import AuditEntry
from wiec.tenants.models import District, Tenant

pytestmark = pytest.mark.django_db


def geojson(*names: str) -> bytes:
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"name": n},
                    "geometry": square(16.6 + i * 0.02, 52.1),
                }
                for i, n in enumerate(names)
            ],
        }
    ).encode()


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get("/panel/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


@pytest.mark.parametrize(
    ("role", "status"), [("resident", 403), ("moderator", 200), ("official", 200), ("admin", 200)]
)
def test_dashboard_is_for_staff(client: Client, tenant: Tenant, role: str, status: int) -> None:
    client.force_login(member(tenant, Role(role)))
    assert client.get("/panel/").status_code == status


def test_dashboard_links_only_what_the_role_may_open(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.OFFICIAL))
    html = client.get("/panel/").content.decode()
    assert 'href="/panel/dziennik/"' in html
    assert 'href="/panel/ustawienia/"' not in html
    client.force_login(member(tenant, Role.ADMIN))
    html = client.get("/panel/").content.decode()
    assert 'href="/panel/ustawienia/"' in html
    assert 'href="/panel/osoby/"' in html


def test_admin_imports_districts_in_the_panel(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    upload = SimpleUploadedFile("obszary.geojson", geojson("Łęgi", "Dębina"))
    response = client.post("/panel/obszary/", {"file": upload, "name_property": "name"})
    assert response.status_code == 302
    assert set(District.objects.filter(tenant=tenant).values_list("name", flat=True)) == {
        "Łęgi",
        "Dębina",
    }
    assert AuditEntry.objects.filter(action="districts.imported", actor__isnull=False).exists()


def test_a_broken_district_file_gets_a_message_next_to_the_field(
    client: Client, tenant: Tenant
) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    upload = SimpleUploadedFile("obszary.geojson", b'{"type": "FeatureCollection"')
    response = client.post("/panel/obszary/", {"file": upload, "name_property": "NAZWA"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file_error"' in html
    assert 'value="NAZWA"' in html
    assert not District.objects.exists()


def test_settings_save_and_keep_input_on_error(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    data = settings_form_data(client)
    data.update({"name": "Gmina Nadrzecze Nowa", "primary_colour": "#123456"})
    assert client.post("/panel/ustawienia/", data).status_code == 302
    tenant.refresh_from_db()
    assert (tenant.name, tenant.primary_colour) == ("Gmina Nadrzecze Nowa", "#123456")

    data.update({"map_north": "10", "phone": "61 999 99 99"})
    response = client.post("/panel/ustawienia/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#id_map_north"' in html
    assert 'value="61 999 99 99"' in html
    tenant.refresh_from_db()
    assert tenant.phone != "61 999 99 99"


def test_a_fake_logo_is_refused(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    data = settings_form_data(client)
    data["logo"] = SimpleUploadedFile(
        "logo.png", b"<svg onload=alert(1)>", content_type="image/png"
    )
    response = client.post("/panel/ustawienia/", data)
    assert response.status_code == 200
    assert 'id="id_logo_error"' in response.content.decode()


def test_categories_are_created_edited_and_deleted(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    assert (
        client.post(
            "/panel/kategorie/nowa/", {"name": "Drogi", "description": "", "position": 1}
        ).status_code
        == 302
    )
    category = tenant_category(tenant)
    response = client.post(
        "/panel/kategorie/nowa/", {"name": "Drogi", "description": "", "position": 2}
    )
    assert response.status_code == 200  # duplicate name
    assert client.post(f"/panel/kategorie/{category.pk}/usun/").status_code == 302
    assert not type(category).objects.filter(pk=category.pk).exists()


def settings_form_data(client: Client) -> dict[str, object]:
    """What the settings form holds now, as a browser would post it back."""
    form = client.get("/panel/ustawienia/").context["form"]
    data = {n: ("" if form[n].value() is None else form[n].value()) for n in form.fields}
    data.pop("logo")
    data["require_staff_mfa"] = "on" if data["require_staff_mfa"] else ""
    return data


def tenant_category(tenant: Tenant):  # type: ignore[no-untyped-def]
    from wiec.tenants.models import Category

    return Category.objects.get(tenant=tenant, name="Drogi")


def test_accessibility_statement_is_edited_in_the_panel(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    data = {
        "published_on": "2026-01-15",
        "updated_on": "2026-11-01",
        "status": "partial",
        "prepared_on": "2026-03-20",
        "reviewed_on": "2026-11-01",
        "assessment_method": "external",
        "assessor": "",
        "contact_person": "Jan",
        "contact_email": "a@nadrzecze.example",
        "contact_phone": "61 000",
        "architectural_accessibility": "Podjazd.",
    }
    response = client.post("/panel/strony-prawne/deklaracja-dostepnosci/", data)
    assert response.status_code == 200
    assert 'href="#id_assessor"' in response.content.decode()
    data["assessor"] = "Fundacja"
    assert client.post("/panel/strony-prawne/deklaracja-dostepnosci/", data).status_code == 302
    assert "Fundacja" in client.get("/deklaracja-dostepnosci/").content.decode()


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"prepared_on": "2099-03-20", "reviewed_on": "2099-04-01"}, "prepared_on"),
        ({"prepared_on": "2026-03-20", "reviewed_on": "2026-01-10"}, "reviewed_on"),
        ({"prepared_on": "2026-03-20", "reviewed_on": "2099-01-10"}, "reviewed_on"),
    ],
)
def test_accessibility_statement_dates_must_be_possible(
    client: Client, tenant: Tenant, dates: dict[str, str], field: str
) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    data = {
        "published_on": "2026-01-15",
        "updated_on": "2026-11-01",
        "status": "partial",
        "assessment_method": "self",
        "contact_person": "Jan",
        "contact_email": "a@nadrzecze.example",
        "contact_phone": "61 000",
        "architectural_accessibility": "Podjazd.",
        **dates,
    }
    response = client.post("/panel/strony-prawne/deklaracja-dostepnosci/", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["form"]["contact_person"].value() == "Jan"


def test_audit_log_shows_this_tenants_entries_only(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    from django.utils import timezone

    from wiec.core import audit

    audit.record(actor=None, action="secret.other", tenant=other_tenant, at=timezone.now())
    audit.record(actor=None, action="visible.here", tenant=tenant, at=timezone.now())
    client.force_login(member(tenant, Role.OFFICIAL))
    html = client.get("/panel/dziennik/").content.decode()
    assert "visible.here" in html
    assert "secret.other" not in html


def png_bytes() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (64, 64), "#1d5c3a").save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_uploaded_logo_is_shown_in_the_header(
    client: Client, tenant: Tenant, settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    client.force_login(member(tenant, Role.ADMIN))
    data = settings_form_data(client)
    data["logo"] = SimpleUploadedFile("herb.png", png_bytes(), content_type="image/png")
    assert client.post("/panel/ustawienia/", data).status_code == 302
    tenant.refresh_from_db()
    html = client.get("/").content.decode()
    assert f'src="{tenant.logo.url}"' in html
    image = client.get(tenant.logo.url)
    assert image.status_code == 200
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")


def test_dashboard_counts_use_polish_plural_forms(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    for _ in range(4):
        member(tenant)
    html = " ".join(client.get("/panel/").content.decode().split())
    assert '<span class="stat">5</span> osób z kontem' in html
    assert '<span class="stat">1</span> pracownik' in html


def test_the_panel_home_counts_the_people_that_people_and_roles_lists(
    client: Client, tenant: Tenant
) -> None:
    """Someone who only signed in here, without joining, is in neither (it said 30 beside 6)."""
    from tests.factories import MembershipFactory, UserFactory

    client.force_login(member(tenant, Role.ADMIN))
    member(tenant)
    MembershipFactory(tenant=tenant, user=UserFactory(), terms_accepted_at=None)
    listed = client.get("/panel/osoby/").context["page"].paginator.count
    html = " ".join(client.get("/panel/").content.decode().split())
    assert listed == 2
    assert f'<span class="stat">{listed}</span> osoby z kontem' in html


def test_audit_log_speaks_the_officials_language(client: Client, tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    target = Membership.objects.get(user=member(tenant))
    from django.utils import timezone

    from wiec.accounts import actions

    actions.set_role(membership=target, role=Role.MODERATOR, actor=admin, at=timezone.now())
    client.force_login(admin)
    html = client.get("/panel/dziennik/").content.decode()
    assert "Zmiana roli" in html
    assert "poprzednio mieszkaniec, teraz moderator" in html
    assert "membership.role_changed" not in html.split("<select")[1].split("</table>")[1]


@pytest.mark.parametrize(
    ("reviewed", "today", "due"),
    [("2026-03-30", "2026-04-01", True), ("2026-03-31", "2026-04-01", False),
     ("2025-04-01", "2026-03-30", False), ("2025-03-30", "2026-03-30", True)],
)  # fmt: skip
def test_the_yearly_review_of_the_accessibility_statement(
    tenant: Tenant, reviewed: str, today: str, due: bool
) -> None:
    from datetime import date

    from django.utils import timezone

    from wiec.tenants import actions
    from wiec.tenants.queries import accessibility_review_due

    assert accessibility_review_due(tenant=tenant, today=date(2026, 1, 1)) is True
    actions.save_accessibility_statement(
        tenant=tenant,
        values={"published_on": date(2025, 1, 1), "updated_on": date(2025, 1, 1),
                "prepared_on": date(2025, 1, 1), "reviewed_on": date.fromisoformat(reviewed),
                "contact_person": "J", "contact_email": "a@b.pl", "contact_phone": "1",
                "architectural_accessibility": "-"},
        actor=None, at=timezone.now(),
    )  # fmt: skip
    assert accessibility_review_due(tenant=tenant, today=date.fromisoformat(today)) is due


def test_administrators_are_reminded_of_an_overdue_statement(
    client: Client, tenant: Tenant
) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    assert (
        'href="/panel/strony-prawne/deklaracja-dostepnosci/"'
        in client.get("/panel/").content.decode()
    )
    client.force_login(member(tenant, Role.OFFICIAL))
    assert "message--warning" not in client.get("/panel/").content.decode()


def test_audit_log_names_fields_changed_in_the_admin_on_any_model(
    client: Client, tenant: Tenant
) -> None:
    from django.utils import timezone

    from wiec.core import audit

    district = DistrictFactory(tenant=tenant)
    audit.record(
        actor=None,
        action="admin.changed",
        tenant=tenant,
        target=district,
        at=timezone.now(),
        data={"model": "tenants.district", "fields": ["geometry", "name"], "created": False},
    )
    # An entry about the municipality itself, written before the model was recorded.
    audit.record(
        actor=None, action="admin.changed", tenant=tenant, target=tenant, at=timezone.now(),
        data={"fields": ["phone", "no_such_field"]},
    )  # fmt: skip
    client.force_login(member(tenant, Role.ADMIN))
    response = client.get("/panel/dziennik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "granica (GeoJSON), nazwa" in html
    assert "telefon, no such field" in html  # a field since removed: in words, not code
    assert "no_such_field" not in html


def test_the_dashboard_shows_each_modules_section_in_the_declared_order(
    client: Client, tenant: Tenant
) -> None:
    from django.utils import translation

    from wiec.core.modules import modules

    client.force_login(member(tenant, Role.ADMIN))
    html = client.get("/panel/").content.decode()
    with translation.override("pl"):
        headings = [str(section.heading) for section in modules.panel_sections()]
    found = re.findall(r'<h3 class="panel-section__heading">([^<]+)</h3>', html)
    assert found == headings
    assert len(headings) >= 8


def test_a_section_shows_only_to_those_who_may_open_one_of_its_pages(
    client: Client, tenant: Tenant
) -> None:
    client.force_login(member(tenant, Role.MODERATOR))
    html = client.get("/panel/").content.decode()
    headings = re.findall(r'<h3 class="panel-section__heading">([^<]+)</h3>', html)
    assert "Moderacja" in headings
    assert "Samorząd" not in headings
    assert 'href="/panel/ustawienia/"' not in html
