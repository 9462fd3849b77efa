"""Photos are checked, cleaned and shrunk; a PDF is recognised by its signature."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from tests.ideas.factories import image_bytes
from wiec.ideas.exceptions import UploadError
from wiec.ideas.uploads import MAX_SIDE, check_pdf, clean_photo

GPS_IFD = 0x8825

pytestmark = pytest.mark.usefixtures("english")


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0112] = 6  # Orientation: rotated 90° clockwise
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 14.0, 42.0), 3: "E", 4: (16.0, 52.0, 30.0)})
    return exif


def png_with_header_size(width: int, height: int) -> bytes:
    """A tiny PNG that claims to be width × height pixels: a decompression bomb's header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


def clean(data: bytes, name: str = "photo.jpg") -> object:
    return clean_photo(io.BytesIO(data), name=name, size=len(data))


def test_a_photo_loses_its_exif_and_gps_position() -> None:
    original = image_bytes(exif=exif_with_gps())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test is real
    result = clean_photo(io.BytesIO(original), name="x.jpg", size=len(original))
    for data in (result.image, result.thumbnail):
        stored = Image.open(io.BytesIO(data))
        assert stored.format == "JPEG"
        assert not stored.getexif().get_ifd(GPS_IFD)
        assert len(stored.getexif()) == 0
        assert "exif" not in stored.info
        assert b"PhoneMaker" not in data


def test_a_photo_is_turned_upright_by_its_orientation_tag() -> None:
    original = image_bytes(size=(640, 480), exif=exif_with_gps())
    result = clean_photo(io.BytesIO(original), name="x.jpg", size=len(original))
    assert (result.width, result.height) == (480, 640)


def test_a_large_photo_is_shrunk_and_gets_a_thumbnail() -> None:
    original = image_bytes(size=(4000, 3000))
    result = clean_photo(io.BytesIO(original), name="x.jpg", size=len(original))
    assert max(result.width, result.height) == MAX_SIDE
    assert max(Image.open(io.BytesIO(result.thumbnail)).size) == 480


def test_a_png_with_transparency_becomes_a_jpeg_on_white() -> None:
    original = image_bytes("PNG", mode="RGBA")
    result = clean_photo(io.BytesIO(original), name="x.png", size=len(original))
    assert Image.open(io.BytesIO(result.image)).getpixel((0, 0)) == (255, 255, 255)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"%PDF-1.4 this is no image", "is not a photo we can read"),
        (b"GIF89a" + b"\0" * 20, "is not a photo we can read"),
        (b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>", "is not a photo"),
        (image_bytes("BMP"), "is not a photo we can read"),
        (image_bytes()[:200], "is not a photo we can read"),
    ],
    ids=["pdf", "broken-gif", "svg", "bmp", "truncated-jpeg"],
)
def test_files_that_are_not_photos_get_a_clear_message(data: bytes, fragment: str) -> None:
    with pytest.raises(UploadError, match=fragment) as problem:
        clean_photo(io.BytesIO(data), name="plik.jpg", size=len(data))
    assert "plik.jpg" in str(problem.value)


def test_an_oversized_file_is_refused_before_it_is_read() -> None:
    with pytest.raises(UploadError, match="larger than 10 MB"):
        clean_photo(io.BytesIO(b""), name="big.jpg", size=11 * 1024 * 1024)


def test_a_decompression_bomb_is_refused_without_being_decoded() -> None:
    bomb = png_with_header_size(50_000, 50_000)
    assert len(bomb) < 200
    with pytest.raises(UploadError, match="too many pixels"):
        clean_photo(io.BytesIO(bomb), name="bomb.png", size=len(bomb))


def test_a_huge_pixel_count_just_over_the_limit_is_refused() -> None:
    bomb = png_with_header_size(8000, 5001)
    with pytest.raises(UploadError, match="40 megapixels"):
        clean_photo(io.BytesIO(bomb), name="bomb.png", size=len(bomb))


def test_a_pdf_is_known_by_its_signature_not_its_name() -> None:
    check_pdf(io.BytesIO(b"%PDF-1.7\n..."), name="plan.pdf", size=11)
    with pytest.raises(UploadError, match="is not a PDF"):
        check_pdf(io.BytesIO(b"MZ\x90\x00 an executable"), name="plan.pdf", size=20)
    with pytest.raises(UploadError, match="larger than 10 MB"):
        check_pdf(io.BytesIO(b"%PDF-"), name="plan.pdf", size=11 * 1024 * 1024)


@pytest.mark.parametrize(
    "head",
    [
        b"<html><!-- %PDF-1.4 --><script>alert(1)</script></html>",
        b" %PDF-1.4\n",
        b"\xef\xbb\xbf%PDF-1.4\n",
    ],
    ids=["html-with-signature-inside", "leading-space", "bom"],
)
def test_a_pdf_must_start_with_its_signature(head: bytes) -> None:
    with pytest.raises(UploadError, match="is not a PDF"):
        check_pdf(io.BytesIO(head), name="plan.pdf", size=len(head))


@pytest.mark.django_db
def test_idea_files_are_kept_outside_the_public_media_folder(settings: Any) -> None:
    from wiec.ideas.models import IdeaPhoto

    field = IdeaPhoto._meta.get_field("image")
    location = Path(field.storage.path("x.jpg")).resolve()  # type: ignore[attr-defined]
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in location.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in location.parents


@pytest.mark.django_db
def test_replacing_the_pdf_keeps_the_new_file_and_deletes_the_old(
    tenant: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from tests.ideas.factories import IdeaFactory
    from wiec.ideas import actions

    idea = IdeaFactory(tenant=tenant)
    storage = idea.attachment.storage
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_attachment(
            idea=idea, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4 first"), at=timezone.now()
        )
    first = idea.attachment.name
    with django_capture_on_commit_callbacks(execute=True):
        actions.set_attachment(
            idea=idea, upload=SimpleUploadedFile("b.pdf", b"%PDF-1.4 second"), at=timezone.now()
        )
    idea.refresh_from_db()
    second = idea.attachment.name
    assert second != first
    assert storage.exists(second), "the new PDF was deleted"
    assert not storage.exists(first), "the old PDF was left behind"
    with idea.attachment.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 second"
    with django_capture_on_commit_callbacks(execute=True):
        actions.remove_attachment(idea=idea, at=timezone.now())
    assert not storage.exists(second)
