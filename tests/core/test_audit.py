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
