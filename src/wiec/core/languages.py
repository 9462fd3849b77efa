"""The languages the platform speaks, each named in itself (a reader finds their own language
without knowing the one the page is in)."""

from __future__ import annotations

from django.conf import settings

NATIVE_NAMES = {"pl": "Polski", "en": "English", "uk": "Українська"}


def native_choices() -> list[tuple[str, str]]:
    """(code, own name) for every language in settings.LANGUAGES, in that order."""
    return [(code, NATIVE_NAMES.get(code, str(name))) for code, name in settings.LANGUAGES]


def is_supported(code: str) -> bool:
    return any(code == known for known, _name in settings.LANGUAGES)
