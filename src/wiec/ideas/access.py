"""Fetch an idea for one purpose and check that the actor may, in one call, so that a view
cannot forget the check. A missing idea, another municipality's and one the person may not use
for that purpose all give the same 404: the answer never confirms that something exists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.http import Http404

from wiec.accounts.actors import Actor
from wiec.core.phases import phase_at
from wiec.core.types import TenantRequest
from wiec.ideas import queries
from wiec.ideas.models import Idea
from wiec.ideas.permissions import (
    can_delete_idea,
    can_edit_idea,
    can_publish_idea,
    can_support_idea,
)
from wiec.ideas.phases import CallPhase


def call_phase(request: TenantRequest, *, at: datetime) -> CallPhase:
    return phase_at(queries.settings_for(tenant=request.tenant), at=at)


def _access(request: TenantRequest, idea_id: int, *, check: Callable[[Actor, Idea], bool]) -> Idea:
    idea = queries.get_idea_or_404(tenant=request.tenant, idea_id=idea_id, viewer=request.user)
    if not check(request.actor, idea):
        raise Http404
    return idea


def access_idea_for_edit(request: TenantRequest, idea_id: int, *, at: datetime) -> Idea:
    phase = call_phase(request, at=at)
    return _access(
        request, idea_id, check=lambda actor, idea: can_edit_idea(actor, idea, phase=phase)
    )


def access_idea_for_publish(request: TenantRequest, idea_id: int, *, at: datetime) -> Idea:
    phase = call_phase(request, at=at)
    return _access(
        request,
        idea_id,
        check=lambda actor, idea: can_publish_idea(actor, idea, phase=phase),
    )


def access_idea_for_delete(request: TenantRequest, idea_id: int, *, at: datetime) -> Idea:
    return _access(request, idea_id, check=can_delete_idea)


def access_idea_for_support(request: TenantRequest, idea_id: int, *, at: datetime) -> Idea:
    phase = call_phase(request, at=at)
    return _access(
        request,
        idea_id,
        check=lambda actor, idea: can_support_idea(actor, idea, phase=phase),
    )
