"""`wiec hash_register <tenant> pesels.csv [-o out.csv]`: fingerprints for the voter register.

Run where WIEC_HMAC_SECRET is set (the server); upload the output in the panel. The PESEL
numbers then never pass through the web.
"""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wiec.tenants.models import Tenant
from wiec.verification import keys, queries
from wiec.verification.forms import RegisterKind, parse_register


class Command(BaseCommand):
    help = "Turn a CSV of PESEL numbers into keyed fingerprints for the voter register."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("tenant", help="slug of the municipality")
        parser.add_argument("source", type=Path, help="CSV with a PESEL in the first column")
        parser.add_argument("-o", "--output", type=Path, help="where to write (default: stdout)")

    def handle(self, *args: Any, **options: Any) -> None:
        tenant = Tenant.objects.filter(slug=options["tenant"]).first()
        if tenant is None:
            raise CommandError(f"No municipality with the short name {options['tenant']!r}.")
        text = options["source"].read_text(encoding="utf-8-sig")
        pesels, bad = parse_register(text, kind=RegisterKind.PESEL, today=timezone.now().date())
        if bad:
            lines = ", ".join(str(n) for n in bad[:10])
            raise CommandError(f"{len(bad)} line(s) are not valid PESEL numbers, e.g. {lines}.")
        key = queries.tenant_key(tenant=tenant)
        out = "".join(sorted(keys.pesel_hmac(key, p) + "\n" for p in set(pesels)))
        if options["output"]:
            options["output"].write_text(out, encoding="utf-8")
            self.stderr.write(f"{len(set(pesels))} fingerprints written to {options['output']}.")
        else:
            sys.stdout.write(out)
