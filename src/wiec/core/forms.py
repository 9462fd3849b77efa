"""Form rendering shared by every page: an error summary linked to the fields, hints and
errors tied to inputs with aria-describedby (Django adds it), optional fields marked."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BoundField
from django.forms.renderers import TemplatesSetting
from django.forms.widgets import Widget


class WiecBoundField(BoundField):
    """Drops placeholders: every field has a visible label, and placeholder text disappears
    while typing and rarely meets the contrast minimum (libraries such as allauth add them)."""

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: Widget | None = None
    ) -> dict[str, Any]:
        built: dict[str, Any] = super().build_widget_attrs(attrs, widget)
        if self.label:
            built.pop("placeholder", None)
            (widget or self.field.widget).attrs.pop("placeholder", None)
        return built


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = WiecBoundField


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Django's field, but an id beyond the database's 64-bit range is an invalid choice like
    any unknown id: Django checks it with `pk__in`, which the database driver cannot bind."""

    def clean(self, value: Any) -> Any:
        for item in value if isinstance(value, list | tuple) else []:
            text = str(item).strip().removeprefix("-")
            if text.isdigit() and int(text) >= 2**63:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)


class ContentSelect(forms.Select):
    """A select whose options (not the empty one) are names the municipality wrote, such as
    its categories: each option gets `lang` when the page is in another language (WCAG 3.1.2).
    Build it with `ContentSelect(lang=languages.content_lang(tenant))`."""

    def __init__(self, *args: Any, lang: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = lang

    def create_option(self, name: str, value: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(name, value, *args, **kwargs)
        if self.lang and value not in ("", None):
            option["attrs"] = {**option["attrs"], "lang": self.lang}
        return option
