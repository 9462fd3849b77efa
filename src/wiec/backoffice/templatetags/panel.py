from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from wiec.accounts.actors import actor_of
from wiec.core.registry import registry

register = template.Library()


def allowed_panel_items(request: Any) -> list[dict[str, Any]]:
    items = []
    for item in registry.panel_items:
        if item.allowed(actor_of(request)):
            url = reverse(item.url_name)
            items.append(
                {
                    "label": item.label,
                    "description": item.description,
                    "url": url,
                    "current": request.path.startswith(url),
                    "links": [
                        {"label": link.label, "url": reverse(link.url_name)}
                        for link in item.links
                        if link.allowed(actor_of(request))
                    ],
                }
            )
    return items


@register.inclusion_tag("backoffice/includes/panel_nav.html", takes_context=True)
def panel_nav(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {"items": allowed_panel_items(request), "request": request}
