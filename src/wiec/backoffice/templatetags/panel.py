from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from wiec.accounts.actors import actor_of
from wiec.core.modules import modules

register = template.Library()


def allowed_panel_sections(request: Any) -> list[dict[str, Any]]:
    """The panel's sections in the modules' order, each with the pages this person may open;
    a section with none of them is left out."""
    sections = []
    for section in modules.panel_sections():
        pages = []
        for page in section.pages:
            if page.allowed(actor_of(request)):
                url = reverse(page.url_name)
                pages.append(
                    {
                        "label": page.label,
                        "description": page.description,
                        "url": url,
                        "current": request.path.startswith(url),
                    }
                )
        if pages:
            sections.append({"heading": section.heading, "pages": pages})
    return sections


@register.inclusion_tag("backoffice/includes/panel_nav.html", takes_context=True)
def panel_nav(context: template.Context) -> dict[str, Any]:
    request = context["request"]
    return {"sections": allowed_panel_sections(request), "request": request}
