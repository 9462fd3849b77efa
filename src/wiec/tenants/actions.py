"""Every write to tenants, districts, categories and legal texts."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F

from wiec.core import audit
from wiec.core.actions import import_by_name
from wiec.core.text import ascii_slug
from wiec.tenants.geo import DistrictShape
from wiec.tenants.models import AccessibilityStatement, Category, District, Tenant, TenantHost

if TYPE_CHECKING:
    from wiec.accounts.models import User


def create_tenant(
    *,
    slug: str,
    name: str,
    office_name: str,
    kind: str,
    hosts: list[str],
    at: datetime,
    actor: User | None = None,
    **fields: Any,
) -> Tenant:
    """Create a municipality with its host names; the first host is the primary one."""
    with transaction.atomic():
        tenant = Tenant.objects.create(
            slug=slug, name=name, office_name=office_name, kind=kind, **fields
        )
        for position, hostname in enumerate(hosts):
            TenantHost.objects.create(
                tenant=tenant,
                hostname=hostname.strip().lower().rstrip("."),
                is_primary=position == 0,
            )
        audit.record(actor=actor, action="tenant.created", tenant=tenant, target=tenant, at=at)
    return tenant


def point_hosts(*, tenant: Tenant, hosts: list[str]) -> None:
    """Make these host names lead to the tenant (moving any that led elsewhere); the first
    is the primary one. Host names not listed are left as they are."""
    with transaction.atomic():
        for position, hostname in enumerate(hosts):
            TenantHost.objects.update_or_create(
                hostname=hostname.strip().lower().rstrip("."),
                defaults={"tenant": tenant, "is_primary": position == 0},
            )


def update_tenant(
    *, tenant: Tenant, changes: dict[str, Any], actor: User | None, at: datetime
) -> Tenant:
    """Apply validated field changes; a new colour or logo bumps the theme version.

    Values are applied as a form would (`save_form_data`), so `logo=False` clears the logo.
    Only the fields whose value really changes are saved and audit-logged; nothing at all
    when none does.
    """
    with transaction.atomic():
        before = audit.stored_values_of(tenant, changes)
        for name, value in changes.items():
            tenant._meta.get_field(name).save_form_data(tenant, value)  # type: ignore[union-attr]
        changed = audit.changed_values(before, audit.values_of(tenant, changes))
        if not changed:
            return tenant
        tenant.save(update_fields=list(changed))
        if changed.keys() & {"primary_colour", "logo"}:
            Tenant.objects.filter(pk=tenant.pk).update(theme_version=F("theme_version") + 1)
            tenant.refresh_from_db(fields=["theme_version"])
        audit.record_changes(
            actor=actor,
            action="tenant.updated",
            tenant=tenant,
            target=tenant,
            at=at,
            changes=changed,
        )
    return tenant


def import_districts(
    *, tenant: Tenant, shapes: list[DistrictShape], replace: bool, actor: User | None, at: datetime
) -> tuple[int, int, int]:
    """Create or update districts by name; with `replace`, delete those not in the file.

    Returns (created, updated, deleted). Deleting a district empties the home district of the
    people who chose it and the district of anything placed in it (nullable foreign keys).
    """
    used_slugs: set[str] = set()

    def build(item: DistrictShape, position: int) -> District:
        if not used_slugs:  # read once, under the import's lock on the districts; "" marks
            # the set as read (no slug is empty)
            used_slugs.update(District.objects.filter(tenant=tenant).values_list("slug", flat=True))
            used_slugs.add("")
        slug = _unique_slug(item.name, used_slugs)
        used_slugs.add(slug)
        return District(
            tenant=tenant, name=item.name, slug=slug, geometry=item.geometry, position=position
        )

    def refresh(district: District, item: DistrictShape, position: int) -> bool:
        geometry = _as_stored(item.geometry)
        if (district.geometry, district.position) == (geometry, position):
            return False  # the same shape in the same place: not an update, nothing to log
        district.geometry, district.position = geometry, position
        return True

    return import_by_name(
        model=District,
        tenant=tenant,
        rows=shapes,
        name=lambda item: item.name,
        build=build,
        refresh=refresh,
        fields=["geometry", "position"],
        replace=replace,
        action="districts.imported",
        actor=actor,
        at=at,
    )


def delete_district(*, district: District, actor: User, at: datetime) -> None:
    with transaction.atomic():
        audit.record(
            actor=actor, action="district.deleted", tenant=district.tenant, target=district, at=at
        )
        district.delete()


def rename_district(*, district: District, name: str, actor: User, at: datetime) -> District:
    """Audit-logged; renaming to the name it has writes nothing."""
    old = audit.stored_values_of(district, ["name"]).get("name", district.name)
    if old == name:
        return district
    with transaction.atomic():
        district.name = name
        district.save(update_fields=["name"])
        audit.record(
            actor=actor,
            action="district.renamed",
            tenant=district.tenant,
            target=district,
            at=at,
            data={"from": old, "to": name},
        )
    return district


def save_category(
    *,
    tenant: Tenant,
    category: Category | None,
    name: str,
    description: str,
    position: int,
    actor: User | None,
    at: datetime,
) -> Category:
    """Create a category (`category=None`) or update one; an update records only the fields
    that really change, and nothing when none does."""
    with transaction.atomic():
        if category is None:
            used = set(Category.objects.filter(tenant=tenant).values_list("slug", flat=True))
            category = Category.objects.create(
                tenant=tenant,
                name=name,
                slug=_unique_slug(name, used),
                description=description,
                position=position,
            )
            audit.record(
                actor=actor, action="category.created", tenant=tenant, target=category, at=at
            )
        else:
            fields = ["name", "description", "position"]
            before = audit.stored_values_of(category, fields)
            category.name, category.description, category.position = name, description, position
            changed = audit.changed_values(before, audit.values_of(category, fields))
            if changed:
                category.save(update_fields=list(changed))
            audit.record_changes(
                actor=actor,
                action="category.updated",
                tenant=tenant,
                target=category,
                at=at,
                changes=changed,
            )
    return category


def delete_category(*, category: Category, actor: User, at: datetime) -> None:
    with transaction.atomic():
        audit.record(
            actor=actor, action="category.deleted", tenant=category.tenant, target=category, at=at
        )
        category.delete()


def save_accessibility_statement(
    *, tenant: Tenant, values: dict[str, Any], actor: User | None, at: datetime
) -> AccessibilityStatement:
    """Create or update the statement; audit-logged with the fields that really changed (the
    first save records the statement as saved, later saves that change nothing record
    nothing)."""
    with transaction.atomic():
        statement = AccessibilityStatement.objects.filter(tenant=tenant).first()
        if statement is None:
            statement = AccessibilityStatement.objects.create(tenant=tenant, **values)
            audit.record(
                actor=actor,
                action="accessibility_statement.saved",
                tenant=tenant,
                target=statement,
                at=at,
            )
            return statement
        before = audit.stored_values_of(statement, values)
        for name, value in values.items():
            setattr(statement, name, value)
        changed = audit.changed_values(before, audit.values_of(statement, values))
        if changed:
            statement.save(update_fields=list(changed))
        audit.record_changes(
            actor=actor,
            action="accessibility_statement.saved",
            tenant=tenant,
            target=statement,
            at=at,
            changes=changed,
        )
    return statement


def _as_stored(geometry: Any) -> Any:
    """GeoJSON as the database gives it back (lists, not tuples), to compare with."""
    return json.loads(json.dumps(geometry))


def _unique_slug(name: str, used: set[str]) -> str:
    base = ascii_slug(name) or "x"
    slug, n = base, 2
    while slug in used:
        slug = f"{base}-{n}"
        n += 1
    return slug
