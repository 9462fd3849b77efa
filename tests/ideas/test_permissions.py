"""Who may do what with an idea: each role × each status (CONVENTIONS.md: a matrix)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import member
from tests.ideas.factories import IdeaFactory
from wiec.accounts.models import Role
from wiec.ideas import permissions
from wiec.ideas.models import IdeaSettings
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Block
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

S = IdeaStatus
ROLES = [None, Role.RESIDENT, Role.MODERATOR, Role.OFFICIAL, Role.ADMIN]
SUPPORTABLE = {S.NEW, S.ANALYSIS}
ANSWERABLE = set(S) - {S.DRAFT}
EDITABLE_BY_AUTHOR = {S.DRAFT, S.NEW}


def _person(tenant: Tenant, role: Role | None) -> object:
    return AnonymousUser() if role is None else member(tenant, role)


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("role", ROLES)
def test_support_matrix(tenant: Tenant, role: Role | None, status: S) -> None:
    idea = IdeaFactory(tenant=tenant, status=status)
    expected = role is not None and status in SUPPORTABLE
    assert permissions.can_support_idea(_person(tenant, role), idea) is expected


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("role", ROLES)
def test_answer_matrix(tenant: Tenant, role: Role | None, status: S) -> None:
    idea = IdeaFactory(tenant=tenant, status=status)
    expected = role in {Role.OFFICIAL, Role.ADMIN} and status in ANSWERABLE
    assert permissions.can_answer_idea(_person(tenant, role), idea) is expected


@pytest.mark.parametrize("status", list(S))
def test_only_the_author_edits_and_only_until_the_first_answer(tenant: Tenant, status: S) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, status=status, author=author)
    assert permissions.can_edit_idea(author, idea) is (status in EDITABLE_BY_AUTHOR)
    assert permissions.can_publish_idea(author, idea) is (status == S.DRAFT)
    assert permissions.can_delete_idea(author, idea) is (status == S.DRAFT)
    for role in (Role.RESIDENT, Role.OFFICIAL, Role.ADMIN):
        someone = member(tenant, role)
        assert permissions.can_edit_idea(someone, idea) is False
        assert permissions.can_publish_idea(someone, idea) is False
        assert permissions.can_delete_idea(someone, idea) is False


def test_a_hidden_idea_is_neither_supported_edited_nor_answered(tenant: Tenant) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author, hidden_reason="spam")
    idea.hidden_at = idea.created_at
    for check in (permissions.can_support_idea, permissions.can_edit_idea):
        assert check(author, idea) is False
    assert permissions.can_answer_idea(member(tenant, Role.OFFICIAL), idea) is False


@pytest.mark.parametrize("role", ROLES)
def test_submitting_needs_an_account_and_open_submissions(
    tenant: Tenant, role: Role | None
) -> None:
    person = _person(tenant, role)
    open_ = IdeaSettings(tenant=tenant, accepting=True)
    closed = IdeaSettings(tenant=tenant, accepting=False)
    assert permissions.can_submit_idea(person, tenant, settings=open_) is (role is not None)
    assert permissions.can_submit_idea(person, tenant, settings=closed) is False


def test_a_blocked_resident_can_neither_submit_nor_support(tenant: Tenant) -> None:
    resident = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=resident)
    Block.objects.create(tenant=tenant, user=resident, reason="spam", created_at=idea.created_at)
    assert permissions.can_submit_idea(resident, tenant, settings=IdeaSettings()) is False
    assert permissions.can_support_idea(resident, idea) is False
    assert permissions.can_edit_idea(resident, idea) is False


def test_a_role_in_another_municipality_gives_nothing(tenant: Tenant, other_tenant: Tenant) -> None:
    official = member(other_tenant, Role.OFFICIAL)
    idea = IdeaFactory(tenant=tenant)
    assert permissions.can_answer_idea(official, idea) is False
    assert permissions.can_manage_idea_settings(member(other_tenant, Role.ADMIN), tenant) is False


@pytest.mark.parametrize("role", ROLES)
def test_only_admins_change_the_settings(tenant: Tenant, role: Role | None) -> None:
    expected = role == Role.ADMIN
    assert permissions.can_manage_idea_settings(_person(tenant, role), tenant) is expected
