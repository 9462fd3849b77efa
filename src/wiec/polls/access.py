"""Fetch a poll for one purpose and check that the actor may, in one call, so that a view
cannot forget the check. Missing, another municipality's and forbidden give the same 404."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404

from wiec.core.phases import phase_at
from wiec.core.types import TenantRequest
from wiec.polls import queries
from wiec.polls.models import Poll
from wiec.polls.permissions import can_download_ballots


def access_poll_for_ballots(request: TenantRequest, poll_id: int, *, at: datetime) -> Poll:
    """The poll whose every ballot may be downloaded now (closed, results final)."""
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    if not can_download_ballots(request.actor, poll=poll, phase=phase_at(poll.box, at=at)):
        raise Http404
    return poll
