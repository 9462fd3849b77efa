from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wiec.core.forms import ContentSelect
from wiec.core.languages import content_lang
from wiec.ideas.exceptions import UploadError
from wiec.ideas.queries import SORTS, IdeaFilters
from wiec.ideas.statuses import MIN_JUSTIFICATION, PUBLIC_STATUSES, IdeaStatus, allowed_next
from wiec.ideas.uploads import CleanPhoto, check_pdf, clean_photo
from wiec.maps.coordinates import parse_coordinates
from wiec.maps.exceptions import LocationError
from wiec.maps.queries import (
    Location,
    matching_places,
    places,
    resolve_location,
)
from wiec.maps.widgets import LocationInput
from wiec.tenants.models import Category, District, Tenant
from wiec.tenants.queries import categories, districts


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


def _content_select(form: forms.Form, name: str, tenant: Tenant) -> None:
    """The municipality's own names (categories) in its language, whatever the page's."""
    field = form.fields[name]
    field.widget = ContentSelect(lang=content_lang(tenant))
    field.widget.is_required = field.required


def _choices(rows: list[Any], empty: str) -> list[tuple[str, str]]:
    return [("", empty), *((str(row.pk), row.name) for row in rows)]


def _place_choices(rows: list[Any]) -> list[tuple[Any, str]]:
    return [("", str(_("choose a place"))), *((p.pk, p.name) for p in rows)]


class IdeaFilterForm(forms.Form):
    """The list's and the map's filters, from the query string; bad values are ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.TypedChoiceField(label=_("Category"), required=False, coerce=int)
    district = forms.TypedChoiceField(label=_("District"), required=False, coerce=int)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False)

    def __init__(self, *args: Any, tenant: Tenant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        _content_select(self, "category", tenant)
        _choice_field(self, "category").choices = _choices(
            list(categories(tenant=tenant)), str(_("all categories"))
        )
        _choice_field(self, "district").choices = _choices(
            list(districts(tenant=tenant).only("pk", "name")), str(_("all districts"))
        )
        _choice_field(self, "status").choices = [("", _("all statuses"))] + [
            (s.value, s.label) for s in PUBLIC_STATUSES
        ]
        _choice_field(self, "sort").choices = [
            (key, label) for key, (label, _order) in SORTS.items()
        ]

    def filters(self) -> IdeaFilters:
        self.is_valid()
        data = self.cleaned_data
        return IdeaFilters(
            q=(data.get("q") or "").strip(),
            category=data.get("category") or None,
            district=data.get("district") or None,
            status=data.get("status") or "",
            sort=data.get("sort") or "newest",
        )


class IdeaForm(forms.Form):
    """An idea's text and place. The place is typed (an address, a place or coordinates, which
    the map picker fills in too), checked against the gazetteer and the municipality's borders."""

    title = forms.CharField(
        label=_("Title"),
        min_length=5,
        max_length=140,
        help_text=_("A short name for your idea, e.g. “A pedestrian crossing by the school”."),
    )
    description = forms.CharField(
        label=_("Description"),
        min_length=20,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What should change and why? Markdown: **bold**, - list, [link](https://…). "
            "At most 5000 characters."
        ),
    )
    category = forms.TypedChoiceField(label=_("Category"), coerce=int)
    location = forms.CharField(
        label=_("Where?"),
        max_length=200,
        help_text=_(
            "A street or place from the list (e.g. “ul. Szkolna 5”), or coordinates "
            "(e.g. 52.245, 16.875 or 52°14′42″N 16°52′30″E). Clicking the map fills this in."
        ),
        widget=LocationInput(),
    )
    place = forms.TypedChoiceField(label=_("Which place do you mean?"), required=False, coerce=int)
    no_point = forms.BooleanField(
        label=_("I cannot find the place: save it described in words, without a point on the map"),
        required=False,
        help_text=_("Then choose the district below, so the office knows where to look."),
    )
    district = forms.TypedChoiceField(
        label=_("District"),
        required=False,
        coerce=int,
        help_text=_("Found from the place; choose another if it is wrong."),
    )

    location_result: Location | None = None

    def __init__(self, *args: Any, tenant: Tenant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.category_rows = {c.pk: c for c in categories(tenant=tenant)}
        _content_select(self, "category", tenant)
        # The borders are not needed here, and they are the big part of a district row.
        self.district_rows = {d.pk: d for d in districts(tenant=tenant).defer("geometry")}
        _choice_field(self, "category").choices = _choices(
            list(self.category_rows.values()), str(_("choose a category"))
        )
        if not self.category_rows:
            self.fields["category"].required = False
        _choice_field(self, "district").choices = _choices(
            list(self.district_rows.values()), str(_("the district of the place"))
        )
        widget = self.fields["location"].widget
        widget.tenant = tenant
        widget.place_names = list(places(tenant=tenant).values_list("name", flat=True))
        # The list of places to choose from appears only when a typed name matched several.
        typed = self.data.get(self.add_prefix("location"), "") if self.is_bound else ""
        typed_a_name = typed and parse_coordinates(typed) is None
        matches = matching_places(tenant=tenant, text=typed) if typed_a_name else []
        if len(matches) > 1:
            _choice_field(self, "place").choices = _place_choices(matches)
        else:
            del self.fields["place"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        text = data.get("location", "")
        if not text:
            return data  # "required" has said it
        try:
            self.location_result = resolve_location(
                tenant=self.tenant, text=text, place_id=data.get("place") or None
            )
        except LocationError as problem:
            if problem.code == "ambiguous":  # __init__ has offered the same places
                self.add_error("place" if "place" in self.fields else "location", problem.message)
            elif problem.code == "not_found" and data.get("no_point"):
                self.location_result = Location(None, None, text.strip(), None)
                if not data.get("district"):
                    self.add_error(
                        "district", _("Choose the district, since the place has no point.")
                    )
            else:
                self.add_error("location", problem.message)
        return data

    @property
    def checked_location(self) -> Location:
        """The checked place; only after is_valid() succeeded."""
        if self.location_result is None:
            msg = "the form has not been validated"
            raise ValueError(msg)
        return self.location_result

    @property
    def chosen_category(self) -> Category | None:
        return self.category_rows.get(self.cleaned_data.get("category") or 0)

    @property
    def chosen_district(self) -> District | None:
        return self.district_rows.get(self.cleaned_data.get("district") or 0)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files from one input; cleans to a list (empty when none were chosen)."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> Any:
        items = data if isinstance(data, list | tuple) else [data] if data else []
        return [super().clean(item, initial) for item in items]


class PhotoDescriptionForm(forms.Form):
    description = forms.CharField(
        label=_("What the photo shows"),
        max_length=200,
        required=False,
        help_text=_(
            "One sentence for people who cannot see it, e.g. “The broken bench by the pond”."
        ),
    )


class FilesForm(forms.Form):
    """Photos (each checked, re-encoded and stripped of EXIF) and one PDF."""

    photos = MultipleFileField(
        label=_("Photos"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    attachment = forms.FileField(
        label=_("PDF document"),
        required=False,
        help_text=_("E.g. a sketch or a plan. At most 10 MB; it replaces the previous one."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    cleaned_photos: list[CleanPhoto]

    def __init__(self, *args: Any, free_slots: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.free_slots = free_slots
        self.cleaned_photos = []
        self.fields["photos"].help_text = ngettext(
            "JPEG, PNG or WebP, at most 10 MB each. You can add %(n)d more photo.",
            "JPEG, PNG or WebP, at most 10 MB each. You can add %(n)d more photos.",
            free_slots,
        ) % {"n": free_slots}

    def clean_photos(self) -> list[UploadedFile[bytes]]:
        files: list[UploadedFile[bytes]] = self.cleaned_data.get("photos") or []
        if len(files) > self.free_slots:
            raise forms.ValidationError(
                ngettext(
                    "An idea can have at most 5 photos; you can add %(n)d more photo.",
                    "An idea can have at most 5 photos; you can add %(n)d more photos.",
                    self.free_slots,
                )
                % {"n": self.free_slots}
            )
        errors = []
        for upload in files:
            try:
                self.cleaned_photos.append(
                    clean_photo(upload, name=upload.name or "", size=upload.size)
                )
            except UploadError as problem:
                errors.append(str(problem))
        if errors:
            raise forms.ValidationError(errors)
        return files

    def clean_attachment(self) -> UploadedFile[bytes] | None:
        upload: UploadedFile[bytes] | None = self.cleaned_data.get("attachment")
        if upload:
            try:
                check_pdf(upload, name=upload.name or "", size=upload.size)
            except UploadError as problem:
                raise forms.ValidationError(str(problem)) from None
        return upload

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("photos") and not data.get("attachment"):
            raise forms.ValidationError(_("Choose a photo or a PDF document to add."))
        return data


class AnswerForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    message = forms.CharField(
        label=_("Public answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Shown on the idea's page and sent to its author and followers. Markdown works. "
            "A rejection must give its reasons."
        ),
    )

    def __init__(self, *args: Any, current: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choice_field(self, "status").choices = [("", _("choose the new status"))] + [
            (
                s.value,
                _("%(status)s (progress update)") % {"status": s.label}
                if s == current
                else s.label,
            )
            for s in allowed_next(current)
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        message = (data.get("message") or "").strip()
        if data.get("status") == IdeaStatus.REJECTED and len(message) < MIN_JUSTIFICATION:
            self.add_error(
                "message",
                _("Give the reasons for the rejection (at least %(n)d characters).")
                % {"n": MIN_JUSTIFICATION},
            )
        return data


class IdeaSettingsForm(forms.Form):
    accepting = forms.BooleanField(
        label=_("Residents may submit new ideas"),
        required=False,
        help_text=_("When off, the ideas already submitted stay visible and can be answered."),
    )
    supporters_verified = forms.BooleanField(
        label=_("Only verified residents may support ideas"),
        required=False,
        help_text=_(
            "Off (the default): every logged-in account may support, so supports count "
            "accounts. On: only people who have confirmed that they live here may add their "
            "support; the idea pages say so. Supports given before stay counted."
        ),
    )
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Shown above the list of ideas. Markdown works."),
    )
