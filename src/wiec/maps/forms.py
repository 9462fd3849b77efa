from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wiec.core.csvrows import numbered_rows
from wiec.core.exceptions import UnreadableRowError
from wiec.maps.actions import PlaceRow
from wiec.maps.coordinates import parse_coordinates
from wiec.tenants.models import Tenant

MAX_PLACES_FILE = 2 * 1024 * 1024
MAX_PLACES = 20_000


def parse_places_file(raw: bytes, *, tenant: Tenant) -> list[PlaceRow]:
    """Rows of name, latitude, longitude (comma- or semicolon-separated; a header is optional),
    each inside the municipality's map edges.

    Raises ValueError with a message for an official naming the first bad line.
    """
    if len(raw) > MAX_PLACES_FILE:
        raise ValueError(_("The file is larger than 2 MB."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(_("Save the file as UTF-8 text (CSV).")) from None
    if "\x00" in text:  # not text, and PostgreSQL cannot store it
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise ValueError(
            _("Line %(n)d holds a null character; save the file as UTF-8 text (CSV).") % {"n": line}
        )
    delimiter = "," if text.count(",") > text.count(";") else ";"
    rows: list[PlaceRow] = []
    seen: set[str] = set()
    for number, record in _records(text, delimiter):
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != 3:
            raise ValueError(
                _("Line %(n)d: expected three columns (name, latitude, longitude).") % {"n": number}
            )
        name = record[0].strip()[:150]
        point = parse_coordinates(f"{record[1]} {record[2]}")
        if point is None:
            if number == 1 and not rows:
                continue  # a header line
            raise ValueError(
                _("Line %(n)d: “%(lat)s, %(lon)s” are not coordinates.")
                % {"n": number, "lat": record[1].strip(), "lon": record[2].strip()}
            )
        if not name:
            raise ValueError(_("Line %(n)d: the place has no name.") % {"n": number})
        if not tenant.bounds_contain(*point):
            raise ValueError(
                _("Line %(n)d: “%(name)s” lies outside the municipality's map.")
                % {"n": number, "name": name}
            )
        if name in seen:
            raise ValueError(
                _("Line %(n)d: “%(name)s” appears twice.") % {"n": number, "name": name}
            )
        seen.add(name)
        rows.append(PlaceRow(name=name, lat=point[0], lon=point[1]))
    if not rows:
        raise ValueError(_("The file holds no places."))
    if len(rows) > MAX_PLACES:
        raise ValueError(_("The file holds more than 20,000 places."))
    return rows


class PlaceImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "One place per line: name, latitude, longitude (WGS 84), e.g. "
            "“ul. Lipowa;52.2451;16.8752”. A header line is allowed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv,text/plain"}),
    )
    replace = forms.BooleanField(
        label=gettext_lazy("Delete places that are not in the file"), required=False
    )

    rows: list[PlaceRow]

    def __init__(self, *args: Any, tenant: Tenant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tenant = tenant

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None:
            try:
                self.rows = parse_places_file(upload.read(), tenant=self.tenant)
            except ValueError as exc:
                self.add_error("file", str(exc))
        return data


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Numbered CSV records; one csv cannot read is a message naming its line."""
    try:
        yield from numbered_rows(text, delimiter=delimiter)
    except UnreadableRowError as unreadable:
        raise ValueError(
            _("Line %(n)d: a quotation mark is not closed.") % {"n": unreadable.line}
        ) from None
