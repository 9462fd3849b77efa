"""Every write of verification data.

The raw PESEL reaches these functions as a validated `Pesel` and leaves them only as an HMAC;
it is never stored, logged or put in an audit entry.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import translation

from wiec.accounts.models import User
from wiec.core import audit
from wiec.tenants.models import District, Tenant
from wiec.verification import keys, queries, senders
from wiec.verification.exceptions import (
    CodeExpiredError,
    CodeInvalidError,
    ContactTakenError,
    MethodDisabledError,
    NotInRegisterError,
    PeselTakenError,
    TooYoungError,
)
from wiec.verification.models import (
    Level,
    Method,
    PendingCode,
    RegisterEntry,
    Verification,
    VerificationSettings,
)
from wiec.verification.pesel import Pesel

CODE_VALIDITY = timedelta(minutes=15)
CODE_ATTEMPTS = 5


def update_settings(
    *, tenant: Tenant, changes: dict[str, Any], actor: User, at: datetime
) -> VerificationSettings:
    """Save changed fields of the tenant's verification settings. Caller checked permission.

    Audit-logged with the fields whose value really changes; nothing when none does.
    """
    current = queries.settings_for(tenant=tenant)
    changed = audit.changed_values(audit.stored_values_of(current, changes), changes)
    if not changed:
        return current
    with transaction.atomic():
        VerificationSettings.objects.filter(pk=current.pk).update(
            **{name: changes[name] for name in changed}
        )
        audit.record_changes(
            actor=actor,
            action="verification.settings_changed",
            tenant=tenant,
            target=current,
            at=at,
            changes=changed,
        )
    current.refresh_from_db()
    return current


def _check_pesel(*, tenant: Tenant, user: User | None, pesel: Pesel, at: datetime) -> str:
    """The PESEL's HMAC, after the tenant's rules: age, register, one account per PESEL."""
    config = queries.settings_for(tenant=tenant)
    if config.minimum_age and pesel.age_at(at.date()) < config.minimum_age:
        raise TooYoungError(config.minimum_age)
    key = keys.tenant_key(config.salt)
    digest = keys.pesel_hmac(key, pesel.number)
    if config.register_required and not queries.in_register(tenant=tenant, pesel_hmac=digest):
        raise NotInRegisterError
    owner = queries.pesel_owner_id(tenant=tenant, pesel_hmac=digest)
    if owner is not None and (user is None or owner != user.pk):
        raise PeselTakenError(owner)
    return digest


def _save_verification(*, tenant: Tenant, user: User, values: dict[str, Any]) -> Verification:
    """Create or upgrade the person's one verification row; unique constraints back it."""
    try:
        with transaction.atomic():
            verification, _created = Verification.objects.update_or_create(
                tenant=tenant, user=user, defaults=values
            )
    except IntegrityError:
        # Another account took this PESEL (or contact) between our check and this write.
        owner = (
            queries.pesel_owner_id(tenant=tenant, pesel_hmac=values["pesel_hmac"])
            if values.get("pesel_hmac")
            else None
        )
        if owner not in (None, user.pk):
            raise PeselTakenError(owner) from None
        raise ContactTakenError from None
    return verification


def submit_declaration(
    *,
    tenant: Tenant,
    user: User,
    pesel: Pesel | None,
    district: District | None,
    contact: str = "",
    at: datetime,
) -> Verification | PendingCode:
    """A resident's own verification: PESEL and declaration, and/or a one-time code.

    With codes switched on, returns the PendingCode (the code is sent after commit) and the
    verification is saved only by `confirm_code`; otherwise returns the new Verification.
    Raises TooYoungError, NotInRegisterError, PeselTakenError, ContactTakenError or
    MethodDisabledError.
    """
    config = queries.settings_for(tenant=tenant)
    online = config.pesel_enabled or config.code_enabled
    if (
        not online
        or (pesel is None) == config.pesel_enabled
        or (not contact) == config.code_enabled
    ):
        raise MethodDisabledError
    if district is not None and district.tenant_id != tenant.pk:
        raise ValueError("The district belongs to another municipality.")
    pesel_digest = _check_pesel(tenant=tenant, user=user, pesel=pesel, at=at) if pesel else None
    if not config.code_enabled:
        return _save_verification(
            tenant=tenant,
            user=user,
            values={
                "level": Level.RESIDENT,
                "method": Method.PESEL,
                "pesel_hmac": pesel_digest,
                "birth_year": pesel.birth_year if pesel else None,
                "district": district,
                "verified_at": at,
                "verified_by": None,
            },
        )
    key = keys.tenant_key(config.salt)
    contact_digest = keys.contact_hmac(key, contact)
    if (
        Verification.objects.filter(tenant=tenant, contact_hmac=contact_digest)
        .exclude(user=user)
        .exists()
    ):
        raise ContactTakenError
    code = f"{secrets.randbelow(10**6):06d}"
    with transaction.atomic():
        pending, _created = PendingCode.objects.update_or_create(
            tenant=tenant,
            user=user,
            defaults={
                "channel": config.code_channel,
                "contact_hmac": contact_digest,
                "code_hash": keys.contact_hmac(key, f"code:{contact_digest}:{code}"),
                "pesel_hmac": pesel_digest,
                "birth_year": pesel.birth_year if pesel else None,
                "district": district,
                "attempts": 0,
                "created_at": at,
                "expires_at": at + CODE_VALIDITY,
            },
        )
        language = translation.get_language() or "pl"
        # Sent directly after commit rather than through a task: a queued task would keep
        # the code in clear text in the task table, which the hash above avoids.
        transaction.on_commit(
            lambda: senders.send_code(
                channel=config.code_channel,
                address=contact,
                code=code,
                tenant=tenant,
                language=language,
            )
        )
    return pending


def confirm_code(*, tenant: Tenant, user: User, code: str, at: datetime) -> Verification:
    """Check the code typed by the person and save the verification it was sent for.

    Raises CodeExpiredError (none pending, too old or too many attempts) or CodeInvalidError.
    """
    key = queries.tenant_key(tenant=tenant)
    with transaction.atomic():
        pending = (
            PendingCode.objects.select_for_update(no_key=True)
            .filter(tenant=tenant, user=user)
            .first()
        )
        if pending is None or pending.expires_at <= at or pending.attempts >= CODE_ATTEMPTS:
            raise CodeExpiredError
        expected = keys.contact_hmac(key, f"code:{pending.contact_hmac}:{code.strip()}")
        matches = hmac.compare_digest(expected, pending.code_hash)
        if not matches:
            PendingCode.objects.filter(pk=pending.pk).update(attempts=F("attempts") + 1)
    # Raised outside the transaction so that the failed attempt stays counted.
    if not matches:
        raise CodeInvalidError
    values = {
        "level": Level.RESIDENT if pending.pesel_hmac else Level.CONTACT,
        "method": Method.PESEL if pending.pesel_hmac else Method.CODE,
        "pesel_hmac": pending.pesel_hmac,
        "contact_hmac": pending.contact_hmac,
        "birth_year": pending.birth_year,
        "district_id": pending.district_id,
        "verified_at": at,
        "verified_by": None,
    }
    with transaction.atomic():
        if pending.pesel_hmac:
            owner = queries.pesel_owner_id(tenant=tenant, pesel_hmac=pending.pesel_hmac)
            if owner not in (None, user.pk):
                raise PeselTakenError(owner)
        verification = _save_verification(tenant=tenant, user=user, values=values)
        PendingCode.objects.filter(pk=pending.pk).delete()
    return verification


def report_pesel_taken(*, tenant: Tenant, user: User, taken: PeselTakenError, at: datetime) -> None:
    """Tell the office that `user` typed a PESEL that verifies another account: an audit entry
    naming both accounts (never the PESEL). The person is told only that the PESEL cannot
    verify an account here, as for one not in the register, so the form cannot be used to
    find out whose PESEL has an account."""
    owner = User.objects.filter(pk=taken.owner_id).first() if taken.owner_id else None
    audit.record(
        actor=user,
        action="verification.pesel_taken",
        tenant=tenant,
        target=owner,
        at=at,
        data={"account": user.pk, "verified_account": taken.owner_id},
    )


def verify_in_person(
    *,
    tenant: Tenant,
    official: User,
    user: User,
    pesel: Pesel,
    district: District | None,
    at: datetime,
) -> Verification:
    """An official saw the person's identity document at the office. Audit-logged.

    Caller has checked `can_verify_in_person`. Same rules as online (age, register, one
    account per PESEL).
    """
    if not queries.settings_for(tenant=tenant).in_person_enabled:
        raise MethodDisabledError
    digest = _check_pesel(tenant=tenant, user=user, pesel=pesel, at=at)
    with transaction.atomic():
        verification = _save_verification(
            tenant=tenant,
            user=user,
            values={
                "level": Level.RESIDENT,
                "method": Method.IN_PERSON,
                "pesel_hmac": digest,
                "birth_year": pesel.birth_year,
                "district": district,
                "verified_at": at,
                "verified_by": official,
            },
        )
        audit.record(
            actor=official,
            action="verification.in_person",
            tenant=tenant,
            target=user,
            at=at,
            data={"district": district.name if district else None},
        )
    return verification


def revoke_verification(*, verification: Verification, actor: User, at: datetime) -> None:
    """Withdraw a verification (e.g. a false declaration). Votes already cast stay counted."""
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="verification.revoked",
            tenant=verification.tenant,
            target=verification.user,
            at=at,
            data={"method": verification.method},
        )
        verification.delete()


def import_register(
    *,
    tenant: Tenant,
    pesels: Iterable[str] = (),
    hmacs: Iterable[str] = (),
    replace: bool,
    actor: User | None,
    at: datetime,
) -> tuple[int, int]:
    """Load the voter register from validated PESELs (hashed here) and/or ready HMACs.

    Returns (entries in this upload, register size afterwards). Audit-logged.
    """
    key = queries.tenant_key(tenant=tenant)
    digests = {keys.pesel_hmac(key, number) for number in pesels} | set(hmacs)
    with transaction.atomic():
        if replace:
            RegisterEntry.objects.filter(tenant=tenant).delete()
        RegisterEntry.objects.bulk_create(
            [RegisterEntry(tenant=tenant, pesel_hmac=d) for d in sorted(digests)],
            ignore_conflicts=True,
            batch_size=5000,
        )
        total = queries.register_size(tenant=tenant)
        audit.record(
            actor=actor,
            action="verification.register_imported",
            tenant=tenant,
            at=at,
            data={"entries": len(digests), "replace": replace, "total": total},
        )
    return len(digests), total


def clear_register(*, tenant: Tenant, actor: User, at: datetime) -> int:
    with transaction.atomic():
        deleted, _ = RegisterEntry.objects.filter(tenant=tenant).delete()
        audit.record(
            actor=actor,
            action="verification.register_cleared",
            tenant=tenant,
            at=at,
            data={"entries": deleted},
        )
    return deleted


def purge_expired(*, at: datetime) -> dict[str, int]:
    """Delete verifications older than each tenant's retention period, and stale codes.

    Participation records keep their own keyed hashes, so a purged person still cannot vote
    twice in a ballot box they already voted in.
    """
    purged = 0
    with transaction.atomic():
        for config in VerificationSettings.objects.select_related("tenant"):
            cutoff = at - timedelta(days=config.retention_days)
            deleted, _ = Verification.objects.filter(
                tenant=config.tenant, verified_at__lt=cutoff
            ).delete()
            if deleted:
                audit.record(
                    actor=None,
                    action="verification.purged",
                    tenant=config.tenant,
                    at=at,
                    data={"verifications": deleted, "retention_days": config.retention_days},
                )
            purged += deleted
        codes, _ = PendingCode.objects.filter(expires_at__lt=at).delete()
    return {"verifications": purged, "codes": codes}


def erase_personal_data(user: User, at: datetime) -> None:
    """RODO erasure hook: the person's verifications and pending codes go with the account."""
    Verification.objects.filter(user=user).delete()
    PendingCode.objects.filter(user=user).delete()
