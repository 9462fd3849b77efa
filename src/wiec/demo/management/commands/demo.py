from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from wiec.demo.build import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Load or refresh the demo municipalities and accounts, then print where to log in."

    def handle(self, *args: Any, **options: Any) -> None:
        # Built through the actions, the demo enqueues an e-mail task per notification (its
        # fictional people want no e-mail, so none is sent): keep their log lines out of the
        # addresses printed below.
        tasks_log = logging.getLogger("django.tasks")
        level = tasks_log.level
        tasks_log.setLevel(logging.WARNING)
        try:
            ctx = load_demo()
        finally:
            tasks_log.setLevel(level)
        port = settings.WIEC_DEMO_PORT
        self.stdout.write(self.style.SUCCESS("Wiec demo data is ready."))
        for slug, tenant in ctx.tenants.items():
            hosts = [h.hostname for h in tenant.hosts.order_by("-is_primary", "hostname")]
            self.stdout.write("")
            self.stdout.write(self.style.MIGRATE_HEADING(f"{tenant.name}"))
            for name in hosts:
                if name != "127.0.0.1":
                    self.stdout.write(f"  http://{name}:{port}/")
            self._table([(a.email, DEMO_PASSWORD, a.role) for a in ctx.accounts[slug]])
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Platform operator (Django admin at /admin/)"))
        self._table([(a.email, DEMO_PASSWORD, a.role) for a in ctx.accounts["_platform"]])
        self.stdout.write("")
        self.stdout.write(
            "*.localhost names resolve to this computer in modern browsers; "
            "if yours does not, add them to /etc/hosts."
        )

    def _table(self, rows: list[tuple[str, str, str]]) -> None:
        headers = ("e-mail", "password", "role")
        widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(3)]
        line = "  " + "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
        self.stdout.write(line)
        self.stdout.write("  " + "  ".join("-" * w for w in widths))
        for row in rows:
            self.stdout.write(
                "  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True))
            )
