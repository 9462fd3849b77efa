"""`{% mix_ballots_warning %}`: the panel's warning that `wiec mix_ballots` is not running."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from wiec.accounts.actors import actor_of
from wiec.voting.checks import mixing_overdue
from wiec.voting.permissions import can_manage_boxes

register = template.Library()


@register.inclusion_tag("voting/includes/mix_warning.html", takes_context=True)
def mix_ballots_warning(context: template.Context) -> dict[str, Any]:
    """Shown to the officials who run votes, while a box of theirs is overdue for mixing."""
    request = context["request"]
    tenant = getattr(request, "tenant", None)
    overdue = can_manage_boxes(actor_of(request)) and mixing_overdue(
        at=timezone.now(), tenant=tenant
    )
    return {"overdue": overdue}
