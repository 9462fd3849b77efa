"""Proof that a person is a resident: what each municipality switched on, and who was verified.

No raw PESEL is stored anywhere: only its HMAC (see keys.py), the birth year and the district.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned
from wiec.tenants.wording import default_declaration


def new_salt() -> str:
    return secrets.token_hex(32)


class Level(models.IntegerChoices):
    """How much the platform knows about a person, weakest first."""

    ACCOUNT = 0, _("any logged-in person")
    CONTACT = 1, _("confirmed phone number or e-mail (one-time code)")
    RESIDENT = 2, _("verified resident")


class Method(models.TextChoices):
    PESEL = "pesel", _("PESEL and declaration of residence")
    CODE = "code", _("one-time code")
    IN_PERSON = "in_person", _("in person at the office")


class Channel(models.TextChoices):
    EMAIL = "email", _("e-mail")
    SMS = "sms", _("text message (SMS)")


class VerificationSettings(models.Model):
    """The verification methods a municipality offers (one row per tenant)."""

    tenant = models.OneToOneField(
        "tenants.Tenant",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("municipality"),
    )
    pesel_enabled = models.BooleanField(
        _("verification by PESEL and declaration of residence"), default=True
    )
    declaration_text = models.TextField(
        _("declaration text"),
        blank=True,
        help_text=_("The legal statement a person accepts. Empty: the standard wording."),
    )
    pesel_explanation = models.TextField(
        _("why the PESEL is asked for"),
        blank=True,
        help_text=_("Shown on the form, e.g. the resolution that requires it (Markdown)."),
    )
    register_required = models.BooleanField(
        _("require presence in the voter register"),
        default=False,
        help_text=_("A PESEL must be in the register uploaded by the office."),
    )
    code_enabled = models.BooleanField(
        _("confirm a phone number or e-mail with a one-time code"), default=False
    )
    code_channel = models.CharField(
        _("where codes are sent"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    in_person_enabled = models.BooleanField(_("verification in person at the office"), default=True)
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age to verify"),
        default=0,
        validators=[MaxValueValidator(120)],
        help_text=_("0 for no limit. Polls and votes may set their own, higher limit."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep verification data for (days)"),
        default=730,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("After this time `wiec purge_verifications` deletes them."),
    )
    # Combined with WIEC_HMAC_SECRET; never shown, never editable (changing it voids every hash).
    salt = models.CharField(max_length=64, default=new_salt, editable=False)

    class Meta:
        verbose_name = _("verification settings")
        verbose_name_plural = _("verification settings")

    def __str__(self) -> str:
        return str(_("Verification settings"))

    def declaration(self, *, kind: str) -> str:
        """The office's own text, or the standard one for a tenant of this kind."""
        return self.declaration_text or default_declaration(kind)


class Verification(TenantOwned):
    """A person's proof of residency (or of a contact) in one municipality."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    method = models.CharField(_("method"), max_length=12, choices=Method.choices)
    # NULL rather than "": rows without one stay outside the unique constraint.
    pesel_hmac = models.CharField(  # noqa: DJ001
        _("PESEL (keyed hash)"), max_length=64, null=True, blank=True
    )
    contact_hmac = models.CharField(  # noqa: DJ001
        _("phone or e-mail (keyed hash)"), max_length=64, null=True, blank=True
    )
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    district = models.ForeignKey(
        "tenants.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    verified_at = models.DateTimeField(_("verified"))
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="one_verification_per_account"),
            models.UniqueConstraint(
                fields=["tenant", "pesel_hmac"],
                condition=Q(pesel_hmac__isnull=False),
                name="one_account_per_pesel",
            ),
            models.UniqueConstraint(
                fields=["tenant", "contact_hmac"],
                condition=Q(contact_hmac__isnull=False),
                name="one_account_per_contact",
            ),
            models.CheckConstraint(
                condition=Q(level__lt=Level.RESIDENT) | Q(pesel_hmac__isnull=False),
                name="resident_has_pesel",
            ),
        ]
        indexes = [models.Index(fields=["tenant", "verified_at"], name="verification_age")]
        verbose_name = _("verification")
        verbose_name_plural = _("verifications")

    def __str__(self) -> str:
        return f"{self.get_method_display()} ({self.verified_at:%Y-%m-%d})"

    @property
    def is_resident(self) -> bool:
        return self.level >= Level.RESIDENT


class RegisterEntry(TenantOwned):
    """One person in the voter register the office uploaded: only the PESEL's HMAC."""

    pesel_hmac = models.CharField(_("PESEL (keyed hash)"), max_length=64)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "pesel_hmac"], name="register_unique_pesel"),
        ]
        verbose_name = _("voter register entry")
        verbose_name_plural = _("voter register")

    def __str__(self) -> str:
        return self.pesel_hmac[:12]


class PendingCode(TenantOwned):
    """A one-time code sent to a phone or e-mail, with what the person typed before it.

    The code itself is kept only as a hash; the PESEL only as its HMAC.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    contact_hmac = models.CharField(max_length=64)
    code_hash = models.CharField(max_length=64)
    # NULL rather than "": rows without one stay outside the unique constraint.
    pesel_hmac = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True
    )
    birth_year = models.PositiveSmallIntegerField(null=True, blank=True)
    district = models.ForeignKey(
        "tenants.District", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="one_pending_code_per_account"),
        ]
        verbose_name = _("pending one-time code")
        verbose_name_plural = _("pending one-time codes")

    def __str__(self) -> str:
        return f"{self.channel} {self.created_at:%Y-%m-%d %H:%M}"
