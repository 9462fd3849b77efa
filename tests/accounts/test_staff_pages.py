from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client

from tests.factories import UserFactory, member
from wiec.accounts.models import Membership, Role
from wiec.core.models import AuditEntry
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "status"), [("resident", 403), ("moderator", 403), ("official", 403), ("admin", 200)]
)
def test_members_page_is_for_admins(client: Client, tenant: Tenant, role: str, status: int) -> None:
    client.force_login(member(tenant, Role(role)))
    assert client.get("/panel/osoby/").status_code == status


def test_admin_changes_a_role_and_it_is_audited(client: Client, tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    resident = member(tenant)
    membership = Membership.objects.get(user=resident)
    client.force_login(admin)
    response = client.post(f"/panel/osoby/{membership.pk}/", {"role": "moderator"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.MODERATOR
    entry = AuditEntry.objects.get(action="membership.role_changed")
    assert entry.data == {"from": "resident", "to": "moderator"}
    assert entry.actor == admin


def test_admin_cannot_demote_themself(client: Client, tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    own = Membership.objects.get(user=admin)
    client.force_login(admin)
    assert client.post(f"/panel/osoby/{own.pk}/", {"role": "resident"}).status_code == 403
    own.refresh_from_db()
    assert own.role == Role.ADMIN


def test_an_invalid_role_is_refused_with_a_message(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    target = Membership.objects.get(user=member(tenant))
    response = client.post(f"/panel/osoby/{target.pk}/", {"role": "superuser"})
    assert response.status_code == 200
    assert 'href="#id_role"' in response.content.decode()
    target.refresh_from_db()
    assert target.role == Role.RESIDENT


def test_grant_role_by_email(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    newcomer = UserFactory(email="nowy.urzednik@example.org")
    response = client.post(
        "/panel/osoby/", {"email": "Nowy.Urzednik@example.org", "role": "official"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=newcomer, tenant=tenant).role == Role.OFFICIAL


def test_grant_role_to_an_unknown_address_explains_why(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    response = client.post("/panel/osoby/", {"email": "nikt@example.org", "role": "official"})
    assert response.status_code == 200
    assert 'value="nikt@example.org"' in response.content.decode()


def test_tenant_can_require_two_factor_for_staff(client: Client, tenant: Tenant) -> None:
    tenant.require_staff_mfa = True
    tenant.save()
    official = member(tenant, Role.OFFICIAL)
    client.force_login(official)
    response = client.get("/panel/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"
    Authenticator.objects.create(user=official, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client.get("/panel/").status_code == 200


def test_two_factor_requirement_does_not_touch_residents(client: Client, tenant: Tenant) -> None:
    tenant.require_staff_mfa = True
    tenant.save()
    client.force_login(member(tenant))
    assert client.get("/").status_code == 200
    assert client.get("/panel/").status_code == 403
