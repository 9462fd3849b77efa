from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from wiec.env import env_bool, env_int, env_list, env_str, parse_database_url


def test_env_bool_reads_the_usual_spellings(monkeypatch: pytest.MonkeyPatch) -> None:
    for raw, expected in [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False)]:
        monkeypatch.setenv("X_FLAG", raw)
        assert env_bool("X_FLAG", default=not expected) is expected


def test_env_bool_refuses_a_typo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG", default=False)


def test_env_int_refuses_text_and_values_below_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_NUM", "twelve")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("X_NUM", default=1)
    monkeypatch.setenv("X_NUM", "-5")
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        env_int("X_NUM", default=1, minimum=0)


def test_env_str_without_default_requires_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("X_MISSING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_MISSING"):
        env_str("X_MISSING")
    assert env_str("X_MISSING", "fallback") == "fallback"


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_HOSTS", " a.pl, ,b.pl ,")
    assert env_list("X_HOSTS", default=[]) == ["a.pl", "b.pl"]


def test_sqlite_url_relative_to_base_dir() -> None:
    config = parse_database_url("sqlite:///var/db.sqlite3", base_dir=Path("/srv/wiec"))
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == "/srv/wiec/var/db.sqlite3"


def test_sqlite_url_absolute_path() -> None:
    config = parse_database_url("sqlite:////data/x.sqlite3", base_dir=Path("/srv"))
    assert config["NAME"] == "/data/x.sqlite3"


def test_postgres_url_with_credentials_and_options() -> None:
    config = parse_database_url(
        "postgres://wiec:p%40ss@db.internal:6543/wiec?sslmode=require", base_dir=Path("/")
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["USER"], config["PASSWORD"]) == ("wiec", "p@ss")
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", "6543", "wiec")
    assert config["OPTIONS"] == {"sslmode": "require"}


@pytest.mark.parametrize(
    "url",
    ["mysql://root@localhost/wiec", "postgres://localhost", "postgres://h:port/db", "sqlite://"],
)
def test_bad_database_urls_fail_loudly(url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        parse_database_url(url, base_dir=Path("/"))
