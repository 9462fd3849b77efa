"""Every write to accounts and memberships."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction

from wiec.accounts.models import Membership, Role, User
from wiec.core import audit
from wiec.core.models import AuditEntry
from wiec.core.registry import registry
from wiec.tenants.models import District, Tenant


def join_tenant(*, user: User, tenant: Tenant, at: datetime) -> Membership:
    """Make sure the person has a membership in the tenant (a resident one when new).

    Safe to call concurrently: a second insert hits the unique constraint and is read back.
    """
    membership = Membership.objects.filter(user=user, tenant=tenant).first()
    if membership is not None:
        return membership
    try:
        with transaction.atomic():
            return Membership.objects.create(
                user=user, tenant=tenant, role=Role.RESIDENT, joined_at=at
            )
    except IntegrityError:
        return Membership.objects.get(user=user, tenant=tenant)


def update_profile(
    *, user: User, tenant: Tenant, display_name: str, home_district: District | None, at: datetime
) -> Membership:
    """Save the display name (shared by all municipalities) and this tenant's home district."""
    if home_district is not None and home_district.tenant_id != tenant.pk:
        msg = "The district belongs to another municipality."
        raise ValueError(msg)
    with transaction.atomic():
        user.display_name = display_name
        user.save(update_fields=["display_name"])
        membership = join_tenant(user=user, tenant=tenant, at=at)
        membership.home_district = home_district
        membership.save(update_fields=["home_district"])
    return membership


def set_role(*, membership: Membership, role: Role, actor: User, at: datetime) -> Membership:
    """Change a person's role in a tenant. Caller has checked `can_change_role`."""
    with transaction.atomic():
        locked = Membership.objects.select_for_update().get(pk=membership.pk)
        old = locked.role
        locked.role = role
        locked.save(update_fields=["role"])
        audit.record(
            actor=actor,
            action="membership.role_changed",
            tenant=locked.tenant,
            target=locked.user,
            at=at,
            data={"from": old, "to": str(role)},
        )
    return locked


def grant_role(*, tenant: Tenant, user: User, role: Role, actor: User, at: datetime) -> Membership:
    membership = join_tenant(user=user, tenant=tenant, at=at)
    return set_role(membership=membership, role=role, actor=actor, at=at)


def delete_account(*, user: User, at: datetime) -> None:
    """Erase a person (RODO art. 17): modules anonymise what they hold, then the account goes.

    Audit entries the person made keep a pseudonym instead of the e-mail address, so the log
    still shows that one (deleted) account did those things.
    """
    pseudonym = f"deleted-account-{user.pk}"
    with transaction.atomic():
        for eraser in registry.personal_data_erasers:
            eraser(user, at)
        AuditEntry.objects.filter(actor=user).update(actor_label=pseudonym, actor=None)
        AuditEntry.objects.filter(target_type="accounts.user", target_id=str(user.pk)).update(
            target_label=pseudonym
        )
        audit.record(actor=None, action="account.deleted", at=at, data={"account": pseudonym})
        user.delete()
