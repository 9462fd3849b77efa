from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from wiec.core.languages import native_choices
from wiec.core.modules import modules


def site(request: HttpRequest) -> dict[str, Any]:
    """What the base layout needs: the tenant, the navigation and the language switcher."""
    tenant = getattr(request, "tenant", None)
    nav = []
    if tenant is not None:
        for item in modules.nav_items():
            try:
                url = reverse(item.url_name)
            except NoReverseMatch:
                continue
            nav.append({"key": item.key, "label": item.label, "url": url})
    current = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    languages = [
        {"code": code, "name": name, "current": code == current} for code, name in native_choices()
    ]
    return {"tenant": tenant, "main_nav": nav, "language_choices": languages}
