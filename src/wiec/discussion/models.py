"""Threads of comments attached to any module's object, and who follows them."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned
from wiec.moderation.models import Moderatable


class Thread(TenantOwned):
    """The discussion of one object (an idea, a project, a consultation section).

    The owner points here with a one-to-one field named `thread`; `owner_type` says which model
    that is, so discussion finds its owner without knowing the module.
    """

    owner_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("belongs to")
    )
    # Visible comments (neither deleted nor hidden): lists sort by it without counting.
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    created_at = models.DateTimeField(_("created"))

    class Meta:
        indexes = [models.Index(fields=["tenant", "-comment_count"], name="thread_most_discussed")]
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self) -> str:
        return f"{self.owner_type_id}/{self.pk}"


class Comment(Moderatable):
    """A comment, or a reply to one (one level: replies to replies join the same parent)."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="comments", verbose_name=_("discussion")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("comment"))
    # Written by an official or administrator of the municipality: shown with a badge.
    by_official = models.BooleanField(_("office's answer"), default=False)
    created_at = models.DateTimeField(_("written"))
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["thread", "created_at"], name="comment_thread_order")]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return Truncator(self.body).chars(60) if self.body else f"#{self.pk}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Follow(TenantOwned):
    """A person wants to hear about news in this thread's object."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="+", verbose_name=_("discussion")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("since"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="one_follow_per_person"),
        ]
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.thread_id}"
