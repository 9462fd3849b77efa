from datetime import datetime, timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def mix_ballots_job(at: datetime) -> str:
    from wiec.voting.actions import mix_open_boxes
    from wiec.voting.checks import record_mix_run

    ballots, boxes = mix_open_boxes()
    record_mix_run(at=at)  # the panel and `check --deploy` warn when this stops running
    return f"Rewrote {ballots} ballot(s) in {boxes} open box(es)."


class VotingConfig(AppConfig):
    name = "wiec.voting"
    label = "voting"
    verbose_name = _("Voting")

    def ready(self) -> None:
        from wiec.core import audit
        from wiec.core.periodic import PeriodicJob, jobs
        from wiec.core.registry import AuditAction, registry
        from wiec.voting import checks  # noqa: F401 - registers the mix_ballots system check

        jobs.register(
            PeriodicJob(
                "voting.mix_ballots",
                every=timedelta(minutes=5),
                run=mix_ballots_job,
                description="Rewrite the ballots of every box not yet closed in a random order.",
            )
        )

        registry.add_audit_actions(
            AuditAction("ballot_box.created", _("Ballot box created")),
            AuditAction(
                "ballot_box.changed",
                _("Ballot box dates or eligibility changed"),
                audit.changes_of("voting.ballotbox"),
            ),
            AuditAction("ballot_box.closed", _("Ballot box closed; results final")),
            # Who entered a paper ballot into which box: never what it says.
            AuditAction("ballot_box.paper_ballot_entered", _("Paper ballot entered")),
        )
