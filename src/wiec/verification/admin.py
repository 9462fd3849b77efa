from django.contrib import admin

from wiec.verification.models import VerificationSettings


@admin.register(VerificationSettings)
class VerificationSettingsAdmin(admin.ModelAdmin[VerificationSettings]):
    list_display = ["tenant", "pesel_enabled", "code_enabled", "in_person_enabled"]
    exclude = ["salt"]
