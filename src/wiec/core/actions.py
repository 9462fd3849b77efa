"""Core's writes: the bookkeeping of periodic jobs and the one names-keyed import that districts
and places share (the audit log is written by `audit.record`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.db import models, transaction

from wiec.core import audit
from wiec.core.models import PeriodicRun

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


def claim_periodic_run(*, key: str, every: timedelta, grace: timedelta, at: datetime) -> bool:
    """Whether this caller runs the job `key` now: True for one caller per interval.

    A job never run before is due at once. The claim is one conditional UPDATE that moves
    `due_at` on by `every`; of two servers claiming at the same moment, the second sees the
    first's new `due_at` and gets False. `grace` lets a timer that fires a little early count
    as on time.
    """
    PeriodicRun.objects.get_or_create(key=key, defaults={"due_at": at})
    claimed = PeriodicRun.objects.filter(key=key, due_at__lte=at + grace).update(
        due_at=at + every, last_run_at=at
    )
    return bool(claimed)


def finish_periodic_run(*, key: str, failed: bool, at: datetime) -> None:
    """Record how the run went; a failed job is due again at once (the next tick retries)."""
    runs = PeriodicRun.objects.filter(key=key)
    if failed:
        runs.update(due_at=at, last_failed=True)
    else:
        runs.update(last_failed=False)


def import_by_name[Named: models.Model, Row](
    *,
    model: type[Named],
    tenant: Tenant,
    rows: Sequence[Row],
    name: Callable[[Row], str],
    build: Callable[[Row, int], Named],
    refresh: Callable[[Named, Row, int], bool],
    fields: list[str],
    replace: bool,
    action: str,
    actor: User | None,
    at: datetime,
) -> tuple[int, int, int]:
    """Create or update a municipality's rows of `model`, matched by their `name`, from an
    uploaded list (districts from GeoJSON, places from CSV); with `replace`, delete those the
    list no longer names. Returns (created, updated, deleted).

    `build(row, position)` makes an unsaved new object; `refresh(obj, row, position)` changes
    an existing one and says whether it changed (only `fields` are written). The caller has
    checked the permission and that the list names nothing twice. Locks the municipality's rows
    of `model` and writes one audit entry `action` with the three counts, none when all three
    are nought.
    """
    manager = model._default_manager
    with transaction.atomic():
        # FOR UPDATE: with `replace`, the rows missing from the list are deleted below, and
        # rows that would point at one of them (a new idea placed in a district) must wait.
        locked = manager.select_for_update().filter(tenant=tenant)
        existing = {obj.serializable_value("name"): obj for obj in locked}
        new: list[Named] = []
        changed: list[Named] = []
        for position, row in enumerate(rows):
            obj = existing.get(name(row))
            if obj is None:
                new.append(build(row, position))
            elif refresh(obj, row, position):
                changed.append(obj)
        manager.bulk_create(new)
        manager.bulk_update(changed, fields)
        deleted = 0
        if replace:
            names = {name(row) for row in rows}
            stale = [obj.pk for key, obj in existing.items() if key not in names]
            deleted, _ = manager.filter(pk__in=stale).delete()
        if new or changed or deleted:  # the same list again is no step to log
            audit.record(
                actor=actor,
                action=action,
                tenant=tenant,
                at=at,
                data={"created": len(new), "updated": len(changed), "deleted": deleted},
            )
    return len(new), len(changed), deleted
