from datetime import datetime, timedelta
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


def _register_counts(data: dict[str, Any]) -> str:
    total = data.get("total", 0)
    return ngettext(
        "%(entries)s read; the register holds %(total)s person",
        "%(entries)s read; the register holds %(total)s people",
        total,
    ) % {"entries": data.get("entries", 0), "total": total}


def _settings_fields(data: dict[str, Any]) -> str:
    from wiec.verification.models import VerificationSettings

    meta = VerificationSettings._meta
    return ", ".join(
        str(getattr(meta.get_field(name), "verbose_name", name)) for name in data.get("fields", [])
    )


def _purged(data: dict[str, Any]) -> str:
    return gettext("%(n)s verification(s) older than %(days)s days") % {
        "n": data.get("verifications", 0),
        "days": data.get("retention_days", 0),
    }


def purge_verifications_job(at: datetime) -> str:
    from wiec.verification.actions import purge_expired

    result = purge_expired(at=at)
    return (
        f"Deleted {result['verifications']} verification(s) and {result['codes']} expired code(s)."
    )


def _pesel_taken(data: dict[str, Any]) -> str:
    return gettext(
        "The person was told only that this PESEL cannot verify an account here; check with "
        "both accounts' owners which of them it belongs to."
    )


class VerificationConfig(AppConfig):
    name = "wiec.verification"
    label = "verification"
    verbose_name = _("Verification of residents")

    def ready(self) -> None:
        from wiec.accounts.actors import FACTS
        from wiec.core.periodic import PeriodicJob, jobs
        from wiec.core.registry import AuditAction, PanelItem, PanelLink, registry
        from wiec.verification import actions, permissions, personal_data, queries

        FACTS.level = queries.level_expression

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
                _settings_fields,
            ),
            AuditAction("verification.in_person", _("Resident verified in person")),
            AuditAction("verification.revoked", _("Verification withdrawn")),
            AuditAction(
                "verification.pesel_taken",
                _("A PESEL that verifies this account was typed by another account"),
                _pesel_taken,
            ),
            AuditAction(
                "verification.register_imported", _("Voter register uploaded"), _register_counts
            ),
            AuditAction("verification.register_cleared", _("Voter register emptied")),
            AuditAction("verification.purged", _("Old verification data deleted"), _purged),
        )
        registry.personal_data_exporters["verification"] = personal_data.export_verification
        registry.personal_data_erasers.append(actions.erase_personal_data)
