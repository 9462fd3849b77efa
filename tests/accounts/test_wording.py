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


@pytest.mark.parametrize(
    ("language", "msgid", "wrong", "right"),
    [
        ("pl", "Please Confirm Your Email Address", "Proszę", "Potwierdź swój adres e-mail"),
        ("pl", "Enter your password:", "Wprowadż", "Wpisz swoje hasło:"),
        ("uk", "Please Confirm Your Email Address", "Будь Ласка", "Підтвердьте свою адресу"),
        ("uk", "Authenticator App Activated", "Додаток Увімкнено", "автентифікації увімкнено"),
        ("uk", "New Recovery Codes Generated", "Нові Коди", "Створено нові коди"),
        ("en", "Signup", "Signup", "Sign up"),
        ("en", "Sign In", "Sign In", "Log in"),
    ],
)
def test_issue_9_allauth_wording_still_holds(
    language: str, msgid: str, wrong: str, right: str
) -> None:
    with translation.override(language):
        text = translation.gettext(msgid)
    assert right in text
    assert wrong not in text


def test_the_confirmation_e_mail_subject_is_plain_polish() -> None:
    from django.template.loader import render_to_string

    with translation.override("pl"):
        subject = render_to_string("account/email/email_confirmation_subject.txt").strip()
    assert subject == "Potwierdź swój adres e-mail"
