"""Whole amounts are read without `decimal`, with the same results and limits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wiec.tally.pabulib import _Money, _TooLargeError


@pytest.mark.parametrize(
    "raw",
    ["0", "7", " 42 ", "0012", "0000", "1000000", "1234567890123456", "9999999999999999",
     "00000000000000000001", "١٢", "12.50", "1e3", "1,5"],
)  # fmt: skip
def test_whole_amounts_read_as_decimal_reads_them(raw: str) -> None:
    d = Decimal(raw.strip().replace(",", "."))
    decimals = max(0, -int(d.as_tuple().exponent))
    assert _Money.parse(raw) == (int(d.scaleb(decimals)), decimals)


@pytest.mark.parametrize("raw", ["12345678901234567", "99999999999999999999"])
def test_whole_amounts_beyond_the_bound_are_refused(raw: str) -> None:
    with pytest.raises(_TooLargeError, match="too large"):
        _Money.parse(raw)


@pytest.mark.parametrize("raw", ["", " ", "²", "12a", "-", "inf", "NaN"])
def test_what_is_not_a_number_is_none(raw: str) -> None:
    assert _Money.parse(raw) is None
