"""Every catalogue is complete: Polish first, English and Ukrainian too, all plural forms."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import wiec

CATALOGUES = sorted(Path(wiec.__file__).parent.glob("*/locale/*/LC_MESSAGES/django.po"))
PLURAL_FORMS = {"pl": 4, "uk": 4, "en": 2}


def test_every_app_with_strings_has_all_three_languages() -> None:
    apps = {po.parents[3].name for po in CATALOGUES}
    assert apps >= {"core", "tenants", "accounts", "backoffice"}
    for app in apps:
        languages = {po.parents[1].name for po in CATALOGUES if po.parents[3].name == app}
        assert languages == {"pl", "en", "uk"}, app


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: f"{p.parents[3].name}-{p.parents[1].name}")
def test_catalogue_is_complete_and_consistent(po: Path) -> None:
    language = po.parents[1].name
    with po.open("rb") as source:
        catalog = read_po(source, locale=language)
    assert catalog.num_plurals == PLURAL_FORMS[language]
    problems = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(f"untranslated or fuzzy: {message.id!r}")
        if message.pluralizable and len(strings) != catalog.num_plurals:
            problems.append(f"{len(strings)} plural forms: {message.id!r}")
        problems.extend(f"{message.id!r}: {error}" for error in message.check(catalog))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["pl", "uk"])
def test_the_word_panel_means_only_the_officials_panel(language: str) -> None:
    """One word for the officials' area: "panel" (Ukrainian "панель") is said only of it, so
    the platform operators' admin is never called a panel too."""
    word = {"pl": "panel", "uk": "панел"}[language]
    misused = []
    for po in CATALOGUES:
        if po.parents[1].name != language:
            continue
        with po.open("rb") as source:
            catalog = read_po(source, locale=language)
        for message in catalog:
            msgid = message.id if isinstance(message.id, str) else message.id[0]
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            said = any(word in text.lower() for text in strings)
            if msgid and said and "panel" not in msgid.lower() and msgid != "Dashboard":
                misused.append(f"{po.parents[3].name}: {msgid!r}")
    assert not misused, "\n".join(misused)
