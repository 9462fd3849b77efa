"""The fan-out: nothing in the caller's transaction, rows in bulk after commit, bounded queries."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import member
from wiec.accounts.models import User
from wiec.notifications.actions import notify
from wiec.notifications.models import Notification
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
KIND = "ideas.answered"
DATA = {"title": "Ławki", "status": "analysis"}


def _notify(tenant: Tenant, ids: list[int | None]) -> None:
    notify(tenant=tenant, recipient_ids=ids, kind=KIND, data=DATA, url="/p/", at=timezone.now())


def test_the_callers_transaction_writes_no_rows_and_the_commit_does(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    people = [member(tenant), member(tenant)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with CaptureQueriesContext(connection) as queries:
            _notify(tenant, [p.pk for p in people])
        assert queries.captured_queries == []
        assert not Notification.objects.exists()
    assert len(callbacks) == 1
    callbacks[0]()
    assert sorted(Notification.objects.values_list("recipient_id", flat=True)) == sorted(
        p.pk for p in people
    )
    assert len(mail.outbox) == 2


def test_a_rolled_back_step_tells_no_one(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    person = member(tenant)

    def step_that_fails() -> None:
        with transaction.atomic():
            _notify(tenant, [person.pk])
            raise RuntimeError

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        step_that_fails()
    assert not Notification.objects.exists()


def test_repeats_missing_and_inactive_accounts_are_left_out(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    person, gone = member(tenant), member(tenant, is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        _notify(tenant, [person.pk, person.pk, None, gone.pk, 999_999])
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [person.pk]


def _people(prefix: str, count: int) -> list[int]:
    users = User.objects.bulk_create(User(email=f"{prefix}-{i}@example.org") for i in range(count))
    return [u.pk for u in users]


def _queries_for(tenant: Tenant, ids: list[int], capture: Any) -> int:
    with CaptureQueriesContext(connection) as queries, capture(execute=True):
        _notify(tenant, list(ids))
    return len(queries.captured_queries)


def test_five_hundred_recipients_take_a_bounded_number_of_queries(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    """Rows and e-mails for 500 people cost a handful of statements, about as many as for 5."""
    few, many = _people("kilka", 5), _people("wielu", 500)
    mail.outbox.clear()
    few_queries = _queries_for(tenant, few, django_capture_on_commit_callbacks)
    many_queries = _queries_for(tenant, many, django_capture_on_commit_callbacks)
    assert Notification.objects.count() == 505
    assert len(mail.outbox) == 505
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()
    # SQLite inserts ~140 rows per statement (its parameter limit), PostgreSQL all 500 at once.
    assert many_queries <= few_queries + 4, (few_queries, many_queries)
    assert many_queries <= 20, many_queries
