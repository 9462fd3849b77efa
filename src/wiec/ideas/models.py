"""Ideas on the map: what residents propose, their photos, supports and the office's answers."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned
from wiec.core.phases import DatedPhase
from wiec.core.storage import private_storage
from wiec.ideas.phases import CallPhase
from wiec.ideas.statuses import IdeaStatus
from wiec.moderation.models import Moderatable


def _file_name(instance: Any, filename: str, suffix: str) -> str:
    # Random names: an address says nothing about the idea and cannot be guessed.
    return f"ideas/{instance.tenant_id}/{uuid.uuid4().hex}{suffix}"


def photo_name(instance: Any, filename: str) -> str:
    return _file_name(instance, filename, ".jpg")


def attachment_name(instance: Any, filename: str) -> str:
    return _file_name(instance, filename, ".pdf")


class IdeaSettings(models.Model):
    """The ideas module's settings for one municipality (no row: the defaults)."""

    tenant = models.OneToOneField(
        "tenants.Tenant", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    accepting = models.BooleanField(
        _("residents may submit new ideas"),
        default=True,
        help_text=_("When off, the ideas already submitted stay visible and can be answered."),
    )
    supporters_verified = models.BooleanField(
        _("only verified residents may support ideas"),
        default=False,
        help_text=_(
            "Off: every logged-in account may support, so a count of supports is a count of "
            "accounts. On: only people who have confirmed that they live here (a verified "
            "resident) may add their support."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the list of ideas: what the office expects and how it answers."),
    )

    class Meta:
        verbose_name = _("ideas settings")
        verbose_name_plural = _("ideas settings")

    def __str__(self) -> str:
        return str(_("Ideas settings"))

    def dated_phases(self) -> list[DatedPhase[CallPhase]]:
        """The call for ideas as a process (`wiec.core.phases.phase_at`): open or closed by
        hand, so one phase, current whatever the moment."""
        return [DatedPhase(CallPhase.OPEN if self.accepting else CallPhase.CLOSED)]


class Idea(Moderatable):
    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("description"))
    category = models.ForeignKey(
        "tenants.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("category"),
    )
    district = models.ForeignKey(
        "tenants.District",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    address = models.CharField(_("address or place"), max_length=200, blank=True)
    lat = models.FloatField(_("latitude"), null=True, blank=True)
    lon = models.FloatField(_("longitude"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    thread = models.OneToOneField(
        "discussion.Thread",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("discussion"),
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    attachment = models.FileField(
        _("PDF attachment"),
        upload_to=attachment_name,
        storage=private_storage,
        blank=True,
        max_length=200,
    )
    attachment_title = models.CharField(_("attachment name"), max_length=200, blank=True)
    # fold()ed title, description and address: full-text search on PostgreSQL (a generated,
    # GIN-indexed tsvector column, migration 0002) and word-prefix LIKE on SQLite.
    search_text = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(_("created"))
    updated_at = models.DateTimeField(_("updated"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(lat__isnull=True, lon__isnull=True)
                | Q(lat__isnull=False, lon__isnull=False),
                name="idea_point_complete",
            ),
            models.CheckConstraint(
                condition=Q(status=IdeaStatus.DRAFT, published_at__isnull=True)
                | Q(published_at__isnull=False) & ~Q(status=IdeaStatus.DRAFT),
                name="idea_published_unless_draft",
            ),
        ]
        indexes = [
            models.Index(
                fields=["tenant", "-published_at"],
                condition=Q(published_at__isnull=False, hidden_at__isnull=True),
                name="idea_public_newest",
            ),
            models.Index(
                fields=["tenant", "-support_count"],
                condition=Q(published_at__isnull=False, hidden_at__isnull=True),
                name="idea_public_supported",
            ),
            models.Index(fields=["tenant", "status", "published_at"], name="idea_status"),
        ]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("ideas:show_idea", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == IdeaStatus.DRAFT

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


class IdeaPhoto(TenantOwned):
    """A photo as stored: re-encoded as JPEG, no EXIF (so no GPS), at most 2000 px a side."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="photos", verbose_name=_("idea")
    )
    image = models.FileField(
        _("photo"), upload_to=photo_name, storage=private_storage, max_length=200
    )
    thumbnail = models.FileField(
        _("thumbnail"), upload_to=photo_name, storage=private_storage, max_length=200
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    position = models.PositiveSmallIntegerField(default=0)
    description = models.CharField(
        _("what the photo shows"),
        max_length=200,
        blank=True,
        help_text=_("Read out to people who cannot see the photo."),
    )
    created_at = models.DateTimeField(_("added"))

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return f"{self.idea_id}/{self.pk}"


class Support(TenantOwned):
    """One person's support for an idea: at most one per account (the database says so)."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="+", verbose_name=_("idea")
    )
    # Kept without the person when the account is deleted, so the count stays true.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("supported"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="one_support_per_person"),
        ]
        verbose_name = _("support")
        verbose_name_plural = _("supports")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.idea_id}"


class IdeaAnswer(TenantOwned):
    """The office's public answer: the status it set and the message explaining it."""

    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="answers", verbose_name=_("idea")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("official"),
    )
    status_before = models.CharField(_("status before"), max_length=20, choices=IdeaStatus.choices)
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("answered"))

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~Q(message=""), name="idea_answer_has_message"),
            models.CheckConstraint(
                condition=~Q(status=IdeaStatus.DRAFT), name="idea_answer_not_to_draft"
            ),
        ]
        indexes = [models.Index(fields=["idea", "created_at"], name="idea_answer_history")]
        verbose_name = _("official answer")
        verbose_name_plural = _("official answers")

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.status}"
