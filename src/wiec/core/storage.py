from __future__ import annotations

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
