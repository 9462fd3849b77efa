"""Ballot-box throughput: gunicorn (2 workers) on PostgreSQL, many voters casting at once.

    .venv/bin/python bench/voting.py [--seconds 30] [--clients 32] [--voters 40000]

What it does, in one process tree on this machine:
1. recreates the PostgreSQL database `wiec_voting_bench` (on BENCH_PG, default
   postgres@127.0.0.1:5432), migrates it and collects static files into a temporary folder:
   production settings throughout;
2. seeds one municipality, one open poll (verified residents only; a single-choice and a
   multiple-choice question) and N verified residents, each with a logged-in session
   (sessions are written directly, as a log-in would; cached in Redis via REDIS_URL);
3. starts `gunicorn wiec.wsgi --workers 2 --threads 8` (gthread: while one request waits for
   its commit another runs, and concurrent commits share a WAL flush) in production mode
   (DEBUG off) on 127.0.0.1; `--threads 1` gives classic sync workers;
4. after an unmeasured warm-up, references of a few seconds each with the same clients: the
   poll page read anonymously, the lightest page of the stack (/theme.css), and a small page
   as a logged-in voter sees it (the receipt check: session, account, membership, layout);
5. the run: C asyncio clients (keep-alive HTTP/1.1, a light load generator, but it shares the
   machine's 2 cores with gunicorn and PostgreSQL) each take the next voter and POST a ballot
   with that voter's session and CSRF token, for the given number of seconds;
6. checks that successful responses == Participation rows == Ballot rows, that no person
   appears twice, and that a second ballot by an early voter is refused.

Prints ballots/s, median, p95 and p99 latency, the ratio to the baseline, and ends with one
JSON line. Timings are never a test assertion.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
HOST = "bench.localhost"
DB_NAME = "wiec_voting_bench"
PYTHONPATH = str(ROOT / "src")
UNUSABLE = "!" + "bench-voter-cannot-log-in"  # an unusable password hash, as Django writes


def environment(static_root: str) -> dict[str, str]:
    server = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    return {
        "DATABASE_URL": f"{server}/{DB_NAME}",
        "REDIS_URL": os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/7"),
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-" + "k" * 40,
        "WIEC_HMAC_SECRET": "bench-only-" + "h" * 40,
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "STATIC_ROOT": static_root,
        "TASKS_BACKEND": "immediate",
        "WIEC_MAIL_TO_LOG": "true",  # production refuses to start without EMAIL_HOST otherwise
        "DJANGO_SETTINGS_MODULE": "wiec.settings",
    }


def recreate_database(env: dict[str, str]) -> None:
    server = env["DATABASE_URL"].rsplit("/", 1)[0]
    for statement in (
        f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)",
        f"CREATE DATABASE {DB_NAME}",
    ):
        subprocess.run(["psql", f"{server}/postgres", "-qc", statement], check=True)


def wiec(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "wiec", *args],
        env={**os.environ, **env, "PYTHONPATH": PYTHONPATH},
        check=True,
        stdout=subprocess.DEVNULL,
    )


# --- seeding (runs in this process, with Django set up for the bench database) -------------


@dataclass
class Seed:
    poll_id: int
    form: dict[str, str]
    sessions: list[str]
    person_keys: list[str]


def seed(voters: int) -> Seed:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    from wiec.accounts.models import Membership, Role, User
    from wiec.polls import scenarios
    from wiec.polls.models import Eligibility, QuestionKind, ResultsVisibility
    from wiec.tenants.models import Tenant, TenantHost
    from wiec.verification import keys
    from wiec.verification import queries as verification_queries
    from wiec.verification.models import Level, Method, Verification
    from wiec.verification.pesel import encode

    now = timezone.now()
    tenant = Tenant.objects.create(
        slug="bench",
        name="Gmina Benchmark",
        office_name="Urząd Gminy Benchmark",
        kind="gmina_wiejska",
        map_center_lat=52.25,
        map_center_lon=16.85,
        map_south=52.0,
        map_west=16.5,
        map_north=52.5,
        map_east=17.2,
    )
    TenantHost.objects.create(tenant=tenant, hostname=HOST, is_primary=True)
    official = User.objects.create_user("official@bench.example", None)
    poll = scenarios.build_poll(
        tenant=tenant,
        official=official,
        title="Benchmark",
        questions=[
            ("Gdzie?", QuestionKind.SINGLE, None, ["park", "szkoła", "rynek"]),
            ("Co?", QuestionKind.MULTIPLE, 2, ["huśtawki", "zjeżdżalnia", "piaskownica"]),
        ],
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=1),
        at=now - timedelta(hours=2),
        eligibility=Eligibility.RESIDENTS,
        results_visibility=ResultsVisibility.AFTER_CLOSE,
    )
    q1, q2 = poll.questions.order_by("position")
    form = {
        "box": str(poll.box_id),
        f"q{q1.pk}": str(q1.options.order_by("position")[1].pk),
        f"q{q2.pk}": str(q2.options.order_by("position")[0].pk),
    }

    key = verification_queries.tenant_key(tenant=tenant)
    users = User.objects.bulk_create(
        [User(email=f"v{n}@bench.example", password=UNUSABLE) for n in range(voters)],
        batch_size=5000,
    )
    person_keys = []
    rows = []
    for n, user in enumerate(users):
        born = date(1940, 1, 1) + timedelta(days=n % 20000)
        digest = keys.pesel_hmac(key, encode(born, n // 20000, female=n % 2 == 0))
        person_keys.append(digest)
        rows.append(
            Verification(
                tenant=tenant,
                user=user,
                level=Level.RESIDENT,
                method=Method.PESEL,
                pesel_hmac=digest,
                birth_year=born.year,
                verified_at=now,
            )
        )
    Verification.objects.bulk_create(rows, batch_size=5000)
    # Each voter has joined the municipality's site (accepted its terms), as voting requires.
    Membership.objects.bulk_create(
        [
            Membership(
                tenant=tenant, user=u, role=Role.RESIDENT, joined_at=now, terms_accepted_at=now
            )
            for u in users
        ],
        batch_size=5000,
    )
    store = SessionStore()
    expiry = now + timedelta(days=1)
    sessions = []
    session_rows = []
    for user in users:
        session_key = secrets.token_hex(16)
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend",
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        session_rows.append(
            Session(session_key=session_key, session_data=store.encode(data), expire_date=expiry)
        )
        sessions.append(session_key)
    Session.objects.bulk_create(session_rows, batch_size=5000)
    # A log-in through the cached_db backend writes the session to the cache as well.
    from django.contrib.sessions.backends.cached_db import KEY_PREFIX
    from django.core.cache import caches

    cache = caches[settings.SESSION_CACHE_ALIAS]
    for start in range(0, len(session_rows), 5000):
        cache.set_many(
            {
                KEY_PREFIX + row.session_key: store.decode(row.session_data)
                for row in session_rows[start : start + 5000]
            },
            timeout=86_400,
        )
    from django.db import connections

    connections.close_all()
    return Seed(poll_id=poll.pk, form=form, sessions=sessions, person_keys=person_keys)


# --- a small keep-alive HTTP/1.1 client ----------------------------------------------------


@dataclass
class Stats:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    ok_sessions: list[str] = field(default_factory=list)
    errors: int = 0


async def request(port: int, conn: list[object], raw: bytes) -> tuple[int, dict[str, str], bytes]:
    for attempt in range(2):
        if not conn:
            conn.extend(await asyncio.open_connection("127.0.0.1", port))
        reader, writer = conn  # type: ignore[misc]
        try:
            writer.write(raw)  # type: ignore[attr-defined]
            head = await reader.readuntil(b"\r\n\r\n")  # type: ignore[attr-defined]
        except (ConnectionError, asyncio.IncompleteReadError):
            writer.close()  # type: ignore[attr-defined]
            conn.clear()
            if attempt:
                raise
            continue
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        body = await reader.readexactly(int(headers.get("content-length", "0")))  # type: ignore[attr-defined]
        if headers.get("connection", "").lower() == "close":
            writer.close()  # type: ignore[attr-defined]
            conn.clear()
        return status, headers, body
    raise RuntimeError("unreachable")


def post_ballot(poll_id: int, form: dict[str, str], session: str) -> bytes:
    token = secrets.token_hex(16)  # an unmasked CSRF secret: cookie and form carry the same
    body = urlencode({**form, "csrfmiddlewaretoken": token}).encode()
    return (
        f"POST /sondy/{poll_id}/ HTTP/1.1\r\nHost: {HOST}\r\n"
        f"Cookie: sessionid={session}; csrftoken={token}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nConnection: keep-alive\r\n\r\n"
    ).encode() + body


def get_trivial(session: str) -> bytes:
    """The lightest page through the same stack (host, middleware; the session cookie is sent
    but this page never reads it): the ceiling of the stack itself."""
    return (
        f"GET /theme.css HTTP/1.1\r\nHost: {HOST}\r\nCookie: sessionid={session}\r\n"
        "Connection: keep-alive\r\n\r\n"
    ).encode()


def get_logged_in(session: str) -> bytes:
    """A small page as a logged-in voter sees it (the receipt check: layout with the account
    menu, session, account, membership and unread count read, nothing written)."""
    return (
        f"GET /potwierdzenie-glosu/ HTTP/1.1\r\nHost: {HOST}\r\nCookie: sessionid={session}\r\n"
        "Connection: keep-alive\r\n\r\n"
    ).encode()


def get_page(poll_id: int) -> bytes:
    return (
        f"GET /sondy/{poll_id}/ HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n\r\n"
    ).encode()


async def run_load(
    *, port: int, clients: int, seconds: float, make: object, voters: list[str] | None
) -> tuple[Stats, float]:
    stats = Stats()
    queue = iter(voters) if voters is not None else None
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        conn: list[object] = []
        while time.perf_counter() < deadline:
            session = next(queue, None) if queue is not None else ""
            if session is None:
                return
            raw = make(session)  # type: ignore[operator]
            started = time.perf_counter()
            try:
                status, _headers, body = await request(port, conn, raw)
            except (OSError, asyncio.IncompleteReadError):
                stats.errors += 1
                continue
            stats.latencies.append(time.perf_counter() - started)
            stats.statuses[status] = stats.statuses.get(status, 0) + 1
            if status == 200 and queue is not None and b"receipt-code" in body:
                stats.ok_sessions.append(session)

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return stats, time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def cpu_seconds(belongs: Callable[[str, int], bool]) -> float:
    """User + system CPU time, from /proc, of every process for which `belongs(name, parent)`."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            head, fields = (entry / "stat").read_text().rsplit(")", 1)
        except OSError:
            continue
        values = fields.split()
        if belongs(head.split("(", 1)[-1], int(values[1])):
            total += int(values[11]) + int(values[12])
    return total / os.sysconf("SC_CLK_TCK")


def worker_cpu_seconds(master: int) -> float:
    """gunicorn's workers: the children of its master."""
    return cpu_seconds(lambda _name, parent: parent == master)


def postgres_cpu_seconds() -> float:
    """Every PostgreSQL process (the server is local; during the run nearly all of its work is
    the ballots')."""
    return cpu_seconds(lambda name, _parent: name.startswith("postgres"))


def per_second(stats: Stats, elapsed: float) -> float:
    return sum(stats.statuses.values()) / elapsed if elapsed else 0.0


def wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    import socket

    for _ in range(300):
        if process.poll() is not None:
            raise SystemExit("gunicorn exited during start-up")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--baseline-seconds", type=float, default=5)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--voters", type=int, default=40_000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="gunicorn threads per worker")
    args = parser.parse_args()

    static_root = tempfile.mkdtemp(prefix="wiec-bench-static-")
    env = environment(static_root)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "src"))

    print(f"== database {DB_NAME}: recreate, migrate, collect static files")
    recreate_database(env)
    wiec(["migrate", "--no-input"], env)
    wiec(["compile_translations"], env)
    wiec(["collectstatic", "--no-input"], env)
    subprocess.run(
        ["redis-cli", "-u", env["REDIS_URL"], "flushdb"], check=False, capture_output=True
    )
    print(f"== seeding {args.voters} verified residents with sessions")
    started = time.perf_counter()
    data = seed(args.voters)
    print(f"   seeded in {time.perf_counter() - started:.1f} s")

    command = [
        sys.executable, "-m", "gunicorn", "wiec.wsgi",
        "--workers", str(args.workers), "--threads", str(args.threads),
        "--bind", f"127.0.0.1:{args.port}", "--log-level", "warning",
        "--keep-alive", "30",
    ]  # fmt: skip
    worker = "gthread" if args.threads > 1 else "sync"
    print(f"== gunicorn: {args.workers} workers ({worker}), {args.clients} clients")
    server = subprocess.Popen(
        command, env={**os.environ, "PYTHONPATH": PYTHONPATH}, start_new_session=True
    )
    try:
        wait_for(args.port, server)
        poll_id = data.poll_id
        # Warm-up (templates, translations, connections), not measured.
        asyncio.run(
            run_load(
                port=args.port,
                clients=args.clients,
                seconds=3,
                make=lambda _s: get_page(poll_id),
                voters=None,
            )
        )
        load_before = os.getloadavg()[0]

        def reference(make: Callable[[str], bytes]) -> tuple[float, float]:
            """Requests per second and median ms of one page under the same clients."""
            stats, elapsed = asyncio.run(
                run_load(
                    port=args.port,
                    clients=args.clients,
                    seconds=args.baseline_seconds,
                    make=make,
                    voters=None,
                )
            )
            return per_second(stats, elapsed), percentile(stats.latencies, 50) * 1000

        base_rate, b50 = reference(lambda _s: get_page(poll_id))
        ceiling_rate, _ = reference(lambda _s: get_trivial(data.sessions[-1]))
        logged_in_rate, _ = reference(lambda _s: get_logged_in(data.sessions[-1]))
        cpu_before = worker_cpu_seconds(server.pid)
        pg_before = postgres_cpu_seconds()
        stats, elapsed = asyncio.run(
            run_load(
                port=args.port,
                clients=args.clients,
                seconds=args.seconds,
                make=lambda s: post_ballot(poll_id, data.form, s),
                voters=data.sessions,
            )
        )
        cpu_used = worker_cpu_seconds(server.pid) - cpu_before
        pg_used = postgres_cpu_seconds() - pg_before
        load_after = os.getloadavg()[0]
        # A second ballot by the first voter must be refused.
        again, _ = asyncio.run(
            run_load(
                port=args.port,
                clients=1,
                seconds=5,
                make=lambda s: post_ballot(poll_id, data.form, s),
                voters=data.sessions[:1],
            )
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(10)
        shutil.rmtree(static_root, ignore_errors=True)

    from django.db import connection

    from wiec.polls.models import Poll
    from wiec.voting.models import Ballot, Participation

    box_id = Poll.objects.get(pk=data.poll_id).box_id
    participations = Participation.objects.filter(box_id=box_id).count()
    ballots = Ballot.objects.filter(box_id=box_id).count()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM (SELECT person_key FROM voting_participation WHERE box_id = %s "
            "GROUP BY person_key HAVING count(*) > 1) d",
            [box_id],
        )
        duplicates = cursor.fetchone()[0]
    index = {session: n for n, session in enumerate(data.sessions)}
    expected_keys = {data.person_keys[index[s]] for s in stats.ok_sessions}
    stored_keys = set(
        Participation.objects.filter(box_id=box_id).values_list("person_key", flat=True)
    )
    ok = len(stats.ok_sessions)
    lost = ok - len(expected_keys & stored_keys) + abs(ballots - participations)
    phantom = len(stored_keys - expected_keys)

    rate = ok / elapsed if elapsed else 0.0
    p50, p95, p99 = (percentile(stats.latencies, p) * 1000 for p in (50, 95, 99))
    print(f"== baseline (GET poll page): {base_rate:.0f} req/s, median {b50:.1f} ms")
    print(f"== ceiling (GET /theme.css, the lightest page): {ceiling_rate:.0f} req/s")
    print(f"== a small logged-in page (GET /potwierdzenie-glosu/): {logged_in_rate:.0f} req/s")
    print(f"== casting for {elapsed:.1f} s with {args.clients} clients")
    print(f"   ballots/s       {rate:.0f}  ({rate / base_rate:.2f} x the baseline's req/s)")
    print(f"   latency median  {p50:.1f} ms, p95 {p95:.1f} ms, p99 {p99:.1f} ms")
    print(f"   statuses        {dict(sorted(stats.statuses.items()))}, errors {stats.errors}")
    print(f"   ok responses    {ok}; participations {participations}; ballots {ballots}")
    print(f"   duplicates      {duplicates}; lost {lost}; unexplained ballots {phantom}")
    print(f"   second ballot   statuses {again.statuses} (409 = refused, as it must be)")
    cpu_ms = cpu_used * 1000 / ok if ok else float("nan")
    pg_ms = pg_used * 1000 / ok if ok else float("nan")
    print(f"   gunicorn CPU    {cpu_ms:.1f} ms per ballot (both workers, user + system)")
    print(f"   PostgreSQL CPU  {pg_ms:.1f} ms per ballot (budget for 500/s: 4 ms in all)")
    print(f"   machine load    {load_before:.1f} before, {load_after:.1f} after (2 cores, shared)")
    target = rate >= 500 and p99 < 250
    print(f"   target (>= 500 ballots/s, p99 < 250 ms): {'met' if target else 'NOT met'}")
    print(
        json.dumps(
            {
                "ballots_per_s": round(rate, 1),
                "p50_ms": round(p50, 1),
                "p95_ms": round(p95, 1),
                "p99_ms": round(p99, 1),
                "ok": ok,
                "participations": participations,
                "ballots": ballots,
                "lost": lost,
                "duplicates": duplicates,
                "unexplained": phantom,
                "second_ballot_refused": again.statuses.get(409, 0) == 1,
                "baseline_get_per_s": round(base_rate, 1),
                "ceiling_trivial_get_per_s": round(ceiling_rate, 1),
                "logged_in_get_per_s": round(logged_in_rate, 1),
                "django_cpu_ms_per_ballot": round(cpu_ms, 2),
                "postgres_cpu_ms_per_ballot": round(pg_ms, 2),
                "load_average": [round(load_before, 1), round(load_after, 1)],
                "clients": args.clients,
                "workers": args.workers,
                "threads": args.threads,
                "seconds": round(elapsed, 1),
                "median_ms": round(statistics.median(stats.latencies) * 1000, 1)
                if stats.latencies
                else None,
            }
        )
    )


if __name__ == "__main__":
    main()
