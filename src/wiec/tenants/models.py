from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned
from wiec.tenants import colours
from wiec.tenants.validators import (
    tile_origin,
    validate_hostname,
    validate_logo,
    validate_tile_url,
)

HEX_COLOUR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as #RRGGBB, e.g. #1d4f91."))
LANGUAGE_CHOICES = [("pl", _("Polish")), ("en", _("English")), ("uk", _("Ukrainian"))]


class TenantKind(models.TextChoices):
    RURAL_GMINA = "gmina_wiejska", _("rural municipality (gmina wiejska)")
    URBAN_RURAL_GMINA = "gmina_miejsko_wiejska", _("urban-rural municipality")
    TOWN = "gmina_miejska", _("town or city (gmina miejska)")
    CITY_POWIAT = "miasto_na_prawach_powiatu", _("city with powiat rights")
    POWIAT = "powiat", _("county (powiat)")
    ASSOCIATION = "zwiazek", _("association of municipalities")


class Tenant(models.Model):
    """A municipality (or powiat, or association) with its own site on the platform."""

    slug = models.SlugField(_("short name"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=150, help_text=_("E.g. Gmina Nadrzecze."))
    office_name = models.CharField(
        _("office name"), max_length=200, help_text=_("E.g. Urząd Gminy Nadrzecze.")
    )
    kind = models.CharField(_("kind"), max_length=40, choices=TenantKind.choices)
    default_language = models.CharField(
        _("default language"), max_length=8, choices=LANGUAGE_CHOICES, default="pl"
    )
    is_active = models.BooleanField(_("active"), default=True)

    # Branding
    logo = models.ImageField(
        _("logo"), upload_to="tenants/logos/", blank=True, validators=[validate_logo]
    )
    primary_colour = models.CharField(
        _("primary colour"), max_length=7, default="#1d4f91", validators=[HEX_COLOUR]
    )
    theme_version = models.PositiveIntegerField(default=1, editable=False)

    # Contact
    address = models.TextField(_("postal address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    website_url = models.URLField(_("office website"), blank=True)
    bip_url = models.URLField(_("Public Information Bulletin (BIP)"), blank=True)

    # Map
    map_center_lat = models.FloatField(
        _("map centre latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    map_center_lon = models.FloatField(
        _("map centre longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    map_zoom = models.PositiveSmallIntegerField(
        _("map zoom"), default=12, validators=[MinValueValidator(1), MaxValueValidator(19)]
    )
    map_south = models.FloatField(_("southern edge (latitude)"))
    map_west = models.FloatField(_("western edge (longitude)"))
    map_north = models.FloatField(_("northern edge (latitude)"))
    map_east = models.FloatField(_("eastern edge (longitude)"))
    tile_url = models.CharField(
        _("map tile address"),
        max_length=300,
        default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        validators=[validate_tile_url],
        help_text=_(
            "An https address with {z}, {x} and {y}. Use a provider whose terms allow your traffic."
        ),
    )
    tile_attribution = models.CharField(
        _("map attribution"), max_length=300, default="© OpenStreetMap contributors"
    )
    tile_attribution_url = models.URLField(
        _("map attribution link"), blank=True, default="https://www.openstreetmap.org/copyright"
    )

    # Legal texts (Markdown) and security
    privacy_policy = models.TextField(_("privacy policy"), blank=True)
    terms = models.TextField(_("terms of use"), blank=True)
    require_staff_mfa = models.BooleanField(
        _("require two-factor authentication for staff"),
        default=False,
        help_text=_("Moderators, officials and administrators must set up an authenticator app."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(map_south__lt=F("map_north")) & Q(map_west__lt=F("map_east")),
                name="tenant_map_bounds_ordered",
            ),
        ]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("core:show_home")

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        south, north, west, east = self.map_south, self.map_north, self.map_west, self.map_east
        if south is not None and north is not None and south >= north:
            errors["map_north"] = _("The northern edge must be north of the southern edge.")
        if west is not None and east is not None and west >= east:
            errors["map_east"] = _("The eastern edge must be east of the western edge.")
        if (
            not errors
            and None not in (self.map_center_lat, self.map_center_lon, south, north, west, east)
            and not self.bounds_contain(self.map_center_lat, self.map_center_lon)
        ):
            errors["map_center_lat"] = _("The map centre must lie inside the map edges.")
        if errors:
            raise ValidationError(errors)

    def bounds_contain(self, lat: float, lon: float) -> bool:
        return self.map_south <= lat <= self.map_north and self.map_west <= lon <= self.map_east

    @property
    def tile_origin(self) -> str | None:
        """The tile server as a CSP source, or None if the address is not a safe one."""
        try:
            return tile_origin(self.tile_url)
        except ValueError:
            return None

    @property
    def phone_uri(self) -> str:
        return "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")

    @property
    def palette(self) -> colours.Palette:
        return colours.palette_for(self.primary_colour)


class TenantHost(models.Model):
    """A host name that opens a tenant's site, e.g. `konsultacje.nadrzecze.pl`."""

    tenant = models.ForeignKey(
        Tenant, on_delete=models.CASCADE, related_name="hosts", verbose_name=_("municipality")
    )
    hostname = models.CharField(
        _("host name"),
        max_length=253,
        unique=True,
        help_text=_("Without scheme or port, e.g. nadrzecze.localhost."),
        validators=[validate_hostname],
    )
    is_primary = models.BooleanField(_("primary address"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tenant"], condition=Q(is_primary=True), name="one_primary_host_per_tenant"
            ),
        ]
        verbose_name = _("host name")
        verbose_name_plural = _("host names")

    def __str__(self) -> str:
        return self.hostname


class District(TenantOwned):
    """A part of the municipality (osiedle, sołectwo, dzielnica) with its border."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=80)
    geometry = models.JSONField(
        _("border (GeoJSON)"), null=True, blank=True, help_text=_("A Polygon or MultiPolygon.")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "slug"], name="district_unique_slug"),
            models.UniqueConstraint(fields=["tenant", "name"], name="district_unique_name"),
        ]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name


class Category(TenantOwned):
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("short name"), max_length=80)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "slug"], name="category_unique_slug"),
            models.UniqueConstraint(fields=["tenant", "name"], name="category_unique_name"),
        ]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name


class ComplianceStatus(models.TextChoices):
    FULL = "full", _("fully compliant")
    PARTIAL = "partial", _("partially compliant")
    NONE = "none", _("not compliant")


class AssessmentMethod(models.TextChoices):
    SELF = "self", _("self-assessment by the public body")
    EXTERNAL = "external", _("assessment by an external body")


class AccessibilityStatement(TenantOwned):
    """The deklaracja dostępności required by the act of 4 April 2019, field by field.

    The page renders it in the structure of the ministry's template, with the element ids
    (`a11y-…`) that the state's monitoring looks for.
    """

    published_on = models.DateField(_("date the site was published"))
    updated_on = models.DateField(_("date of the last significant update"))
    status = models.CharField(
        _("compliance status"),
        max_length=10,
        choices=ComplianceStatus.choices,
        default=ComplianceStatus.PARTIAL,
    )
    non_accessible_content = models.TextField(
        _("content that is not accessible, and why"), blank=True
    )
    exemptions = models.TextField(_("exemptions"), blank=True)
    burden_analysis_url = models.URLField(
        _("link to the disproportionate-burden analysis"), blank=True
    )
    prepared_on = models.DateField(_("date the statement was prepared"))
    reviewed_on = models.DateField(_("date of the last review of the statement"))
    assessment_method = models.CharField(
        _("how the statement was prepared"),
        max_length=10,
        choices=AssessmentMethod.choices,
        default=AssessmentMethod.SELF,
    )
    assessor = models.CharField(_("external assessor"), max_length=200, blank=True)
    keyboard_shortcuts = models.TextField(_("keyboard shortcuts"), blank=True)
    contact_person = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40)
    architectural_accessibility = models.TextField(_("accessibility of the buildings"))
    mobile_apps = models.TextField(_("mobile applications"), blank=True)
    additional_information = models.TextField(_("additional information"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant"], name="one_accessibility_statement"),
        ]
        verbose_name = _("accessibility statement")
        verbose_name_plural = _("accessibility statements")

    def __str__(self) -> str:
        return str(_("Accessibility statement"))
