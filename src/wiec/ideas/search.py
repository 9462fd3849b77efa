"""Text search over ideas: PostgreSQL full text, with a working fallback on SQLite.

Both databases search the same folded text (`Idea.search_text`: lower case, no diacritics, so
"laka" finds "Łąka" and "zrodlo" finds "źródło"). PostgreSQL has no Polish stemmer, so each
typed word matches as a prefix ("chodnik" finds "chodniki", "chodnikow"): `to_tsquery('simple',
'chodnik:*')` against `search_vector`, a stored, GIN-indexed `to_tsvector('simple', search_text)`
column that exists on PostgreSQL only (migration 0002; the database fills it, the ORM never
writes it). SQLite does the same word-prefix match with LIKE.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from wiec.core.text import fold

MAX_WORDS = 8


def search_text(*parts: str) -> str:
    return fold(" ".join(parts))


def search(rows: QuerySet, query: str) -> QuerySet:  # type: ignore[type-arg]
    """Rows whose text has, for every typed word, a word starting with it."""
    words = fold(query).split()[:MAX_WORDS]
    if not words:
        return rows
    if connection.vendor == "postgresql":
        table = rows.model._meta.db_table
        # fold() leaves only letters and digits, so the words are safe tsquery lexemes.
        # The words go in as a parameter; the table name is the model's own.
        matches = RawSQL(  # noqa: S611
            f'"{table}"."search_vector" @@ to_tsquery(\'simple\'::regconfig, %s)',
            [" & ".join(f"{word}:*" for word in words)],
            output_field=BooleanField(),
        )
        return rows.filter(matches)
    for word in words:
        rows = rows.filter(Q(search_text__startswith=word) | Q(search_text__contains=f" {word}"))
    return rows
