from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from wiec.maps.models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "tenant", "lat", "lon"]
    list_filter = ["tenant"]
    search_fields = ["name"]

    # Places are imported in the panel, where their search names are computed.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Place | None = None) -> bool:
        return False
