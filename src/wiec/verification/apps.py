from datetime import datetime, timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def purge_verifications_job(at: datetime) -> str:
    from wiec.verification.actions import purge_expired

    result = purge_expired(at=at)
    return (
        f"Deleted {result['verifications']} verification(s) and {result['codes']} expired code(s)."
    )


class VerificationConfig(AppConfig):
    name = "wiec.verification"
    label = "verification"
    verbose_name = _("Verification of residents")

    def ready(self) -> None:
        from wiec.core import audit
        from wiec.core.periodic import PeriodicJob, jobs
        from wiec.core.registry import AuditAction, PanelItem, PanelLink, registry
        from wiec.verification import actions, permissions, personal_data, texts

        jobs.register(
            PeriodicJob(
                "verification.purge_verifications",
                every=timedelta(days=1),
                run=purge_verifications_job,
                description="Delete verifications older than each municipality's retention period.",
            )
        )

        registry.add_panel(
            PanelItem(
                key="verification",
                label=_("Verification of residents"),
                description=_("Who has proved that they live here, and how."),
                url_name="verification_staff:overview",
                allowed=permissions.can_view_verifications,
                order=60,
                links=(
                    PanelLink(
                        _("Voter register"),
                        "verification_staff:register",
                        permissions.can_manage_verification,
                    ),
                ),
            )
        )
        registry.add_audit_actions(
            AuditAction(
                "verification.settings_changed",
                _("Verification settings changed"),
                audit.changes_of("verification.verificationsettings"),
            ),
            AuditAction(
                "verification.in_person", _("Resident verified in person"), texts.in_person
            ),
            AuditAction("verification.revoked", _("Verification withdrawn"), texts.revoked),
            AuditAction(
                "verification.pesel_taken",
                _("A PESEL that verifies this account was typed by another account"),
                texts.pesel_taken,
            ),
            AuditAction(
                "verification.register_imported",
                _("Voter register uploaded"),
                texts.register_counts,
            ),
            AuditAction(
                "verification.register_cleared", _("Voter register emptied"), texts.register_cleared
            ),
            AuditAction("verification.purged", _("Old verification data deleted"), texts.purged),
        )
        registry.personal_data_exporters["verification"] = personal_data.export_verification
        registry.personal_data_erasers.append(actions.erase_personal_data)
