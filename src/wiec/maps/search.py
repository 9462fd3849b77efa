"""How typed place names are compared: "ul. Łąkowa 5" and "Łąkowa" both become "lakowa"."""

from __future__ import annotations

from wiec.core.text import fold

# Words that name the kind of street rather than the street, dropped before comparing.
STREET_WORDS = frozenset(
    {"ul", "ulica", "al", "aleja", "aleje", "pl", "plac", "os", "osiedle", "rondo", "skwer"}
)


NUMBER_WORDS = frozenset({"nr", "numer"})


def place_key(text: str) -> str:
    words = fold(text).split()
    while words and words[0] in STREET_WORDS:
        words = words[1:]
    # A trailing house number ("5", "5a", "12 3") says where on the street, not which street;
    # "Szkoła nr 1" keeps its number.
    while (
        len(words) > 1 and any(ch.isdigit() for ch in words[-1]) and words[-2] not in NUMBER_WORDS
    ):
        words = words[:-1]
    return " ".join(words)
