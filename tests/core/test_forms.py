from __future__ import annotations

from django import forms

from wiec.tenants.forms import CategoryForm


class _Sample(forms.Form):
    title = forms.CharField(label="Title", max_length=5, help_text="Short, please.")
    note = forms.CharField(label="Note", required=False)
    agree = forms.BooleanField(label="I agree")


def test_error_summary_links_each_error_to_its_field() -> None:
    form = _Sample(data={"title": "far too long", "note": "kept"})
    html = str(form)
    assert 'class="error-summary"' in html
    assert 'role="alert"' in html
    assert '<a href="#id_title">Title:' in html
    assert '<a href="#id_agree">I agree:' in html


def test_inputs_point_at_their_hint_and_error() -> None:
    html = str(_Sample(data={"title": "far too long"}))
    assert 'aria-describedby="id_title_helptext id_title_error"' in html
    assert 'id="id_title_error"' in html
    assert 'aria-invalid="true"' in html


def test_what_was_typed_is_kept_after_an_error() -> None:
    html = str(_Sample(data={"title": "far too long", "note": "mój komentarz"}))
    assert 'value="far too long"' in html
    assert 'value="mój komentarz"' in html


def test_optional_fields_are_marked_and_valid_forms_have_no_summary() -> None:
    html = str(_Sample())
    assert "error-summary" not in html
    assert "(" in html.split('for="id_note"')[1].split("</label>")[0]


def test_model_forms_use_the_same_rendering(tenant: object) -> None:
    form = CategoryForm(data={"name": "", "position": "x"}, tenant=tenant)
    html = str(form)
    assert "error-summary" in html
    assert '<a href="#id_name">' in html


class _WithPlaceholder(forms.Form):
    email = forms.EmailField(
        label="E-mail", widget=forms.EmailInput(attrs={"placeholder": "E-mail"})
    )


def test_labelled_fields_lose_their_placeholders() -> None:
    html = str(_WithPlaceholder())
    assert "placeholder" not in html
    assert '<label for="id_email">E-mail</label>' in html


class _Choices(forms.Form):
    colour = forms.ChoiceField(
        label="Colour", choices=[("r", "Red"), ("g", "Green")], widget=forms.RadioSelect
    )
    days = forms.MultipleChoiceField(
        label="Days", choices=[("1", "Mon"), ("2", "Tue")], widget=forms.CheckboxSelectMultiple
    )


def test_error_summary_links_radio_and_checkbox_groups_to_their_first_option() -> None:
    html = str(_Choices(data={}))
    assert '<a href="#id_colour_0">Colour:' in html
    assert '<a href="#id_days_0">Days:' in html
    assert 'id="id_colour_0"' in html
    assert 'href="#"' not in html
