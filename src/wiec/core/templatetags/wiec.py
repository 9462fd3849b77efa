from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.safestring import SafeString

from wiec.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str | None) -> SafeString:
    return render_markdown(text or "")


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, number: int) -> str:
    """The current address with `page` set: filters in the query string are kept."""
    query = context["request"].GET.copy()
    query.setlist("page", [])
    query["page"] = str(number)
    return "?" + str(query.urlencode())


@register.filter(name="key")
def key_filter(mapping: Any, name: str) -> Any:
    """`mapping|key:"name"`: a key that a mapping may lack by design (allauth's element
    attributes), as "" when absent; a plain `mapping.name` must exist (the test suite fails a
    template that names what does not)."""
    if isinstance(mapping, Mapping):
        return mapping.get(name, "")
    return ""
