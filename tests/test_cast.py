"""The fixed cast is who it says it is, by the same rules the site applies."""

from __future__ import annotations

import pytest

from tests.cast import Cast
from wiec.accounts.actors import membership_for
from wiec.accounts.models import Role
from wiec.core import process_caches
from wiec.moderation import queries as moderation_queries
from wiec.tenants.models import Tenant
from wiec.tenants.queries import forget_tenants
from wiec.verification import queries as verification_queries
from wiec.verification.models import Level
from wiec.verification.queries import forget_salts

pytestmark = pytest.mark.django_db


def test_each_member_of_the_cast_is_who_they_say(
    tenant: Tenant, other_tenant: Tenant, people: Cast
) -> None:
    roles = {name: membership_for(user, tenant) for name, user in people.by_role().items()}
    assert roles["elsewhere"] is None
    assert {name: m.role for name, m in roles.items() if m} == {
        "resident": Role.RESIDENT,
        "verified": Role.RESIDENT,
        "moderator": Role.MODERATOR,
        "official": Role.OFFICIAL,
        "admin": Role.ADMIN,
        "blocked": Role.RESIDENT,
    }
    level = verification_queries.identity_for_user
    assert level(tenant=tenant, user=people.verified).level == Level.RESIDENT
    assert level(tenant=tenant, user=people.resident).level < Level.RESIDENT
    assert level(tenant=other_tenant, user=people.elsewhere).level == Level.RESIDENT
    assert moderation_queries.has_active_block(tenant=tenant, user=people.blocked)
    assert not moderation_queries.has_active_block(tenant=tenant, user=people.resident)


def test_every_per_process_cache_is_reset_by_the_one_hook() -> None:
    assert {forget_tenants, forget_salts} <= set(process_caches.registered())
