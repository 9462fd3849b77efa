"""Production settings, checked in a fresh interpreter with a production environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def run_wiec(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    dropped = {
        "DEBUG",
        "SECRET_KEY",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "REDIS_URL",
        "WIEC_DATABASE_CACHE",
        "EMAIL_HOST",
        "WIEC_MAIL_TO_LOG",
        "WIEC_CODE_SENDER",
    }
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "wiec", *args],
        env={**clean, "PYTHONPATH": str(REPO / "src"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def production_env(tmp_path: Path) -> dict[str, str]:
    return {
        "DEBUG": "false",
        "SECRET_KEY": "x" * 20 + "-production-only-random-secret-7hG2kQ9vZ3pL",
        "ALLOWED_HOSTS": "konsultacje.nadrzecze.pl",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WIEC_VAR_DIR": str(tmp_path),
        "EMAIL_HOST": "smtp.nadrzecze.pl",
        "WIEC_DATABASE_CACHE": "true",
        "WIEC_HMAC_SECRET": "h" * 20 + "-production-only-hmac-secret-Qw8rT5yU1iO",
    }


def test_production_refuses_to_start_without_secret_key(production_env: dict[str, str]) -> None:
    env = {**production_env, "SECRET_KEY": ""}
    result = run_wiec(["check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_the_hmac_secret(
    production_env: dict[str, str],
) -> None:
    result = run_wiec(["check"], {**production_env, "WIEC_HMAC_SECRET": ""})
    assert result.returncode != 0
    assert "WIEC_HMAC_SECRET is not set" in result.stderr


def test_deploy_check_has_no_warnings_in_production(production_env: dict[str, str]) -> None:
    result = run_wiec(["check", "--deploy", "--fail-level", "WARNING"], production_env)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_a_typo_in_a_boolean_stops_the_start(production_env: dict[str, str]) -> None:
    result = run_wiec(["check"], {**production_env, "DEBUG": "ture"})
    assert result.returncode != 0
    assert "DEBUG='ture' is not a boolean" in result.stderr


def test_collectstatic_works_with_production_settings(
    production_env: dict[str, str], tmp_path: Path
) -> None:
    static_root = tmp_path / "static"
    result = run_wiec(
        ["collectstatic", "--no-input"], {**production_env, "STATIC_ROOT": str(static_root)}
    )
    assert result.returncode == 0, result.stderr
    manifest = (static_root / "staticfiles.json").read_text()
    assert "vendor/leaflet/leaflet.js" in manifest
    assert "wiec/css/wiec.css" in manifest
    assert list(static_root.glob("wiec/css/wiec.*.css.gz"))


def test_production_refuses_to_start_without_a_shared_cache(
    production_env: dict[str, str],
) -> None:
    env = {k: v for k, v in production_env.items() if k != "WIEC_DATABASE_CACHE"}
    result = run_wiec(["check"], env)
    assert result.returncode != 0
    assert "No shared cache" in result.stderr
    assert "REDIS_URL" in result.stderr
    assert "WIEC_DATABASE_CACHE=true" in result.stderr


def test_the_database_cache_is_shared_between_processes(production_env: dict[str, str]) -> None:
    """What one worker counts (a rate limit, a cached poll), another sees: the per-process
    cache let two gunicorn workers each count their own failed log-ins."""
    assert run_wiec(["migrate", "--no-input"], production_env).returncode == 0
    store = "from django.core.cache import cache; cache.set('wiec-shared', 42, 60)"
    read = "from django.core.cache import cache; print(cache.get('wiec-shared'))"
    assert run_wiec(["shell", "--no-imports", "-c", store], production_env).returncode == 0
    result = run_wiec(["shell", "--no-imports", "-c", read], production_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "42"


def test_production_refuses_to_start_without_a_mail_server_unless_told_to_log(
    production_env: dict[str, str],
) -> None:
    """Without EMAIL_HOST every mail, reset links and confirmation keys included, went to the
    log; now that needs WIEC_MAIL_TO_LOG=true."""
    env = {k: v for k, v in production_env.items() if k != "EMAIL_HOST"}
    result = run_wiec(["check"], env)
    assert result.returncode != 0
    assert "EMAIL_HOST is not set" in result.stderr
    assert "WIEC_MAIL_TO_LOG=true" in result.stderr
    show = "from django.conf import settings; print(settings.MAILERS['default']['BACKEND'])"
    result = run_wiec(["shell", "--no-imports", "-c", show], {**env, "WIEC_MAIL_TO_LOG": "true"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.core.mail.backends.console.EmailBackend"
