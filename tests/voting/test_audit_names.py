"""Every step that verification, voting and polls write to the audit log has a readable name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import wiec
from wiec.core.modules import modules

APPS = ("verification", "voting", "polls")
ACTION = re.compile(r'action="([a-z_]+\.[a-z_]+)"')


@pytest.mark.parametrize("app", APPS)
def test_every_audit_action_is_registered_with_a_label(app: str) -> None:
    source = Path(wiec.__file__).parent / app / "actions.py"
    codes = set(ACTION.findall(source.read_text()))
    assert codes
    declared = set(modules.audit_actions())
    assert codes <= declared, codes - declared
