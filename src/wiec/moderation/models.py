"""Reports, moderation decisions and blocks; `Moderatable` is the base of what can be hidden."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned


class Moderatable(TenantOwned):
    """Content that moderators can hide: every public query filters `hidden_at__isnull=True`.

    The reason is shown to the public in place of hidden content, so it is written for them.
    """

    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True)
    # The last hide or restore; lets caches notice either (hidden_at alone goes back to NULL).
    moderated_at = models.DateTimeField(_("last moderated"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class ReportReason(models.TextChoices):
    SPAM = "spam", _("spam or advertising")
    OFFENSIVE = "offensive", _("insulting, hateful or vulgar")
    PERSONAL_DATA = "personal_data", _("reveals someone's personal data")
    ILLEGAL = "illegal", _("breaks the law")
    OFF_TOPIC = "off_topic", _("off topic")
    OTHER = "other", _("something else")


class ReportOutcome(models.TextChoices):
    HIDDEN = "hidden", _("content hidden")
    DISMISSED = "dismissed", _("dismissed")
    REMOVED = "removed", _("removed by its author")


class Report(TenantOwned):
    """Someone's report of a piece of content; open until a moderator decides."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    content = GenericForeignKey("content_type", "object_id")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("details"), blank=True)
    created_at = models.DateTimeField(_("reported"))
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReportOutcome.choices, blank=True
    )

    class Meta:
        constraints = [
            # One open report per person and content: a second click does not pile up.
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_report_per_person",
            ),
            models.CheckConstraint(
                condition=Q(resolved_at__isnull=True, outcome="")
                | Q(resolved_at__isnull=False) & ~Q(outcome=""),
                name="report_outcome_when_resolved",
            ),
        ]
        indexes = [
            models.Index(
                fields=["tenant", "created_at"],
                condition=Q(resolved_at__isnull=True),
                name="report_open_queue",
            ),
            models.Index(fields=["content_type", "object_id"], name="report_content"),
        ]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.reason}"


class DecisionAction(models.TextChoices):
    HIDE = "hide", _("hidden")
    RESTORE = "restore", _("restored")
    DISMISS = "dismiss", _("reports dismissed")


class Decision(TenantOwned):
    """A moderator's step on a piece of content, with the reason: the content's history."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    action = models.CharField(_("step"), max_length=20, choices=DecisionAction.choices)
    reason = models.CharField(_("reason"), max_length=500)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderator"),
    )
    created_at = models.DateTimeField(_("time"))

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"], name="decision_content")]
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} {self.action}"


class Block(TenantOwned):
    """A person may not post in this municipality until the block is lifted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    reason = models.CharField(_("reason"), max_length=500)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("blocked by"),
    )
    created_at = models.DateTimeField(_("blocked"))
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lifted by"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "user"],
                condition=Q(lifted_at__isnull=True),
                name="one_active_block_per_person",
            ),
        ]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.tenant_id}"
