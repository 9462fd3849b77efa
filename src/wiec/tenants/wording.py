"""Words that depend on what kind of local government a tenant is.

A town (gmina miejska, Miasto Lipowiec) is "miasto" and is divided into osiedla; a rural gmina
is divided into sołectwa; an urban-rural gmina has both; a powiat or an association of gminas
is made of gminas. The tenant knows its kind (`Tenant.kind`); its districts have no kind of
their own, so the kind of the tenant decides what they are called. Whole sentences are kept per
kind so that each language can inflect them properly.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from wiec.tenants.models import TenantKind


class Shape(StrEnum):
    RURAL = "rural"
    MIXED = "mixed"
    CITY = "city"
    POWIAT = "powiat"
    ASSOCIATION = "association"


SHAPES: dict[str, Shape] = {
    TenantKind.RURAL_GMINA: Shape.RURAL,
    TenantKind.URBAN_RURAL_GMINA: Shape.MIXED,
    TenantKind.TOWN: Shape.CITY,
    TenantKind.CITY_POWIAT: Shape.CITY,
    TenantKind.POWIAT: Shape.POWIAT,
    TenantKind.ASSOCIATION: Shape.ASSOCIATION,
}


def shape_of(kind: str) -> Shape:
    """The shape of a tenant kind; an unknown kind is treated as an urban-rural gmina."""
    return SHAPES.get(kind, Shape.MIXED)


YOUR_DISTRICT: dict[Shape, Promise] = {
    Shape.RURAL: pgettext_lazy("district of a rural municipality", "Your village"),
    Shape.MIXED: pgettext_lazy(
        "district of an urban-rural municipality", "Your neighbourhood or village"
    ),
    Shape.CITY: pgettext_lazy("district of a town", "Your neighbourhood"),
    Shape.POWIAT: pgettext_lazy("district of a county", "Your municipality"),
    Shape.ASSOCIATION: pgettext_lazy("district of an association", "Your municipality"),
}

DECLARATION: dict[Shape, Promise] = {
    Shape.RURAL: pgettext_lazy(
        "declaration in a municipality",
        "I declare that I live in the municipality and that the data I have given are true. "
        "I am aware that voting on behalf of another person is against the rules.",
    ),
    Shape.CITY: pgettext_lazy(
        "declaration in a town",
        "I declare that I live in the town and that the data I have given are true. "
        "I am aware that voting on behalf of another person is against the rules.",
    ),
    Shape.POWIAT: pgettext_lazy(
        "declaration in a county",
        "I declare that I live in the county and that the data I have given are true. "
        "I am aware that voting on behalf of another person is against the rules.",
    ),
    Shape.ASSOCIATION: pgettext_lazy(
        "declaration in an association",
        "I declare that I live in one of the municipalities of the association and that the "
        "data I have given are true. I am aware that voting on behalf of another person is "
        "against the rules.",
    ),
}
DECLARATION[Shape.MIXED] = DECLARATION[Shape.RURAL]


def your_district(kind: str) -> str:
    """Label of the field where residents choose the part of the tenant they live in."""
    return str(YOUR_DISTRICT[shape_of(kind)])


def default_declaration(kind: str) -> str:
    """The standard declaration of residence for a tenant of this kind."""
    return str(DECLARATION[shape_of(kind)])
