from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from wiec.moderation.models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"),
        choices=[("", _("choose a reason")), *ReportReason.choices],
    )
    details = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything that helps the moderators decide. At most 1000 characters."),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the public and to the author. Be factual and polite."),
    )


class BlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the block"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the audit log. The person cannot post here until it is lifted."),
    )
