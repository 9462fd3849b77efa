"""Receipt codes: shown to the voter once; only their SHA-256 digest is stored with the ballot."""

from __future__ import annotations

import hashlib
import secrets

# No 0/O, 1/I/L: codes are read aloud and copied by hand.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_LENGTH = 4, 4  # 16 symbols of 31: about 79 bits


def new_code() -> str:
    symbols = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(symbols[i : i + GROUP_LENGTH] for i in range(0, len(symbols), GROUP_LENGTH))


def normalise(code: str) -> str:
    """Upper case, spaces and dashes dropped, regrouped: "abcd efgh…" -> "ABCD-EFGH-…"."""
    cleaned = "".join(ch for ch in code.upper() if ch.isascii() and ch.isalnum())
    groups = [cleaned[i : i + GROUP_LENGTH] for i in range(0, len(cleaned), GROUP_LENGTH)]
    return "-".join(groups)


def digest(code: str) -> str:
    return hashlib.sha256(normalise(code).encode()).hexdigest()
