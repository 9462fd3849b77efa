"""Why a municipality's data could not be imported; the panel shows the message."""

from __future__ import annotations


class TenantsError(Exception):
    """Base of every failure in this app."""


class GeoJSONError(TenantsError):
    """The file cannot be imported; the message says why, in words for an official."""
