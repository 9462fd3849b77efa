from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned


class Notification(TenantOwned):
    """One message for one person in the in-app centre (and maybe by e-mail)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    data = models.JSONField(_("details"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created"))
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["recipient", "tenant"],
                condition=Q(read_at__isnull=True),
                name="notification_unread",
            ),
            models.Index(fields=["recipient", "tenant", "-created_at"], name="notification_list"),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class EmailPreference(models.Model):
    """Whether a person wants e-mail for one kind of notification (no row: the kind's default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    email = models.BooleanField(_("send e-mail"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_email_preference_per_kind"),
        ]
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.email}"
