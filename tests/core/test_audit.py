from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import UserFactory
from wiec.core import audit
from wiec.core.models import AuditEntry
from wiec.tenants.models import Tenant


@pytest.mark.django_db
def test_record_keeps_actor_and_target_labels(tenant: Tenant) -> None:
    actor = UserFactory(email="urzednik@example.org")
    entry = audit.record(
        actor=actor,
        action="tenant.updated",
        tenant=tenant,
        target=tenant,
        at=timezone.now(),
        data={"fields": ["name"]},
    )
    entry.refresh_from_db()
    assert entry.actor_label == "urzednik@example.org"
    assert entry.target_type == "tenants.tenant"
    assert entry.target_label == "Gmina Nadrzecze"
    assert AuditEntry.objects.filter(tenant=tenant).count() == 1


def test_every_step_written_to_the_audit_log_has_a_readable_name() -> None:
    """Officials read the log in their language: every action code a module writes needs a
    registered, translated name (wiec.core.modules.AuditAction)."""
    import re
    from pathlib import Path

    import wiec
    from wiec.core.modules import modules
    from wiec.moderation.models import DecisionAction

    written: set[str] = set()
    for path in Path(wiec.__file__).parent.rglob("*.py"):
        text = path.read_text()
        if "audit.record(" in text:
            written.update(re.findall(r'action="([a-z_]+\.[a-z_]+)"', text))
    written.update(f"moderation.{action}" for action in DecisionAction.values)
    assert written, "the scan found no audit steps"
    missing = sorted(code for code in written if code not in modules.audit_actions())
    assert not missing
