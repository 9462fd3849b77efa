"""Rate limits: fixed windows per person and per address, in the cache."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from tests.ideas.factories import at
from wiec.moderation.ratelimit import Rate, consume

START = at("2026-05-01 12:00")


def request(user_id: int | None = None, address: str = "10.0.0.1") -> object:
    made = RequestFactory().post("/", REMOTE_ADDR=address)
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
