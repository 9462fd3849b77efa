"""Form rendering shared by every page: an error summary linked to the fields, hints and
errors tied to inputs with aria-describedby (Django adds it), optional fields marked."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
