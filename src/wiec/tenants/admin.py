from django.contrib import admin

from wiec.core.admin import AuditedAdmin
from wiec.tenants.models import AccessibilityStatement, Category, District, Tenant, TenantHost


class TenantHostInline(admin.TabularInline):  # type: ignore[type-arg]
    model = TenantHost
    extra = 1


@admin.register(Tenant)
class TenantAdmin(AuditedAdmin):
    list_display = ["name", "slug", "kind", "is_active", "created_at"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "slug", "office_name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [TenantHostInline]


@admin.register(District)
class DistrictAdmin(AuditedAdmin):
    list_display = ["name", "tenant", "position"]
    list_filter = ["tenant"]
    search_fields = ["name"]


@admin.register(Category)
class CategoryAdmin(AuditedAdmin):
    list_display = ["name", "tenant", "position"]
    list_filter = ["tenant"]


@admin.register(AccessibilityStatement)
class AccessibilityStatementAdmin(AuditedAdmin):
    list_display = ["tenant", "status", "reviewed_on"]
