"""The ballot box shared by polls and the participatory budget.

Secrecy by design (see ARCHITECTURE.md, "Voting and secrecy"):
- `Participation` says *who* voted in a box, by keyed hashes only;
- `Ballot` says *what* was chosen: a random UUID, the choices and a receipt digest. It has no
  foreign key to a person, no timestamp, no sequence and no ordering column, so nothing can
  join a ballot to a participation (tests/voting/test_secrecy.py inspects this).
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned
from wiec.core.phases import DatedPhase
from wiec.verification.models import Level
from wiec.voting.phases import Phase


class Channel(models.TextChoices):
    ONLINE = "online", _("online")
    PAPER = "paper", _("paper ballot")


class BallotBox(TenantOwned):
    """Dates and eligibility of one vote. The owning module (a poll, a budget edition) defines
    what a ballot's choices are; the box only guarantees one person, one secret ballot."""

    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("voting starts"))
    ends_at = models.DateTimeField(_("voting ends"), help_text=_("The end is exclusive."))
    min_level = models.PositiveSmallIntegerField(
        _("who may vote"), choices=Level.choices, default=Level.RESIDENT
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        default=0,
        help_text=_("0 for no limit. Counted by year of birth: who turns this age this year."),
    )
    districts = models.ManyToManyField(
        "tenants.District",
        blank=True,
        related_name="+",
        verbose_name=_("only residents of these districts"),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(starts_at__lt=F("ends_at")), name="box_dates_order"),
            models.CheckConstraint(
                condition=Q(minimum_age=0) | Q(min_level=Level.RESIDENT),
                name="box_age_needs_residents",
            ),
        ]
        verbose_name = _("ballot box")
        verbose_name_plural = _("ballot boxes")

    def __str__(self) -> str:
        return self.title

    def dated_phases(self) -> list[DatedPhase[Phase]]:
        """The box as a process (`wiec.core.phases.phase_at`): scheduled, open from its start,
        counting from its end; closed, whatever the moment, once an official has closed it."""
        if self.closed_at is not None:
            return [DatedPhase(Phase.CLOSED)]
        return [
            DatedPhase(Phase.SCHEDULED),
            DatedPhase(Phase.OPEN, self.starts_at),
            DatedPhase(Phase.COUNTING, self.ends_at),
        ]


class Participation(models.Model):
    """That a person voted in a box. No account, no time: keyed hashes only.

    `person_key` is the HMAC of the PESEL when the person is verified by PESEL, else of the
    account; `account_key` is the HMAC of the account (empty for paper ballots). Both are
    unique per box, so neither a second account with the same PESEL nor the same account
    after it has been verified can vote twice.
    """

    # A random key too: a sequence would give the order in which people voted.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    box = models.ForeignKey(BallotBox, on_delete=models.CASCADE, related_name="+")
    person_key = models.CharField(max_length=64)
    # NULL rather than "": rows without one stay outside the unique constraint.
    account_key = models.CharField(  # noqa: DJ001
        max_length=64, null=True, blank=True
    )
    channel = models.CharField(max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["box", "person_key"], name="one_vote_per_person"),
            models.UniqueConstraint(fields=["box", "account_key"], name="one_vote_per_account"),
        ]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self) -> str:
        return f"{self.box_id}:{self.person_key[:8]}"


class Ballot(models.Model):
    """What was chosen. Deliberately without any link to a person or a moment."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    box = models.ForeignKey(BallotBox, on_delete=models.CASCADE, related_name="+")
    choices = models.JSONField()
    receipt_digest = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")

    def __str__(self) -> str:
        return str(self.id)
