"""Who may do what with an idea: each role × each status (CONVENTIONS.md: a matrix)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.accounts.actors import Actor, resolve_actor
from wiec.accounts.models import Role
from wiec.core.phases import phase_at
from wiec.ideas import permissions
from wiec.ideas.models import IdeaSettings
from wiec.ideas.phases import CallPhase
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Block
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

S = IdeaStatus
ROLES = [None, Role.RESIDENT, Role.MODERATOR, Role.OFFICIAL, Role.ADMIN]
SUPPORTABLE = {S.NEW, S.ANALYSIS}
ANSWERABLE = set(S) - {S.DRAFT}
EDITABLE_BY_AUTHOR = {S.DRAFT, S.NEW}


def _person(tenant: Tenant, role: Role | None) -> Actor:
    return resolve_actor(AnonymousUser() if role is None else member(tenant, role), tenant)


OPEN = CallPhase.OPEN


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("role", ROLES)
def test_support_matrix(tenant: Tenant, role: Role | None, status: S) -> None:
    idea = IdeaFactory(tenant=tenant, status=status)
    expected = role is not None and status in SUPPORTABLE
    assert permissions.can_support_idea(_person(tenant, role), idea, phase=OPEN) is expected


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("role", ROLES)
def test_answer_matrix(tenant: Tenant, role: Role | None, status: S) -> None:
    idea = IdeaFactory(tenant=tenant, status=status)
    expected = role in {Role.OFFICIAL, Role.ADMIN} and status in ANSWERABLE
    assert permissions.can_answer_idea(_person(tenant, role), idea, phase=OPEN) is expected


@pytest.mark.parametrize("status", list(S))
def test_only_the_author_edits_and_only_until_the_first_answer(tenant: Tenant, status: S) -> None:
    author_user = member(tenant)
    author = resolve_actor(author_user, tenant)
    idea = IdeaFactory(tenant=tenant, status=status, author=author_user)
    assert permissions.can_edit_idea(author, idea, phase=OPEN) is (status in EDITABLE_BY_AUTHOR)
    assert permissions.can_publish_idea(author, idea, phase=OPEN) is (status == S.DRAFT)
    assert permissions.can_delete_idea(author, idea) is (status == S.DRAFT)
    for role in (Role.RESIDENT, Role.OFFICIAL, Role.ADMIN):
        someone = resolve_actor(member(tenant, role), tenant)
        assert permissions.can_edit_idea(someone, idea, phase=OPEN) is False
        assert permissions.can_publish_idea(someone, idea, phase=OPEN) is False
        assert permissions.can_delete_idea(someone, idea) is False


def test_a_hidden_idea_is_neither_supported_edited_nor_answered(tenant: Tenant) -> None:
    author_user = member(tenant)
    author = resolve_actor(author_user, tenant)
    idea = IdeaFactory(tenant=tenant, author=author_user, hidden_reason="spam")
    idea.hidden_at = idea.created_at
    for check in (permissions.can_support_idea, permissions.can_edit_idea):
        assert check(author, idea, phase=OPEN) is False
    official = _person(tenant, Role.OFFICIAL)
    assert permissions.can_answer_idea(official, idea, phase=OPEN) is False


@pytest.mark.parametrize("role", ROLES)
def test_submitting_needs_an_account_and_open_submissions(
    tenant: Tenant, role: Role | None
) -> None:
    person = _person(tenant, role)
    open_ = IdeaSettings(tenant=tenant, accepting=True)
    closed = IdeaSettings(tenant=tenant, accepting=False)
    at = timezone.now()
    assert permissions.can_submit_idea(person, phase=phase_at(open_, at=at)) is (role is not None)
    assert permissions.can_submit_idea(person, phase=phase_at(closed, at=at)) is False


def test_a_blocked_resident_can_neither_submit_nor_support(tenant: Tenant) -> None:
    user = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=user)
    Block.objects.create(tenant=tenant, user=user, reason="spam", created_at=idea.created_at)
    resident = resolve_actor(user, tenant)
    assert permissions.can_submit_idea(resident, phase=OPEN) is False
    assert permissions.can_support_idea(resident, idea, phase=OPEN) is False
    assert permissions.can_edit_idea(resident, idea, phase=OPEN) is False


def test_a_role_in_another_municipality_gives_nothing(tenant: Tenant, other_tenant: Tenant) -> None:
    official = resolve_actor(member(other_tenant, Role.OFFICIAL), tenant)
    idea = IdeaFactory(tenant=tenant)
    assert permissions.can_answer_idea(official, idea, phase=OPEN) is False
    admin = resolve_actor(member(other_tenant, Role.ADMIN), tenant)
    assert permissions.can_manage_idea_settings(admin) is False


@pytest.mark.parametrize("role", ROLES)
def test_only_admins_change_the_settings(tenant: Tenant, role: Role | None) -> None:
    expected = role == Role.ADMIN
    assert permissions.can_manage_idea_settings(_person(tenant, role)) is expected
