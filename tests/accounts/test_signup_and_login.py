from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from tests.factories import PASSWORD, UserFactory
from wiec.accounts.models import Membership, Role, User
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def signup(client: Client, email: str = "nowa@example.org", **extra: str) -> object:
    data = {
        "email": email,
        "display_name": "Nowa",
        "password1": "lipa-nad-warta-77",
        "password2": "lipa-nad-warta-77",
        "accept_terms": "on",
        **extra,
    }
    return client.post("/konto/signup/", data)


@pytest.mark.production_hashing
def test_signup_sends_a_confirmation_and_joins_the_tenant(client: Client, tenant: Tenant) -> None:
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="nowa@example.org")
    assert user.display_name == "Nowa"
    assert user.password.startswith("argon2")
    assert Membership.objects.get(user=user, tenant=tenant).role == Role.RESIDENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject.startswith("[Gmina Nadrzecze]")
    link = re.search(r"https?://\S+/konto/confirm-email/\S+", message.body)
    assert link is not None
    confirm_path = "/" + link.group(0).split("/", 3)[3]
    assert client.post(confirm_path).status_code == 302
    assert user.emailaddress_set.get().verified


def test_signup_requires_accepting_the_terms_and_keeps_what_was_typed(client: Client) -> None:
    response = signup(client, accept_terms="")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="#id_accept_terms"' in html
    assert 'value="nowa@example.org"' in html
    assert 'value="Nowa"' in html
    assert not User.objects.exists()


def test_login_before_confirming_the_address_is_not_possible(client: Client) -> None:
    signup(client)
    client.logout()
    response = client.post(
        "/konto/login/", {"login": "nowa@example.org", "password": "lipa-nad-warta-77"}
    )
    assert "_auth_user_id" not in client.session
    assert response["Location"] == "/konto/confirm-email/"


def test_logging_in_elsewhere_does_not_join_silently(client: Client, tenant: Tenant) -> None:
    user = UserFactory()
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert not Membership.objects.filter(user=user, tenant=tenant).exists()


def test_taking_part_first_asks_to_accept_this_municipalitys_terms(
    client: Client, tenant: Tenant
) -> None:
    user = UserFactory()
    client.force_login(user)
    response = client.get("/konto/profil/")
    assert response.status_code == 302
    assert response["Location"] == "/konto/dolacz/?next=%2Fkonto%2Fprofil%2F"
    page = client.get(response["Location"])
    assert 'href="/regulamin/"' in page.content.decode()
    refused = client.post("/konto/dolacz/", {"next": "/konto/profil/"})
    assert refused.status_code == 200
    assert 'href="#id_accept_terms"' in refused.content.decode()
    joined = client.post("/konto/dolacz/", {"next": "/konto/profil/", "accept_terms": "on"})
    assert joined["Location"] == "/konto/profil/"
    membership = Membership.objects.get(user=user, tenant=tenant)
    assert membership.terms_accepted_at is not None
    assert membership.role == Role.RESIDENT


def test_join_refuses_to_redirect_elsewhere(client: Client, tenant: Tenant) -> None:
    client.force_login(UserFactory())
    response = client.post(
        "/konto/dolacz/", {"next": "https://evil.example/", "accept_terms": "on"}
    )
    assert response["Location"] == "/"


def test_admin_login_goes_through_allauth_and_its_limits(client: Client) -> None:
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_repeated_failed_logins_lock_the_address_for_a_while(client: Client) -> None:
    user = UserFactory()
    for _ in range(5):
        response = client.post("/konto/login/", {"login": user.email, "password": "wrong"})
        assert response.status_code == 200
    # Even the right password is refused while the limit lasts, with a message on the form.
    response = client.post("/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "error-summary" in response.content.decode()


def test_many_log_in_attempts_from_one_address_get_a_429(client: Client) -> None:
    statuses = [
        client.post("/konto/login/", {"login": f"x{i}@example.org", "password": "x"}).status_code
        for i in range(35)
    ]
    assert statuses[0] == 200
    assert statuses[-1] == 429


def test_signups_from_one_address_are_rate_limited(client: Client) -> None:
    statuses = [signup(client, email=f"osoba{i}@example.org").status_code for i in range(21)]
    assert statuses[:20] == [302] * 20
    assert statuses[20] == 429


def test_rate_limit_page_is_branded_and_polite(client: Client) -> None:
    for i in range(25):
        response = signup(client, email=f"osoba{i}@example.org")
    assert response.status_code == 429
    assert "Gmina Nadrzecze" in response.content.decode()


def _answer(email: str) -> tuple[int, str, str]:
    """What a sign-up with this address shows: status, where it leads, and the page there
    (with the address itself taken out)."""
    client = Client(HTTP_HOST="nadrzecze.localhost")
    response = signup(client, email=email)
    location = response["Location"]  # type: ignore[index]
    page = client.get(location).content.decode()
    main = re.search(r"<main.*?</main>", page, re.S)
    assert main is not None
    return response.status_code, location, main.group(0).replace(email, "ADDRESS")  # type: ignore[attr-defined]


def test_signup_answers_alike_whether_or_not_the_address_has_an_account(tenant: Tenant) -> None:
    """The page never tells: the same redirect and page, the "confirmation sent" message
    included, even on a second try with an existing address (its mail is then held back by
    the per-address limit); the owner gets an "account exists" mail instead."""
    UserFactory(email="stara@example.org")
    new = _answer("nowa@example.org")
    assert "E-mail z potwierdzeniem został wysłany na adres ADDRESS" in new[2]
    assert _answer("stara@example.org") == new
    assert _answer("stara@example.org") == new
    assert _answer("nowa2@example.org") == new
    assert User.objects.filter(email="stara@example.org").count() == 1
    subjects = [m.subject for m in mail.outbox if m.to == ["stara@example.org"]]
    assert subjects == ["[Gmina Nadrzecze] Konto już istnieje"]


def test_signup_with_an_existing_address_hashes_the_password_as_a_new_one_does(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hashing is most of a sign-up's time (Argon2: a third of a second); skipping it for an
    existing address told the two apart by timing (70 ms against 318 ms)."""
    from django.contrib.auth.hashers import MD5PasswordHasher

    hashed: list[str] = []
    original = MD5PasswordHasher.encode

    def counting(self: MD5PasswordHasher, password: str, salt: str) -> str:
        hashed.append(password)
        return original(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting)
    UserFactory(email="stara@example.org")
    hashed.clear()
    signup(Client(HTTP_HOST="nadrzecze.localhost"), email="nowa@example.org")
    for_new = len(hashed)
    hashed.clear()
    signup(Client(HTTP_HOST="nadrzecze.localhost"), email="stara@example.org")
    assert for_new >= 1
    assert len(hashed) == for_new
