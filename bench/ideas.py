"""Benchmark of the ideas module on PostgreSQL: list, GeoJSON and detail pages at scale.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wiec_ideas_bench .venv/bin/python bench/ideas.py

The database must be a throw-away one (its name ends in "_bench"): it is emptied first. Two
municipalities are built with bulk inserts: a baseline of 200 ideas and the full one (10,000
ideas, 50,000 supports, 30,000 comments). Each page is requested in-process through Django's
handler after a warm-up, and the script prints the median and p95 server time, the SQL
queries per request, the GeoJSON size and the gzipped JavaScript and CSS the list page loads,
with ratios against the baseline. The last line is one JSON object. Timings are never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wiec.settings")
os.environ.setdefault("DEBUG", "true")  # settings need it (or a SECRET_KEY); turned off below

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from wiec.accounts.models import User  # noqa: E402
from wiec.discussion.models import Comment, Thread  # noqa: E402
from wiec.ideas.models import Idea, Support  # noqa: E402
from wiec.ideas.search import search_text  # noqa: E402
from wiec.ideas.statuses import PUBLIC_STATUSES  # noqa: E402
from wiec.tenants.actions import create_tenant, import_districts, save_category  # noqa: E402
from wiec.tenants.geo import DistrictShape  # noqa: E402
from wiec.tenants.models import Category, District, Tenant  # noqa: E402

# Requests are timed as in production: no debug templates, no query log kept by Django.
settings.DEBUG = False

WORDS = [
    "ławka",
    "chodnik",
    "przejście",
    "oświetlenie",
    "plac",
    "zabaw",
    "park",
    "drzewa",
    "rower",
    "ścieżka",
    "parking",
    "przystanek",
    "szkoła",
    "boisko",
    "świetlica",
    "biblioteka",
    "kosz",
    "latarnia",
    "droga",
    "remont",
    "zieleń",
    "łąka",
    "skwer",
    "fontanna",
    "monitoring",
    "progi",
    "zwalniające",
    "wiata",
    "toaleta",
    "defibrylator",
    "seniorzy",
    "młodzież",
    "koncert",
    "festyn",
]
REFERENCE = (
    "Reference from the issue (not measured here): adhocracy+ with 2,000 map ideas on "
    "PostgreSQL: list median 8.7 s, 6,056 SQL queries, 1.2 MB HTML, 447 KB gzipped JS; "
    "idea detail median 100 ms. Decidim's proposals index: about 7 s for 900 proposals."
)


def build(slug: str, *, ideas: int, supports: int, comments: int, rng: random.Random) -> Tenant:
    now = timezone.now()
    tenant = create_tenant(
        slug=slug,
        name=f"Gmina {slug.title()}",
        office_name=f"Urząd Gminy {slug.title()}",
        kind="gmina_wiejska",
        hosts=[f"{slug}.localhost"],
        at=now,
        map_center_lat=52.25,
        map_center_lon=16.85,
        map_south=52.1,
        map_west=16.6,
        map_north=52.4,
        map_east=17.1,
    )
    shapes = []
    for row in range(2):
        for col in range(3):
            lon, lat = 16.6 + col * 0.16, 52.1 + row * 0.15
            ring = [[lon, lat], [lon + 0.16, lat], [lon + 0.16, lat + 0.15], [lon, lat + 0.15]]
            shapes.append(
                DistrictShape(
                    f"Obszar {row * 3 + col + 1}",
                    {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
                )
            )
    import_districts(tenant=tenant, shapes=shapes, replace=True, actor=None, at=now)
    for position, name in enumerate(
        ["Drogi", "Zieleń", "Sport", "Kultura", "Bezpieczeństwo", "Pomoc"]
    ):
        save_category(
            tenant=tenant,
            category=None,
            name=name,
            description="",
            position=position,
            actor=None,
            at=now,
        )
    districts = list(District.objects.filter(tenant=tenant))
    categories = list(Category.objects.filter(tenant=tenant))
    people = User.objects.bulk_create(
        User(email=f"{slug}{n}@bench.example", display_name=f"Mieszkaniec {n}", password="!")  # noqa: S106 - unusable
        for n in range(max(200, supports // 10))
    )
    threads = Thread.objects.bulk_create(
        Thread(tenant=tenant, owner_type_id=_idea_type(), created_at=now) for _ in range(ideas)
    )
    rows = []
    for thread in threads:
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 6))).capitalize()
        description = " ".join(rng.choice(WORDS) for _ in range(rng.randint(20, 60))).capitalize()
        published = now - timedelta(days=rng.uniform(0, 730))
        district = rng.choice(districts)
        lon0, lat0 = district.geometry["coordinates"][0][0]
        rows.append(
            Idea(
                tenant=tenant,
                title=title,
                description=description,
                category=rng.choice(categories),
                district=district,
                lat=lat0 + rng.uniform(0.001, 0.149),
                lon=lon0 + rng.uniform(0.001, 0.159),
                status=rng.choice(PUBLIC_STATUSES),
                author=rng.choice(people),
                thread=thread,
                search_text=search_text(title, description),
                created_at=published,
                updated_at=published,
                published_at=published,
            )
        )
    created = Idea.objects.bulk_create(rows, batch_size=2000)
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < supports:
        pairs.add((rng.choice(created).pk, rng.choice(people).pk))
    Support.objects.bulk_create(
        (Support(tenant=tenant, idea_id=i, user_id=u, created_at=now) for i, u in pairs),
        batch_size=5000,
    )

    def comment(thread_id: int, parent: Comment | None, minutes: int) -> Comment:
        return Comment(
            tenant=tenant,
            thread_id=thread_id,
            parent=parent,
            author=rng.choice(people),
            body=" ".join(rng.choice(WORDS) for _ in range(15)),
            created_at=now - timedelta(minutes=minutes),
        )

    # Three in four comments start a conversation; the rest reply to one.
    tops = Comment.objects.bulk_create(
        (comment(rng.choice(created).thread_id, None, n) for n in range(comments * 3 // 4)),
        batch_size=5000,
    )
    Comment.objects.bulk_create(
        (
            comment(parent.thread_id, parent, n)
            for n, parent in enumerate(rng.choice(tops) for _ in range(comments - len(tops)))
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE ideas_idea i SET support_count = s.n FROM (SELECT idea_id, count(*) n "
            "FROM ideas_support GROUP BY idea_id) s WHERE s.idea_id = i.id AND i.tenant_id = %s",
            [tenant.pk],
        )
        cursor.execute(
            "UPDATE discussion_thread t SET comment_count = c.n FROM (SELECT thread_id, "
            "count(*) n FROM discussion_comment GROUP BY thread_id) c "
            "WHERE c.thread_id = t.id AND t.tenant_id = %s",
            [tenant.pk],
        )
        cursor.execute("VACUUM ANALYZE")  # as autovacuum leaves a live database
    return tenant


def _idea_type() -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(Idea).pk


def timed(
    client: Client,
    url: str,
    *,
    runs: int,
    warmup: int = 5,
    headers: dict[str, str] | None = None,
    before: Any = None,
) -> dict[str, Any]:
    for _ in range(warmup):
        if before:
            before()
        client.get(url, headers=headers or {})
    times, cpu = [], []
    for _ in range(runs):
        if before:
            before()
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url, headers=headers or {})
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        if response.status_code not in (200, 304):
            raise RuntimeError(f"{url}: {response.status_code}")
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers or {})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    times.sort()
    cpu.sort()
    return {
        "median_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        # Python's own CPU time in the request: what the app server spends, whatever else
        # runs on the machine (the database's time is in the wall-clock figures only).
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": cpu[int(0.95 * (len(cpu) - 1))],
        "queries": len(queries.captured_queries),
        "bytes": len(body),
        "status": response.status_code,
        "etag": response.get("ETag", ""),
        "body": body,
    }


def asset_bytes(client: Client, html: str) -> tuple[int, list[str]]:
    """Gzipped bytes of every script and stylesheet the page loads (level 6, like a server)."""
    urls = re.findall(r'<script[^>]+src="([^"]+)"', html) + re.findall(
        r'<link rel="stylesheet" href="([^"]+)"', html
    )
    total = 0
    for url in urls:
        path = url.split("?")[0]
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path[len(settings.STATIC_URL) :])
            if not found:
                raise FileNotFoundError(path)
            data = Path(str(found)).read_bytes()
        else:
            data = client.get(url).content
        total += len(gzip.compress(data, compresslevel=6))
    return total, urls


def measure(tenant: Tenant, runs: int) -> dict[str, Any]:
    client = Client(HTTP_HOST=f"{tenant.slug}.localhost")
    busiest = Idea.objects.filter(tenant=tenant).order_by("-thread__comment_count").first()
    if busiest is None:
        raise RuntimeError("no ideas were built")
    results = {
        "list": timed(client, "/pomysly/", runs=runs),
        "list_search": timed(client, "/pomysly/?q=lawka+park&sort=supported", runs=runs),
        "list_discussed_p50": timed(client, "/pomysly/?sort=discussed&page=50", runs=runs),
        "list_htmx": timed(
            client,
            "/pomysly/?category=&status=new",
            runs=runs,
            headers={"HX-Request": "true", "HX-Target": "idea-results"},
        ),
        "detail": timed(client, f"/pomysly/{busiest.pk}/", runs=runs),
        "geojson_cold": timed(
            client, "/pomysly/mapa.geojson", runs=max(10, runs // 3), before=cache.clear
        ),
        "geojson_warm": timed(client, "/pomysly/mapa.geojson", runs=runs),
        "map": timed(client, "/pomysly/mapa/", runs=runs),
    }
    etag = results["geojson_warm"]["etag"]
    results["geojson_304"] = timed(
        client, "/pomysly/mapa.geojson", runs=runs, headers={"If-None-Match": etag}
    )
    results["busiest_comments"] = busiest.thread.comment_count
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=60, help="timed requests per page")
    args = parser.parse_args()
    name = settings.DATABASES["default"]["NAME"]
    if connection.vendor != "postgresql" or not str(name).endswith("_bench"):
        sys.exit(
            "Run on a throw-away PostgreSQL database whose name ends in _bench (it is emptied)."
        )
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    rng = random.Random(4)
    started = time.perf_counter()
    small = build("bazowa", ideas=200, supports=1_000, comments=600, rng=rng)
    full = build("duza", ideas=10_000, supports=50_000, comments=30_000, rng=rng)
    print(
        f"Data: {Idea.objects.filter(tenant=full).count():,} ideas, "
        f"{Support.objects.filter(tenant=full).count():,} supports, "
        f"{Comment.objects.filter(tenant=full).count():,} comments "
        f"(baseline: 200 / 1,000 / 600), built in {time.perf_counter() - started:.1f} s"
    )
    load = os.getloadavg()[0]
    base, big = measure(small, args.runs), measure(full, args.runs)
    print(f"Machine: {os.cpu_count()} CPUs, load average {load:.1f} when timing started")
    print(
        f"\n{'page':<22}{'median ms':>11}{'p95 ms':>9}{'CPU p50':>9}{'CPU p95':>9}{'queries':>9}"
        f"{'bytes':>11}   {'baseline median':>15}{'ratio':>7}{'baseline queries':>17}"
    )
    for page in (
        "list",
        "list_search",
        "list_discussed_p50",
        "list_htmx",
        "detail",
        "map",
        "geojson_cold",
        "geojson_warm",
        "geojson_304",
    ):
        row, ref = big[page], base[page]
        ratio = row["median_ms"] / ref["median_ms"]
        print(
            f"{page:<22}{row['median_ms']:>11.1f}{row['p95_ms']:>9.1f}{row['cpu_median_ms']:>9.1f}"
            f"{row['cpu_p95_ms']:>9.1f}{row['queries']:>9}{row['bytes']:>11,}   "
            f"{ref['median_ms']:>15.1f}{ratio:>7.2f}{ref['queries']:>17}"
        )
    print(f"(detail: the idea with the most comments, {big['busiest_comments']} of them)")
    client = Client(HTTP_HOST="duza.localhost")
    list_assets, list_urls = asset_bytes(client, big["list"]["body"].decode())
    map_assets, map_urls = asset_bytes(client, big["map"]["body"].decode())
    print(
        f"\nJS + CSS, gzip: list page {list_assets / 1024:.1f} KB ({len(list_urls)} files); "
        f"map page {map_assets / 1024:.1f} KB ({len(map_urls)} files, Leaflet and clusters too)"
    )
    features = len(json.loads(big["geojson_warm"]["body"])["features"])
    print(
        f"GeoJSON of all ideas: {features:,} points, {big['geojson_cold']['bytes'] / 1e6:.2f} MB "
        f"uncompressed, {len(gzip.compress(big['geojson_warm']['body'])) / 1e3:.0f} KB gzipped"
    )
    print(REFERENCE)
    targets = {
        "list p95 < 50 ms": big["list"]["p95_ms"] < 50,
        "detail p95 < 50 ms": big["detail"]["p95_ms"] < 50,
        "GeoJSON (cold) < 150 ms": big["geojson_cold"]["p95_ms"] < 150,
        "GeoJSON < 1.5 MB": big["geojson_cold"]["bytes"] < 1_500_000,
        "list JS+CSS < 100 KB gzip": list_assets < 100 * 1024,
        "map JS+CSS < 100 KB gzip": map_assets < 100 * 1024,
        "queries do not grow with the data": all(
            big[p]["queries"] == base[p]["queries"]
            for p in ("list", "detail", "geojson_cold", "map")
        ),
    }
    print("Targets: " + "; ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in targets.items()))
    print(
        json.dumps(
            {
                "list_p95_ms": round(big["list"]["p95_ms"], 1),
                "list_median_ms": round(big["list"]["median_ms"], 1),
                "detail_p95_ms": round(big["detail"]["p95_ms"], 1),
                "detail_median_ms": round(big["detail"]["median_ms"], 1),
                "list_cpu_p95_ms": round(big["list"]["cpu_p95_ms"], 1),
                "detail_cpu_p95_ms": round(big["detail"]["cpu_p95_ms"], 1),
                "load_average": round(load, 1),
                "geojson_ms": round(big["geojson_cold"]["p95_ms"], 1),
                "geojson_cached_ms": round(big["geojson_warm"]["p95_ms"], 1),
                "geojson_bytes": big["geojson_cold"]["bytes"],
                "queries_per_page": {
                    p: big[p]["queries"] for p in ("list", "detail", "geojson_cold", "map")
                },
                "baseline_queries_per_page": {
                    p: base[p]["queries"] for p in ("list", "detail", "geojson_cold", "map")
                },
                "list_js_css_gzip_bytes": list_assets,
                "map_js_css_gzip_bytes": map_assets,
                "ideas": 10_000,
                "supports": 50_000,
                "comments": 30_000,
            }
        )
    )


if __name__ == "__main__":
    main()
