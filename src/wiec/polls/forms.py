"""Poll forms: the ballot (which refuses anything not on this poll), and the panel's forms."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wiec.core.forms import ModelMultipleChoiceField
from wiec.core.languages import in_content_language
from wiec.polls.models import Eligibility, Poll, Question, QuestionKind, ResultsVisibility
from wiec.tenants.models import District, Tenant
from wiec.verification.forms import PeselField, district_field


class BallotForm(forms.Form):
    """One field per question (`q<id>`): radio buttons or checkboxes. An option of another
    poll, more options than allowed or a box id that is not this poll's are refused."""

    box = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, poll: Poll, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.poll = poll
        self.fields["box"].initial = poll.box_id
        tenant = poll.tenant
        for question in poll.questions.all():
            # The office's words inside an interface in the reader's language (WCAG 3.1.2).
            choices = [
                (str(o.pk), in_content_language(o.text, tenant)) for o in question.options.all()
            ]
            label = in_content_language(question.text, tenant)
            if question.kind == QuestionKind.SINGLE:
                field: forms.Field = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose an answer.")},
                )
            else:
                limit = question.limit
                field = forms.MultipleChoiceField(
                    label=label,
                    choices=choices,
                    widget=forms.CheckboxSelectMultiple,
                    help_text=(
                        ngettext(
                            "Choose at most %(n)s answer.", "Choose at most %(n)s answers.", limit
                        )
                        % {"n": limit}
                        if limit
                        else _("Choose any number of answers.")
                    ),
                    error_messages={"required": _("Choose at least one answer.")},
                )
            field.question = question  # type: ignore[attr-defined]
            self.fields[f"q{question.pk}"] = field

    def clean_box(self) -> int:
        box: int = self.cleaned_data["box"]
        if box != self.poll.box_id:
            raise forms.ValidationError(
                _("This form belongs to another vote. Please reload the page."), code="box"
            )
        return box

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, field in self.fields.items():
            question = getattr(field, "question", None)
            if question is None or name not in data:
                continue
            chosen = data[name] if isinstance(data[name], list) else [data[name]]
            sent: list[str] = getattr(self.data, "getlist", lambda _name: [])(name)
            if question.kind == QuestionKind.SINGLE and len(sent) > 1:
                # A radio group sends one value; more means a tampered form.
                self.add_error(name, _("Choose only one answer."))
                continue
            if len(set(chosen)) != len(chosen):
                # A checkbox sends its value once; a repeat means a tampered form.
                self.add_error(name, _("Each answer can be chosen only once."))
                continue
            if question.limit is not None and len(chosen) > question.limit:
                self.add_error(
                    name,
                    ngettext(
                        "Choose at most %(n)s answer.",
                        "Choose at most %(n)s answers.",
                        question.limit,
                    )
                    % {"n": question.limit},
                )
        return data

    def choices(self) -> dict[str, list[int]]:
        """The validated ballot as the box stores it: {question id: [option ids]}."""
        result = {}
        for name, field in self.fields.items():
            question = getattr(field, "question", None)
            if question is not None:
                value = self.cleaned_data[name]
                values = value if isinstance(value, list) else [value]
                result[str(question.pk)] = sorted(int(v) for v in values)
        return result


class PaperBallotForm(BallotForm):
    """A paper ballot typed in by an official: the voter's PESEL, district, and the choices."""

    def __init__(self, *args: Any, poll: Poll, today: date, **kwargs: Any) -> None:
        super().__init__(*args, poll=poll, **kwargs)
        self.fields["pesel"] = PeselField(
            today=today, help_text=_("From the voter's signed ballot or identity document.")
        )
        if poll.eligibility == Eligibility.DISTRICTS:
            self.fields["district"] = district_field(
                poll.tenant,
                required=True,
                label=_("The voter's district"),
                help_text=_("Where the voter lives."),
            )
        self.order_fields(["pesel", "district"])


FIRST_YEAR, LAST_YEAR = 2000, 2100

FROZEN_MESSAGE = _(
    "Once voting has started, its start and who may vote can no longer change, and voting "
    "that has ended cannot be reopened. A closed poll cannot change at all."
)


def within_our_era(value: datetime) -> None:
    """A vote's dates lie in a plausible range: year 1 or 9999 would overflow on saving."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise forms.ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="year",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


class PollForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What the poll is about and what the office will do with the result. Markdown."
        ),
    )
    starts_at = forms.DateTimeField(
        label=_("Voting starts"),
        validators=[within_our_era],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Voting ends"),
        validators=[within_our_era],
        help_text=_("Voting is possible until just before this moment."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    eligibility = forms.ChoiceField(
        label=_("Who may vote"),
        choices=Eligibility.choices,
        widget=forms.RadioSelect,
        initial=Eligibility.RESIDENTS,
    )
    districts = ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only for a poll of chosen districts."),
    )
    minimum_age = forms.IntegerField(
        label=_("Minimum age"),
        min_value=0,
        max_value=120,
        initial=0,
        help_text=_("0 for no limit. Needs verified residents (their year of birth is known)."),
    )
    results_visibility = forms.ChoiceField(
        label=_("Show results"),
        choices=ResultsVisibility.choices,
        widget=forms.RadioSelect,
        initial=ResultsVisibility.AFTER_CLOSE,
    )
    is_published = forms.BooleanField(
        label=_("Published"), required=False, help_text=_("Drafts are visible only to staff.")
    )

    def __init__(
        self,
        *args: Any,
        tenant: Tenant,
        now: datetime | None = None,
        frozen: Collection[str] = (),
        **kwargs: Any,
    ) -> None:
        """`now` is given for a new poll: it is saved as a draft (questions come next, and a
        poll is published only with them), and its start must lie ahead, since questions can
        be added only before voting starts.

        `frozen` names the settings that can no longer change (wiec.polls.permissions.
        frozen_settings): they keep their initial values, are not rendered as fields (the page
        shows them as text, `frozen_rows`), and a form that still sends a different value for
        one (opened before voting started) is refused rather than quietly ignored."""
        super().__init__(*args, **kwargs)
        self.now = now
        if now is not None:
            del self.fields["is_published"]
        field = self.fields["districts"]
        field.queryset = District.objects.filter(tenant=tenant).order_by("position", "name")  # type: ignore[attr-defined]
        self.frozen = [name for name in self.fields if name in frozen]
        self._sent_frozen: dict[str, Any] = {}
        for name in self.frozen:
            key = self.add_prefix(name)
            if self.is_bound and key in self.data:
                widget = self.fields[name].widget
                self._sent_frozen[name] = widget.value_from_datadict(self.data, self.files, key)
            self.fields[name].disabled = True

    def get_context(self) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context()
        context["fields"] = [
            (field, errors) for field, errors in context["fields"] if field.name not in self.frozen
        ]
        return context

    @property
    def editable(self) -> bool:
        """Whether anything is left to change (a closed poll has nothing)."""
        return any(name not in self.frozen for name in self.fields)

    def frozen_rows(self) -> list[tuple[str, str]]:
        """(label, value as text) of each frozen setting, for a <dl>."""
        return [
            (
                str(self.fields[name].label),
                self._as_text(name, self.get_initial_for_field(self.fields[name], name)),
            )
            for name in self.frozen
        ]

    def _as_text(self, name: str, value: Any) -> str:
        field = self.fields[name]
        if isinstance(value, datetime):
            return date_format(value.astimezone(timezone.get_current_timezone()), "DATETIME_FORMAT")
        if name == "districts":
            return ", ".join(str(d) for d in value or ()) or "–"
        if name == "minimum_age":
            return str(value) if value else str(_("no limit"))
        if name == "is_published":
            return str(_("yes") if value else _("no (draft)"))
        if isinstance(field, forms.ChoiceField):
            return str(dict(field.choices).get(value, value))  # type: ignore[arg-type]
        return str(value) if value not in (None, "") else "–"

    def clean(self) -> dict[str, Any]:
        for name, sent in self._sent_frozen.items():
            field = self.fields[name]
            initial = self.get_initial_for_field(field, name)
            field.disabled = False  # has_changed says False for every disabled field
            changed = field.has_changed(initial, sent)
            field.disabled = True
            if changed:
                raise forms.ValidationError(FROZEN_MESSAGE, code="frozen")
        data = super().clean() or {}
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if self.now is not None and starts and starts <= self.now:
            self.add_error(
                "starts_at",
                _(
                    "This moment has passed. Questions can be added only before voting "
                    "starts, so choose a later start."
                ),
            )
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("The end must be after the start."))
        eligibility = data.get("eligibility")
        if eligibility == Eligibility.DISTRICTS and not data.get("districts"):
            self.add_error("districts", _("Choose at least one district."))
        if eligibility != Eligibility.DISTRICTS and data.get("districts"):
            self.add_error("districts", _("Districts apply only to a poll of chosen districts."))
        if eligibility == Eligibility.LOGGED_IN and data.get("minimum_age"):
            self.add_error(
                "minimum_age", _("A minimum age needs verified residents: their age is known.")
            )
        return data


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Question"), max_length=300)
    kind = forms.ChoiceField(
        label=_("Answers"),
        choices=QuestionKind.choices,
        widget=forms.RadioSelect,
        initial=QuestionKind.SINGLE,
    )
    max_choices = forms.IntegerField(
        label=_("At most this many answers"),
        required=False,
        min_value=1,
        help_text=_("For several answers; leave empty for any number."),
    )
    options = forms.CharField(
        label=_("Answer options"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One per line, at least two."),
    )

    def clean_options(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["options"].splitlines()]
        options = [line for line in lines if line]
        if len(options) < 2:
            raise forms.ValidationError(_("Give at least two answer options."))
        if len(set(options)) != len(options):
            raise forms.ValidationError(_("Each answer option must be different."))
        if any(len(option) > 300 for option in options):
            raise forms.ValidationError(_("An answer option may have at most 300 characters."))
        return options

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == QuestionKind.SINGLE:
            data["max_choices"] = None
        elif data.get("max_choices") and len(data.get("options") or ()) < data["max_choices"]:
            self.add_error("max_choices", _("This is more than the number of options."))
        return data

    @classmethod
    def initial_for(cls, question: Question) -> dict[str, Any]:
        return {
            "text": question.text,
            "kind": question.kind,
            "max_choices": question.max_choices,
            "options": "\n".join(o.text for o in question.options.all()),
        }
