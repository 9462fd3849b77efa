"""Reads of verification data, always scoped to one tenant."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.http import Http404

from wiec.core.process_caches import resettable
from wiec.tenants.models import Tenant
from wiec.verification import keys
from wiec.verification.models import (
    Level,
    PendingCode,
    RegisterEntry,
    Verification,
    VerificationSettings,
)

_CACHE = "_wiec_verification_settings"


def settings_for(*, tenant: Tenant) -> VerificationSettings:
    """The tenant's settings, created with defaults (and a fresh salt) on first use.

    Cached on the tenant object for the request.
    """
    cached: VerificationSettings | None = tenant.__dict__.get(_CACHE)
    if cached is None:
        cached, _created = VerificationSettings.objects.get_or_create(tenant=tenant)
        tenant.__dict__[_CACHE] = cached
    return cached


def tenant_key(*, tenant: Tenant) -> bytes:
    """The tenant's HMAC key. Its salt never changes, so it is cached (in this process, and in
    Redis when configured), saving a query on every vote; the cache key names the tenant's
    creation time too, so a reused id never meets another tenant's salt."""
    cache_key = f"wiec:verification-salt:{tenant.pk}:{tenant.created_at.timestamp()}"
    salt = _salts.get(cache_key)
    if salt is None:
        salt = cache.get(cache_key)
        if salt is None:
            salt = settings_for(tenant=tenant).salt
            cache.set(cache_key, salt, timeout=86_400)
        _salts[cache_key] = salt
    return keys.tenant_key(salt)


_salts: dict[str, str] = {}


@resettable
def forget_salts() -> None:
    """Drop this process's cached salts (between tests, where frozen clocks and SQLite's reused
    ids can give two tenants the same cache key)."""
    _salts.clear()


@dataclass(frozen=True)
class Identity:
    """What voting needs to know about a person in one municipality, and nothing more."""

    level: int
    person_key: str
    """HMAC of the PESEL when known, else of the account: one person, one key."""
    account_key: str | None
    """HMAC of the account (None for a paper ballot, which has no account)."""
    birth_year: int | None = None
    district_id: int | None = None

    @property
    def is_resident(self) -> bool:
        return self.level >= Level.RESIDENT


def identity_for_user(*, tenant: Tenant, user: Any) -> Identity:
    key = tenant_key(tenant=tenant)
    account_key = keys.account_hmac(key, user.pk)
    verification = verification_for(tenant=tenant, user=user)
    if verification is None:
        return Identity(level=Level.ACCOUNT, person_key=account_key, account_key=account_key)
    return Identity(
        level=verification.level,
        person_key=verification.pesel_hmac or account_key,
        account_key=account_key,
        birth_year=verification.birth_year,
        district_id=verification.district_id,
    )


def identity_for_paper(
    *, tenant: Tenant, pesel: str, birth_year: int, district_id: int | None
) -> Identity:
    """A paper ballot's voter, identified by the PESEL the official typed from the card."""
    return Identity(
        level=Level.RESIDENT,
        person_key=keys.pesel_hmac(tenant_key(tenant=tenant), pesel),
        account_key=None,
        birth_year=birth_year,
        district_id=district_id,
    )


def level_expression(tenant: Tenant) -> Subquery:
    """SQL over a user row (`OuterRef("pk")`): that person's verification level here (NULL:
    none, an account only). The actor's `level` (wiec.accounts.actors.FACTS)."""
    rows = Verification.objects.filter(tenant=tenant, user=OuterRef("pk")).values("level")[:1]
    return Subquery(rows)


def verification_for(*, tenant: Tenant, user: Any) -> Verification | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Verification.objects.filter(tenant=tenant, user=user).first()


def pesel_owner_id(*, tenant: Tenant, pesel_hmac: str) -> int | None:
    row = Verification.objects.filter(tenant=tenant, pesel_hmac=pesel_hmac).values("user_id")
    first = row.first()
    return first["user_id"] if first else None


def in_register(*, tenant: Tenant, pesel_hmac: str) -> bool:
    return RegisterEntry.objects.filter(tenant=tenant, pesel_hmac=pesel_hmac).exists()


def register_size(*, tenant: Tenant) -> int:
    return RegisterEntry.objects.filter(tenant=tenant).count()


def pending_code(*, tenant: Tenant, user: Any) -> PendingCode | None:
    return PendingCode.objects.filter(tenant=tenant, user=user).first()


def counts_by_method(*, tenant: Tenant) -> dict[str, int]:
    rows = (
        Verification.objects.filter(tenant=tenant)
        .values("method")
        .annotate(n=Count("id"))
        .order_by("method")
    )
    return {row["method"]: row["n"] for row in rows}


def recent_verifications(*, tenant: Tenant) -> QuerySet[Verification]:
    return (
        Verification.objects.filter(tenant=tenant)
        .select_related("user", "district", "verified_by")
        .order_by("-verified_at", "-pk")
    )


def get_verification_or_404(*, tenant: Tenant, verification_id: int) -> Verification:
    try:
        return Verification.objects.select_related("user").get(tenant=tenant, pk=verification_id)
    except Verification.DoesNotExist:
        raise Http404 from None
