"""The ideas module's card on the home page's "open now" list."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wiec.core.modules import ProcessCard
from wiec.core.phases import phase_at
from wiec.ideas import queries
from wiec.ideas.phases import LABELS, CallPhase

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant


def open_calls(tenant: Tenant, at: datetime) -> list[ProcessCard]:
    if phase_at(queries.settings_for(tenant=tenant), at=at) != CallPhase.OPEN:
        return []
    count = queries.public_ideas(tenant=tenant).count()
    return [
        ProcessCard(
            title=_("Residents' ideas"),
            url=reverse("ideas:list_ideas"),
            kind=_("Ideas"),
            phase=LABELS[CallPhase.OPEN],
            description=ngettext(
                "Propose what to change and show it on the map. %(count)d idea so far.",
                "Propose what to change and show it on the map. %(count)d ideas so far.",
                count,
            )
            % {"count": count},
        )
    ]
