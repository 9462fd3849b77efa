from __future__ import annotations

import re
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from shapely.geometry import Point, shape

from wiec.accounts.models import Membership, User
from wiec.demo.build import DEMO_PASSWORD
from wiec.tenants.models import District, Tenant

pytestmark = pytest.mark.django_db


def run_demo() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_prints_addresses_and_every_role() -> None:
    output = run_demo()
    assert "http://nadrzecze.localhost:8000/" in output
    assert "http://localhost:8000/" in output
    assert "http://lipowiec.localhost:8000/" in output
    for role in ("admin", "official", "moderator", "resident"):
        assert role in output
    assert DEMO_PASSWORD in output


def test_demo_is_idempotent() -> None:
    run_demo()
    counts = (
        Tenant.objects.count(),
        User.objects.count(),
        District.objects.count(),
        Membership.objects.count(),
    )
    run_demo()
    assert counts == (
        Tenant.objects.count(),
        User.objects.count(),
        District.objects.count(),
        Membership.objects.count(),
    )
    assert counts[0] == 2


def test_demo_districts_lie_inside_the_municipality_map() -> None:
    run_demo()
    for tenant in Tenant.objects.all():
        districts = District.objects.filter(tenant=tenant)
        assert 4 <= districts.count() <= 6
        for district in districts:
            centre = shape(district.geometry).representative_point()
            assert tenant.bounds_contain(centre.y, centre.x), district.name
        assert shape(districts[0].geometry).is_valid
        assert not Point(tenant.map_center_lon, tenant.map_center_lat).is_empty


@pytest.mark.parametrize(
    ("host", "email"),
    [
        ("localhost", "admin@nadrzecze.example"),
        ("lipowiec.localhost", "mieszkanka@lipowiec.example"),
    ],
)
def test_demo_accounts_can_log_in(host: str, email: str) -> None:
    run_demo()
    client = Client(HTTP_HOST=host)
    response = client.post("/konto/login/", {"login": email, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/konto/profil/").status_code == 200


def test_make_demo_gives_its_port_to_the_server_too() -> None:
    """Links in notification e-mails are built by the serving process, from WIEC_DEMO_PORT:
    `make demo PORT=…` must give the port to the server as well as to `wiec demo`."""
    root = Path(__file__).resolve().parents[2]
    planned = subprocess.run(
        ["make", "-n", "demo", "PORT=8123"],  # noqa: S607 - make from PATH, as a developer runs it
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    served = [line for line in planned if re.search(r"wiec (demo|runserver)\b", line)]
    assert len(served) == 2
    assert all("WIEC_DEMO_PORT=8123" in line for line in served)


def test_demo_is_built_through_the_actions_so_its_audit_log_reads_like_a_real_one() -> None:
    from django.utils import translation

    from tests.core.test_audit import RAW
    from wiec.core import audit
    from wiec.core.models import AuditEntry
    from wiec.ideas.models import Idea
    from wiec.ideas.search import search_text

    run_demo()
    tenant = Tenant.objects.get(slug="nadrzecze")
    steps = set(AuditEntry.objects.filter(tenant=tenant).values_list("action", flat=True))
    assert {
        "idea.answered",
        "moderation.hide",
        "poll.created",
        "poll.question_saved",
        "poll.published",
        "ballot_box.closed",
        "ballot_box.paper_ballot_entered",
        "districts.imported",
        "places.imported",
    } <= steps
    with translation.override("pl"):
        for entry in AuditEntry.objects.filter(tenant=tenant):
            assert not RAW.search(audit.present(entry)["details"]), entry.data
    # Ideas are placed at a street of the gazetteer, which search finds too.
    placed = Idea.objects.filter(tenant=tenant).exclude(address="")
    assert placed.count() > 20
    assert all(search_text(idea.address) in idea.search_text for idea in placed)

    logged = AuditEntry.objects.count()
    run_demo()
    assert AuditEntry.objects.count() == logged  # a second run changes nothing, logs nothing


def test_demo_runs_every_modules_loader_from_the_specs(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace
    from typing import Any

    from wiec.core.modules import modules

    ran: list[str] = []

    def recording(key: str, load: Any) -> Any:
        def run(ctx: Any) -> None:
            ran.append(key)
            load(ctx)

        return run

    specs = {
        key: replace(spec, demo=recording(key, spec.demo)) if spec.demo else spec
        for key, spec in modules._specs.items()
    }
    monkeypatch.setattr(modules, "_specs", specs)
    run_demo()
    # In the order of INSTALLED_APPS: a module's loader after those of what it builds on.
    assert ran == ["maps", "polls", "ideas"]
    assert ran == [key for key, spec in specs.items() if spec.demo]
