"""Typed readers for environment variables that fail loudly on a bad value.

Settings read the environment only through these helpers, so a typo in a deployment
(`DEBUG=ture`, `DATABASE_URL=postgress://…`) stops the start-up with a message naming the
variable instead of silently running with a default.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable's value; without a default an unset variable is an error."""
    value = os.environ.get(name)
    if value is None:
        if default is None:
            msg = f"The environment variable {name} must be set."
            raise ImproperlyConfigured(msg)
        return default
    return value


def env_bool(name: str, *, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    msg = f"{name}={value!r} is not a boolean; use one of 1/0, true/false, yes/no, on/off."
    raise ImproperlyConfigured(msg)


def env_int(name: str, *, default: int, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        number = int(value.strip())
    except ValueError:
        msg = f"{name}={value!r} is not a whole number."
        raise ImproperlyConfigured(msg) from None
    if minimum is not None and number < minimum:
        msg = f"{name}={number} is below the minimum of {minimum}."
        raise ImproperlyConfigured(msg)
    return number


def env_list(name: str, *, default: list[str]) -> list[str]:
    """A comma-separated list; blank items are dropped."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def parse_database_url(url: str, *, base_dir: Path) -> dict[str, Any]:
    """Turn `sqlite:///path` or `postgres://user:pass@host:port/name?opt=v` into a DATABASES entry.

    A relative SQLite path is taken relative to `base_dir`.
    """
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "sqlite":
        raw_path = unquote(parts.path)
        if parts.netloc:
            msg = (
                "DATABASE_URL: write SQLite URLs as sqlite:///relative/path or sqlite:////abs/path."
            )
            raise ImproperlyConfigured(msg)
        path = Path(raw_path[1:]) if raw_path.startswith("/") else Path(raw_path)
        if not raw_path or raw_path == "/":
            msg = "DATABASE_URL: a SQLite URL needs a file name."
            raise ImproperlyConfigured(msg)
        if not path.is_absolute():
            path = base_dir / path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": {
                # WAL lets readers proceed during a write; IMMEDIATE avoids lock upgrades
                # that make concurrent writers fail with "database is locked".
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    if scheme in {"postgres", "postgresql", "pgsql"}:
        name = unquote(parts.path.lstrip("/"))
        if not name:
            msg = "DATABASE_URL: a PostgreSQL URL needs a database name after the host."
            raise ImproperlyConfigured(msg)
        try:
            port = parts.port
        except ValueError:
            msg = "DATABASE_URL: the port is not a number."
            raise ImproperlyConfigured(msg) from None
        options: dict[str, Any] = dict(parse_qsl(parts.query))
        conn_max_age = int(options.pop("conn_max_age", "60"))
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(port or ""),
            "CONN_MAX_AGE": conn_max_age,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    msg = f"DATABASE_URL: unsupported scheme {parts.scheme!r}; use sqlite:/// or postgres://."
    raise ImproperlyConfigured(msg)
