"""PESEL validation: pure logic, no database."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wiec.verification.exceptions import PeselError
from wiec.verification.pesel import age_on, check_digit, encode, parse

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize(
    ("number", "born", "female"),
    [("44051401359", date(1944, 5, 14), False), ("02070803628", date(1902, 7, 8), True)],
)
def test_domain_examples_are_valid(number: str, born: date, *, female: bool) -> None:
    pesel = parse(number, today=TODAY)
    assert pesel.birth_date == born
    assert pesel.female is female


def test_wrong_check_digit_is_refused() -> None:
    with pytest.raises(PeselError) as error:
        parse("44051401358", today=TODAY)
    assert error.value.code == "checksum"


@pytest.mark.parametrize("number", ["4405140135", "440514013590", "4405140135a", "", "٤٤٠٥١٤٠١٣٥٩"])
def test_anything_but_eleven_digits_is_a_format_error(number: str) -> None:
    with pytest.raises(PeselError) as error:
        parse(number, today=TODAY)
    assert error.value.code == "format"


def test_spaces_and_dashes_people_type_are_ignored() -> None:
    assert parse("440514 013-59", today=TODAY).birth_year == 1944


@pytest.mark.parametrize(
    "body",
    [
        "8502300000",  # 30 February 1985
        "8513010000",  # month 13
        "8500010000",  # month 0
        "8502000000",  # day 0
        "0122290000",  # 29 February 2001 (not a leap year)
    ],
)
def test_impossible_dates_are_refused(body: str) -> None:
    number = body + str(check_digit(body))
    with pytest.raises(PeselError) as error:
        parse(number, today=TODAY)
    assert error.value.code == "date"


def test_a_date_of_birth_in_the_future_is_refused() -> None:
    with pytest.raises(PeselError) as error:
        parse(encode(date(2026, 6, 16), 1, female=False), today=TODAY)
    assert error.value.code == "future"
    assert parse(encode(date(2026, 6, 15), 1, female=False), today=TODAY).age_at(TODAY) == 0


@pytest.mark.parametrize(
    ("born", "month_digits"),
    [
        (date(1850, 1, 1), "81"),
        (date(1999, 12, 31), "12"),
        (date(2004, 3, 1), "23"),
        (date(2150, 1, 1), "41"),
        (date(2250, 1, 1), "61"),
    ],
)
def test_century_offsets(born: date, month_digits: str) -> None:
    number = encode(born, 7, female=False)
    assert number[2:4] == month_digits
    assert parse(number, today=date(2300, 1, 1)).birth_date == born


def test_age_is_counted_in_completed_years() -> None:
    assert age_on(date(2010, 6, 16), TODAY) == 15
    assert age_on(date(2010, 6, 15), TODAY) == 16
    assert age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18


def test_repr_never_shows_the_number() -> None:
    pesel = parse("44051401359", today=TODAY)
    assert "44051401359" not in repr(pesel)


@given(
    st.dates(min_value=date(1800, 1, 1), max_value=TODAY),
    st.integers(0, 999),
    st.booleans(),
)
def test_every_encoded_pesel_parses_back(born: date, serial: int, female: bool) -> None:
    pesel = parse(encode(born, serial, female=female), today=TODAY)
    assert (pesel.birth_date, pesel.female) == (born, female)


@given(st.dates(min_value=date(1800, 1, 1), max_value=TODAY), st.integers(0, 9), st.integers(0, 9))
def test_changing_any_one_digit_is_detected(born: date, position: int, delta: int) -> None:
    number = encode(born, 123, female=False)
    digit = (int(number[position]) + 1 + delta % 9) % 10
    changed = number[:position] + str(digit) + number[position + 1 :]
    with pytest.raises(PeselError):
        parse(changed, today=TODAY)


@given(st.dates(min_value=date(1800, 1, 1), max_value=TODAY), st.dates(max_value=date(2300, 1, 1)))
def test_age_never_decreases_and_matches_year_difference(born: date, later: date) -> None:
    if later < born:
        return
    age = age_on(born, later)
    assert later.year - born.year - 1 <= age <= later.year - born.year
