"""The audit log: one call per staff or moderation step, inside the action's transaction.

A step that changes an object records only what really changed: the action takes
`values_of(obj, fields)` before and after the change, `changed_values(before, after)` keeps
the fields whose value differs, and `record_changes` writes nothing when that is empty. The
entry's data are then `{"model": "app.model", "changes": {field: {"from": …, "to": …}}}`,
which `describe_changes` turns into a sentence with the fields' names as the forms call them
(`verbose_name`) and the values as a person reads them (dates in the reader's locale, yes/no,
choices by their label). Entries written before this shape (`{"fields": [...]}`, or bare
`field: value` pairs) still render.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import formats
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import get_current_timezone, is_aware
from django.utils.translation import gettext

from wiec.core.models import AuditEntry

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant

Changes = dict[str, dict[str, Any]]


def record(
    *,
    actor: User | None,
    action: str,
    at: datetime,
    tenant: Tenant | None = None,
    target: models.Model | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry. `action` is a dotted verb such as "district.imported"."""
    return AuditEntry.objects.create(
        tenant=tenant,
        actor=actor if actor is not None and actor.pk else None,
        actor_label=actor.email if actor is not None else "",
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:300] if target is not None else "",
        data=data or {},
        at=at,
    )


def stored_value(value: Any) -> Any:
    """A value as the log keeps it (JSON): dates as ISO text (instants in UTC), related
    objects and files by their name, several objects as a sorted list of names."""
    if isinstance(value, datetime) and is_aware(value):
        return value.astimezone(UTC).isoformat()  # one instant, one text, whatever the zone
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.QuerySet | list | tuple | set | frozenset):
        return sorted(str(stored_value(item)) for item in value)
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def values_of(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `obj`'s fields as the log keeps them (many-to-many included)."""
    values: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = stored_value(list(getattr(obj, name).all()) if obj.pk else [])
        else:
            values[name] = stored_value(getattr(obj, name))
    return values


def stored_values_of(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The values of `obj`'s fields as the database holds them now: the "before" of a change
    whose object a model form has already edited in memory (an unsaved object has none)."""
    if obj.pk is None:
        return {}
    stored = type(obj)._default_manager.filter(pk=obj.pk).first()
    return values_of(stored, fields) if stored is not None else {}


def changed_values(
    before: Mapping[str, Any], after: Mapping[str, Any], fields: Iterable[str] | None = None
) -> Changes:
    """`{field: {"from": old, "to": new}}` for the fields whose value really differs.

    `fields` defaults to the keys of `after`; a field missing from `before` counts as empty.
    Values are compared as the log stores them (`stored_value`), so a date and its ISO text
    are the same value and nothing is reported twice.
    """
    changes: Changes = {}
    for name in after.keys() if fields is None else fields:
        old, new = stored_value(before.get(name)), stored_value(after.get(name))
        if old != new:
            changes[name] = {"from": old, "to": new}
    return changes


def record_changes(
    *,
    actor: User | None,
    action: str,
    at: datetime,
    target: models.Model,
    changes: Changes,
    tenant: Tenant | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEntry | None:
    """Record what changed on `target`; nothing at all when nothing changed."""
    if not changes:
        return None
    return record(
        actor=actor,
        action=action,
        at=at,
        tenant=tenant,
        target=target,
        data={"model": target._meta.label_lower, "changes": changes, **(extra or {})},
    )


def present(entry: AuditEntry) -> dict[str, Any]:
    """An entry as the audit log page shows it: translated step name and a readable detail.

    A step a module registered without a description shows no detail: its data are kept for
    the record, not for reading. A step nobody registered (a module since removed) shows its
    code and the data as they are, rather than failing.
    """
    from wiec.core.modules import modules

    known = modules.audit_actions().get(entry.action)
    data = entry.data if isinstance(entry.data, dict) else {}
    if known is None:
        return {"entry": entry, "label": entry.action, "details": _plain(data)}
    try:
        details = known.describe(data) if known.describe else ""
    except (KeyError, TypeError, ValueError, LookupError, AttributeError):
        details = ""  # an entry of an older shape than its description expects
    return {"entry": entry, "label": known.label, "details": details}


def _plain(data: dict[str, Any]) -> str:
    return "; ".join(f"{key}: {value}" for key, value in sorted(data.items()))


# Reading entries ---------------------------------------------------------------------------


def _model(label: object) -> type[models.Model] | None:
    from django.apps import apps

    if not isinstance(label, str):
        return None
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str) -> Any:
    from django.core.exceptions import FieldDoesNotExist

    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def field_label(model: type[models.Model] | None, name: str) -> str:
    """The field's name as its form calls it; a field that no longer exists gets its name in
    words rather than as code."""
    label = getattr(_field(model, name), "verbose_name", None)
    return str(label) if label else name.replace("_", " ")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def quoted(text: str) -> str:
    return gettext("“%(text)s”") % {"text": text}


def readable_value(field: Any, value: Any) -> str:
    """A stored value as a person reads it, in the active language."""
    if _empty(value):
        return gettext("none")
    if isinstance(value, list):
        return ", ".join(readable_value(field, item) for item in value)
    choices = dict(getattr(field, "flatchoices", None) or [])
    if value in choices:
        return str(choices[value])
    if isinstance(value, bool) or isinstance(field, models.BooleanField):
        return gettext("yes") if value else gettext("no")
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        moment = parse_datetime(value)
        if moment is not None:
            if is_aware(moment):
                moment = moment.astimezone(get_current_timezone())
            return formats.date_format(moment, "DATETIME_FORMAT")
    if isinstance(field, models.DateField) and isinstance(value, str):
        day = parse_date(value[:10])
        if day is not None:
            return formats.date_format(day, "DATE_FORMAT")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return formats.localize(value)
    return quoted(str(value))


def _one_change(model: type[models.Model] | None, name: str, change: Any) -> str:
    field = _field(model, name)
    label = _capitalised(field_label(model, name))
    if (
        isinstance(field, models.TextField | models.FileField)
        or not isinstance(change, dict)
        or "to" not in change
    ):
        return gettext("%(field)s changed") % {"field": label}
    old, new = change.get("from"), change["to"]
    if _empty(old) and not _empty(new):
        return gettext("%(field)s: set to %(to)s") % {
            "field": label,
            "to": readable_value(field, new),
        }
    if _empty(new) and not _empty(old):
        return gettext("%(field)s: %(from)s removed") % {
            "field": label,
            "from": readable_value(field, old),
        }
    return gettext("%(field)s: from %(from)s to %(to)s") % {
        "field": label,
        "from": readable_value(field, old),
        "to": readable_value(field, new),
    }


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def describe_changes(data: dict[str, Any], *, model: str = "") -> str:
    """The entry's changes in words, e.g. "Voting starts: from 1 June 2026 12:00 to …".

    Older shapes: `{"fields": [...]}` names the changed fields; bare `field: value` pairs
    (ideas settings before changes were compared) list the values saved.
    """
    found = _model(data.get("model") or model)
    changes = data.get("changes")
    if isinstance(changes, dict):
        return "; ".join(_one_change(found, name, change) for name, change in changes.items())
    names = data.get("fields")
    if isinstance(names, list):
        listed = ", ".join(field_label(found, str(name)) for name in names)
        if data.get("created"):
            return gettext("Added") + (f"; {listed}" if listed else "")
        return gettext("Changed: %(fields)s") % {"fields": listed} if listed else ""
    pairs = [
        gettext("%(field)s: %(value)s")
        % {
            "field": _capitalised(field_label(found, key)),
            "value": readable_value(_field(found, key), value),
        }
        for key, value in data.items()
        if _field(found, key) is not None
    ]
    return "; ".join(pairs)


def changes_of(model: str) -> Callable[[dict[str, Any]], str]:
    """A `describe` for steps that change one kind of object (the model named for entries
    written before the data named it)."""

    def describe(data: dict[str, Any]) -> str:
        return describe_changes(data, model=model)

    return describe
