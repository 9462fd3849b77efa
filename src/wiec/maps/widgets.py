"""Form widgets with a map: the map helps, the text field decides (so no one needs the map)."""

from __future__ import annotations

from typing import Any

from django import forms

from wiec.maps.coordinates import parse_coordinates


class LocationInput(forms.TextInput):
    """A text field for an address, a place or coordinates, with the gazetteer's names as
    suggestions (<datalist>) and a map that types the clicked point's coordinates into it."""

    template_name = "maps/widgets/location.html"

    def __init__(self, *, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"autocomplete": "off", **(attrs or {})})
        self.tenant: Any = None
        self.place_names: list[str] = []

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        attrs = dict(attrs or {})
        field_id = attrs.get("id") or f"id_{name}"
        attrs["list"] = f"{field_id}-places"
        context = super().get_context(name, value, attrs)
        point = parse_coordinates(str(value)) if value else None
        context["widget"].update(
            tenant=self.tenant,
            place_names=self.place_names,
            map_id=f"{field_id}-map",
            field_id=field_id,
            lat=point[0] if point else None,
            lon=point[1] if point else None,
        )
        return context
