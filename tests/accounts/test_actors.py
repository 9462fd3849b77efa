"""The actor: one role × capability table, resolved once per request, read without queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from tests.factories import UserFactory, member
from tests.voting.factories import resident
from wiec.accounts.actors import (
    REVIEWER,
    ROLE_CAPABILITIES,
    Actor,
    ActorMiddleware,
    Capability,
    resolve_actor,
    roles_with,
)
from wiec.accounts.models import STAFF_ROLES, Role, User
from wiec.moderation.models import Block
from wiec.tenants.models import Tenant
from wiec.verification.models import Level


def test_every_role_has_a_row_and_the_reviewer_has_room() -> None:
    assert set(ROLE_CAPABILITIES) == {*Role.values, REVIEWER}
    assert REVIEWER not in Role.values  # assignable once the budget module adds it
    assert ROLE_CAPABILITIES[REVIEWER] == {Capability.TAKE_PART, Capability.REVIEW_PROJECTS}


def test_the_staff_roles_are_those_the_table_lets_into_the_panel() -> None:
    into_panel = {r for r, caps in ROLE_CAPABILITIES.items() if Capability.ACCESS_PANEL in caps}
    assert into_panel == set(STAFF_ROLES)


@pytest.mark.parametrize(
    ("facts", "takes_part"),
    [
        ({}, True),
        ({"joined": False}, False),
        ({"blocked": True}, False),
        ({"active": False}, False),
        ({"roles": frozenset()}, False),
        ({"user_id": None}, False),
    ],
)
def test_taking_part_needs_all_of_its_conditions(facts: dict[str, Any], takes_part: bool) -> None:
    base: dict[str, Any] = {
        "user_id": 1,
        "tenant_id": 1,
        "roles": frozenset({Role.RESIDENT}),
        "active": True,
        "joined": True,
    }
    assert Actor(**{**base, **facts}).takes_part is takes_part


def test_a_check_outside_the_database_really_cannot_query() -> None:
    """What the matrices rely on: a test without `django_db` fails on the first query."""
    with pytest.raises(RuntimeError, match="Database access not allowed"):
        resolve_actor(User(pk=1, email="x@example.org"), Tenant(pk=1))


@pytest.mark.django_db
def test_the_actor_carries_role_block_and_verification_of_this_municipality(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    user = resident(tenant)
    Block.objects.create(tenant=other_tenant, user=user, reason="x", created_at=timezone.now())
    here = resolve_actor(user, tenant)
    assert (here.roles, here.joined, here.blocked, here.level) == (
        {Role.RESIDENT},
        True,
        False,
        Level.RESIDENT,
    )
    there = resolve_actor(user, other_tenant)
    assert (there.roles, there.joined, there.blocked, there.level) == (
        frozenset(),
        False,
        True,
        Level.ACCOUNT,
    )


@pytest.mark.django_db
def test_platform_operators_are_administrators_but_have_not_joined(tenant: Tenant) -> None:
    operator = resolve_actor(UserFactory(is_superuser=True, is_staff=True), tenant)
    assert operator.has(Capability.MANAGE_TENANT)
    assert not operator.takes_part


@pytest.mark.django_db
def test_the_middleware_resolves_the_actor_once_and_only_when_asked(
    tenant: Tenant, django_assert_num_queries: Any
) -> None:
    seen: list[Actor] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.extend([request.actor, request.actor])  # type: ignore[attr-defined]
        return HttpResponse()

    def untouched(request: HttpRequest) -> HttpResponse:
        return HttpResponse()

    request = RequestFactory().get("/")
    request.user = member(tenant, Role.MODERATOR)
    request.tenant = tenant  # type: ignore[attr-defined]
    with django_assert_num_queries(0):
        ActorMiddleware(untouched)(request)
    with django_assert_num_queries(2):
        ActorMiddleware(view)(request)
        assert seen[0].is_staff
        assert seen[1].has(Capability.MODERATE)
    anonymous = RequestFactory().get("/")
    anonymous.user = AnonymousUser()
    anonymous.tenant = tenant  # type: ignore[attr-defined]
    seen.clear()
    with django_assert_num_queries(0):
        ActorMiddleware(view)(anonymous)
        assert not seen[0].is_authenticated


def test_who_is_told_of_new_work_comes_from_the_table() -> None:
    assert roles_with(Capability.MODERATE) == {Role.MODERATOR, Role.ADMIN}
    assert roles_with(Capability.SPEAK_FOR_OFFICE) == {Role.OFFICIAL, Role.ADMIN}
    assert roles_with(Capability.REVIEW_PROJECTS) == frozenset()  # no reviewer to tell yet
