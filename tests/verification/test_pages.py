"""The resident's verification page and the panel's verification pages."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import StopFutureHandlers
from django.test import Client

from tests.conftest import client_for
from tests.factories import DistrictFactory, member
from tests.voting.factories import NOW, pesel, resident
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.tenants.models import Tenant
from wiec.verification import keys, queries
from wiec.verification.models import RegisterEntry, Verification, VerificationSettings
from wiec.verification.pesel import check_digit
from wiec.verification.uploads import MemoryOnlyUploadHandler

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.now", lambda: NOW)


def logged_in(tenant: Tenant, role: Role = Role.RESIDENT) -> tuple[Client, Any]:
    user = member(tenant, role)
    client = client_for(tenant)
    client.force_login(user)
    return client, user


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("44051401358", "ostatnia cyfra"),
        ("8502301234" + str(check_digit("8502301234")), "prawdziwej daty urodzenia"),
        ("1234", "11 cyfr"),
        ("", "To pole jest wymagane"),
    ],
)
def test_wrong_pesel_gets_a_clear_message_next_to_the_field(
    tenant: Tenant, number: str, message: str
) -> None:
    DistrictFactory(tenant=tenant)
    client, _user = logged_in(tenant)
    response = client.post("/weryfikacja/", {"pesel": number, "declaration": "on"})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["pesel"])
    assert message in errors
    assert not Verification.objects.exists()
    assert "no-store" in response["Cache-Control"]


def test_a_person_under_the_minimum_age_gets_a_clear_message(tenant: Tenant) -> None:
    config = queries.settings_for(tenant=tenant)
    VerificationSettings.objects.filter(pk=config.pk).update(minimum_age=16)
    client, _user = logged_in(tenant)
    young = pesel(NOW.date().replace(year=NOW.year - 15), 4)
    response = client.post("/weryfikacja/", {"pesel": young.number, "declaration": "on"})
    assert "co najmniej 16 lat" in " ".join(response.context["form"].non_field_errors())
    assert not Verification.objects.exists()


def test_successful_verification_redirects_to_next(tenant: Tenant) -> None:
    district = DistrictFactory(tenant=tenant)
    client, user = logged_in(tenant)
    response = client.post(
        "/weryfikacja/",
        {"pesel": pesel().number, "district": district.pk, "declaration": "on", "next": "/sondy/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/sondy/"
    assert Verification.objects.get().user == user


def test_next_must_stay_on_the_site(tenant: Tenant) -> None:
    client, _user = logged_in(tenant)
    response = client.post(
        "/weryfikacja/",
        {"pesel": pesel().number, "declaration": "on", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/weryfikacja/"


def test_second_account_gets_the_office_contact(tenant: Tenant) -> None:
    resident(tenant, serial=3)
    client, _user = logged_in(tenant)
    response = client.post("/weryfikacja/", {"pesel": pesel(serial=3).number, "declaration": "on"})
    html = response.content.decode()
    assert tenant.email in html
    assert tenant.office_name in html
    assert Verification.objects.count() == 1


def test_a_pesel_of_another_account_gets_the_answer_of_one_not_in_the_register(
    tenant: Tenant,
) -> None:
    """The form must not tell that a PESEL already verifies an account (accounts are free: a
    stranger could test whose PESEL is here); the office learns of it from the audit log."""
    from wiec.verification import actions

    holder = resident(tenant, serial=3)
    config = queries.settings_for(tenant=tenant)
    VerificationSettings.objects.filter(pk=config.pk).update(register_required=True)
    actions.import_register(
        tenant=tenant, pesels=[pesel(serial=3).number], replace=False, actor=None, at=NOW
    )

    def answer(serial: int) -> tuple[int, list[str], Any]:
        client, user = logged_in(tenant)
        response = client.post(
            "/weryfikacja/", {"pesel": pesel(serial=serial).number, "declaration": "on"}
        )
        return response.status_code, list(response.context["form"].non_field_errors()), user

    taken_status, taken_errors, stranger = answer(3)
    absent_status, absent_errors, other = answer(5)
    assert (taken_status, taken_errors) == (absent_status, absent_errors)
    assert "nie może potwierdzić konta" in taken_errors[0]
    assert tenant.office_name in taken_errors[0]
    assert "innego konta" not in taken_errors[0]
    assert Verification.objects.get().user == holder
    entry = AuditEntry.objects.get(action="verification.pesel_taken")
    assert (entry.actor, entry.target_id) == (stranger, str(holder.pk))
    assert pesel(serial=3).number not in str(entry.data) + entry.target_label
    assert not AuditEntry.objects.filter(action="verification.pesel_taken", actor=other).exists()


def test_a_pesel_taken_while_the_code_was_on_its_way_gets_the_same_answer(
    tenant: Tenant, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    config = queries.settings_for(tenant=tenant)
    VerificationSettings.objects.filter(pk=config.pk).update(code_enabled=True)
    client, stranger = logged_in(tenant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/weryfikacja/",
            {"pesel": pesel(serial=3).number, "contact": "ja@example.org", "declaration": "on"},
        )
    code = next(
        word.rstrip(".") for word in mailoutbox[0].body.split() if word.rstrip(".").isdigit()
    )
    VerificationSettings.objects.filter(pk=config.pk).update(code_enabled=False)
    holder = resident(tenant, serial=3)  # verified meanwhile, with the same PESEL
    response = client.post("/weryfikacja/kod/", {"code": code})
    errors = " ".join(response.context["form"].errors["code"])
    assert "nie może potwierdzić konta" in errors
    assert "innego konta" not in errors
    entry = AuditEntry.objects.get(action="verification.pesel_taken")
    assert (entry.actor, entry.target_id) == (stranger, str(holder.pk))


def test_declaration_text_is_configurable(tenant: Tenant) -> None:
    config = queries.settings_for(tenant=tenant)
    VerificationSettings.objects.filter(pk=config.pk).update(
        declaration_text="Oświadczam zgodnie z uchwałą nr XII/34/2026."
    )
    client, _user = logged_in(tenant)
    assert "uchwałą nr XII/34/2026" in client.get("/weryfikacja/").content.decode()


def test_verification_attempts_are_rate_limited(tenant: Tenant) -> None:
    client, _user = logged_in(tenant)
    statuses = [client.post("/weryfikacja/", {"pesel": "1"}).status_code for _ in range(11)]
    assert statuses[-1] == 429


def test_code_page_flow(
    tenant: Tenant, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    config = queries.settings_for(tenant=tenant)
    VerificationSettings.objects.filter(pk=config.pk).update(code_enabled=True)
    client, user = logged_in(tenant)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/weryfikacja/",
            {"pesel": pesel().number, "contact": "ja@example.org", "declaration": "on"},
        )
    assert response["Location"] == "/weryfikacja/kod/"
    code = next(
        word.rstrip(".") for word in mailoutbox[0].body.split() if word.rstrip(".").isdigit()
    )
    assert client.post("/weryfikacja/kod/", {"code": "12345"}).context["form"].errors
    assert client.post("/weryfikacja/kod/", {"code": code}).status_code == 302
    assert Verification.objects.get().user == user


ROLES = [None, Role.RESIDENT, Role.MODERATOR, Role.OFFICIAL, Role.ADMIN]


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/panel/weryfikacja/", {Role.OFFICIAL, Role.ADMIN}),
        ("/panel/weryfikacja/osobiscie/", {Role.OFFICIAL, Role.ADMIN}),
        ("/panel/weryfikacja/ustawienia/", {Role.ADMIN}),
        ("/panel/weryfikacja/rejestr/", {Role.ADMIN}),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_panel_pages_by_role(
    tenant: Tenant, url: str, allowed: set[Role], role: Role | None
) -> None:
    client = client_for(tenant)
    if role:
        client.force_login(member(tenant, role))
    status = client.get(url).status_code
    if role is None:
        assert status == 302
    else:
        assert status == (200 if role in allowed else 403)


def test_in_person_verification_from_the_panel(tenant: Tenant) -> None:
    client, official = logged_in(tenant, Role.OFFICIAL)
    person = member(tenant)
    response = client.post(
        "/panel/weryfikacja/osobiscie/",
        {"email": person.email, "pesel": pesel().number, "document_seen": "on"},
    )
    assert response.status_code == 302
    assert Verification.objects.get(user=person).verified_by == official
    assert AuditEntry.objects.filter(action="verification.in_person", actor=official).exists()


def test_register_upload_of_pesels_is_hashed_and_kept_in_memory(tenant: Tenant) -> None:
    client, _admin = logged_in(tenant, Role.ADMIN)
    numbers = [pesel(serial=n).number for n in range(5)]
    content = ("PESEL\n" + "\n".join(numbers) + "\n").encode()
    response = client.post(
        "/panel/weryfikacja/rejestr/",
        {"file": SimpleUploadedFile("rejestr.csv", content), "kind": "pesel"},
    )
    assert response.status_code == 302
    key = queries.tenant_key(tenant=tenant)
    assert set(RegisterEntry.objects.values_list("pesel_hmac", flat=True)) == {
        keys.pesel_hmac(key, n) for n in numbers
    }


def test_register_upload_with_a_bad_line_imports_nothing(tenant: Tenant) -> None:
    client, _admin = logged_in(tenant, Role.ADMIN)
    content = f"{pesel(serial=1).number}\n44051401358\n".encode()
    response = client.post(
        "/panel/weryfikacja/rejestr/",
        {"file": SimpleUploadedFile("r.csv", content), "kind": "pesel"},
    )
    assert "2" in " ".join(response.context["form"].errors["file"])
    assert not RegisterEntry.objects.exists()


def test_register_upload_of_offline_hmacs(tenant: Tenant) -> None:
    client, _admin = logged_in(tenant, Role.ADMIN)
    digest = "a" * 64
    response = client.post(
        "/panel/weryfikacja/rejestr/",
        {
            "file": SimpleUploadedFile("r.csv", f"{digest}\n".encode()),
            "kind": "hmac",
            "replace": "on",
        },
    )
    assert response.status_code == 302
    assert list(RegisterEntry.objects.values_list("pesel_hmac", flat=True)) == [digest]


def test_the_upload_handler_never_uses_a_temporary_file(rf: Any) -> None:
    request = rf.post("/")
    handler = MemoryOnlyUploadHandler(request)
    handler.handle_raw_input(None, {}, 10 * 1024 * 1024, "boundary")
    with pytest.raises(StopFutureHandlers):
        handler.new_file("file", "big.csv", "text/csv", 10 * 1024 * 1024)
    assert handler.receive_data_chunk(b"x" * 1024, 0) is None
    uploaded = handler.file_complete(1024)
    assert uploaded is not None
    assert type(uploaded).__name__ == "InMemoryUploadedFile"


def test_a_register_larger_than_the_memory_limit_never_touches_the_disk(
    tenant: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the register was spooled to a temporary file")

    monkeypatch.setattr(
        "django.core.files.uploadhandler.TemporaryFileUploadHandler.new_file", refuse
    )
    client, _admin = logged_in(tenant, Role.ADMIN)
    content = ("b" * 64 + "\n").encode() * 48_000  # 3.1 MB, above Django's 2.5 MB
    response = client.post(
        "/panel/weryfikacja/rejestr/",
        {"file": SimpleUploadedFile("r.csv", content), "kind": "hmac"},
    )
    assert response.status_code == 302
    assert RegisterEntry.objects.count() == 1


def test_hash_register_command_matches_the_online_hash(tenant: Tenant, tmp_path: Any) -> None:
    from io import StringIO

    from django.core.management import call_command

    source = tmp_path / "pesele.csv"
    source.write_text(f"PESEL\n{pesel(serial=1).number}\n")
    out = tmp_path / "out.csv"
    call_command("hash_register", tenant.slug, str(source), "-o", str(out), stderr=StringIO())
    key = queries.tenant_key(tenant=tenant)
    assert out.read_text().strip() == keys.pesel_hmac(key, pesel(serial=1).number)


def test_purge_command(tenant: Tenant) -> None:
    from io import StringIO

    from django.core.management import call_command

    resident(tenant)
    out = StringIO()
    call_command("purge_verifications", stdout=out)
    assert "0 verification" in out.getvalue()


def test_settings_form_needs_one_method(tenant: Tenant) -> None:
    client, _admin = logged_in(tenant, Role.ADMIN)
    response = client.post(
        "/panel/weryfikacja/ustawienia/",
        {"code_channel": "email", "minimum_age": "0", "retention_days": "365"},
    )
    assert response.context["form"].non_field_errors()
    response = client.post(
        "/panel/weryfikacja/ustawienia/",
        {
            "pesel_enabled": "on",
            "code_channel": "sms",
            "minimum_age": "13",
            "retention_days": "365",
        },
    )
    assert response.status_code == 302
    assert queries.settings_for(tenant=Tenant.objects.get(pk=tenant.pk)).minimum_age == 13
    assert AuditEntry.objects.filter(action="verification.settings_changed").exists()


def test_an_unclosed_quote_in_the_register_is_a_message_not_an_error(tenant: Tenant) -> None:
    client, _admin = logged_in(tenant, Role.ADMIN)
    # The quote opened on line 1 swallows the file into one field beyond csv's size limit.
    content = ('"PESEL\n' + "\n".join([pesel(serial=1).number] * 12_000) + "\n").encode()
    response = client.post(
        "/panel/weryfikacja/rejestr/",
        {"file": SimpleUploadedFile("r.csv", content), "kind": "pesel"},
    )
    assert response.status_code == 200
    assert "wiersz 1." in " ".join(response.context["form"].errors["file"])
    assert not RegisterEntry.objects.exists()


@pytest.mark.parametrize("role", [None, Role.RESIDENT, Role.OFFICIAL])
def test_the_register_upload_is_not_read_for_people_without_the_permission(
    tenant: Tenant, rf: Any, role: Role | None
) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied

    from wiec.verification import views_staff

    request = rf.post(
        "/panel/weryfikacja/rejestr/",
        {"file": SimpleUploadedFile("r.csv", b"x" * 1000), "kind": "pesel"},
    )
    request.tenant = tenant
    request.user = AnonymousUser() if role is None else member(tenant, role)
    if role is None:
        assert views_staff.edit_register(request).status_code == 302  # to the log-in page
    else:
        with pytest.raises(PermissionDenied):
            views_staff.edit_register(request)
    # Django parses the body into _post and _files on first access; nobody asked for it.
    assert not hasattr(request, "_files")
