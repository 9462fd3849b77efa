from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import PASSWORD, DistrictFactory, UserFactory, member
from wiec.accounts import actions
from wiec.accounts.models import Membership, Role, User
from wiec.core import audit
from wiec.core.models import AuditEntry
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def test_profile_requires_login(client: Client) -> None:
    response = client.get("/konto/profil/")
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_profile_saves_name_and_home_district(client: Client, tenant: Tenant) -> None:
    user = member(tenant)
    district = DistrictFactory(tenant=tenant)
    client.force_login(user)
    response = client.post(
        "/konto/profil/", {"display_name": "Zosia", "home_district": district.pk}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Zosia"
    assert Membership.objects.get(user=user, tenant=tenant).home_district == district


def test_the_language_of_emails_is_chosen_in_the_profile_or_by_the_switcher(
    client: Client, tenant: Tenant
) -> None:
    user = member(tenant)
    client.force_login(user)
    page = client.get("/konto/profil/").content.decode()
    assert '<option value="" selected>Język gminy</option>' in page
    assert '<option value="uk" lang="uk">Українська</option>' in page
    assert client.post("/konto/profil/", {"language": "uk"}).status_code == 302
    user.refresh_from_db()
    assert user.language == "uk"
    # A language the platform does not speak is refused next to the field, the name kept.
    refused = client.post("/konto/profil/", {"display_name": "Ola", "language": "de"})
    assert refused.status_code == 200
    assert refused.context["form"].errors["language"]
    assert 'value="Ola"' in refused.content.decode()
    user.refresh_from_db()
    assert user.language == "uk"
    # Reading the site in English while logged in: e-mails follow.
    switched = client.post("/jezyk/", {"language": "en", "next": "/"})
    assert switched["Location"] == "/"
    user.refresh_from_db()
    assert user.language == "en"
    assert client.post("/konto/profil/", {"language": ""}).status_code == 302
    user.refresh_from_db()
    assert user.language == ""


def test_the_switcher_stores_nothing_for_visitors_or_on_get(client: Client, tenant: Tenant) -> None:
    user = member(tenant)
    assert client.post("/jezyk/", {"language": "uk", "next": "/"})["Location"] == "/"
    client.force_login(user)
    client.get("/jezyk/", {"language": "uk", "next": "/"})
    client.post("/jezyk/", {"language": "xx", "next": "/"})
    user.refresh_from_db()
    assert user.language == ""


def test_a_district_of_another_tenant_is_refused(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    user = member(tenant)
    foreign = DistrictFactory(tenant=other_tenant)
    client.force_login(user)
    response = client.post("/konto/profil/", {"display_name": "Zosia", "home_district": foreign.pk})
    assert response.status_code == 200
    assert 'href="#id_home_district"' in response.content.decode()
    assert 'value="Zosia"' in response.content.decode()
    assert Membership.objects.get(user=user).home_district is None


def test_download_my_data_is_a_json_file_with_the_account(client: Client, tenant: Tenant) -> None:
    user = member(tenant, display_name="Zofia")
    client.force_login(user)
    response = client.get("/konto/moje-dane/")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == user.email
    assert data["account"]["language_of_emails"] is None
    assert data["account"]["memberships"][0]["municipality"] == "Gmina Nadrzecze"
    assert response["Cache-Control"] == "no-store"


def test_delete_account_needs_the_password(client: Client, tenant: Tenant) -> None:
    user = member(tenant)
    client.force_login(user)
    response = client.post("/konto/usun-konto/", {"password": "wrong"})
    assert response.status_code == 200
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_account_erases_the_person_and_pseudonymises_the_log(
    client: Client, tenant: Tenant
) -> None:
    user = member(tenant, Role.OFFICIAL)
    audit.record(actor=user, action="idea.answered", tenant=tenant, at=timezone.now())
    client.force_login(user)
    response = client.post("/konto/usun-konto/", {"password": PASSWORD})
    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Membership.objects.filter(user_id=user.pk).exists()
    assert not AuditEntry.objects.filter(actor_label=user.email).exists()
    assert AuditEntry.objects.filter(
        action="idea.answered", actor_label__startswith="deleted-account-"
    ).exists()
    assert "_auth_user_id" not in client.session


def test_join_tenant_is_idempotent(tenant: Tenant) -> None:
    user = member(tenant, Role.MODERATOR)
    again = actions.join_tenant(user=user, tenant=tenant, at=timezone.now())
    assert again.role == Role.MODERATOR
    assert Membership.objects.filter(user=user).count() == 1


def test_my_data_include_the_steps_i_took(client: Client, tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    audit.record(actor=official, action="tenant.updated", tenant=tenant, target=tenant,
                 at=timezone.now(), data={"fields": ["phone"]})  # fmt: skip
    client.force_login(official)
    data = json.loads(client.get("/konto/moje-dane/").content)
    assert data["audit_log"][0]["object"] == "Gmina Nadrzecze"
    assert data["audit_log"][0]["details"] == {"fields": ["phone"]}


def test_the_only_administrator_cannot_delete_the_account(client: Client, tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    client.force_login(admin)
    response = client.post("/konto/usun-konto/", {"password": PASSWORD})
    assert response.status_code == 200
    assert User.objects.filter(pk=admin.pk).exists()
    assert "_auth_user_id" in client.session


def test_password_guessing_on_account_deletion_is_limited(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant))
    statuses = [
        client.post("/konto/usun-konto/", {"password": "zgaduje"}).status_code for _ in range(6)
    ]
    assert statuses == [200] * 5 + [429]


def test_changes_in_the_django_admin_reach_the_audit_log(tenant: Tenant) -> None:
    operator = UserFactory(is_staff=True, is_superuser=True)
    client = Client(HTTP_HOST="nadrzecze.localhost")
    client.force_login(operator)
    page = client.get(f"/admin/tenants/tenant/{tenant.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"phone": "+48 61 999 00 00", "logo": "", "hosts-TOTAL_FORMS": "1",
                 "hosts-INITIAL_FORMS": "1", "hosts-0-id": str(tenant.hosts.get().pk),
                 "hosts-0-tenant": str(tenant.pk), "hosts-0-hostname": "nadrzecze.localhost",
                 "hosts-0-is_primary": "on"})  # fmt: skip
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    response = client.post(f"/admin/tenants/tenant/{tenant.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="admin.changed", tenant=tenant)
    assert entry.actor == operator
    # Only what really changed, from what to what (the rest of the form was sent unchanged).
    assert entry.data["changes"] == {"phone": {"from": tenant.phone, "to": "+48 61 999 00 00"}}


@pytest.mark.usefixtures("frozen_now")
def test_profile_changes_are_rate_limited_and_keep_what_was_typed(
    client: Client, tenant: Tenant
) -> None:
    user = member(tenant)
    client.force_login(user)
    for n in range(10):
        assert client.post("/konto/profil/", {"display_name": f"Imię {n}"}).status_code == 302
    refused = client.post("/konto/profil/", {"display_name": "Jeszcze inne"})
    assert refused.status_code == 200
    assert 'value="Jeszcze inne"' in refused.content.decode()
    assert refused.context["form"].non_field_errors()
    user.refresh_from_db()
    assert user.display_name == "Imię 9"
