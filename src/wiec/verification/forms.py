"""Validation of what people type; the PESEL is checked here without touching the database."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wiec.accounts.models import User
from wiec.accounts.queries import member_by_email
from wiec.core.csvrows import numbered_rows
from wiec.core.exceptions import UnreadableRowError
from wiec.core.languages import in_content_language
from wiec.tenants.models import District, Tenant
from wiec.tenants.wording import your_district
from wiec.verification import keys
from wiec.verification.exceptions import PeselError
from wiec.verification.models import Channel, VerificationSettings
from wiec.verification.pesel import Pesel, parse

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

PESEL_MESSAGES = {
    "format": _("A PESEL has exactly 11 digits."),
    "checksum": _(
        "This is not a valid PESEL: the last digit does not match the others. "
        "Please check for a typo."
    ),
    "date": _("This is not a valid PESEL: it does not contain a real date of birth."),
    "future": _("This is not a valid PESEL: its date of birth is in the future."),
}
MAX_REGISTER_BYTES = 64 * 1024 * 1024
PHONE = RegexValidator(
    r"^\+?[0-9 ()-]{9,20}$", _("Enter a phone number, e.g. 600 100 200 or +48 600 100 200.")
)


class PeselField(forms.CharField):
    """Eleven digits, validated for checksum and date; cleans to a `Pesel`."""

    def __init__(self, *, today: date, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("PESEL number"))
        kwargs.setdefault("max_length", 20)
        # Not remembered by the browser's autofill; a numeric keypad on phones.
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
            ),
        )
        super().__init__(**kwargs)
        self.today = today

    def clean(self, value: Any) -> Pesel | None:
        text = super().clean(value)
        if not text:
            return None
        try:
            return parse(text, today=self.today)
        except PeselError as error:
            raise forms.ValidationError(PESEL_MESSAGES[error.code], code=error.code) from None


def district_field(
    tenant: Tenant, *, required: bool, label: StrOrPromise, help_text: StrOrPromise
) -> forms.ModelChoiceField[District]:
    return forms.ModelChoiceField(
        label=label,
        queryset=District.objects.filter(tenant=tenant).order_by("position", "name"),
        required=required,
        empty_label=_("– choose –"),
        help_text=help_text,
    )


class DeclarationForm(forms.Form):
    """The resident's own verification; its fields follow the tenant's switched-on methods."""

    def __init__(
        self, *args: Any, tenant: Tenant, config: VerificationSettings, today: date, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        has_districts = District.objects.filter(tenant=tenant).exists()
        if config.pesel_enabled:
            self.fields["pesel"] = PeselField(
                today=today,
                help_text=_(
                    "We store only a keyed fingerprint of it, your year of birth and your "
                    "district, never the number itself."
                ),
            )
            if has_districts:
                self.fields["district"] = district_field(
                    tenant,
                    required=True,
                    label=your_district(tenant.kind),
                    help_text=_(
                        "Where you live. Some votes are open only to residents of a district."
                    ),
                )
        if config.code_enabled:
            if config.code_channel == Channel.SMS:
                self.fields["contact"] = forms.CharField(
                    label=_("Mobile phone number"),
                    validators=[PHONE],
                    help_text=_("We will send a one-time code to it."),
                    widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
                )
            else:
                self.fields["contact"] = forms.EmailField(
                    label=_("E-mail address for the code"),
                    help_text=_("We will send a one-time code to it."),
                    widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                )
        if config.pesel_enabled:
            self.fields["declaration"] = forms.BooleanField(
                # The office's own text is in its language; the standard one is translated.
                label=(
                    in_content_language(config.declaration_text, tenant)
                    if config.declaration_text
                    else config.declaration(kind=tenant.kind)
                ),
                error_messages={"required": _("Please confirm the declaration to continue.")},
            )


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("One-time code"),
        max_length=6,
        min_length=6,
        validators=[RegexValidator(r"^[0-9]{6}$", _("The code has 6 digits."))],
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class InPersonForm(forms.Form):
    """Filled in by an official for a resident standing at the desk: labels name the resident."""

    email = forms.EmailField(
        label=_("E-mail address of the resident's account"),
        help_text=_("The resident must have an account and have joined this municipality's site."),
    )
    document_seen = forms.BooleanField(
        label=_("I have seen the resident's identity document and the PESEL matches it"),
        error_messages={"required": _("Confirm that you have seen the identity document.")},
    )

    user: User

    def __init__(self, *args: Any, tenant: Tenant, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.fields["pesel"] = PeselField(today=today, label=_("The resident's PESEL number"))
        self.fields["district"] = district_field(
            tenant,
            required=False,
            label=_("The resident's district"),
            help_text=_(
                "Where the resident lives. Some votes are open only to residents of a district."
            ),
        )
        self.order_fields(["email", "pesel", "district", "document_seen"])

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        membership = member_by_email(tenant=self.tenant, email=email)
        if membership is None:
            raise forms.ValidationError(
                _(
                    "Nobody who has joined this municipality's site uses this address. Ask the "
                    "resident to sign up and join first."
                )
            )
        self.user = membership.user
        return email


class SettingsForm(forms.ModelForm[VerificationSettings]):
    class Meta:
        model = VerificationSettings
        fields = [
            "pesel_enabled",
            "declaration_text",
            "pesel_explanation",
            "register_required",
            "code_enabled",
            "code_channel",
            "in_person_enabled",
            "minimum_age",
            "retention_days",
        ]
        widgets = {"declaration_text": forms.Textarea(attrs={"rows": 4})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        methods = ("pesel_enabled", "code_enabled", "in_person_enabled")
        if not any(data.get(name) for name in methods):
            raise forms.ValidationError(_("Switch on at least one verification method."))
        if data.get("register_required") and not data.get("pesel_enabled"):
            self.add_error("register_required", _("The register is checked against PESEL numbers."))
        return data


class RegisterKind:
    PESEL = "pesel"
    HMAC = "hmac"


class RegisterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One PESEL (or one fingerprint from `wiec hash_register`) in the first column of "
            "each line. The file is read in memory and never saved."
        ),
    )
    kind = forms.ChoiceField(
        label=_("The file contains"),
        choices=[
            (RegisterKind.PESEL, _("PESEL numbers (fingerprinted on upload)")),
            (RegisterKind.HMAC, _("fingerprints made offline with `wiec hash_register`")),
        ],
        widget=forms.RadioSelect,
        initial=RegisterKind.PESEL,
    )
    replace = forms.BooleanField(
        label=_("Replace the current register"),
        required=False,
        help_text=_("Otherwise the entries are added to it."),
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("file")
        if upload is None or "kind" not in data:
            return data
        if upload.size > MAX_REGISTER_BYTES:
            self.add_error("file", _("The file is larger than 64 MB."))
            return data
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            self.add_error("file", _("The file is not UTF-8 text."))
            return data
        values, bad_lines = parse_register(text, kind=data["kind"], today=self.today)
        if bad_lines:
            shown = ", ".join(str(n) for n in bad_lines[:10])
            self.add_error(
                "file",
                ngettext(
                    "%(count)s line is not valid: line %(lines)s. Nothing was imported.",
                    "%(count)s lines are not valid, e.g. lines %(lines)s. Nothing was imported.",
                    len(bad_lines),
                )
                % {"count": len(bad_lines), "lines": shown},
            )
        elif not values:
            self.add_error("file", _("The file has no entries."))
        data["values"] = values
        return data


def parse_register(text: str, *, kind: str, today: date) -> tuple[list[str], list[int]]:
    """The first column of every non-empty line; a header line is skipped.

    Returns (valid values, numbers of invalid lines).
    """
    values: list[str] = []
    bad: list[int] = []
    try:
        for number, row in numbered_rows(text, delimiter=_sniff(text)):
            cell = row[0].strip() if row else ""
            if not cell:
                continue
            if kind == RegisterKind.HMAC:
                cell = cell.lower()
                if keys.is_hmac(cell):
                    values.append(cell)
                elif number > 1:
                    bad.append(number)
                continue
            try:
                values.append(parse(cell, today=today).number)
            except PeselError:
                if number > 1 or cell.replace(" ", "").isdigit():
                    bad.append(number)
    except UnreadableRowError as unreadable:
        bad.append(unreadable.line)
    return values, bad


def _sniff(text: str) -> str:
    first = text[:1000].splitlines()[0] if text.strip() else ""
    return ";" if first.count(";") > first.count(",") else ","
