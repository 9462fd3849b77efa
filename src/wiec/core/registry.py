"""Extension points that let each module plug into the shared pages without core knowing it.

Modules register in their `AppConfig.ready()`:
- `nav_items`: links in the main navigation (only pages that exist get a link);
- `panel_items`: tiles on the officials' panel dashboard and its side navigation, each with
  further links (`PanelLink`) shown only to the roles that may open them;
- `process_providers`: active participation processes for the home page;
- `personal_data_exporters` / `personal_data_erasers`: the RODO "download my data" and
  "delete my account" contributions of every module;
- `audit_actions`: translated names (and descriptions) of the steps a module writes to the
  audit log, so officials read "Role changed" rather than `membership.role_changed`.

Dependencies still point one way: core defines the shapes, modules fill them in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant

Label = str | Promise


@dataclass(frozen=True)
class NavItem:
    key: str
    label: Label
    url_name: str
    order: int = 100


@dataclass(frozen=True)
class PanelLink:
    """A further page a panel tile links to, shown only to whom `allowed(actor)`."""

    label: Label
    url_name: str
    allowed: Callable[[Any], bool]


@dataclass(frozen=True)
class PanelItem:
    key: str
    label: Label
    description: Label
    """What the tile's own page does, for everyone who sees the tile: a page that only some
    of them may open belongs in `links`, not here."""
    url_name: str
    allowed: Callable[[Any], bool]
    """`allowed(actor)`: whether the tile and its link show for the request's actor."""
    order: int = 100
    links: tuple[PanelLink, ...] = ()


@dataclass(frozen=True)
class AuditAction:
    """How the audit log shows one kind of step to officials, in their language."""

    code: str
    label: Label
    describe: Callable[[dict[str, Any]], str] | None = None
    """Turns the entry's data into a sentence; without it the data are listed as they are."""


@dataclass(frozen=True)
class ProcessCard:
    """One active participation process, as the home page lists it."""

    title: str
    url: str
    kind: Label
    phase: Label
    description: str = ""
    ends_at: datetime | None = None


ProcessProvider = Callable[["Tenant", datetime], list[ProcessCard]]
PersonalDataExporter = Callable[["User"], Any]
PersonalDataEraser = Callable[["User", datetime], None]


@dataclass
class Registry:
    nav_items: list[NavItem] = field(default_factory=list)
    panel_items: list[PanelItem] = field(default_factory=list)
    process_providers: list[ProcessProvider] = field(default_factory=list)
    personal_data_exporters: dict[str, PersonalDataExporter] = field(default_factory=dict)
    personal_data_erasers: list[PersonalDataEraser] = field(default_factory=list)
    audit_actions: dict[str, AuditAction] = field(default_factory=dict)

    def add_audit_actions(self, *actions: AuditAction) -> None:
        for action in actions:
            self.audit_actions[action.code] = action

    def add_nav(self, item: NavItem) -> None:
        if all(existing.key != item.key for existing in self.nav_items):
            self.nav_items.append(item)
            self.nav_items.sort(key=lambda i: i.order)

    def add_panel(self, item: PanelItem) -> None:
        if all(existing.key != item.key for existing in self.panel_items):
            self.panel_items.append(item)
            self.panel_items.sort(key=lambda i: i.order)


registry = Registry()
