"""The languages the platform speaks, each named in itself (a reader finds their own language
without knowing the one the page is in)."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html

NATIVE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}


def native_choices() -> list[tuple[str, str]]:
    """(code, own name) for every language in settings.LANGUAGES, in that order."""
    return [(code, NATIVE_NAMES.get(code, str(name))) for code, name in settings.LANGUAGES]


def is_supported(code: str) -> bool:
    return any(code == known for known, _name in settings.LANGUAGES)


def content_language(tenant: object | None) -> str:
    """The language people write in on a tenant's site (titles, comments, answers, polls):
    the municipality's own language, whatever language the reader has chosen for the page."""
    language = getattr(tenant, "default_language", "") or settings.LANGUAGE_CODE
    return language if is_supported(language) else settings.LANGUAGE_CODE


def content_lang(tenant: object | None) -> str:
    """The `lang` an element holding people's writing needs (WCAG 3.1.2): the content language
    when the page is in another one, else "" (the page's own `lang` already says it)."""
    language = content_language(tenant)
    page = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return "" if page == language else language


def in_content_language(text: str, tenant: object | None) -> str:
    """`text` as HTML, wrapped in `<span lang="…">` when `content_lang` asks for it; for
    people's writing placed where only a string fits, such as a form label."""
    language = content_lang(tenant)
    if not language:
        return text
    return format_html('<span lang="{}">{}</span>', language, text)
