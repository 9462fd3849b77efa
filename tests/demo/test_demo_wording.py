"""The demo's town (Miasto Lipowiec) is never called a gmina; the demo gmina is."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import member
from wiec.demo.build import DEMO_PASSWORD
from wiec.ideas.models import Idea
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

PAGES = ["/", "/pomysly/", "/weryfikacja/", "/konto/profil/", "/polityka-prywatnosci/"]


def main_text(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"<[^>]+>", " ", main)


def log_in(host: str, email: str) -> Client:
    client = Client(HTTP_HOST=host)
    response = client.post("/konto/login/", {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    return client


def newcomer(slug: str) -> Client:
    """A resident who joined but is not verified yet, so the declaration form is shown."""
    client = Client(HTTP_HOST=f"{slug}.localhost")
    client.force_login(member(Tenant.objects.get(slug=slug)))
    return client


def test_no_page_of_the_demo_town_calls_it_a_gmina_or_its_parts_solectwa() -> None:
    call_command("demo", stdout=None)
    client = log_in("lipowiec.localhost", "mieszkanka@lipowiec.example")
    answered = Idea.objects.filter(tenant__slug="lipowiec", answers__isnull=False)
    paths = PAGES + sorted({idea.get_absolute_url() for idea in answered})
    texts = {path: main_text(client, path) for path in paths}
    assert "Twoje osiedle" in texts["/konto/profil/"]
    texts["declaration"] = main_text(newcomer("lipowiec"), "/weryfikacja/")
    assert "Twoje osiedle" in texts["declaration"]
    assert "mieszkam w mieście" in texts["declaration"]
    found = {path: re.findall(r"\w*(?:gmin|sołect)\w*", text, re.I) for path, text in texts.items()}
    assert not {path: words for path, words in found.items() if words}


def test_the_demo_gmina_is_still_a_gmina_of_solectwa() -> None:
    call_command("demo", stdout=None)
    client = log_in("nadrzecze.localhost", "mieszkanka@nadrzecze.example")
    assert "Twoje sołectwo" in main_text(client, "/konto/profil/")
    declaration = main_text(newcomer("nadrzecze"), "/weryfikacja/")
    assert "Twoje sołectwo" in declaration
    assert "mieszkam na terenie gminy" in declaration
