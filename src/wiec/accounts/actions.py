"""Every write to accounts and memberships."""

from __future__ import annotations

from datetime import datetime

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction

from wiec.accounts.exceptions import LastAdministratorError
from wiec.accounts.models import Membership, Role, User
from wiec.core import audit
from wiec.core.languages import is_supported
from wiec.core.models import AuditEntry
from wiec.core.modules import modules
from wiec.tenants.models import District, Tenant


def ensure_account(
    *,
    email: str,
    display_name: str,
    password: str | None,
    operator: bool = False,
) -> User:
    """Make sure an account with this e-mail exists, active, with this name, its address
    confirmed (allauth's record) and, with `operator`, the platform operator's flags.

    `password` is set on every call; None leaves a new account without a usable password and
    an existing one as it is. Used by the demo, which refreshes its accounts on every run.
    """
    with transaction.atomic():
        user = User.objects.filter(email=email).first() or User(email=email)
        user.display_name = display_name
        user.is_active = True
        user.is_staff = user.is_superuser = operator
        if password is not None:
            user.set_password(password)
        elif user.pk is None:
            user.set_unusable_password()
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user


def join_tenant(
    *, user: User, tenant: Tenant, at: datetime, accept_terms: bool = False
) -> Membership:
    """Make sure the person has a membership in the tenant (a resident one when new).

    With `accept_terms` the acceptance of the municipality's terms is recorded (once). Safe to
    call concurrently: a second insert hits the unique constraint and is read back.
    """
    membership = Membership.objects.filter(user=user, tenant=tenant).first()
    if membership is None:
        try:
            with transaction.atomic():
                membership = Membership.objects.create(
                    user=user,
                    tenant=tenant,
                    role=Role.RESIDENT,
                    joined_at=at,
                    terms_accepted_at=at if accept_terms else None,
                )
        except IntegrityError:
            membership = Membership.objects.get(user=user, tenant=tenant)
    if accept_terms and membership.terms_accepted_at is None:
        membership.terms_accepted_at = at
        membership.save(update_fields=["terms_accepted_at"])
    return membership


def update_profile(
    *,
    user: User,
    tenant: Tenant,
    display_name: str,
    language: str,
    home_district: District | None,
    at: datetime,
) -> Membership:
    """Save the display name and the language of e-mails (both shared by all municipalities)
    and this tenant's home district. `language` is a code of settings.LANGUAGES, or "" for each
    municipality's own.

    Caller has checked that the person joined the tenant.
    """
    if home_district is not None and home_district.tenant_id != tenant.pk:
        msg = "The district belongs to another municipality."
        raise ValueError(msg)
    if language and not is_supported(language):
        msg = f"unsupported language {language!r}"
        raise ValueError(msg)
    with transaction.atomic():
        user.display_name = display_name
        user.language = language
        user.save(update_fields=["display_name", "language"])
        membership = join_tenant(user=user, tenant=tenant, at=at)
        membership.home_district = home_district
        membership.save(update_fields=["home_district"])
    return membership


def remember_language(*, user: User, language: str) -> None:
    """The person chose to read the site in `language` (the switcher): e-mails follow."""
    if not is_supported(language):
        msg = f"unsupported language {language!r}"
        raise ValueError(msg)
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


def set_role(*, membership: Membership, role: Role, actor: User | None, at: datetime) -> Membership:
    """Change a person's role in a tenant. Caller has checked `can_change_role`.

    Raises LastAdministratorError rather than leave the tenant with no administrator; the admins
    are locked while counting, so two simultaneous demotions cannot both pass.
    """
    with transaction.atomic():
        locked = Membership.objects.select_for_update(no_key=True).get(pk=membership.pk)
        old = locked.role
        if old == role:
            return locked  # the same role again: nothing changes, nothing is logged
        if old == Role.ADMIN and role != Role.ADMIN:
            admins = Membership.objects.select_for_update(no_key=True).filter(
                tenant_id=locked.tenant_id, role=Role.ADMIN
            )
            if len(admins) <= 1:
                raise LastAdministratorError
        locked.role = role
        if locked.terms_accepted_at is None and role != Role.RESIDENT:
            locked.terms_accepted_at = at
        locked.save(update_fields=["role", "terms_accepted_at"])
        audit.record(
            actor=actor,
            action="membership.role_changed",
            tenant=locked.tenant,
            target=locked.user,
            at=at,
            data={"from": old, "to": str(role)},
        )
    return locked


def delete_account(*, user: User, at: datetime) -> None:
    """Erase a person (RODO art. 17): modules anonymise what they hold, then the account goes.

    Audit entries the person made keep a pseudonym instead of the e-mail address, so the log
    still shows that one (deleted) account did those things. Raises LastAdministratorError if the
    person is the only administrator of a municipality.
    """
    pseudonym = f"deleted-account-{user.pk}"
    with transaction.atomic():
        # FOR UPDATE: these memberships are deleted with the account below.
        for membership in Membership.objects.select_for_update().filter(user=user, role=Role.ADMIN):
            others = Membership.objects.filter(tenant_id=membership.tenant_id, role=Role.ADMIN)
            if not others.exclude(user=user).exists():
                raise LastAdministratorError
        for eraser in modules.erasers():
            eraser(user, at)
        AuditEntry.objects.filter(actor=user).update(actor_label=pseudonym, actor=None)
        AuditEntry.objects.filter(target_type="accounts.user", target_id=str(user.pk)).update(
            target_label=pseudonym
        )
        audit.record(actor=None, action="account.deleted", at=at, data={"account": pseudonym})
        user.delete()
