from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "wiec.voting"
    label = "voting"
    verbose_name = _("Voting")

    def ready(self) -> None:
        from wiec.core.registry import AuditAction, registry
        from wiec.voting import checks  # noqa: F401 - registers the mix_ballots system check

        registry.add_audit_actions(
            AuditAction("ballot_box.created", _("Ballot box created")),
            AuditAction("ballot_box.changed", _("Ballot box dates or eligibility changed")),
            AuditAction("ballot_box.closed", _("Ballot box closed; results final")),
            # Who entered a paper ballot into which box: never what it says.
            AuditAction("ballot_box.paper_ballot_entered", _("Paper ballot entered")),
        )
