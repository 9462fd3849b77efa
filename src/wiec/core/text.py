from __future__ import annotations

import re
import unicodedata

from django.utils.text import slugify

# Letters that Unicode decomposition does not reduce to ASCII (ł is not "l" + a mark).
_TRANSLITERATION = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ø": "o",
        "Ø": "O",
        "ß": "ss",
        "є": "ie",
        "Є": "Ie",
        "і": "i",
        "І": "I",
        "ї": "i",
        "Ї": "I",
        "ґ": "g",
        "Ґ": "G",
    }
)


_NON_WORD = re.compile(r"[\W_]+")


def ascii_slug(text: str, *, max_length: int = 70) -> str:
    """A URL slug that keeps Polish words readable: "Łęgi Dolne" -> "legi-dolne"."""
    return slugify(text.translate(_TRANSLITERATION))[:max_length].strip("-")


def fold(text: str) -> str:
    """Words for matching what people type, any script: "Łąka, ul. Żwirowa" -> "laka ul zwirowa".

    Diacritics go (so "zrodlo" finds "źródło"), punctuation becomes a space, and runs of spaces
    collapse, so search and look-ups behave the same on every database.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(_NON_WORD.split(plain)).strip()
