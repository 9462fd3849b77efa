"""The module contract: each app declares one `ModuleSpec`, and the shared pages read the specs.

A module (ideas, polls, and the shared services that plug things in: accounts, moderation, …)
writes `SPEC = ModuleSpec(...)` in its `module.py`, and its `AppConfig.ready()` registers it
with `register(SPEC)`. Core, the panel, discussion, moderation, notifications, the RODO pages
and the demo then read what they need from `modules`; none of them imports a module or names
one by a dotted string. docs/modules.md describes the skeleton of a new module.

Dependencies still point one way: core defines the shapes (and holds the callables a module
hands over), the modules fill them in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

from wiec.core.periodic import PeriodicJob, jobs

if TYPE_CHECKING:
    from django.db import models
    from django.db.models import QuerySet

    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant

Label = str | Promise


@dataclass(frozen=True)
class NavItem:
    """A link in the main navigation (shown only if `url_name` reverses)."""

    key: str
    label: Label
    url_name: str


@dataclass(frozen=True)
class PanelPage:
    """One page of a panel section, shown only to whom `allowed(actor)` (the request's actor,
    `wiec.accounts.actors.Actor`)."""

    label: Label
    url_name: str
    allowed: Callable[[Any], bool]
    description: Label = ""
    """What the page does, under its link on the panel's dashboard."""


@dataclass(frozen=True)
class PanelSection:
    """A heading in the panel with the module's pages under it, in this order.

    The section shows only to those who may open at least one of its pages."""

    heading: Label
    pages: tuple[PanelPage, ...]


@dataclass(frozen=True)
class AuditAction:
    """How the audit log shows one kind of step to officials, in their language."""

    code: str
    label: Label
    describe: Callable[[dict[str, Any]], str] | None = None
    """Turns the entry's data into a sentence; without it the data are listed as they are."""


@dataclass(frozen=True)
class NotificationKind:
    """A kind of notification; the sentence is written when it is read, in the reader's
    language, by `message(data)`."""

    key: str
    label: Label
    """For the e-mail settings: "When the office answers my idea"."""
    message: Callable[[dict[str, Any]], str]
    email_by_default: bool = True
    for_roles: frozenset[str] = frozenset()
    """Empty: a kind about the person's own doings; the choice is whether to e-mail it too.
    Otherwise a kind about the office's work (a new idea, a report), sent only to staff in these
    roles: only they see the choice, and it says whether to be told at all (centre and
    e-mail), as the panel home lists the same things anyway."""

    @property
    def for_staff(self) -> bool:
        return bool(self.for_roles)


def _no_change(obj: Any, at: datetime) -> None:
    return None


@dataclass(frozen=True)
class ContentKind:
    """A kind of content a module owns, declared once for discussion and moderation.

    Discussion reads the kinds with `open_for_comments` (they own a thread:
    `thread = OneToOneField("discussion.Thread", ...)`); moderation reads the kinds with
    `moderated` (the model is a `wiec.moderation.models.Moderatable`)."""

    key: str
    """In URLs: /zglos/<key>/<id>/."""
    model: type[models.Model]
    label: Label
    """What residents call one of them, in lower case: "idea", "comment"."""
    visible_to: Callable[[Any, Any], bool]
    """`visible_to(obj, person)`: the page showing it is open to them (a comment under an
    idea that was hidden is not, though the comment itself is not hidden)."""
    author_id: Callable[[Any], int | None]
    title: Callable[[Any], str]
    """A short name: the subject of "someone commented on …"."""
    public_url: Callable[[Any], str]
    text: Callable[[Any], str] | None = None
    """What it says in full, for the moderation queue and the report form; `title` if None."""
    open_for_comments: Callable[[Any], bool] | None = None
    """Whether it takes comments now; None: it owns no discussion thread."""
    moderated: bool = False
    published: Callable[[QuerySet[Any]], QuerySet[Any]] | None = None
    """Narrows the model's rows to those the public could see apart from moderation."""
    on_moderation: Callable[[Any, datetime], None] = _no_change
    """Called in the hiding or restoring transaction, e.g. to recount a thread."""

    def full_text(self, obj: Any) -> str:
        return (self.text or self.title)(obj)

    def published_rows(self, rows: QuerySet[Any]) -> QuerySet[Any]:
        return rows if self.published is None else self.published(rows)


@dataclass(frozen=True)
class ProcessCard:
    """One active participation process, as the home page lists it."""

    title: str
    url: str
    kind: Label
    phase: Label
    description: str = ""
    ends_at: datetime | None = None
    written: bool = False
    """True when title and description are the office's own words (a poll's title), so they
    are in the municipality's language rather than the reader's."""


@dataclass(frozen=True)
class WaitingItem:
    """One thing that waits for staff, as the panel home lists it."""

    label: str
    url: str
    note: str
    """What the date says ("published", "voting ends"); the page shows `when` after it in the
    reader's time zone."""
    when: datetime | None
    then: str = ""
    """What to do next, when it is not plain from the label."""


@dataclass(frozen=True)
class Waiting:
    """One kind of work on the panel home: how many wait, the oldest few, the page with all."""

    key: str
    title: str
    count: int
    items: list[WaitingItem] = field(default_factory=list)
    all_url: str = ""
    all_label: str = ""
    order: str = ""
    """How the items are sorted, in words ("the longest waiting first")."""


WAITING_SHOWN = 5
"""How many items a `Waiting` lists (the oldest or nearest first)."""

ProcessProvider = Callable[["Tenant", datetime], list[ProcessCard]]
WaitingProvider = Callable[[Any, "Tenant", datetime], "Waiting | None"]
"""`f(actor, tenant, at)`: what waits for this person (the request's actor) in the module, or
None when their role has no such work (the kind is then left out of their panel home)."""
PersonalDataExporter = Callable[["User"], Any]
PersonalDataEraser = Callable[["User", datetime], None]
DemoLoader = Callable[[Any], None]
"""Called with the demo's `DemoContext` after the municipalities and their people exist."""


@dataclass(frozen=True)
class ModuleSpec:
    """Everything one module plugs into the shared pages. Every field but `key` and `label`
    may stay empty."""

    key: str
    """The app's label (`ideas`); also the key of its data in "download my data" unless
    `exporters` says otherwise."""
    label: Label
    """The module's name for people: "Ideas"."""
    order: int = 100
    """Where the module stands among the others, smallest first: its links in the main
    navigation and its sections in the panel follow this order (ties by `key`). By custom:
    residents' modules 10-49 in the order residents meet them, shared services 50-79, the
    municipality's own settings and the record 80-99."""
    nav: tuple[NavItem, ...] = ()
    panel: tuple[PanelSection, ...] = ()
    audit_actions: tuple[AuditAction, ...] = ()
    notification_kinds: tuple[NotificationKind, ...] = ()
    content_kinds: tuple[ContentKind, ...] = ()
    exporters: Mapping[str, PersonalDataExporter] = field(default_factory=dict)
    """RODO "download my data": key in the downloaded file -> function of the person."""
    erasers: tuple[PersonalDataEraser, ...] = ()
    """RODO "delete my account": each removes what the module keeps only for the person."""
    processes: ProcessProvider | None = None
    """The module's active processes for the home page."""
    demo: DemoLoader | None = None
    """Adds the module's demo content (`wiec demo`)."""
    periodic_jobs: tuple[PeriodicJob, ...] = ()
    waiting: tuple[WaitingProvider, ...] = ()
    """What waits for staff, listed on the panel home."""


class Modules:
    """The registered specs, in the order they were registered (that of `INSTALLED_APPS`,
    which is the order of dependencies: a module comes after those it builds on)."""

    def __init__(self) -> None:
        self._specs: dict[str, ModuleSpec] = {}

    def register(self, spec: ModuleSpec) -> None:
        known = self._specs.get(spec.key)
        if known is spec:
            return
        if known is not None:
            raise ImproperlyConfigured(f"Two modules are called {spec.key!r}.")
        others = list(self._specs.values())
        for name, mine, theirs in (
            ("audit action", _codes(spec), {c for s in others for c in _codes(s)}),
            ("notification kind", _notes(spec), {c for s in others for c in _notes(s)}),
            ("content kind", _contents(spec), {c for s in others for c in _contents(s)}),
            ("data export", set(spec.exporters), {c for s in others for c in s.exporters}),
        ):
            for code in sorted(mine & theirs):
                raise ImproperlyConfigured(f"Two modules declare the {name} {code!r}.")
        for job in spec.periodic_jobs:
            jobs.register(job)
        self._specs[spec.key] = spec

    def __iter__(self) -> Iterator[ModuleSpec]:
        """In the order of registration (dependencies first)."""
        return iter(list(self._specs.values()))

    def get(self, key: str) -> ModuleSpec | None:
        return self._specs.get(key)

    def in_order(self) -> list[ModuleSpec]:
        """By `order`, then `key`: the order of navigation and panel sections."""
        return sorted(self._specs.values(), key=lambda spec: (spec.order, spec.key))

    def nav_items(self) -> list[NavItem]:
        return [item for spec in self.in_order() for item in spec.nav]

    def panel_sections(self) -> list[PanelSection]:
        return [section for spec in self.in_order() for section in spec.panel]

    def audit_actions(self) -> dict[str, AuditAction]:
        return {action.code: action for spec in self for action in spec.audit_actions}

    def notification_kinds(self) -> dict[str, NotificationKind]:
        return {kind.key: kind for spec in self for kind in spec.notification_kinds}

    def content_kinds(self) -> list[ContentKind]:
        return [kind for spec in self for kind in spec.content_kinds]

    def exporters(self) -> dict[str, PersonalDataExporter]:
        return {key: export for spec in self for key, export in spec.exporters.items()}

    def erasers(self) -> list[PersonalDataEraser]:
        return [eraser for spec in self for eraser in spec.erasers]

    def process_providers(self) -> list[ProcessProvider]:
        return [spec.processes for spec in self if spec.processes is not None]

    def waiting_providers(self) -> list[WaitingProvider]:
        """In the panel's order (`order`, then `key`)."""
        return [provider for spec in self.in_order() for provider in spec.waiting]

    def demo_loaders(self) -> list[DemoLoader]:
        """In the order of registration, so a module's loader runs after those of the modules
        it builds on."""
        return [spec.demo for spec in self if spec.demo is not None]


def _codes(spec: ModuleSpec) -> set[str]:
    return {action.code for action in spec.audit_actions}


def _notes(spec: ModuleSpec) -> set[str]:
    return {kind.key for kind in spec.notification_kinds}


def _contents(spec: ModuleSpec) -> set[str]:
    return {kind.key for kind in spec.content_kinds}


modules = Modules()


def register(spec: ModuleSpec) -> None:
    """Called once from the module's `AppConfig.ready()`."""
    modules.register(spec)
