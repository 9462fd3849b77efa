from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_COMMENT = 3000


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Markdown: **bold**, _italic_, - list, [link](https://…). At most 3000 characters."
        ),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(_("Write something before sending."))
        return body
