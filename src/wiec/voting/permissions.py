"""Who may vote in a box, and who may run one. Pure predicates over the actor and the box, no
database access."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from wiec.accounts.actors import Actor, Capability
from wiec.verification.models import Level
from wiec.verification.queries import Identity
from wiec.voting.models import BallotBox


class Ineligible(StrEnum):
    LOGIN = "login"
    CONTACT = "contact"
    RESIDENT = "resident"
    DISTRICT = "district"
    AGE = "age"
    REGISTER = "register"


REASONS = {
    Ineligible.LOGIN: _("Log in to vote."),
    Ineligible.CONTACT: _("Confirm your phone number or e-mail address to vote."),
    Ineligible.RESIDENT: _("Only verified residents can vote. Confirm that you live here first."),
    Ineligible.DISTRICT: _("Only residents of the districts listed above can vote."),
    Ineligible.AGE: _("You are below the minimum age for this vote."),
    Ineligible.REGISTER: _("This PESEL is not in the voter register."),
}


def ineligibility(
    box: BallotBox, identity: Identity | None, *, district_ids: Collection[int], at: datetime
) -> Ineligible | None:
    """Why this person may not vote in the box (None: they may). Dates are not checked here.

    `district_ids` are the box's districts (empty: the whole municipality). The minimum age is
    counted by year of birth, the only date kept: whoever turns that age in the year of the
    vote may vote.
    """
    if identity is None:
        return Ineligible.LOGIN
    if identity.level < box.min_level:
        return Ineligible.RESIDENT if box.min_level >= Level.RESIDENT else Ineligible.CONTACT
    if district_ids and identity.district_id not in district_ids:
        return Ineligible.DISTRICT
    if box.minimum_age and (
        identity.birth_year is None or at.year - identity.birth_year < box.minimum_age
    ):
        return Ineligible.AGE
    return None


def accepts_paper(box: BallotBox) -> bool:
    """Paper ballots only where every online voter is known by PESEL too (see
    PaperNotAcceptedError): otherwise one person could vote once online and once on paper."""
    return box.min_level >= Level.RESIDENT


def can_manage_boxes(actor: Actor) -> bool:
    """Create votes, change their dates, close them."""
    return actor.has(Capability.RUN_VOTES)


def can_enter_paper_ballots(actor: Actor) -> bool:
    return actor.has(Capability.ENTER_PAPER)
