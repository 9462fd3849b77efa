"""The ideas module's card on the home page's "open now" list."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wiec.core.modules import ProcessCard
from wiec.ideas import queries

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant


def open_calls(tenant: Tenant, at: datetime) -> list[ProcessCard]:
    if not queries.settings_for(tenant=tenant).accepting:
        return []
    count = queries.public_ideas(tenant=tenant).count()
    return [
        ProcessCard(
            title=_("Ideas for %(name)s") % {"name": tenant.name},
            url=reverse("ideas:list"),
            kind=_("Ideas"),
            phase=_("open for submissions"),
            description=ngettext(
                "Propose what to change and show it on the map. %(count)d idea so far.",
                "Propose what to change and show it on the map. %(count)d ideas so far.",
                count,
            )
            % {"count": count},
        )
    ]
