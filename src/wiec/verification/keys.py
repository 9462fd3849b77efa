"""Keyed hashes of identities: a PESEL (or a phone number) is never stored, only its HMAC.

The key is derived from a server secret (WIEC_HMAC_SECRET, never in the database) and the
tenant's salt (in the database). The PESEL space is small (about 10^10 valid numbers), so a
hash without a secret key could be reversed by brute force by anyone holding a database dump;
with the key outside the database, a dump alone reveals nothing.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from wiec.verification.pesel import normalise

HEX_LENGTH = 64


def server_secret() -> bytes:
    secret: str = settings.WIEC_HMAC_SECRET
    return secret.encode()


def tenant_key(salt: str) -> bytes:
    """The per-tenant HMAC key: the server secret combined with the tenant's salt."""
    return hmac.new(server_secret(), b"wiec-tenant-key:" + salt.encode(), hashlib.sha256).digest()


def _digest(key: bytes, domain: str, value: str) -> str:
    return hmac.new(key, f"{domain}:{value}".encode(), hashlib.sha256).hexdigest()


def pesel_hmac(key: bytes, pesel: str) -> str:
    return _digest(key, "pesel", normalise(pesel))


def contact_hmac(key: bytes, contact: str) -> str:
    return _digest(key, "contact", contact.strip().lower())


def account_hmac(key: bytes, user_id: int) -> str:
    return _digest(key, "account", str(user_id))


def is_hmac(value: str) -> bool:
    return len(value) == HEX_LENGTH and all(ch in "0123456789abcdef" for ch in value)
