"""Wiec's own wording of allauth's pages wins over allauth's Polish and Ukrainian catalogues."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import translation

from wiec.accounts.wording import ALLAUTH_WORDING

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["pl", "uk", "en"])
def test_every_listed_message_has_wiecs_translation(language: str) -> None:
    from babel.messages.pofile import read_po

    import wiec.accounts

    path = f"{wiec.accounts.__path__[0]}/locale/{language}/LC_MESSAGES/django.po"
    with open(path, "rb") as source:
        ours = read_po(source, locale=language)
    with translation.override(language):
        for msgid in ALLAUTH_WORDING:
            assert translation.gettext(msgid) == ours[msgid].string, msgid


def test_the_pages_speak_plain_ukrainian_and_polish(client: Client, tenant: object) -> None:
    client.cookies["wiec_language"] = "uk"
    signup = client.get("/konto/signup/").content.decode()
    assert "Адреса електронної пошти" in signup
    assert ">Email<" not in signup
    assert "Відновити Мій Пароль" not in client.get("/konto/password/reset/").content.decode()
    client.cookies["wiec_language"] = "pl"
    reset = client.get("/konto/password/reset/").content.decode()
    assert "Nie pamiętasz hasła? Wpisz poniżej swój adres e-mail" in reset
    assert "Zapomniałeś" not in reset
