"""Build (or refresh) the demo: two fictional municipalities, their districts and people.

Idempotent: objects are found by their natural keys and updated, so running it twice leaves
one copy of everything; passwords are reset to the demo password on every run. Everything is
written through the modules' actions, so the demo's audit log reads like a real one (and a
second run, which changes nothing, adds nothing to it).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from wiec.accounts import actions as account_actions
from wiec.accounts.models import Role, User
from wiec.core.modules import modules
from wiec.demo import content
from wiec.tenants import actions as tenant_actions
from wiec.tenants.geo import parse_district_file
from wiec.tenants.models import Category, Tenant

DEMO_PASSWORD = "wiec-demo-2026"  # noqa: S105 - printed for everyone: it is the demo
DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass
class DemoAccount:
    email: str
    name: str
    role: str
    user: User


@dataclass
class DemoContext:
    now: datetime
    rng: random.Random
    tenants: dict[str, Tenant] = field(default_factory=dict)
    accounts: dict[str, list[DemoAccount]] = field(default_factory=dict)

    def people(self, slug: str, role: str) -> list[User]:
        return [a.user for a in self.accounts[slug] if a.role == role]


def load_demo(*, now: datetime | None = None) -> DemoContext:
    ctx = DemoContext(now=now or timezone.now(), rng=random.Random(2026))  # noqa: S311
    with transaction.atomic():
        operator = account_actions.ensure_account(
            email=content.OPERATOR_EMAIL,
            display_name=content.OPERATOR_NAME,
            password=DEMO_PASSWORD,
            operator=True,
        )
        ctx.accounts["_platform"] = [
            DemoAccount(
                content.OPERATOR_EMAIL, content.OPERATOR_NAME, "platform operator", operator
            )
        ]
        for spec in content.MUNICIPALITIES:
            tenant = _municipality(spec, ctx.now)
            ctx.tenants[spec["slug"]] = tenant
            ctx.accounts[spec["slug"]] = [
                DemoAccount(email, name, role, _member(tenant, email, name, role, ctx.now))
                for role, email, name in spec["people"]
            ]
        # Each module's own content, in the order of INSTALLED_APPS (ModuleSpec.demo).
        for loader in modules.demo_loaders():
            loader(ctx)
    return ctx


def _municipality(spec: dict[str, Any], now: datetime) -> Tenant:
    fields = {
        key: spec[key]
        for key in (
            "name",
            "office_name",
            "kind",
            "primary_colour",
            "address",
            "email",
            "phone",
            "office_hours",
            "website_url",
            "bip_url",
            "map_center_lat",
            "map_center_lon",
            "map_zoom",
            "map_south",
            "map_west",
            "map_north",
            "map_east",
        )
    }
    fields["privacy_policy"] = content.privacy_policy(spec["office_name"], spec["email"])
    fields["terms"] = content.terms(spec["name"])
    tenant = Tenant.objects.filter(slug=spec["slug"]).first()
    if tenant is None:
        tenant = tenant_actions.create_tenant(slug=spec["slug"], hosts=[], at=now, **fields)
    else:
        tenant_actions.update_tenant(tenant=tenant, changes=fields, actor=None, at=now)
    tenant_actions.point_hosts(tenant=tenant, hosts=spec["hosts"])
    shapes = parse_district_file((DATA_DIR / spec["geojson"]).read_bytes())
    tenant_actions.import_districts(tenant=tenant, shapes=shapes, replace=True, actor=None, at=now)
    for position, (name, description) in enumerate(spec["categories"]):
        if not Category.objects.filter(tenant=tenant, name=name).exists():
            tenant_actions.save_category(
                tenant=tenant,
                category=None,
                name=name,
                description=description,
                position=position,
                actor=None,
                at=now,
            )
    tenant_actions.save_accessibility_statement(
        tenant=tenant,
        values={
            "published_on": date(2026, 1, 15),
            "updated_on": date(2026, 11, 1),
            "prepared_on": date(2026, 3, 20),
            "reviewed_on": date(2026, 11, 1),
            **content.accessibility_values(spec["people"][1][2], spec["email"], spec["phone"]),
        },
        actor=None,
        at=now,
    )
    return tenant


def _member(tenant: Tenant, email: str, name: str, role: str, now: datetime) -> User:
    user = account_actions.ensure_account(email=email, display_name=name, password=DEMO_PASSWORD)
    membership = account_actions.join_tenant(user=user, tenant=tenant, at=now, accept_terms=True)
    if membership.role != role:
        account_actions.set_role(membership=membership, role=Role(role), actor=None, at=now)
    return user
