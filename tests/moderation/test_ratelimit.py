"""Rate limits: fixed windows per person and per address, in the cache."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from tests.ideas.factories import at
from wiec.moderation.ratelimit import Rate, client_address, consume

START = at("2026-05-01 12:00")


def request(user_id: int | None = None, address: str = "10.0.0.1", **headers: str) -> object:
    made = RequestFactory().post("/", REMOTE_ADDR=address, headers=headers)
    if user_id is None:
        made.user = AnonymousUser()
    else:
        made.user = type("U", (), {"pk": user_id, "is_authenticated": True})()
    return made


def test_a_person_gets_the_amount_per_window_then_the_next_window_opens() -> None:
    rates = [Rate(3, 60, "user")]
    person = request(1)
    results = [consume(person, action="t", rates=rates, at=START) for _ in range(4)]
    assert results == [True, True, True, False]
    assert consume(person, action="t", rates=rates, at=START + timedelta(seconds=60)) is True


def test_people_and_actions_are_counted_apart() -> None:
    rates = [Rate(1, 60, "user")]
    assert consume(request(1), action="a", rates=rates, at=START) is True
    assert consume(request(2), action="a", rates=rates, at=START) is True
    assert consume(request(1), action="b", rates=rates, at=START) is True
    assert consume(request(1), action="a", rates=rates, at=START) is False


def test_one_address_is_limited_across_accounts() -> None:
    rates = [Rate(5, 60, "user"), Rate(2, 60, "ip")]
    assert consume(request(1), action="a", rates=rates, at=START) is True
    assert consume(request(2), action="a", rates=rates, at=START) is True
    assert consume(request(3), action="a", rates=rates, at=START) is False
    assert consume(request(3, "10.0.0.2"), action="a", rates=rates, at=START) is True


@pytest.mark.parametrize("attempts", [1, 7])
def test_anonymous_requests_count_only_by_address(attempts: int) -> None:
    rates = [Rate(1, 60, "user"), Rate(7, 60, "ip")]
    results = [consume(request(), action="a", rates=rates, at=START) for _ in range(attempts)]
    assert all(results)


def test_behind_a_trusted_proxy_people_are_told_apart_by_forwarded_for(settings: Any) -> None:
    rates = [Rate(1, 60, "ip")]
    proxy = "10.0.0.254"
    assert consume(request(address=proxy), action="a", rates=rates, at=START) is True
    assert consume(request(address=proxy), action="a", rates=rates, at=START) is False
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    first = request(address=proxy, x_forwarded_for="198.51.100.7")
    second = request(address=proxy, x_forwarded_for="spoofed, 203.0.113.9")
    assert client_address(second) == "203.0.113.9"
    assert consume(first, action="b", rates=rates, at=START) is True
    assert consume(second, action="b", rates=rates, at=START) is True
    assert consume(first, action="b", rates=rates, at=START) is False
