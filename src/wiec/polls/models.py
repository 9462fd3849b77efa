"""Polls: questions with options, on top of a voting BallotBox (dates and eligibility)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned


class Eligibility(models.TextChoices):
    LOGGED_IN = "logged_in", _("anyone with an account")
    RESIDENTS = "residents", _("verified residents")
    DISTRICTS = "districts", _("verified residents of chosen districts")


class ResultsVisibility(models.TextChoices):
    LIVE = "live", _("live, while voting is open")
    AFTER_CLOSE = "after_close", _("only after the poll is closed")


class Poll(TenantOwned):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    box = models.OneToOneField(
        "voting.BallotBox", on_delete=models.PROTECT, related_name="+", verbose_name=_("ballot box")
    )
    eligibility = models.CharField(
        _("who may vote"), max_length=20, choices=Eligibility.choices, default=Eligibility.RESIDENTS
    )
    results_visibility = models.CharField(
        _("results"),
        max_length=20,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.AFTER_CLOSE,
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Drafts are visible only to staff.")
    )
    created_at = models.DateTimeField(_("created"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    class Meta:
        indexes = [models.Index(fields=["tenant", "is_published"], name="poll_tenant_published")]
        verbose_name = _("poll")
        verbose_name_plural = _("polls")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("polls:show_poll", args=[self.pk])


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("one answer")
    MULTIPLE = "multiple", _("several answers")


class Question(models.Model):
    poll = models.ForeignKey(
        Poll, on_delete=models.CASCADE, related_name="questions", verbose_name=_("poll")
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("answers"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    max_choices = models.PositiveSmallIntegerField(
        _("at most this many answers"),
        null=True,
        blank=True,
        help_text=_("For several answers; empty means any number."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind=QuestionKind.MULTIPLE) | Q(max_choices__isnull=True),
                name="question_single_has_no_maximum",
            ),
            models.CheckConstraint(
                condition=Q(max_choices__isnull=True) | Q(max_choices__gte=1),
                name="question_maximum_positive",
            ),
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def limit(self) -> int | None:
        """How many options a ballot may choose (None: any number)."""
        return 1 if self.kind == QuestionKind.SINGLE else self.max_choices


class Option(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("question")
    )
    text = models.CharField(_("answer"), max_length=300)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self) -> str:
        return self.text
