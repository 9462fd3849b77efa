from __future__ import annotations

from typing import Any

from django import forms

from wiec.notifications import kinds


class EmailPreferencesForm(forms.Form):
    """One checkbox per kind of notification: "send me an e-mail too"."""

    def __init__(self, *args: Any, wanted: dict[str, bool], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in kinds.all_kinds():
            self.fields[kind.key] = forms.BooleanField(
                label=str(kind.label), required=False, initial=wanted.get(kind.key, False)
            )
