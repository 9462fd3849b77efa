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
