"""Coordinates as people type them: "52.245, 16.875", "52,245 16,875", "N 52.245 E 16.875",
52°14'42"N 16°52'30"E, 52°14.7'N 16°52.5'E, "geo:52.245,16.875". No network, no geocoder.

Latitude comes first unless hemisphere letters say otherwise. Returns None for anything that is
not clearly a pair of coordinates (e.g. a street address), so callers can try it as a place.
"""

from __future__ import annotations

import re

_QUOTES = str.maketrans(
    {"′": "'", "’": "'", "‘": "'", "´": "'", "″": '"', "”": '"', "“": '"', "º": "°"}
)
_LETTER = re.compile(r"(?<![A-Z])[NSEW](?![A-Z])")
_TOKEN = re.compile(r"(?<![A-Z])[NSEW](?![A-Z])|[-+]?\d+(?:\.\d+)?")
_ALLOWED = re.compile(r"""^[\d\s.,;°'"+\-NSEW]*$""")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")


def _to_degrees(parts: list[str]) -> float | None:
    if not 1 <= len(parts) <= 3:
        return None
    negative = parts[0].startswith("-")
    values = [abs(float(p)) for p in parts]
    if any(v >= 60 for v in values[1:]) or any("." in p for p in parts[:-1]):
        return None  # minutes and seconds below 60; only the last part may have decimals
    minutes = values[1] if len(values) > 1 else 0.0
    seconds = values[2] if len(values) > 2 else 0.0
    degrees = values[0] + minutes / 60 + seconds / 3600
    return -degrees if negative else degrees


def _groups(tokens: list[str]) -> list[tuple[str | None, list[str]]] | None:
    """Split tokens into two (hemisphere, numbers) groups, letters before or after numbers."""
    letters = [t for t in tokens if t in "NSEW"]
    if not letters:
        if len(tokens) not in (2, 4, 6):
            return None
        half = len(tokens) // 2
        return [(None, tokens[:half]), (None, tokens[half:])]
    if len(letters) != 2:
        return None
    groups: list[tuple[str | None, list[str]]] = []
    if tokens[0] in "NSEW":  # N 52.245 E 16.875
        current: list[str] = []
        letter = tokens[0]
        for item in tokens[1:]:
            if item in "NSEW":
                groups.append((letter, current))
                letter, current = item, []
            else:
                current.append(item)
        groups.append((letter, current))
    else:  # 52.245 N 16.875 E
        if tokens[-1] not in "NSEW":
            return None
        current = []
        for item in tokens:
            if item in "NSEW":
                groups.append((item, current))
                current = []
            else:
                current.append(item)
    return groups if all(numbers for _letter, numbers in groups) else None


def parse_coordinates(text: str) -> tuple[float, float] | None:
    """(latitude, longitude) in degrees, or None if the text is not a coordinate pair."""
    value = text.strip().upper().translate(_QUOTES)
    if value.startswith("GEO:"):
        value = value[4:].split(";")[0]
    if not value or not _ALLOWED.match(value):
        return None
    if "." not in value:
        value = _DECIMAL_COMMA.sub(".", value)  # Polish decimal commas: 52,245 16,875
    groups = _groups(_TOKEN.findall(value))
    if groups is None:
        return None
    lat = lon = None
    for position, (letter, numbers) in enumerate(groups):
        degrees = _to_degrees(numbers)
        if degrees is None or (letter is not None and numbers[0].startswith("-")):
            return None
        if letter in ("S", "W"):
            degrees = -degrees
        is_lat = letter in ("N", "S") if letter is not None else position == 0
        if is_lat:
            if lat is not None:
                return None
            lat = degrees
        else:
            if lon is not None:
                return None
            lon = degrees
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon
