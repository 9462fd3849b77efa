from __future__ import annotations

from typing import Any

from django import forms

from wiec.notifications import kinds


class EmailPreferencesForm(forms.Form):
    """One checkbox per kind of notification the person may choose about (`kinds.kinds_for`):
    "send me an e-mail too" for their own matters, "tell me" for the office's work."""

    def __init__(
        self,
        *args: Any,
        wanted: dict[str, bool],
        choices: list[kinds.NotificationKind],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.staff_keys = [k.key for k in choices if k.for_staff]
        for kind in choices:
            self.fields[kind.key] = forms.BooleanField(
                label=str(kind.label), required=False, initial=wanted.get(kind.key, False)
            )

    def own_fields(self) -> list[forms.BoundField]:
        return [self[key] for key in self.fields if key not in self.staff_keys]

    def staff_fields(self) -> list[forms.BoundField]:
        return [self[key] for key in self.staff_keys]
