from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from wiec.accounts.permissions import can_access_panel


def membership(request: HttpRequest) -> dict[str, Any]:
    tenant = getattr(request, "tenant", None)
    return {
        "can_access_panel": SimpleLazyObject(lambda: can_access_panel(request.user, tenant)),
    }
