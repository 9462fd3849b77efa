from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(
    patterns: tuple[tuple[str, tuple[object, ...]], ...],
) -> tuple[tuple[str, tuple[object, ...]], ...]:
    return tuple(
        (extension, tuple(p for p in rules if "sourceMappingURL" not in str(p)))
        for extension, rules in patterns
    )


class StaticFilesStorage(CompressedManifestStaticFilesStorage):  # type: ignore[misc]
    """WhiteNoise's hashed, compressed storage, minus source-map rewriting.

    Packaged libraries (the xstatic Leaflet plugins) reference .map files they do not ship;
    rewriting those references would make `collectstatic` fail on a missing file.
    """

    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)


class PrivateFileStorage(FileSystemStorage):
    """Uploads that only views may hand out, after checking who is asking (a hidden idea's
    photos, for example). They live in PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, so the web
    server never serves them directly and their addresses cannot outlive a moderation step."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @cached_property
    def base_location(self) -> str:
        return str(settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting: str, **kwargs: Any) -> None:
        super()._clear_cached_properties(setting, **kwargs)  # type: ignore[arg-type]
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)


_private = PrivateFileStorage()


def private_storage() -> PrivateFileStorage:
    """For `FileField(storage=private_storage)`: migrations keep the reference, not a path."""
    return _private
