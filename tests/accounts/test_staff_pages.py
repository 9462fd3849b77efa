from __future__ import annotations

from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.test import Client, override_settings
from django.utils import timezone

from tests.factories import MembershipFactory, UserFactory, member
from wiec.accounts import actions, exceptions
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


def test_grant_role_by_email_to_a_member(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    newcomer = member(tenant, email="nowy.urzednik@example.org")
    response = client.post(
        "/panel/osoby/", {"email": "Nowy.Urzednik@example.org", "role": "official"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=newcomer, tenant=tenant).role == Role.OFFICIAL


def test_people_of_other_municipalities_cannot_be_found_or_given_roles(
    client: Client, tenant: Tenant, other_tenant: Tenant
) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    outsider = member(other_tenant, email="z.lipowca@example.org")
    response = client.post("/panel/osoby/", {"email": "z.lipowca@example.org", "role": "official"})
    assert response.status_code == 200
    assert 'id="id_email_error"' in response.content.decode()
    assert not Membership.objects.filter(user=outsider, tenant=tenant).exists()


def test_the_grant_form_cannot_demote_oneself(client: Client, tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN, email="jedyny.admin@example.org")
    client.force_login(admin)
    response = client.post("/panel/osoby/", {"email": admin.email, "role": "resident"})
    assert response.status_code == 200
    assert Membership.objects.get(user=admin).role == Role.ADMIN


def test_the_last_administrator_cannot_be_demoted(tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    membership = Membership.objects.get(user=admin)
    with pytest.raises(exceptions.LastAdministratorError):
        actions.set_role(membership=membership, role=Role.RESIDENT, actor=None, at=timezone.now())
    second = member(tenant, Role.ADMIN)
    actions.set_role(membership=membership, role=Role.RESIDENT, actor=second, at=timezone.now())
    assert Membership.objects.get(user=admin).role == Role.RESIDENT


def test_members_who_never_joined_are_not_listed(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    lurker = UserFactory(email="tylko.zalogowany@example.org")
    MembershipFactory(tenant=tenant, user=lurker, terms_accepted_at=None)
    assert "tylko.zalogowany@example.org" not in client.get("/panel/osoby/").content.decode()


def test_grant_role_to_an_unknown_address_explains_why(client: Client, tenant: Tenant) -> None:
    client.force_login(member(tenant, Role.ADMIN))
    response = client.post("/panel/osoby/", {"email": "nikt@example.org", "role": "official"})
    assert response.status_code == 200
    assert 'value="nikt@example.org"' in response.content.decode()


def current_code(secret: str) -> str:
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_tenant_can_require_two_factor_for_staff(client: Client, tenant: Tenant) -> None:
    tenant.require_staff_mfa = True
    tenant.save()
    official = member(tenant, Role.OFFICIAL)
    client.force_login(official)
    response = client.get("/panel/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/2fa/totp/activate/"

    secret = generate_totp_secret()
    TOTP.activate(official, secret)
    # Having an authenticator is not enough: this session logged in with a password only.
    response = client.get("/panel/")
    assert response["Location"] == "/konto/2fa/reauthenticate/?next=%2Fpanel%2F"
    answer = client.post(response["Location"], {"code": current_code(secret)})
    assert answer.status_code == 302
    assert client.get("/panel/").status_code == 200


def test_operators_need_two_factor_in_the_admin(client: Client, tenant: Tenant) -> None:
    operator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(operator)
    with override_settings(WIEC_OPERATOR_MFA=True):
        assert client.get("/admin/")["Location"] == "/konto/2fa/totp/activate/"
    with override_settings(WIEC_OPERATOR_MFA=False):
        assert client.get("/admin/").status_code == 200


def test_two_factor_requirement_does_not_touch_residents(client: Client, tenant: Tenant) -> None:
    tenant.require_staff_mfa = True
    tenant.save()
    client.force_login(member(tenant))
    assert client.get("/").status_code == 200
    assert client.get("/panel/").status_code == 403


def test_the_two_factor_check_reads_no_account_where_it_cannot_apply(
    client: Client, tenant: Tenant, django_assert_num_queries: Any
) -> None:
    """A logged-in resident's request for the theme touches neither the session's account nor
    the database: the check looks at the path and the setting first."""
    client.force_login(member(tenant))
    client.get("/theme.css")  # the tenant is cached now
    with django_assert_num_queries(0):
        assert client.get("/theme.css").status_code == 200
    tenant.require_staff_mfa = True
    tenant.save()
    client.get("/theme.css")
    with django_assert_num_queries(0):
        assert client.get("/theme.css").status_code == 200


def test_required_two_factor_also_guards_what_staff_post_outside_the_panel(
    client: Client, tenant: Tenant
) -> None:
    from tests.ideas.factories import IdeaFactory
    from wiec.discussion.models import Comment

    tenant.require_staff_mfa = True
    tenant.save()
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant, Role.OFFICIAL))
    assert client.get(f"/pomysly/{idea.pk}/").status_code == 200  # reading stays open
    response = client.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "Urząd odpowiada"})
    assert response["Location"] == "/konto/2fa/totp/activate/"
    assert not Comment.objects.exists()
    # Choosing the language stays open: the set-up pages must be readable first.
    switched = client.post("/jezyk/", {"language": "uk", "next": "/"})
    assert switched["Location"] == "/"
    resident = Client(HTTP_HOST="nadrzecze.localhost")
    resident.force_login(member(tenant))
    resident.post(f"/dyskusja/{idea.thread_id}/komentarz/", {"body": "Mieszkaniec pisze"})
    assert Comment.objects.count() == 1


def test_the_people_search_ignores_a_nul_character(client: Client, tenant: Tenant) -> None:
    # PostgreSQL refuses NUL in a query parameter: it used to be a server error there.
    client.force_login(member(tenant, Role.ADMIN))
    response = client.get("/panel/osoby/", {"q": "\x00Nowak"})
    assert response.status_code == 200
    assert response.context["search"] == "Nowak"
