from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from tests.factories import UserFactory, member, square
from wiec.accounts.models import Membership, Role
from wiec.core.models import AuditEntry
from wiec.tenants import actions, queries
from wiec.tenants.geo import DistrictShape
from wiec.tenants.models import Category, District, Tenant

pytestmark = pytest.mark.django_db


def shapes(*names: str) -> list[DistrictShape]:
    return [DistrictShape(name, square(16.6 + 0.02 * i, 52.1)) for i, name in enumerate(names)]


def test_import_creates_then_updates_by_name(tenant: Tenant) -> None:
    now = timezone.now()
    assert actions.import_districts(
        tenant=tenant, shapes=shapes("Łęgi", "Dębina"), replace=False, actor=None, at=now
    ) == (2, 0, 0)
    assert actions.import_districts(
        tenant=tenant, shapes=shapes("Dębina", "Nowe"), replace=False, actor=None, at=now
    ) == (1, 1, 0)
    assert sorted(District.objects.filter(tenant=tenant).values_list("slug", flat=True)) == [
        "debina",
        "legi",
        "nowe",
    ]


def test_importing_the_same_districts_again_changes_and_logs_nothing(tenant: Tenant) -> None:
    now = timezone.now()
    actions.import_districts(
        tenant=tenant, shapes=shapes("A", "B"), replace=True, actor=None, at=now
    )
    logged = AuditEntry.objects.filter(action="districts.imported").count()
    again = actions.import_districts(
        tenant=tenant, shapes=shapes("A", "B"), replace=True, actor=None, at=now
    )
    assert again == (0, 0, 0)
    assert AuditEntry.objects.filter(action="districts.imported").count() == logged == 1


def test_import_with_replace_deletes_missing_and_clears_home_districts(tenant: Tenant) -> None:
    now = timezone.now()
    actions.import_districts(
        tenant=tenant, shapes=shapes("A", "B"), replace=False, actor=None, at=now
    )
    person = member(tenant)
    membership = Membership.objects.get(user=person)
    membership.home_district = District.objects.get(tenant=tenant, name="B")
    membership.save()
    result = actions.import_districts(
        tenant=tenant, shapes=shapes("A"), replace=True, actor=None, at=now
    )
    assert result == (0, 0, 1)  # "A" is the same shape as before: not an update
    membership.refresh_from_db()
    assert membership.home_district is None
    assert AuditEntry.objects.filter(tenant=tenant, action="districts.imported").count() == 2


def test_import_never_touches_another_tenants_districts(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    now = timezone.now()
    actions.import_districts(
        tenant=other_tenant, shapes=shapes("A"), replace=False, actor=None, at=now
    )
    actions.import_districts(tenant=tenant, shapes=shapes("B"), replace=True, actor=None, at=now)
    assert District.objects.filter(tenant=other_tenant, name="A").exists()


def test_point_is_assigned_to_its_district(tenant: Tenant) -> None:
    actions.import_districts(
        tenant=tenant, shapes=shapes("A", "B"), replace=False, actor=None, at=timezone.now()
    )
    found = queries.district_for_point(tenant=tenant, lat=52.105, lon=16.625)
    assert found is not None
    assert found.name == "B"
    assert queries.district_for_point(tenant=tenant, lat=40.0, lon=16.6) is None


def test_category_slugs_transliterate_polish_and_stay_unique(tenant: Tenant) -> None:
    admin = UserFactory()
    now = timezone.now()
    first = actions.save_category(
        tenant=tenant,
        category=None,
        name="Łąki i zieleń",
        description="",
        position=0,
        actor=admin,
        at=now,
    )
    second = actions.save_category(
        tenant=tenant,
        category=None,
        name="Łąki, i zieleń!",
        description="",
        position=1,
        actor=admin,
        at=now,
    )
    assert (first.slug, second.slug) == ("laki-i-zielen", "laki-i-zielen-2")
    assert Category.objects.filter(tenant=tenant).count() == 2


def test_theme_version_changes_with_the_colour(tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    before = tenant.theme_version
    actions.update_tenant(
        tenant=tenant, changes={"primary_colour": "#8a1538"}, actor=admin, at=timezone.now()
    )
    assert tenant.theme_version == before + 1
    actions.update_tenant(
        tenant=tenant, changes={"phone": "61 111"}, actor=admin, at=timezone.now()
    )
    assert tenant.theme_version == before + 1


def test_import_command_reads_a_file(tenant: Tenant, tmp_path: Path) -> None:
    path = tmp_path / "obszary.geojson"
    path.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"X"},'
        '"geometry":{"type":"Polygon","coordinates":[[[16,52],[16.1,52],[16.1,52.1],[16,52]]]}}]}'
    )
    call_command("import_districts", "nadrzecze", str(path))
    assert District.objects.filter(tenant=tenant, name="X").exists()


def test_import_command_reports_errors_without_a_traceback(tenant: Tenant, tmp_path: Path) -> None:
    path = tmp_path / "zly.geojson"
    path.write_text("{")
    with translation.override("en"), pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_districts", "nadrzecze", str(path))
    with pytest.raises(CommandError, match="No municipality"):
        call_command("import_districts", "nie-ma", str(path))


def test_create_tenant_command(db: None) -> None:
    call_command(
        "create_tenant", "brzozowo", "--name", "Gmina Brzozowo", "--office", "Urząd Gminy Brzozowo",
        "--kind", "gmina_wiejska", "--host", "Konsultacje.Brzozowo.pl", "--center", "52.3,17.0",
        "--bounds", "52.2,16.9,52.4,17.1",
    )  # fmt: skip
    tenant = Tenant.objects.get(slug="brzozowo")
    assert tenant.hosts.get().hostname == "konsultacje.brzozowo.pl"
    with pytest.raises(CommandError, match="centre"), translation.override("en"):
        call_command(
            "create_tenant", "zle", "--name", "Zła", "--office", "Urząd", "--kind", "powiat",
            "--host", "zle.pl", "--center", "10,10", "--bounds", "52.2,16.9,52.4,17.1",
        )  # fmt: skip
