"""A fixed cast of people for tests, made through the actions as people really are.

`cast(tenant, other_tenant)` gives: a resident with an account only, a verified resident, a
moderator, an official, an administrator, a blocked resident, and a verified resident of the
other municipality. Each is a real member of their site (joined), verified or blocked through
the same actions the site uses, so a test that walks as one of them sees what that person sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from tests.factories import member
from wiec.accounts.models import Role, User
from wiec.moderation import actions as moderation
from wiec.tenants.models import Tenant
from wiec.verification import actions as verification
from wiec.verification.pesel import encode, parse


@dataclass(frozen=True)
class Cast:
    resident: User
    verified: User
    moderator: User
    official: User
    admin: User
    blocked: User
    elsewhere: User

    def by_role(self) -> dict[str, User]:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def _verify(tenant: Tenant, user: User, serial: int) -> User:
    today = timezone.localdate()
    pesel = parse(encode(date(1980, 5, 17), serial, female=False), today=today)
    verification.submit_declaration(
        tenant=tenant, user=user, pesel=pesel, district=None, at=timezone.now()
    )
    return user


def cast(tenant: Tenant, other_tenant: Tenant) -> Cast:
    moderator = member(tenant, Role.MODERATOR)
    blocked = member(tenant)
    moderation.block_user(
        tenant=tenant,
        user=blocked,
        moderator=moderator,
        reason="Obraźliwe wpisy",
        at=timezone.now(),
    )
    return Cast(
        resident=member(tenant),
        verified=_verify(tenant, member(tenant), serial=101),
        moderator=moderator,
        official=member(tenant, Role.OFFICIAL),
        admin=member(tenant, Role.ADMIN),
        blocked=blocked,
        elsewhere=_verify(other_tenant, member(other_tenant), serial=102),
    )
