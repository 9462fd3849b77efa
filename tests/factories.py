"""Factories for the foundation's models; module tests add their own next to them."""

from __future__ import annotations

from typing import Any

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from wiec.accounts.models import Membership, Role, User
from wiec.tenants.models import Category, District, Tenant, TenantHost

PASSWORD = "correct-horse-battery-9"


def square(lon: float, lat: float, size: float = 0.01) -> dict[str, Any]:
    """A GeoJSON square with its south-west corner at (lon, lat)."""
    ring = [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
    ]
    return {"type": "Polygon", "coordinates": [ring]}


class TenantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tenant
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"gmina{n}")
    name = factory.LazyAttribute(lambda o: f"Gmina {o.slug.title()}")
    office_name = factory.LazyAttribute(lambda o: f"Urząd {o.name}")
    kind = "gmina_wiejska"
    email = factory.LazyAttribute(lambda o: f"urzad@{o.slug}.example")
    phone = "+48 61 000 00 00"
    map_center_lat = 52.25
    map_center_lon = 16.85
    map_south = 52.0
    map_west = 16.5
    map_north = 52.5
    map_east = 17.2

    @factory.post_generation
    def hosts(self, create: bool, extracted: list[str] | None, **kwargs: Any) -> None:
        if not create:
            return
        names = extracted if extracted is not None else [f"{self.slug}.localhost"]
        for position, name in enumerate(names):
            TenantHost.objects.create(tenant=self, hostname=name, is_primary=position == 0)


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District

    tenant = factory.SubFactory(TenantFactory)
    name = factory.Sequence(lambda n: f"Osiedle {n}")
    slug = factory.Sequence(lambda n: f"osiedle-{n}")
    geometry = factory.Sequence(lambda n: square(16.6 + 0.02 * n, 52.1))


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    tenant = factory.SubFactory(TenantFactory)
    name = factory.Sequence(lambda n: f"Kategoria {n}")
    slug = factory.Sequence(lambda n: f"kategoria-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Osoba {n}")

    @factory.post_generation
    def password(self, create: bool, extracted: str | None, **kwargs: Any) -> None:
        self.set_password(extracted or PASSWORD)
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    tenant = factory.SubFactory(TenantFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.RESIDENT
    joined_at = factory.LazyFunction(timezone.now)
    terms_accepted_at = factory.LazyFunction(timezone.now)


def member(tenant: Tenant, role: Role = Role.RESIDENT, **user_fields: Any) -> User:
    """A person with the given role in the tenant."""
    user = UserFactory(**user_fields)
    MembershipFactory(tenant=tenant, user=user, role=role)
    return user
