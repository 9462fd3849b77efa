from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from wiec.core import languages
from wiec.core import messages as placed_messages
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


@register.simple_tag(takes_context=True)
def content_lang(context: template.Context) -> str:
    """`<h1{% content_lang %}>`: ` lang="pl"` on an element holding what people wrote, when the
    page is in another language than the municipality's; nothing on a page in that language."""
    language = languages.content_lang(context.get("tenant"))
    return format_html(' lang="{}"', language) if language else ""


@register.filter(name="content_span")
def content_span(text: Any, tenant: Any) -> str:
    """`{{ poll.title|content_span:tenant }}`: people's writing inside a translated sentence
    (`{% blocktranslate with title=… %}`), wrapped in `<span lang="pl">` when needed. Never in
    an attribute or in `<title>`: it is markup."""
    return languages.in_content_language(str(text), tenant)


@register.filter(name="unplaced")
def unplaced_filter(messages: Any) -> list[Any]:
    """The messages for the top of the page (not those placed beside an item)."""
    return placed_messages.unplaced(messages or [])


@register.simple_tag(takes_context=True)
def messages_at(context: template.Context, kind: str, pk: Any) -> list[Any]:
    """`{% messages_at "comment" comment.pk as placed %}`: messages placed beside that item."""
    return placed_messages.placed(context.get("messages") or [], f"{kind}-{pk}")
