"""Accessible colours from a municipality's brand colour (WCAG 2.1 contrast, 1.4.3)."""

from __future__ import annotations

from dataclasses import dataclass

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
MIN_CONTRAST = 4.5
# Every light background a link can sit on (wiec.css: --surface, --surface-alt and the
# message boxes). A link colour must read on all of them.
LIGHT_BACKGROUNDS = (
    WHITE,
    (0xF2, 0xF4, 0xF7),
    (0xE8, 0xF3, 0xEC),
    (0xFB, 0xEC, 0xEB),
    (0xFF, 0xF4, 0xD6),
)


@dataclass(frozen=True)
class Palette:
    brand: str
    """Background of the header and of buttons: the colour the office chose."""
    brand_text: str
    """Text on `brand`: white or black, whichever reads better."""
    link: str
    """The brand colour darkened until it reads on white, for links."""


def parse_hex(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) != 6:
        msg = f"not a #RRGGBB colour: {colour!r}"
        raise ValueError(msg)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def to_hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)


def darken_until_readable(
    rgb: tuple[int, int, int], backgrounds: tuple[tuple[int, int, int], ...]
) -> tuple[int, int, int]:
    """Scale the colour toward black until it reaches MIN_CONTRAST against every background."""
    current = rgb
    factor = 1.0
    while min(contrast(current, bg) for bg in backgrounds) < MIN_CONTRAST and factor > 0:
        factor = round(factor - 0.02, 2)
        current = (int(rgb[0] * factor), int(rgb[1] * factor), int(rgb[2] * factor))
    return current


def palette_for(colour: str) -> Palette:
    rgb = parse_hex(colour)
    text = WHITE if contrast(rgb, WHITE) >= contrast(rgb, BLACK) else BLACK
    link = darken_until_readable(rgb, LIGHT_BACKGROUNDS)
    return Palette(brand=to_hex(rgb), brand_text=to_hex(text), link=to_hex(link))
