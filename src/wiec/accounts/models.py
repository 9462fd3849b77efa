from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person's account, shared by every municipality on the platform.

    What a person may do in a municipality comes from their `Membership` there; `is_staff` and
    `is_superuser` are only for the platform operators (Django admin).
    """

    email = models.EmailField(_("e-mail"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("Shown next to what you write. You may use a first name or a nickname."),
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=8,
        blank=True,
        help_text=_("Empty: each municipality's own language."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("platform operator"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.email

    @property
    def public_name(self) -> str:
        """What others see: the display name, never the e-mail address."""
        return self.display_name or str(_("Resident"))


class Role(models.TextChoices):
    RESIDENT = "resident", _("resident")
    MODERATOR = "moderator", _("moderator")
    OFFICIAL = "official", _("official")
    ADMIN = "admin", _("administrator")


STAFF_ROLES = frozenset({Role.MODERATOR, Role.OFFICIAL, Role.ADMIN})


class Membership(models.Model):
    """A person's place in one municipality: their role and home district."""

    tenant = models.ForeignKey(
        "tenants.Tenant", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    home_district = models.ForeignKey(
        "tenants.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home district"),
    )
    joined_at = models.DateTimeField(_("joined"))
    # Each municipality is its own data controller: taking part there means accepting its terms.
    terms_accepted_at = models.DateTimeField(_("terms accepted"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "user"], name="one_membership_per_tenant"),
        ]
        indexes = [models.Index(fields=["tenant", "role"], name="membership_tenant_role")]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.tenant_id}: {self.role}"

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def has_joined(self) -> bool:
        """Whether the person accepted this municipality's terms (staff roles imply it)."""
        return self.terms_accepted_at is not None or self.is_staff_role
