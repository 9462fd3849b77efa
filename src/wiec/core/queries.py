from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from wiec.core.modules import ProcessCard, modules

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant


def active_processes(*, tenant: Tenant, at: datetime) -> list[ProcessCard]:
    """Every module's open processes for the home page, those ending soonest first."""
    cards: list[ProcessCard] = []
    for provider in modules.process_providers():
        cards.extend(provider(tenant, at))
    return sorted(cards, key=lambda c: (c.ends_at is None, c.ends_at or at, c.title))
