"""What voting plugs into the shared pages (docs/modules.md)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from wiec.core import audit
from wiec.core.modules import AuditAction, ModuleSpec
from wiec.core.periodic import PeriodicJob


def mix_ballots_job(at: datetime) -> str:
    from wiec.voting.actions import mix_open_boxes
    from wiec.voting.checks import record_mix_run

    ballots, boxes = mix_open_boxes()
    record_mix_run(at=at)  # the panel and `check --deploy` warn when this stops running
    return f"Rewrote {ballots} ballot(s) in {boxes} open box(es)."


SPEC = ModuleSpec(
    key="voting",
    label=_("Voting"),
    order=65,
    audit_actions=(
        AuditAction("ballot_box.created", _("Ballot box created")),
        AuditAction(
            "ballot_box.changed",
            _("Ballot box dates or eligibility changed"),
            audit.changes_of("voting.ballotbox"),
        ),
        AuditAction("ballot_box.closed", _("Ballot box closed; results final")),
        # Who entered a paper ballot into which box: never what it says.
        AuditAction("ballot_box.paper_ballot_entered", _("Paper ballot entered")),
    ),
    periodic_jobs=(
        PeriodicJob(
            "voting.mix_ballots",
            every=timedelta(minutes=5),
            run=mix_ballots_job,
            description="Rewrite the ballots of every box not yet closed in a random order.",
        ),
    ),
)
