"""Text search over ideas: PostgreSQL full text, with a working fallback on SQLite.

Both databases search the same folded text (`Idea.search_text`: lower case, no diacritics, so
"laka" finds "Łąka" and "zrodlo" finds "źródło"). PostgreSQL ships no Polish stemmer, so each
typed word is cut to its stem by `stem` below (a few Polish noun and adjective endings) and
matches as a prefix: "chodniki" → "chodnik" finds "Chodnik", "chodników" and "chodnikami";
"ławka" → "lawk" finds "ławki". The stem is always a prefix of the typed word, so cutting only
the query is the same as stemming both sides. On PostgreSQL this is `to_tsquery('simple',
'chodnik:*')` against `search_vector`, a stored, GIN-indexed `to_tsvector('simple',
search_text)` column that exists on PostgreSQL only (migration 0002; the database fills it, the
ORM never writes it). SQLite does the same stemmed word-prefix match with LIKE.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL

from wiec.core.text import fold

MAX_WORDS = 8
MIN_STEM = 3
# Folded (no diacritics) endings of Polish nouns and adjectives, the longest first: enough for
# the plural and case forms people type ("chodniki", "ławek" is beyond it: a stemmer, not a
# dictionary). Only one ending is cut, and at least MIN_STEM letters stay.
ENDINGS = (
    "owie", "ami", "ach", "ego", "emu", "ymi", "imi", "ych", "ich", "iem", "owi",
    "om", "ow", "em", "ie", "ia", "iu", "io", "ym", "im", "ej",
    "a", "e", "i", "o", "u", "y",
)  # fmt: skip


def stem(word: str) -> str:
    """A folded Polish word without its inflectional ending: "chodnikow" -> "chodnik".

    Words in other scripts, numbers and short words stay as they are."""
    if not (word.isascii() and word.isalpha()):
        return word
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def search_text(*parts: str) -> str:
    return fold(" ".join(parts))


def search(rows: QuerySet, query: str) -> QuerySet:  # type: ignore[type-arg]
    """Rows whose text has, for every typed word, a word starting with its stem."""
    words = [stem(word) for word in fold(query).split()[:MAX_WORDS]]
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
