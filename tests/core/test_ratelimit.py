from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory, override_settings

from wiec.core.ratelimit import Rate, allow, client_ip, consume, limit


@pytest.mark.parametrize(
    ("spec", "rate"),
    [
        ("5/m", Rate(5, 60)),
        ("20/15m", Rate(20, 900)),
        ("1/d", Rate(1, 86400)),
        ("3/10s", Rate(3, 10)),
    ],
)
def test_rates_are_parsed(spec: str, rate: Rate) -> None:
    assert Rate.parse(spec) == rate


@pytest.mark.parametrize("spec", ["5", "x/m", "5/y", "5/xm", ""])
def test_bad_rates_fail_loudly(spec: str) -> None:
    with pytest.raises(ValueError, match="not a rate"):
        Rate.parse(spec)


@pytest.fixture(params=["locmem", "redis"])
def backend(request: pytest.FixtureRequest) -> str:
    """The window tests run on the tests' local-memory cache and on Redis, whose backend
    counts in one round trip by its own path."""
    if request.param == "redis":
        request.getfixturevalue("redis_cache")
    return str(request.param)


@pytest.mark.usefixtures("backend")
def test_a_window_allows_its_count_then_refuses_then_resets() -> None:
    rates = [Rate(3, 60)]
    assert [consume(scope="t", subject="a", rates=rates, now=120.0) for _ in range(4)] == [
        True, True, True, False,
    ]  # fmt: skip
    assert consume(scope="t", subject="b", rates=rates, now=120.0) is True
    # A full period later the earlier uses have slid out of the window.
    assert consume(scope="t", subject="a", rates=rates, now=240.0) is True


@pytest.mark.usefixtures("backend")
def test_crossing_a_window_boundary_does_not_reset_the_count() -> None:
    rates = [Rate(3, 60)]
    assert [consume(scope="t", subject="c", rates=rates, now=179.0) for _ in range(3)] == [
        True, True, True,
    ]  # fmt: skip
    # Two seconds later, in the next fixed window: the three uses are still within a minute.
    assert consume(scope="t", subject="c", rates=rates, now=181.0) is False


@pytest.mark.usefixtures("backend")
def test_the_previous_window_weighs_less_as_it_slides_away() -> None:
    rates = [Rate(4, 60)]
    for _ in range(4):
        consume(scope="t", subject="d", rates=rates, now=130.0)
    # 45 s into the next window a quarter of the previous one's four uses still count: 1 + 1.
    assert consume(scope="t", subject="d", rates=rates, now=225.0) is True
    assert consume(scope="t", subject="d", rates=rates, now=225.0) is True
    assert consume(scope="t", subject="d", rates=rates, now=225.0) is True
    assert consume(scope="t", subject="d", rates=rates, now=225.0) is False


def test_client_ip_uses_forwarded_for_only_behind_trusted_proxies() -> None:
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 5.6.7.8"
    )
    assert client_ip(request) == "10.0.0.1"
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1):
        assert client_ip(request) == "5.6.7.8"
    with override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=2):
        assert client_ip(request) == "1.2.3.4"


@pytest.mark.django_db
def test_the_decorator_answers_429_and_skips_the_view(tenant: object) -> None:
    calls: list[str] = []

    @limit("test-post", per_ip="2/m")
    def view(request: HttpRequest) -> HttpResponse:
        calls.append(request.method or "")
        return HttpResponse("ok")

    factory = RequestFactory()
    statuses = []
    for _ in range(3):
        request = factory.post("/", REMOTE_ADDR="192.0.2.7")
        request.tenant = tenant  # type: ignore[attr-defined]
        from django.contrib.auth.models import AnonymousUser

        request.user = AnonymousUser()
        statuses.append(view(request).status_code)
    assert statuses == [200, 200, 429]
    assert len(calls) == 2
    get = factory.get("/", REMOTE_ADDR="192.0.2.7")
    get.tenant = tenant  # type: ignore[attr-defined]
    assert view(get).status_code == 200


def _request(user_id: int | None = None, address: str = "10.0.0.1") -> HttpRequest:
    from django.contrib.auth.models import AnonymousUser

    made = RequestFactory().post("/", REMOTE_ADDR=address)
    made.user = (  # type: ignore[assignment]
        AnonymousUser()
        if user_id is None
        else type("U", (), {"pk": user_id, "is_authenticated": True})()
    )
    return made


def test_people_and_actions_are_counted_apart() -> None:
    assert allow(_request(1), "a", per_user="1/m") is True
    assert allow(_request(2), "a", per_user="1/m") is True
    assert allow(_request(1), "b", per_user="1/m") is True
    assert allow(_request(1), "a", per_user="1/m") is False


def test_one_address_is_limited_across_accounts() -> None:
    rates = {"per_user": "5/m", "per_ip": "2/m"}
    assert allow(_request(1), "a", **rates) is True
    assert allow(_request(2), "a", **rates) is True
    assert allow(_request(3), "a", **rates) is False
    assert allow(_request(3, "10.0.0.2"), "a", **rates) is True


def test_anonymous_requests_count_only_by_address() -> None:
    assert all(allow(_request(), "a", per_user="1/m", per_ip="7/m") for _ in range(7))
    assert allow(_request(), "a", per_user="1/m", per_ip="7/m") is False


def test_the_cache_holds_no_client_address() -> None:
    from django.core.cache import cache

    allow(_request(address="198.51.100.23"), "private", per_ip="5/m")
    keys = list(cache._cache.keys())  # type: ignore[attr-defined]  # LocMemCache in tests
    assert keys
    assert not any("198.51.100.23" in key for key in keys)


@pytest.mark.usefixtures("redis_cache")
def test_redis_counters_expire_after_two_periods_and_share_one_client() -> None:
    import redis
    from django.core.cache import cache

    consume(scope="t", subject="e", rates=[Rate(5, 60)], now=130.0)
    consume(scope="t", subject="e", rates=[Rate(5, 60)], now=131.0)
    client = cache._cache.get_client()  # type: ignore[attr-defined]
    assert client is cache._cache.get_client(write=True)  # type: ignore[attr-defined]
    assert isinstance(client, redis.Redis)
    (key,) = client.keys("*wiec:rl:t:e:60:2")
    assert int(client.get(key)) == 2
    # The first use set the expiry, the second did not move it: two periods and a second.
    assert 115 <= client.ttl(key) <= 121
