"""The suite's guard against templates that name what does not exist (tests/conftest.py)."""

from __future__ import annotations

from enum import StrEnum

import pytest
from django.template import engines, loader

from tests.conftest import unresolved_template_names

# These tests render with missing names on purpose; the suite-wide guard stands aside.
pytestmark = pytest.mark.template_names_may_be_missing


class Step(StrEnum):
    CLOSE = "close"


def _found(template: str, context: dict[str, object]) -> list[str]:
    with unresolved_template_names() as found:
        loader.get_template(template).render(context)
    return found


def test_a_missing_name_in_a_wiec_template_is_found() -> None:
    found = _found("includes/pagination.html", {"pages": object()})
    assert any("'page'" in line for line in found)


def test_an_enum_class_that_the_engine_calls_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bug that hid the panel's poll actions: `{% if Step.CLOSE in allowed %}` was false
    whatever `allowed` held, because the engine calls the class it is given."""
    monkeypatch.setattr("tests.conftest._is_wiec_template", lambda name: True)
    source = "{% if Step.CLOSE in allowed %}close{% endif %}"
    with unresolved_template_names() as found:
        shown = engines["django"].from_string(source).render({"Step": Step, "allowed": {"close"}})
    assert shown == ""
    assert any("'Step'" in line for line in found)


def test_an_absent_optional_value_is_not_a_wrong_name() -> None:
    assert _found("includes/pagination.html", {"page": None}) == []
