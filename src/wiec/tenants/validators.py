from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_LOGO_BYTES = 1_048_576
MAX_LOGO_PIXELS = 4_000_000
LOGO_FORMATS = {"PNG", "JPEG", "WEBP"}

# A host name, optionally with Leaflet's {s} subdomain placeholder in front, and a port.
# Anything else (spaces, ';', quotes) could smuggle directives into the CSP header.
_TILE_HOST = re.compile(r"^(\{s\}\.)?([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(:\d{1,5})?$")
_TILE_PATH = re.compile(r"^[A-Za-z0-9/._~{}@%-]*$")
_TILE_QUERY = re.compile(r"^[A-Za-z0-9&=._~{}%-]*$")
HOSTNAME = re.compile(r"^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]*[a-z0-9])?$")


def tile_origin(url: str) -> str:
    """The CSP source for a tile address: `https://{s}.tile.example` -> `https://*.tile.example`."""
    parts = urlsplit(url)
    host = parts.netloc.lower()
    if not _TILE_HOST.match(host):
        msg = f"not a valid tile host: {host!r}"
        raise ValueError(msg)
    return f"https://{host.replace('{s}', '*')}"


def validate_tile_url(value: str) -> None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.netloc:
        raise ValidationError(_("The tile address must start with https://."))
    if (
        not _TILE_HOST.match(parts.netloc.lower())
        or not _TILE_PATH.match(parts.path)
        or not _TILE_QUERY.match(parts.query)
        or parts.fragment
    ):
        raise ValidationError(
            _("The tile address may contain only a host name, a path and simple parameters.")
        )
    if not all(token in value for token in ("{z}", "{x}", "{y}")):
        raise ValidationError(_("The tile address must contain {z}, {x} and {y}."))


def validate_hostname(value: str) -> None:
    if value != value.strip().lower().rstrip(".") or not HOSTNAME.match(value):
        raise ValidationError(
            _("Enter a host name in lower case, without scheme, port or path, e.g. nadrzecze.pl.")
        )


def validate_logo(file: File) -> None:  # type: ignore[type-arg]
    """A logo is a real PNG, JPEG or WebP image of sensible size (no SVG: it can carry script)."""
    if file.size is not None and file.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo may be at most 1 MB."))
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            if image.format not in LOGO_FORMATS:
                raise ValidationError(_("The logo must be a PNG, JPEG or WebP image."))
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                raise ValidationError(_("The logo is too large; use at most 2000 × 2000 pixels."))
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not an image we can read.")) from None
    finally:
        file.seek(position)
