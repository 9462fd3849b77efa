from __future__ import annotations

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


def ascii_slug(text: str, *, max_length: int = 70) -> str:
    """A URL slug that keeps Polish words readable: "Łęgi Dolne" -> "legi-dolne"."""
    return slugify(text.translate(_TRANSLITERATION))[:max_length].strip("-")
