"""Checking and cleaning what people upload: photos (Pillow) and one PDF.

Photos are opened header-first, so their pixel count is checked before anything is decoded
(a decompression bomb is refused without being unpacked), then decoded, turned upright,
re-encoded as JPEG without EXIF (GPS position, camera, dates are dropped) and shrunk.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from typing import IO

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from wiec.ideas.exceptions import UploadError

MAX_PHOTOS = 5
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000
MAX_SIDE = 2000
THUMBNAIL_SIDE = 480
PHOTO_FORMATS = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}
MAX_PDF_BYTES = 10 * 1024 * 1024
PDF_SIGNATURE = b"%PDF-"


@dataclass(frozen=True)
class CleanPhoto:
    image: bytes
    thumbnail: bytes
    width: int
    height: int


def _jpeg(image: Image.Image, *, quality: int) -> bytes:
    out = io.BytesIO()
    # No exif= and no icc_profile=: nothing from the original's metadata is written.
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()


def clean_photo(file: IO[bytes], *, name: str, size: int | None) -> CleanPhoto:
    """A safe JPEG and thumbnail from an uploaded image, or UploadError."""
    if size is not None and size > MAX_PHOTO_BYTES:
        raise UploadError(_("“%(name)s” is larger than 10 MB.") % {"name": name})
    unreadable = UploadError(
        _("“%(name)s” is not a photo we can read. Use a JPEG, PNG or WebP image.") % {"name": name}
    )
    too_large = UploadError(
        _("“%(name)s” has too many pixels; use a photo of at most 40 megapixels.") % {"name": name}
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file) as original:
                if original.format not in PHOTO_FORMATS:
                    raise unreadable
                width, height = original.size
                if width * height > MAX_PHOTO_PIXELS:
                    raise too_large
                original.seek(0)  # the first frame of an animation
                upright = ImageOps.exif_transpose(original)
                if upright.mode in ("RGBA", "LA", "P"):
                    rgba = upright.convert("RGBA")
                    background = Image.new("RGB", rgba.size, (255, 255, 255))
                    background.paste(rgba, mask=rgba.getchannel("A"))
                    picture = background
                else:
                    picture = upright.convert("RGB")
    except UploadError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_large from None
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        EOFError,
    ):
        raise unreadable from None
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    thumbnail = picture.copy()
    thumbnail.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
    return CleanPhoto(
        image=_jpeg(picture, quality=85),
        thumbnail=_jpeg(thumbnail, quality=80),
        width=picture.width,
        height=picture.height,
    )


def check_pdf(file: IO[bytes], *, name: str, size: int | None) -> None:
    """A PDF by its signature (not its name), at most 10 MB; else UploadError.

    The file must start with `%PDF-`: readers that look for it anywhere in the first kilobyte
    would let an HTML page with `%PDF-` in a comment pass as a PDF."""
    if size is not None and size > MAX_PDF_BYTES:
        raise UploadError(_("“%(name)s” is larger than 10 MB.") % {"name": name})
    position = file.tell()
    file.seek(0)
    head = file.read(len(PDF_SIGNATURE))
    file.seek(position)
    if head != PDF_SIGNATURE:
        raise UploadError(_("“%(name)s” is not a PDF document.") % {"name": name})
