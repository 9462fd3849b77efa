from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from wiec.tenants.exceptions import GeoJSONError
from wiec.tenants.geo import DistrictShape, parse_district_file
from wiec.tenants.models import AccessibilityStatement, Category, District, Tenant

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TenantSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Tenant
        fields = [
            "name",
            "office_name",
            "default_language",
            "primary_colour",
            "logo",
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
            "tile_url",
            "tile_attribution",
            "tile_attribution_url",
            "require_staff_mfa",
        ]
        widgets = {
            "primary_colour": forms.TextInput(attrs={"type": "color"}),
            "address": forms.Textarea(attrs={"rows": 3}),
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
        }


class LegalTextsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Tenant
        fields = ["privacy_policy", "terms"]
        widgets = {
            "privacy_policy": forms.Textarea(attrs={"rows": 14}),
            "terms": forms.Textarea(attrs={"rows": 14}),
        }
        help_texts = {
            "privacy_policy": _("Markdown: # heading, **bold**, - list, [link](https://…)."),
            "terms": _("Markdown: # heading, **bold**, - list, [link](https://…)."),
        }


class AccessibilityStatementForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = AccessibilityStatement
        fields = [
            "published_on",
            "updated_on",
            "status",
            "non_accessible_content",
            "exemptions",
            "burden_analysis_url",
            "prepared_on",
            "reviewed_on",
            "assessment_method",
            "assessor",
            "keyboard_shortcuts",
            "contact_person",
            "contact_email",
            "contact_phone",
            "architectural_accessibility",
            "mobile_apps",
            "additional_information",
        ]
        widgets = {
            "published_on": DATE_INPUT,
            "updated_on": DATE_INPUT,
            "prepared_on": DATE_INPUT,
            "reviewed_on": DATE_INPUT,
            "non_accessible_content": forms.Textarea(attrs={"rows": 5}),
            "exemptions": forms.Textarea(attrs={"rows": 3}),
            "keyboard_shortcuts": forms.Textarea(attrs={"rows": 3}),
            "architectural_accessibility": forms.Textarea(attrs={"rows": 6}),
            "mobile_apps": forms.Textarea(attrs={"rows": 3}),
            "additional_information": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("assessment_method") == "external" and not data.get("assessor"):
            self.add_error("assessor", _("Name the body that carried out the assessment."))
        prepared, reviewed = data.get("prepared_on"), data.get("reviewed_on")
        if prepared and prepared > self.today:
            self.add_error(
                "prepared_on", _("This date is in the future: give the day it was prepared.")
            )
        if prepared and reviewed and reviewed < prepared:
            self.add_error(
                "reviewed_on",
                _("A review comes after the statement was prepared: check both dates."),
            )
        if reviewed and reviewed > self.today:
            self.add_error(
                "reviewed_on", _("This date is in the future: give the day of the review.")
            )
        return data


class DistrictImportForm(forms.Form):
    file = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_("A FeatureCollection of polygons in WGS 84 (longitude, latitude)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".geojson,.json,application/geo+json"}),
    )
    name_property = forms.CharField(
        label=_("Property holding the district name"), initial="name", max_length=100
    )
    replace = forms.BooleanField(
        label=_("Delete districts that are not in the file"), required=False
    )

    shapes: list[DistrictShape]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is not None and data.get("name_property"):
            try:
                self.shapes = parse_district_file(
                    upload.read(), name_property=data["name_property"]
                )
            except GeoJSONError as exc:
                self.add_error("file", str(exc))
        return data


class DistrictRenameForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = District
        fields = ["name"]

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = District.objects.filter(tenant=self.instance.tenant, name=name).exclude(
            pk=self.instance.pk
        )
        if clash.exists():
            raise forms.ValidationError(_("Another district already has this name."))
        return name


class CategoryForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Category
        fields = ["name", "description", "position"]

    def __init__(self, *args: Any, tenant: Tenant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tenant = tenant

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"].strip()
        clash = Category.objects.filter(tenant=self.tenant, name=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("Another category already has this name."))
        return name
