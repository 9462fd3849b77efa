"""Production settings for the benchmark, with one difference: static files without the
manifest (`collectstatic` fails on xstatic-leaflet-markercluster's missing source map, see
the report), so pages render without running it. The benchmark never fetches static files."""

from wiec.settings import *  # noqa: F403
from wiec.settings import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
