"""Search runs on PostgreSQL's full-text index and falls back to LIKE on SQLite."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.ideas.factories import IdeaFactory
from wiec.ideas.models import Idea
from wiec.ideas.search import search, search_text, stem
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db


def test_search_text_is_folded_for_both_databases() -> None:
    assert search_text("Źródło na Łące", "ul. Żwirowa 5") == "zrodlo na lace ul zwirowa 5"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_queries_the_indexed_generated_column() -> None:
    sql = str(search(Idea.objects.all(), "łąka").query)
    assert '"ideas_idea"."search_vector" @@ to_tsquery' in sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'idea_search_fts'")
        (definition,) = cursor.fetchone()
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns "
            "WHERE table_name = 'ideas_idea' AND column_name = 'search_vector'"
        )
        (expression,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition
    assert "to_tsvector('simple'::regconfig, search_text)" in expression


@pytest.mark.skipif(connection.vendor == "postgresql", reason="the fallback")
def test_sqlite_matches_word_prefixes_with_like() -> None:
    sql = str(search(Idea.objects.all(), "łąka").query)
    assert "LIKE" in sql.upper()


def test_every_typed_word_must_match(tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant, title="Ławki przy szkole", description="Nowe ławki.")
    rows = Idea.objects.filter(tenant=tenant)
    assert search(rows, "lawki szkol").count() == 1
    assert search(rows, "lawki parku").count() == 0
    assert search(rows, "!!! & | :*").count() == 1  # nothing searchable: no filter, no error


def test_polish_word_forms_find_each_other(tenant: Tenant) -> None:
    """Issue 9: "chodniki" found nothing of "Chodnik…". Runs on SQLite and PostgreSQL."""
    chodnik = IdeaFactory(tenant=tenant, title="Chodnik przy szkole", description="Dziurawy.")
    lawki = IdeaFactory(tenant=tenant, title="Nowe ławki w parku", description="Dla seniorów.")
    swiatlo = IdeaFactory(tenant=tenant, title="Oświetlenie boiska", description="Wieczorem.")
    rows = Idea.objects.filter(tenant=tenant)
    for query, found in [
        ("chodniki", chodnik),
        ("chodników", chodnik),
        ("chodnikami", chodnik),
        ("ławka", lawki),
        ("ławkach", lawki),
        ("parkiem", lawki),
        ("oświetlenia", swiatlo),
        ("boisko", swiatlo),
        ("chodniki szkoła", chodnik),
    ]:
        assert list(search(rows, query)) == [found], query
    assert list(search(rows, "chodniki parku")) == []


def test_the_stem_keeps_short_words_numbers_and_other_scripts() -> None:
    assert stem("chodnikow") == "chodnik"
    assert stem("lawki") == "lawk"
    assert stem("las") == "las"
    assert stem("2026") == "2026"
    assert stem("вулиці") == "вулиці"


def test_an_edit_in_the_django_admin_is_found_by_search(tenant: Tenant, rf: object) -> None:
    from django.contrib import admin

    from wiec.ideas.admin import IdeaAdmin

    idea = IdeaFactory(tenant=tenant, title="Ławka", description="Przy szkole")
    idea.title = "Fontanna na rynku"
    IdeaAdmin(Idea, admin.site).save_model(rf.get("/"), idea, form=None, change=True)  # type: ignore[attr-defined]
    assert list(search(Idea.objects.filter(tenant=tenant), "fontanna")) == [idea]
