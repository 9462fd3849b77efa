"""Verification actions: one PESEL one account, the register, codes, in person, purge."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection

from tests.factories import DistrictFactory, member
from tests.voting.factories import NOW, pesel, resident
from wiec.accounts import actions as account_actions
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.tenants.models import Tenant
from wiec.verification import actions, keys, queries
from wiec.verification.exceptions import (
    CodeExpiredError,
    CodeInvalidError,
    MethodDisabledError,
    NotInRegisterError,
    PeselTakenError,
    TooYoungError,
)
from wiec.verification.models import Level, Method, PendingCode, Verification, VerificationSettings

pytestmark = pytest.mark.django_db


def configure(tenant: Tenant, **values: object) -> VerificationSettings:
    config = queries.settings_for(tenant=tenant)
    VerificationSettings.objects.filter(pk=config.pk).update(**values)
    config.refresh_from_db()
    return config


def test_declaration_stores_hmac_birth_year_and_district_never_the_pesel(tenant: Tenant) -> None:
    district = DistrictFactory(tenant=tenant)
    user = member(tenant)
    number = pesel(date(1990, 1, 2), 5)
    verification = actions.submit_declaration(
        tenant=tenant, user=user, pesel=number, district=district, at=NOW
    )
    assert isinstance(verification, Verification)
    assert verification.level == Level.RESIDENT
    assert verification.method == Method.PESEL
    assert (verification.birth_year, verification.district) == (1990, district)
    assert keys.is_hmac(verification.pesel_hmac or "")
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            assert number.number not in repr(cursor.fetchall()), table


def test_the_hmac_depends_on_the_tenant_salt(tenant: Tenant, other_tenant: Tenant) -> None:
    a = keys.pesel_hmac(queries.tenant_key(tenant=tenant), "44051401359")
    b = keys.pesel_hmac(queries.tenant_key(tenant=other_tenant), "44051401359")
    assert a != b


def test_one_pesel_verifies_one_account_per_tenant(tenant: Tenant, other_tenant: Tenant) -> None:
    resident(tenant, serial=9)
    with pytest.raises(PeselTakenError):
        resident(tenant, serial=9)
    resident(other_tenant, serial=9)  # another municipality: allowed
    assert Verification.objects.filter(tenant=tenant).count() == 1


def test_under_the_minimum_age_is_refused(tenant: Tenant) -> None:
    configure(tenant, minimum_age=16)
    young = pesel(date(2010, 6, 16), 3)  # 16 tomorrow
    with pytest.raises(TooYoungError) as error:
        actions.submit_declaration(
            tenant=tenant, user=member(tenant), pesel=young, district=None, at=NOW
        )
    assert error.value.minimum_age == 16
    actions.submit_declaration(
        tenant=tenant, user=member(tenant), pesel=pesel(date(2010, 6, 15), 3), district=None, at=NOW
    )


def test_register_is_required_when_switched_on(tenant: Tenant) -> None:
    configure(tenant, register_required=True)
    official = member(tenant, Role.ADMIN)
    actions.import_register(
        tenant=tenant, pesels=[pesel(serial=1).number], replace=False, actor=official, at=NOW
    )
    with pytest.raises(NotInRegisterError):
        actions.submit_declaration(
            tenant=tenant, user=member(tenant), pesel=pesel(serial=2), district=None, at=NOW
        )
    actions.submit_declaration(
        tenant=tenant, user=member(tenant), pesel=pesel(serial=1), district=None, at=NOW
    )
    entry = AuditEntry.objects.get(action="verification.register_imported")
    assert entry.data == {"entries": 1, "replace": False, "total": 1}


def test_register_of_offline_hmacs_matches_online_hashing(tenant: Tenant) -> None:
    configure(tenant, register_required=True)
    digest = keys.pesel_hmac(queries.tenant_key(tenant=tenant), pesel(serial=4).number)
    actions.import_register(tenant=tenant, hmacs=[digest], replace=True, actor=None, at=NOW)
    actions.submit_declaration(
        tenant=tenant, user=member(tenant), pesel=pesel(serial=4), district=None, at=NOW
    )


def contact_code(tenant: Tenant, capture: Any) -> tuple[Any, str]:
    """A person asks for a code to an e-mail address alone (PESEL switched off)."""
    configure(tenant, code_enabled=True, pesel_enabled=False)
    user = member(tenant)
    with capture(execute=True):
        actions.submit_declaration(
            tenant=tenant, user=user, pesel=None, district=None, contact="a@b.pl", at=NOW
        )
    return user, sent_code()


def sent_code() -> str:
    match = re.search(r"\b(\d{6})\b", mail.outbox[-1].body)
    assert match is not None
    return match.group(1)


def test_one_time_code_flow_by_email(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    configure(tenant, code_enabled=True)
    user = member(tenant)
    with pytest.raises(MethodDisabledError):
        actions.submit_declaration(tenant=tenant, user=user, pesel=pesel(), district=None, at=NOW)
    with django_capture_on_commit_callbacks(execute=True):
        pending = actions.submit_declaration(
            tenant=tenant, user=user, pesel=pesel(), district=None, contact="Ja@Example.org", at=NOW
        )
    assert isinstance(pending, PendingCode)
    code = sent_code()
    assert code not in pending.code_hash
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    with pytest.raises(CodeInvalidError):
        actions.confirm_code(tenant=tenant, user=user, code=wrong, at=NOW)
    assert PendingCode.objects.get().attempts == 1
    verification = actions.confirm_code(tenant=tenant, user=user, code=code, at=NOW)
    assert verification.level == Level.RESIDENT
    assert verification.contact_hmac
    assert not PendingCode.objects.exists()


def test_a_code_expires_and_locks_after_five_attempts(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    user, code = contact_code(tenant, django_capture_on_commit_callbacks)
    with pytest.raises(CodeExpiredError):
        actions.confirm_code(tenant=tenant, user=user, code=code, at=NOW + timedelta(minutes=15))
    for _ in range(5):
        with pytest.raises(CodeInvalidError):
            actions.confirm_code(
                tenant=tenant, user=user, code="000000" if code != "000000" else "111111", at=NOW
            )
    with pytest.raises(CodeExpiredError):
        actions.confirm_code(tenant=tenant, user=user, code=code, at=NOW)


def test_code_only_gives_the_contact_level(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    user, code = contact_code(tenant, django_capture_on_commit_callbacks)
    verification = actions.confirm_code(tenant=tenant, user=user, code=code, at=NOW)
    assert (verification.level, verification.method) == (Level.CONTACT, Method.CODE)
    assert queries.identity_for_user(tenant=tenant, user=user).level == Level.CONTACT


def test_in_person_is_audited_without_the_pesel(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    user = member(tenant)
    number = pesel(serial=8)
    actions.verify_in_person(
        tenant=tenant, official=official, user=user, pesel=number, district=None, at=NOW
    )
    verification = Verification.objects.get(user=user)
    assert (verification.method, verification.verified_by) == (Method.IN_PERSON, official)
    entry = AuditEntry.objects.get(action="verification.in_person")
    assert entry.actor == official
    assert number.number not in str(entry.data) + entry.target_label


def test_purge_removes_verifications_past_retention_only(tenant: Tenant) -> None:
    configure(tenant, retention_days=30)
    old, fresh = member(tenant), member(tenant)
    actions.submit_declaration(
        tenant=tenant, user=old, pesel=pesel(serial=1), district=None, at=NOW - timedelta(days=31)
    )
    actions.submit_declaration(
        tenant=tenant, user=fresh, pesel=pesel(serial=2), district=None, at=NOW - timedelta(days=29)
    )
    assert actions.purge_expired(at=NOW)["verifications"] == 1
    assert list(Verification.objects.values_list("user", flat=True)) == [fresh.pk]


def test_deleting_the_account_erases_its_verification(tenant: Tenant) -> None:
    user = resident(tenant)
    account_actions.delete_account(user=user, at=NOW)
    assert not Verification.objects.exists()


def test_with_no_online_method_switched_on_a_declaration_is_refused(tenant: Tenant) -> None:
    configure(tenant, code_enabled=False, pesel_enabled=False)
    user = member(tenant)
    with pytest.raises(MethodDisabledError):
        actions.submit_declaration(tenant=tenant, user=user, pesel=None, district=None, at=NOW)
    assert not Verification.objects.exists()
