"""Words the whole site agrees on, checked across every app's catalogue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import wiec

STATUS = re.compile(r"\bstatus(es)?\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\{[^}]*\}\}")
STATUS_WORD = {"pl": "status", "uk": "статус", "en": "status"}


def catalogue(language: str) -> list[tuple[str, str, str]]:
    rows = []
    for po in sorted(Path(wiec.__file__).parent.glob(f"*/locale/{language}/LC_MESSAGES/django.po")):
        with po.open("rb") as source:
            for message in read_po(source, locale=language):
                if message.id:
                    msgid = message.id if isinstance(message.id, str) else message.id[0]
                    string = (
                        message.string if isinstance(message.string, str) else message.string[0]
                    )
                    rows.append((po.parents[3].name, msgid, string))
    return rows


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_a_status_is_called_a_status_in_every_app(language: str) -> None:
    """Issue 9: the panel said 'Stan' for a poll and 'Status' for an idea."""
    other = [
        f"{app}: {msgid!r} -> {string!r}"
        for app, msgid, string in catalogue(language)
        if STATUS.search(PLACEHOLDER.sub("", msgid)) and STATUS_WORD[language] not in string.lower()
    ]
    assert not other, "\n".join(other)


def test_nothing_in_polish_is_called_stan() -> None:
    stan = re.compile(r"\bstan\b", re.IGNORECASE)
    assert not [msgid for _app, msgid, string in catalogue("pl") if stan.search(string)]


GENDER_SLASH = re.compile(r"\w\(-?\w{1,3}\)")


def test_polish_speaks_to_everyone_without_bracketed_endings() -> None:
    """'Jesteś zalogowany(-a)', 'napisałeś(-aś)': bracketed endings read as a form to fill in.
    Polish wording here is built so that it needs no gendered ending at all."""
    bracketed = [
        f"{app}: {string!r}"
        for app, _msgid, string in catalogue("pl")
        if GENDER_SLASH.search(PLACEHOLDER.sub("", string))
    ]
    assert not bracketed, "\n".join(bracketed)
