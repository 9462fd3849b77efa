from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from wiec.accounts.actors import actor_of, membership_for
from wiec.accounts.permissions import can_access_panel


def membership(request: HttpRequest) -> dict[str, Any]:
    tenant = getattr(request, "tenant", None)

    def needs_to_join() -> bool:
        if not request.user.is_authenticated or tenant is None:
            return False
        found = membership_for(request.user, tenant)
        return found is None or not found.has_joined

    return {
        "can_access_panel": SimpleLazyObject(lambda: can_access_panel(actor_of(request))),
        # Logged in but not yet joined here: pages offer the join step instead of a form.
        "needs_to_join": SimpleLazyObject(needs_to_join),
    }
