from __future__ import annotations

from typing import Any

from django import template

from wiec.notifications.queries import unread_count

register = template.Library()


@register.inclusion_tag("notifications/includes/header_link.html", takes_context=True)
def notifications_link(context: template.Context) -> dict[str, Any]:
    """The header's link to the notification centre with the unread count (one query)."""
    request = context["request"]
    tenant = getattr(request, "tenant", None)
    user = request.user
    count = unread_count(user=user, tenant=tenant) if tenant and user.is_authenticated else 0
    return {"unread": count, "show": tenant is not None and user.is_authenticated}
