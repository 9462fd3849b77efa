"""PESEL numbers: checksum, the encoded date of birth, and age. Pure logic, no Django models.

A PESEL (the act on population records) is 11 digits, ``YYMMDDZZZXQ``:

- ``YY`` is the last two digits of the year of birth, ``DD`` the day, and ``MM`` the month plus
  an offset that encodes the century: 1800-1899 +80, 1900-1999 +0, 2000-2099 +20,
  2100-2199 +40, 2200-2299 +60 (``CENTURIES``).
- Digits 7-10 are a serial number; the 10th is even for women and odd for men.
- ``Q`` is a check digit: with weights 1,3,7,9,1,3,7,9,1,3 on digits 1-10,
  ``Q = (10 - (sum of weight * digit) mod 10) mod 10``. ``44051401359`` is valid (born
  1944-05-14, a man), ``44051401358`` fails the check, ``02070803628`` is valid (1902-07-08, a
  woman).

A valid PESEL proves only its format, never identity or residence. Whether a municipality may
ask for it is disputed, so asking is a per-municipality setting, only a keyed hash is stored
with what the rules need (birth year, district), and the form says why it asks. Some residents
(foreigners) have no PESEL at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wiec.verification.exceptions import PeselError

WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
# Month offset -> first year of the century it encodes.
CENTURIES = {80: 1800, 0: 1900, 20: 2000, 40: 2100, 60: 2200}


@dataclass(frozen=True)
class Pesel:
    number: str
    birth_date: date
    female: bool

    def __repr__(self) -> str:
        # Never let the number reach a log or a traceback through repr().
        return f"Pesel(born={self.birth_date.year}, ...)"

    @property
    def birth_year(self) -> int:
        return self.birth_date.year

    def age_at(self, at: date) -> int:
        return age_on(self.birth_date, at)


def normalise(raw: str) -> str:
    """Drop spaces and dashes people type between groups of digits."""
    return "".join(ch for ch in raw if ch not in " -\u00a0\t")


def check_digit(digits: str) -> int:
    total = sum(w * int(d) for w, d in zip(WEIGHTS, digits[:10], strict=True))
    return (10 - total % 10) % 10


def birth_date_of(digits: str) -> date:
    """The date encoded in the first six digits; PeselError("date") if there is none."""
    yy, mm, dd = int(digits[0:2]), int(digits[2:4]), int(digits[4:6])
    offset = (mm // 20) * 20
    month = mm - offset
    if offset not in CENTURIES:
        raise PeselError("date")
    try:
        return date(CENTURIES[offset] + yy, month, dd)
    except ValueError:
        raise PeselError("date") from None


def parse(raw: str, *, today: date) -> Pesel:
    """Validate a PESEL typed by a person.

    Raises PeselError with code "format" (not 11 digits), "checksum", "date" (impossible date)
    or "future" (a date of birth after `today`).
    """
    digits = normalise(raw)
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit():
        raise PeselError("format")
    if check_digit(digits) != int(digits[10]):
        raise PeselError("checksum")
    born = birth_date_of(digits)
    if born > today:
        raise PeselError("future")
    return Pesel(number=digits, birth_date=born, female=int(digits[9]) % 2 == 0)


def age_on(born: date, at: date) -> int:
    """Completed years on `at` (someone born on 29 February comes of age on 1 March)."""
    years = at.year - born.year
    if (at.month, at.day) < (born.month, born.day):
        years -= 1
    return years


def encode(born: date, serial: int, *, female: bool) -> str:
    """Build a valid PESEL for a date (tests and the demo): `serial` in 0..999."""
    offset = next(o for o, start in CENTURIES.items() if start <= born.year < start + 100)
    sex_digit = (serial % 5) * 2 + (0 if female else 1)
    body = f"{born.year % 100:02d}{born.month + offset:02d}{born.day:02d}{serial % 1000:03d}"
    body += str(sex_digit)
    return body + str(check_digit(body))
