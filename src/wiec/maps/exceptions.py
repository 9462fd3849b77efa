"""Why a place could not be used; forms turn each into a message for the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wiec.maps.models import Place


class MapsError(Exception):
    """Base of every failure in this app."""


class LocationError(MapsError):
    """What was typed does not give a usable point; `message` says why, for the person.

    `code` is one of "empty", "outside", "ambiguous" (then `choices` holds the places) and
    "not_found".
    """

    def __init__(self, message: str, *, code: str, choices: list[Place] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.choices = choices or []
