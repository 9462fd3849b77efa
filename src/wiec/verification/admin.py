from django.contrib import admin
from django.http import HttpRequest

from wiec.verification.models import VerificationSettings


@admin.register(VerificationSettings)
class VerificationSettingsAdmin(admin.ModelAdmin[VerificationSettings]):
    list_display = ["tenant", "pesel_enabled", "code_enabled", "in_person_enabled"]
    exclude = ["salt"]

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # A new row would get a new salt, and every stored PESEL hash would stop matching.
        return False
