"""The module contract (wiec.core.modules): every installed app declares one complete spec,
and the shared pages read nothing else."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import trans_real

import wiec
from wiec.core.modules import (
    AuditAction,
    ContentKind,
    Modules,
    ModuleSpec,
    NotificationKind,
    modules,
)
from wiec.core.periodic import jobs
from wiec.discussion.models import Comment
from wiec.discussion.queries import owner_kind
from wiec.ideas.models import Idea
from wiec.moderation import registry as moderation
from wiec.moderation.models import Moderatable

SRC = Path(wiec.__file__).parent
SPECS = list(modules)


def wiec_apps() -> set[str]:
    return {c.label for c in apps.get_app_configs() if c.name.startswith("wiec.")}


def labels_of(spec: ModuleSpec) -> list[str | Promise]:
    labels: list[str | Promise] = [spec.label]
    labels += [item.label for item in spec.nav]
    for section in spec.panel:
        labels.append(section.heading)
        for page in section.pages:
            labels += [page.label] + ([page.description] if page.description else [])
    labels += [action.label for action in spec.audit_actions]
    labels += [kind.label for kind in spec.notification_kinds]
    labels += [kind.label for kind in spec.content_kinds]
    return labels


def test_every_installed_wiec_app_but_the_demo_registers_one_spec() -> None:
    assert {spec.key for spec in SPECS} == wiec_apps() - {"demo"}


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.key)
@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_every_label_of_a_spec_is_translated(spec: ModuleSpec, language: str) -> None:
    catalogue = trans_real.translation(language)._catalog  # type: ignore[attr-defined]
    for label in labels_of(spec):
        assert isinstance(label, Promise), f"{spec.key}: {label!r} is not translatable"
        with translation.override(None):  # no language: the text as written in the code
            msgid = str(label)
        assert catalogue.get(msgid), f"{spec.key}: {msgid!r} has no {language} translation"


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.key)
def test_every_url_of_a_spec_reverses(spec: ModuleSpec) -> None:
    names = [item.url_name for item in spec.nav]
    names += [page.url_name for section in spec.panel for page in section.pages]
    for name in names:
        assert reverse(name).startswith("/")


@pytest.mark.parametrize("spec", SPECS, ids=lambda spec: spec.key)
def test_every_content_kind_resolves_its_model(spec: ModuleSpec) -> None:
    for kind in spec.content_kinds:
        assert apps.get_model(kind.model._meta.label) is kind.model
        assert kind.model._meta.app_label == spec.key, "a module declares only what it owns"
        if kind.moderated:
            assert issubclass(kind.model, Moderatable)
            assert kind.published is not None
        if kind.open_for_comments is not None:
            assert kind.model._meta.get_field("thread").related_model._meta.label == (
                "discussion.Thread"
            )


def test_keys_of_what_specs_declare_are_unique_across_modules() -> None:
    declared = [action.code for spec in SPECS for action in spec.audit_actions]
    assert len(declared) == len(set(declared))
    declared = [kind.key for spec in SPECS for kind in spec.notification_kinds]
    assert len(declared) == len(set(declared))
    for spec in SPECS:
        for job in spec.periodic_jobs:
            assert jobs.get(job.key) is job


def test_one_content_kind_serves_both_discussion_and_moderation() -> None:
    declared = [kind for spec in SPECS for kind in spec.content_kinds if kind.model is Idea]
    assert len(declared) == 1
    assert owner_kind(Idea) is declared[0]
    assert moderation.kind("idea") is declared[0]
    # A kind that owns no thread is moderated but takes no comments of its own.
    assert moderation.kind("comment") is not None
    with pytest.raises(LookupError):
        owner_kind(Comment)


def test_a_kind_registered_once_is_found_by_discussion_and_moderation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    idea_kind = modules.get("ideas").content_kinds[0]  # type: ignore[union-attr]
    kind = replace(idea_kind, key="proposal", label="proposal")
    fresh = Modules()
    for spec in SPECS:
        if spec.key != "ideas":
            fresh.register(spec)
    fresh.register(ModuleSpec(key="ideas", label="Ideas", content_kinds=(kind,)))
    monkeypatch.setattr(modules, "_specs", fresh._specs)
    assert owner_kind(Idea) is kind
    assert moderation.kind("proposal") is kind
    assert moderation.kind("idea") is None


def test_registering_clashing_declarations_is_refused() -> None:
    fresh = Modules()
    message = lambda data: ""  # noqa: E731
    fresh.register(
        ModuleSpec(
            key="one",
            label="One",
            audit_actions=(AuditAction("thing.done", "Done"),),
            notification_kinds=(NotificationKind("thing", "Thing", message),),
        )
    )
    fresh.register(fresh.get("one"))  # type: ignore[arg-type]  # the same spec again: a no-op
    with pytest.raises(ImproperlyConfigured, match="Two modules are called"):
        fresh.register(ModuleSpec(key="one", label="One again"))
    with pytest.raises(ImproperlyConfigured, match=r"audit action 'thing\.done'"):
        fresh.register(
            ModuleSpec(key="two", label="Two", audit_actions=(AuditAction("thing.done", "x"),))
        )
    with pytest.raises(ImproperlyConfigured, match="notification kind 'thing'"):
        fresh.register(
            ModuleSpec(
                key="three",
                label="Three",
                notification_kinds=(NotificationKind("thing", "x", message),),
            )
        )
    assert [spec.key for spec in fresh] == ["one"]


def test_navigation_and_panel_follow_the_declared_order() -> None:
    fresh = Modules()
    fresh.register(ModuleSpec(key="b", label="B", order=20))
    fresh.register(ModuleSpec(key="a", label="A", order=20))
    fresh.register(ModuleSpec(key="c", label="C", order=10))
    assert [spec.key for spec in fresh.in_order()] == ["c", "a", "b"]
    assert [spec.key for spec in fresh] == ["b", "a", "c"]  # registration: dependencies first


def test_ideas_and_polls_declare_what_residents_and_officials_see() -> None:
    for key in ("ideas", "polls"):
        spec = modules.get(key)
        assert spec is not None
        assert spec.nav
        assert spec.panel
        assert spec.audit_actions
        assert spec.processes is not None
        assert spec.demo is not None


def test_apps_files_only_register_the_spec() -> None:
    """The declarations live in module.py; `AppConfig.ready()` registers SPEC and does only
    what is not a declaration (signals, system checks)."""
    for label in wiec_apps() - {"demo"}:
        text = (SRC / label / "apps.py").read_text()
        assert f"from wiec.{label}.module import SPEC" in text, label
        assert "register(SPEC)" in text, label
        assert len(text.splitlines()) <= 35, label
        assert "registry" not in text, label


def test_nothing_loads_a_module_by_a_dotted_string() -> None:
    """The demo and the shared pages read the specs; no `import_module("wiec.…")`."""
    pattern = re.compile(r"import_module\(|__import__\(|autodiscover_modules\(")
    offenders = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts and pattern.search(path.read_text())
    ]
    assert offenders == []


def test_a_content_kind_without_text_shows_its_title() -> None:
    kind = ContentKind(
        key="x",
        model=Idea,
        label="x",
        visible_to=lambda obj, user: True,
        author_id=lambda obj: None,
        title=lambda obj: "Tytuł",
        public_url=lambda obj: "/",
    )
    assert kind.full_text(object()) == "Tytuł"
