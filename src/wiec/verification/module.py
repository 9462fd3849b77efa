"""What verification plugs into the shared pages (docs/modules.md)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils.translation import gettext_lazy as _

from wiec.core import audit
from wiec.core.modules import AuditAction, ModuleSpec, PanelPage, PanelSection
from wiec.core.periodic import PeriodicJob
from wiec.verification import actions, permissions, personal_data, texts


def purge_verifications_job(at: datetime) -> str:
    result = actions.purge_expired(at=at)
    return (
        f"Deleted {result['verifications']} verification(s) and {result['codes']} expired code(s)."
    )


SPEC = ModuleSpec(
    key="verification",
    label=_("Verification of residents"),
    order=60,
    panel=(
        PanelSection(
            _("Verification of residents"),
            (
                PanelPage(
                    _("Verification of residents"),
                    "verification_staff:show_overview",
                    permissions.can_view_verifications,
                    _("Who has proved that they live here, and how."),
                ),
                PanelPage(
                    _("Voter register"),
                    "verification_staff:edit_register",
                    permissions.can_manage_verification,
                ),
            ),
        ),
    ),
    audit_actions=(
        AuditAction(
            "verification.settings_changed",
            _("Verification settings changed"),
            audit.changes_of("verification.verificationsettings"),
        ),
        AuditAction("verification.in_person", _("Resident verified in person"), texts.in_person),
        AuditAction("verification.revoked", _("Verification withdrawn"), texts.revoked),
        AuditAction(
            "verification.pesel_taken",
            _("A PESEL that verifies this account was typed by another account"),
            texts.pesel_taken,
        ),
        AuditAction(
            "verification.register_imported", _("Voter register uploaded"), texts.register_counts
        ),
        AuditAction(
            "verification.register_cleared", _("Voter register emptied"), texts.register_cleared
        ),
        AuditAction("verification.purged", _("Old verification data deleted"), texts.purged),
    ),
    exporters={"verification": personal_data.export_verification},
    erasers=(actions.erase_personal_data,),
    periodic_jobs=(
        PeriodicJob(
            "verification.purge_verifications",
            every=timedelta(days=1),
            run=purge_verifications_job,
            description="Delete verifications older than each municipality's retention period.",
        ),
    ),
)
