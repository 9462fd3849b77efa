"""Each role × each permission, allowed or not (CONVENTIONS.md: permissions as a matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import UserFactory, member
from wiec.accounts import permissions
from wiec.accounts.actors import resolve_actor
from wiec.accounts.models import Membership, Role
from wiec.tenants.models import Tenant

RES, MOD, OFF, ADM = "resident", "moderator", "official", "admin"
MATRIX: dict[Callable[[Any], bool], set[str]] = {
    permissions.can_access_panel: {MOD, OFF, ADM},
    permissions.can_manage_tenant: {ADM},
    permissions.can_manage_members: {ADM},
    permissions.can_view_audit_log: {OFF, ADM},
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", [RES, MOD, OFF, ADM])
@pytest.mark.parametrize("check", list(MATRIX), ids=lambda c: c.__name__)
def test_role_matrix(tenant: Tenant, role: str, check: Callable[[Any], bool]) -> None:
    user = member(tenant, Role(role))
    assert check(resolve_actor(user, tenant)) is (role in MATRIX[check])


@pytest.mark.django_db
@pytest.mark.parametrize("check", list(MATRIX), ids=lambda c: c.__name__)
def test_a_role_in_one_tenant_gives_nothing_in_another(
    tenant: Tenant, other_tenant: Tenant, check: Callable[[Any], bool]
) -> None:
    user = member(tenant, Role.ADMIN)
    assert check(resolve_actor(user, other_tenant)) is False


@pytest.mark.django_db
@pytest.mark.parametrize("check", list(MATRIX), ids=lambda c: c.__name__)
def test_anonymous_and_outsiders_get_nothing(tenant: Tenant, check: Callable[[Any], bool]) -> None:
    assert check(resolve_actor(AnonymousUser(), tenant)) is False
    assert check(resolve_actor(UserFactory(), tenant)) is False


@pytest.mark.django_db
@pytest.mark.parametrize("check", list(MATRIX), ids=lambda c: c.__name__)
def test_platform_operators_act_as_admins_everywhere(
    tenant: Tenant, check: Callable[[Any], bool]
) -> None:
    operator = UserFactory(is_superuser=True, is_staff=True)
    assert check(resolve_actor(operator, tenant)) is True


@pytest.mark.django_db
def test_admins_cannot_change_their_own_role(tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    other = member(tenant)
    own = Membership.objects.get(user=admin)
    assert permissions.can_change_role(resolve_actor(admin, tenant), target=own) is False
    assert permissions.can_change_role(
        resolve_actor(admin, tenant), target=Membership.objects.get(user=other)
    )


@pytest.mark.django_db
def test_the_actor_is_resolved_in_two_queries_and_checks_then_touch_no_database(
    tenant: Tenant, django_assert_num_queries: Any
) -> None:
    user = member(tenant, Role.OFFICIAL)
    with django_assert_num_queries(2):  # the membership; the block and verification level
        actor = resolve_actor(user, tenant)
    with django_assert_num_queries(0):
        for check in MATRIX:
            check(actor)
