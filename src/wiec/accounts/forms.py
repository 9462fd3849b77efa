from __future__ import annotations

from typing import Any

from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import SignupForm as AllauthSignupForm
from allauth.account.internal.flows.email_verification import (
    add_email_verification_sent_message,
)
from django import forms
from django.contrib.auth.hashers import make_password
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wiec.accounts import queries
from wiec.accounts.models import Membership, Role, User
from wiec.core.languages import native_choices
from wiec.tenants.models import District, Tenant
from wiec.tenants.wording import your_district


def display_name_field() -> forms.CharField:
    """The name shown next to what a person writes: asked at sign-up, changed in the profile."""
    return forms.CharField(
        label=_("Display name"),
        max_length=80,
        required=False,
        help_text=_("Shown next to what you write. You may use a first name or a nickname."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )


class LoginForm(AllauthLoginForm):  # type: ignore[misc]
    """allauth's log-in form without the reset link between the password label and its input:
    the page offers it after the button, so Tab goes from the address to the password."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "password" in self.fields:
            self.fields["password"].help_text = ""


class SignupForm(AllauthSignupForm):  # type: ignore[misc]
    display_name = display_name_field()
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and have read the privacy policy"),
        error_messages={"required": _("You must accept the terms of use to create an account.")},
    )

    field_order = ["email", "display_name", "password1", "password2", "accept_terms"]

    def try_save(self, request: HttpRequest) -> tuple[User | None, HttpResponse | None]:
        """allauth's, answering alike whether or not the address has an account (allauth mails
        the owner of an existing one instead): the password is hashed either way, so the answer
        takes about as long, and the "confirmation sent" message is shown even when a mail to
        that address was held back by the per-address limit (a new address never is)."""
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1"))
        user, response = super().try_save(request)
        add_email_verification_sent_message(request, self.cleaned_data["email"], signup=True)
        return user, response

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["accept_terms"].help_text = format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("tenants:show_terms"),
            _("Terms of use"),
            reverse("tenants:show_privacy_policy"),
            _("Privacy policy"),
        )


class LanguageSelect(forms.Select):
    """Each language is named in itself, so its option says which language it is in (WCAG
    3.1.2: a screen reader reads "Українська" with Ukrainian rules on a Polish page)."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option: dict[str, Any] = super().create_option(*args, **kwargs)
        if option["value"]:
            option["attrs"]["lang"] = option["value"]
        return option


class ProfileForm(forms.Form):
    display_name = display_name_field()
    language = forms.ChoiceField(
        label=_("Language of e-mails"),
        required=False,
        widget=LanguageSelect,
        help_text=_("Notifications are e-mailed in this language. Choosing a language with the "
                    "switcher at the top of the page while logged in sets it too."),
    )  # fmt: skip
    home_district = forms.ModelChoiceField(
        label=_("Home district"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("– not chosen –"),
        help_text=_("Used to show what happens near you."),
    )

    def __init__(self, *args: Any, tenant: Tenant, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [  # type: ignore[attr-defined]
            ("", _("The municipality's language")),
            *native_choices(),
        ]
        field = self.fields["home_district"]
        field.label = your_district(tenant.kind)
        field.queryset = District.objects.filter(tenant=tenant).order_by("position", "name")  # type: ignore[attr-defined]


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you."),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class GrantRoleForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the account"),
        help_text=_(
            "The person must have an account and have joined this municipality's site "
            "(signed up or logged in here and accepted its terms)."
        ),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.OFFICIAL)

    membership: Membership

    def __init__(self, *args: Any, tenant: Tenant, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.tenant = tenant
        self.actor = actor

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        membership = queries.member_by_email(tenant=self.tenant, email=email)
        if membership is None or not membership.has_joined:
            raise forms.ValidationError(
                _("No one with this address has joined this municipality's site. Ask the "
                  "person to sign up or log in here first.")
            )  # fmt: skip
        if membership.user_id == self.actor.pk:
            raise forms.ValidationError(
                _("You cannot change your own role. Ask another administrator.")
            )
        self.membership = membership
        return email


class JoinForm(forms.Form):
    accept_terms = forms.BooleanField(
        label=_("I accept the terms of use and have read the privacy policy"),
        error_messages={"required": _("You must accept the terms of use to take part here.")},
    )
