"""Every card and link the panel offers a role opens for that role: no "Brak dostępu" behind a
promise, and no card describing a page its reader cannot open."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.conftest import client_for
from tests.factories import member
from wiec.accounts.models import Role
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

STAFF = [Role.MODERATOR, Role.OFFICIAL, Role.ADMIN]


def panel_links(html: str) -> list[str]:
    """The panel addresses a page links to (GET links; forms are not links)."""
    return sorted(set(re.findall(r'<a [^>]*href="(/panel/[^"#?]*)', html)))


def staff_client(tenant: Tenant, role: Role) -> Client:
    client = client_for(tenant)
    client.force_login(member(tenant, role))
    return client


def reachable_refusals(client: Client) -> tuple[set[str], list[tuple[str, int]]]:
    """Open every panel link of the panel home, and every panel link of those pages: the
    addresses seen, and those that did not answer 200."""
    home = client.get("/panel/")
    assert home.status_code == 200
    seen = {"/panel/"}
    refused = []
    for url in panel_links(home.content.decode()):
        if url in seen:
            continue
        seen.add(url)
        page = client.get(url)
        if page.status_code != 200:
            refused.append((url, page.status_code))
            continue
        for inner in panel_links(page.content.decode()):
            if inner not in seen:
                seen.add(inner)
                status = client.get(inner).status_code
                if status != 200:
                    refused.append((inner, status))
    return seen, refused


def test_every_card_and_link_opens_for_each_role_and_promises_only_that(tenant: Tenant) -> None:
    for role in STAFF:
        client = staff_client(tenant, role)
        seen, refused = reachable_refusals(client)
        assert refused == [], role
        assert len(seen) > 2, role
        home = client.get("/panel/").content.decode()
        may_open_register = role == Role.ADMIN
        # The verification card names the voter register only as a link, and only to whom
        # may open it (an official got "Brak dostępu" after reading about it on the card).
        assert ("rejestr uprawnionych" in home.lower()) is may_open_register, role
        assert ('href="/panel/weryfikacja/rejestr/"' in home) is may_open_register, role
        assert ("/panel/weryfikacja/rejestr/" in seen) is may_open_register, role
