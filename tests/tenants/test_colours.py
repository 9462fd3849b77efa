from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import wiec
from wiec.tenants.colours import (
    LIGHT_BACKGROUNDS,
    MIN_CONTRAST,
    WHITE,
    contrast,
    palette_for,
    parse_hex,
    to_hex,
)

colours = st.tuples(*(st.integers(0, 255),) * 3).map(to_hex)


@given(colours)
def test_any_brand_colour_gets_readable_text_and_links(colour: str) -> None:
    palette = palette_for(colour)
    assert contrast(parse_hex(palette.brand), parse_hex(palette.brand_text)) >= MIN_CONTRAST
    for background in LIGHT_BACKGROUNDS:
        assert contrast(parse_hex(palette.link), background) >= MIN_CONTRAST


def test_the_backgrounds_match_the_stylesheet() -> None:
    css = (Path(wiec.__file__).parent / "core/static/wiec/css/wiec.css").read_text()
    for background in ("#ffffff", "#f2f4f7", "#e8f3ec", "#fbeceb", "#fff4d6"):
        assert background in css.lower()
        assert parse_hex(background) in LIGHT_BACKGROUNDS


def test_known_contrast_values() -> None:
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast(parse_hex("#767676"), WHITE), 2) == 4.54


def test_a_pale_brand_colour_gets_dark_text_and_a_darker_link() -> None:
    palette = palette_for("#ffd700")
    assert palette.brand_text == "#000000"
    assert palette.link != "#ffd700"
