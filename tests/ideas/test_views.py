"""Public pages of ideas: browsing, the map's GeoJSON, the idea page, submitting and supporting."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from tests.core.test_markdown import elements_of
from tests.factories import CategoryFactory, DistrictFactory, member, square
from tests.ideas.factories import CommentFactory, IdeaFactory, image_bytes
from tests.ideas.test_uploads import exif_with_gps, png_with_header_size
from wiec.accounts.models import Role, User
from wiec.ideas.models import Idea, IdeaPhoto, IdeaSettings
from wiec.ideas.statuses import IdeaStatus
from wiec.maps.actions import PlaceRow, import_places
from wiec.moderation.models import Block
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
S = IdeaStatus
XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def text_of(response: Any) -> str:
    return str(response.content.decode())


def titles(response: Any) -> list[str]:
    return re.findall(
        r'class="idea-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', text_of(response)
    )


# --- browsing ---------------------------------------------------------------------------


def test_the_list_shows_published_ideas_only(client: Client, tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant, title="Opublikowany")
    IdeaFactory(tenant=tenant, title="Szkic", status=S.DRAFT)
    IdeaFactory(tenant=tenant, title="Ukryty", hidden_at=timezone.now(), hidden_reason="spam")
    response = client.get("/pomysly/")
    assert titles(response) == ["Opublikowany"]
    assert "Znaleziono 1 pomysł" in text_of(response)


def test_filters_combine_and_stay_in_the_address(client: Client, tenant: Tenant) -> None:
    roads, green = CategoryFactory(tenant=tenant), CategoryFactory(tenant=tenant)
    north, south = DistrictFactory(tenant=tenant), DistrictFactory(tenant=tenant)
    IdeaFactory(tenant=tenant, title="Droga północ", category=roads, district=north)
    IdeaFactory(tenant=tenant, title="Droga południe", category=roads, district=south)
    IdeaFactory(
        tenant=tenant, title="Park północ", category=green, district=north, status=S.ANALYSIS
    )
    response = client.get(f"/pomysly/?category={roads.pk}&district={north.pk}")
    assert titles(response) == ["Droga północ"]
    assert f'<option value="{roads.pk}" selected>' in text_of(response)
    assert titles(client.get("/pomysly/?status=analysis")) == ["Park północ"]


def test_bad_filter_values_are_ignored_not_errors(client: Client, tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant, title="Jedyny")
    response = client.get("/pomysly/?category=abc&district=999999&status=draft&sort=x&page=zz")
    assert response.status_code == 200
    assert titles(response) == ["Jedyny"]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("łąka", True),
        ("laka", True),
        ("ŁĄKOW", True),
        ("łąkowa", True),  # the same street in another case (issue 9: Polish word forms)
        ("zrodlo", True),
        ("ławki źródło", True),
        ("lawk", True),
        ("aka", False),
        ("ławki asfalt", False),
    ],
)
def test_search_matches_polish_words_without_diacritics(
    client: Client, tenant: Tenant, query: str, found: bool
) -> None:
    IdeaFactory(
        tenant=tenant,
        title="Ławki na Łąkowej",
        description="Przy źródle brakuje miejsca do odpoczynku. Zielona łąka i stare źródło.",
    )
    assert bool(titles(client.get("/pomysly/", {"q": query}))) is found


def test_search_never_finds_hidden_ideas(client: Client, tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant, title="Tajny pomysł", hidden_at=timezone.now(), hidden_reason="x")
    response = client.get("/pomysly/", {"q": "tajny"})
    assert titles(response) == []
    assert "Tajny" not in text_of(response)


def test_sorting_by_supports_and_by_discussion(client: Client, tenant: Tenant) -> None:
    quiet = IdeaFactory(tenant=tenant, title="Cichy", support_count=1)
    loud = IdeaFactory(tenant=tenant, title="Głośny", support_count=9)
    for _ in range(3):
        CommentFactory(idea=quiet)
    quiet.thread.comment_count = 3
    quiet.thread.save()
    assert titles(client.get("/pomysly/?sort=supported")) == ["Głośny", "Cichy"]
    assert titles(client.get("/pomysly/?sort=discussed")) == ["Cichy", "Głośny"]
    assert titles(client.get("/pomysly/?sort=newest")) == ["Głośny", "Cichy"]
    assert loud.pk > quiet.pk


def test_the_list_is_paginated_with_the_filters_kept(client: Client, tenant: Tenant) -> None:
    for number in range(23):
        IdeaFactory(tenant=tenant, title=f"Ławka {number}")
    first = client.get("/pomysly/?q=lawka")
    assert len(titles(first)) == 20
    assert "Znaleziono 23 pomysły" in text_of(first)
    assert 'href="?q=lawka&amp;page=2"' in text_of(first)
    assert len(titles(client.get("/pomysly/?q=lawka&page=2"))) == 3


def test_htmx_gets_only_the_results_and_the_count(client: Client, tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant, title="Ławka")
    response = client.get(
        "/pomysly/?q=lawka", headers={"HX-Request": "true", "HX-Target": "idea-results"}
    )
    html = text_of(response)
    assert "<html" not in html
    assert 'id="idea-count" role="status" hx-swap-oob="innerHTML"' in html
    assert titles(response) == ["Ławka"]


def test_without_javascript_the_filter_form_is_a_plain_get_form(client: Client) -> None:
    html = text_of(client.get("/pomysly/"))
    assert re.search(r'<form method="get" action="/pomysly/"', html)
    assert 'hx-push-url="true"' in html
    assert "Pokaż pomysły</button>" in html


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_needs_the_same_queries_for_any_number_of_ideas(
    client: Client, tenant: Tenant, django_assert_max_num_queries: Any, count: int
) -> None:
    category, district = CategoryFactory(tenant=tenant), DistrictFactory(tenant=tenant)
    for _ in range(count):
        idea = IdeaFactory(tenant=tenant, category=category, district=district)
        IdeaPhoto.objects.create(
            tenant=tenant,
            idea=idea,
            image="x.jpg",
            thumbnail="y.jpg",
            width=1,
            height=1,
            created_at=timezone.now(),
        )
    client.force_login(member(tenant))
    with django_assert_max_num_queries(12):
        assert client.get("/pomysly/?sort=discussed").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/pomysly/mapa/").status_code == 200


# --- the map's data -----------------------------------------------------------------------


def test_geojson_has_every_visible_idea_with_a_point(client: Client, tenant: Tenant) -> None:
    shown = IdeaFactory(tenant=tenant, lat=52.123456789, lon=16.5)
    IdeaFactory(tenant=tenant, lat=None, lon=None)
    IdeaFactory(tenant=tenant, status=S.DRAFT)
    IdeaFactory(tenant=tenant, hidden_at=timezone.now(), hidden_reason="x")
    response = client.get("/pomysly/mapa.geojson")
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    assert data["features"] == [
        {
            "type": "Feature",
            "id": shown.pk,
            "geometry": {"type": "Point", "coordinates": [16.5, 52.12346]},
            "properties": {"s": "new", "t": shown.title},
        }
    ]


def test_geojson_follows_the_filters(client: Client, tenant: Tenant) -> None:
    IdeaFactory(tenant=tenant, title="Ławka")
    done = IdeaFactory(tenant=tenant, title="Chodnik", status=S.DONE)
    data = json.loads(client.get("/pomysly/mapa.geojson?status=done").content)
    assert [f["id"] for f in data["features"]] == [done.pk]


def test_a_markers_card_is_fetched_when_it_opens(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant, title='Ławka "przy" <rzece>', support_count=3)
    card = json.loads(client.get(f"/pomysly/{idea.pk}/mapa.json").content)
    assert card == {
        "title": 'Ławka "przy" <rzece>',
        "lang": "",  # the page is in Polish already (tests/core/test_content_lang.py)
        "url": f"/pomysly/{idea.pk}/",
        "status": "nowy",
        "supports": "3 poparcia",
    }
    hidden = IdeaFactory(tenant=tenant, hidden_at=timezone.now(), hidden_reason="x")
    assert client.get(f"/pomysly/{hidden.pk}/mapa.json").status_code == 404


def test_geojson_is_revalidated_by_etag_and_changes_when_an_idea_is_hidden(
    client: Client, tenant: Tenant, django_assert_max_num_queries: Any
) -> None:
    idea = IdeaFactory(tenant=tenant)
    first = client.get("/pomysly/mapa.geojson")
    etag = first["ETag"]
    with django_assert_max_num_queries(5):
        again = client.get("/pomysly/mapa.geojson", headers={"If-None-Match": etag})
    assert again.status_code == 304
    Idea.objects.filter(pk=idea.pk).update(
        hidden_at=timezone.now(), moderated_at=timezone.now(), hidden_reason="x"
    )
    changed = client.get("/pomysly/mapa.geojson", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert json.loads(changed.content)["features"] == []


# --- the idea's page ------------------------------------------------------------------------


def test_the_idea_page_shows_everything_about_it(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant, title="Przejście", description="**Ważne** dla dzieci.")
    CommentFactory(idea=idea, body="Popieram _mocno_")
    html = text_of(client.get(f"/pomysly/{idea.pk}/"))
    assert '<h1 id="idea-title">Przejście</h1>' in html
    assert "<strong>Ważne</strong>" in html
    assert "<em>mocno</em>" in html
    assert 'data-map="show"' in html
    assert "Odpowiedzi urzędu" in html


def test_the_idea_page_needs_a_fixed_number_of_queries(
    client: Client, tenant: Tenant, django_assert_max_num_queries: Any
) -> None:
    idea = IdeaFactory(tenant=tenant)
    for _ in range(15):
        parent = CommentFactory(idea=idea)
        CommentFactory(idea=idea, parent=parent)
    client.force_login(member(tenant))
    with django_assert_max_num_queries(16):
        assert client.get(f"/pomysly/{idea.pk}/").status_code == 200


def test_a_draft_is_seen_by_its_author_only(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    draft = IdeaFactory(tenant=tenant, author=author, status=S.DRAFT)
    assert client.get(f"/pomysly/{draft.pk}/").status_code == 404
    client.force_login(member(tenant, Role.ADMIN))
    assert client.get(f"/pomysly/{draft.pk}/").status_code == 404
    client.force_login(author)
    html = text_of(client.get(f"/pomysly/{draft.pk}/"))
    assert "To Twój szkic" in html
    assert "Opublikuj pomysł" in html


def test_a_hidden_idea_is_a_404_that_says_why(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(
        tenant=tenant, title="Reklama", hidden_at=timezone.now(), hidden_reason="Spam handlowy."
    )
    response = client.get(f"/pomysly/{idea.pk}/")
    assert response.status_code == 404
    assert "Spam handlowy." in text_of(response)
    assert "Reklama" not in text_of(response)


def test_xss_in_every_field_of_an_idea_renders_inert(client: Client, tenant: Tenant) -> None:
    author = member(tenant, display_name=XSS)
    idea = IdeaFactory(tenant=tenant, author=author, title=XSS, description=XSS, address=XSS)
    CommentFactory(idea=idea, body=XSS, author=author)
    for url in (f"/pomysly/{idea.pk}/", "/pomysly/", f"/pomysly/?q={XSS}", "/pomysly/mapa/"):
        for tag, attrs in elements_of(text_of(client.get(url))):
            names = {name for name, _value in attrs}
            assert not any(name.startswith("on") for name in names), (url, tag, attrs)
            assert tag != "script" or "src" in names, url
            assert (tag, dict(attrs).get("src")) != ("img", "x"), url


# --- submitting -----------------------------------------------------------------------------


@pytest.fixture
def place_tenant(tenant: Tenant) -> Tenant:
    DistrictFactory(tenant=tenant, name="Dębina", geometry=square(16.6, 52.1, size=0.05))
    import_places(
        tenant=tenant,
        rows=[
            PlaceRow("ul. Szkolna", 52.11, 16.61),
            PlaceRow("ul. Polna", 52.12, 16.62),
            PlaceRow("ul. Polna Boczna", 52.13, 16.63),
        ],
        replace=False,
        actor=None,
        at=timezone.now(),
    )
    return tenant


def _form(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Przejście przy szkole",
        "description": "Dzieci nie mają jak przejść.",
        **changes,
    }


def test_anonymous_people_are_sent_to_log_in(client: Client) -> None:
    response = client.get("/pomysly/nowy/")
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_an_address_from_the_gazetteer_gives_the_point_and_district(
    client: Client, place_tenant: Tenant
) -> None:
    author = member(place_tenant)
    client.force_login(author)
    response = client.post("/pomysly/nowy/", _form(location="ul. Szkolna 5"))
    idea = Idea.objects.get(author=author)
    assert response["Location"] == f"/pomysly/{idea.pk}/"
    assert (idea.lat, idea.lon, idea.address, idea.district.name) == (
        52.11,
        16.61,
        "ul. Szkolna 5",
        "Dębina",
    )
    assert idea.status == S.DRAFT


def test_typed_coordinates_work_without_the_map(client: Client, place_tenant: Tenant) -> None:
    client.force_login(member(place_tenant))
    client.post("/pomysly/nowy/", _form(location="52°6′36″N 16°36′36″E"))
    idea = Idea.objects.get()
    assert (idea.lat, idea.lon) == pytest.approx((52.11, 16.61))
    assert idea.address == ""


def test_a_place_outside_the_municipality_is_refused_and_nothing_is_lost(
    client: Client, place_tenant: Tenant
) -> None:
    client.force_login(member(place_tenant))
    response = client.post("/pomysly/nowy/", _form(location="50.06, 19.94"))
    html = text_of(response)
    assert response.status_code == 200
    assert "To miejsce leży poza obszarem: Gmina Nadrzecze" in html
    assert 'value="Przejście przy szkole"' in html
    assert "Dzieci nie mają jak przejść.</textarea>" in html
    assert 'value="50.06, 19.94"' in html
    assert not Idea.objects.exists()


def test_an_ambiguous_place_offers_a_choice(client: Client, place_tenant: Tenant) -> None:
    client.force_login(member(place_tenant))
    html = text_of(client.post("/pomysly/nowy/", _form(location="Pol")))
    assert "Pasuje kilka miejsc" in html
    choices = re.findall(r'<option value="(\d+)">ul. Polna', html)
    assert len(choices) == 2
    response = client.post("/pomysly/nowy/", _form(location="Pol", place=choices[1]))
    assert response.status_code == 302
    assert (Idea.objects.get().lat, Idea.objects.get().lon) == (52.13, 16.63)


def test_an_unknown_place_can_be_saved_with_words_and_a_district(
    client: Client, place_tenant: Tenant
) -> None:
    client.force_login(member(place_tenant))
    district = place_tenant_district(place_tenant)
    unknown = client.post("/pomysly/nowy/", _form(location="za stodołą pana Jana"))
    assert "Nie znaleźliśmy „za stodołą pana Jana”" in text_of(unknown)
    no_district = client.post("/pomysly/nowy/", _form(location="za stodołą", no_point="on"))
    assert "Wybierz obszar, bo miejsce nie ma punktu na mapie." in text_of(no_district)
    saved = client.post(
        "/pomysly/nowy/", _form(location="za stodołą", no_point="on", district=district)
    )
    assert saved.status_code == 302
    idea = Idea.objects.get()
    assert (idea.lat, idea.address, idea.district_id) == (None, "za stodołą", district)


def place_tenant_district(tenant: Tenant) -> int:
    return int(tenant_districts(tenant)[0])


def tenant_districts(tenant: Tenant) -> list[int]:
    from wiec.tenants.models import District

    return list(District.objects.filter(tenant=tenant).values_list("pk", flat=True))


def test_the_form_lists_places_and_carries_the_map_picker(
    client: Client, place_tenant: Tenant
) -> None:
    client.force_login(member(place_tenant))
    html = text_of(client.get("/pomysly/nowy/"))
    assert '<datalist id="id_location-places"><option value="ul. Polna">' in html
    assert 'list="id_location-places"' in html
    assert 'data-map="pick"' in html
    assert 'data-text-input="id_location"' in html


def test_submissions_can_be_closed(client: Client, tenant: Tenant) -> None:
    IdeaSettings.objects.create(tenant=tenant, accepting=False)
    client.force_login(member(tenant))
    assert client.get("/pomysly/nowy/").status_code == 403
    assert "Zgłoś pomysł" not in text_of(client.get("/pomysly/"))


@pytest.mark.usefixtures("frozen_now")
def test_posting_ideas_too_fast_gets_a_polite_refusal_and_keeps_the_text(
    client: Client, tenant: Tenant
) -> None:
    client.force_login(member(tenant))
    statuses = [
        client.post(
            "/pomysly/nowy/", _form(title=f"Pomysł {n}", location="52.25, 16.85")
        ).status_code
        for n in range(11)
    ]
    assert statuses[:10] == [302] * 10
    assert statuses[10] == 429
    refused = client.post("/pomysly/nowy/", _form(title="Zachowany tytuł", location="52.25, 16.85"))
    assert refused.status_code == 429
    assert "Odczekaj kilka minut" in text_of(refused)
    assert 'value="Zachowany tytuł"' in text_of(refused)
    assert Idea.objects.count() == 10


def test_the_author_edits_until_the_office_answers(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    client.force_login(author)
    edit = client.post(
        f"/pomysly/{idea.pk}/edytuj/", _form(title="Nowy tytuł", location="52.3, 16.9")
    )
    assert edit.status_code == 302
    idea.refresh_from_db()
    assert (idea.title, idea.lat) == ("Nowy tytuł", 52.3)
    Idea.objects.filter(pk=idea.pk).update(status=S.ANALYSIS)
    assert client.get(f"/pomysly/{idea.pk}/edytuj/").status_code == 404
    client.force_login(member(tenant))
    Idea.objects.filter(pk=idea.pk).update(status=S.NEW)
    assert client.get(f"/pomysly/{idea.pk}/edytuj/").status_code == 404


def test_publishing_and_deleting_drafts(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    client.force_login(author)
    keep = IdeaFactory(tenant=tenant, author=author, status=S.DRAFT)
    drop = IdeaFactory(tenant=tenant, author=author, status=S.DRAFT)
    assert client.post(f"/pomysly/{keep.pk}/opublikuj/").status_code == 302
    assert client.post(f"/pomysly/{drop.pk}/usun/").status_code == 302
    keep.refresh_from_db()
    assert keep.status == S.NEW
    assert not Idea.objects.filter(pk=drop.pk).exists()
    assert client.post(f"/pomysly/{keep.pk}/usun/").status_code == 404


# --- photos and the PDF -------------------------------------------------------------------


def _upload(name: str, data: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_uploaded_photos_are_stored_clean_and_served_as_jpeg(
    client: Client, tenant: Tenant
) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    client.force_login(author)
    response = client.post(
        f"/pomysly/{idea.pk}/pliki/",
        {
            "photos": [
                _upload("a.jpg", image_bytes(exif=exif_with_gps())),
                _upload("b.png", image_bytes("PNG")),
            ]
        },
    )
    assert response.status_code == 302
    photos = list(IdeaPhoto.objects.filter(idea=idea).order_by("position"))
    assert len(photos) == 2
    served = client.get(f"/pomysly/{idea.pk}/zdjecia/{photos[0].pk}.jpg")
    assert served["Content-Type"] == "image/jpeg"
    body = b"".join(served.streaming_content)
    assert b"Exif" not in body
    assert b"PhoneMaker" not in body
    thumbnail = client.get(f"/pomysly/{idea.pk}/zdjecia/{photos[0].pk}/miniatura.jpg")
    assert thumbnail.status_code == 200


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("virus.jpg", b"MZ\x90\x00not an image", "nie jest zdjęciem, które umiemy odczytać"),
        ("bomb.png", png_with_header_size(30_000, 30_000), "ma za dużo pikseli"),
        ("huge.jpg", b"\xff\xd8\xff" + bytes(10 * 1024 * 1024), "jest większy niż 10 MB"),
    ],
    ids=["not-an-image", "decompression-bomb", "oversized"],
)
def test_bad_photos_get_a_clear_message_next_to_the_field(
    client: Client, tenant: Tenant, name: str, data: bytes, message: str
) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    client.force_login(author)
    response = client.post(f"/pomysly/{idea.pk}/pliki/", {"photos": [_upload(name, data)]})
    assert response.status_code == 200
    assert message in text_of(response)
    assert name in text_of(response)
    assert 'href="#id_photos"' in text_of(response)
    assert not IdeaPhoto.objects.exists()


def test_the_author_says_what_each_photo_shows(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    client.force_login(author)
    photos = [_upload(f"{n}.jpg", image_bytes(size=(64, 48))) for n in range(2)]
    assert client.post(f"/pomysly/{idea.pk}/pliki/", {"photos": photos}).status_code == 302
    first, second = IdeaPhoto.objects.filter(idea=idea).order_by("position")
    page = text_of(client.get(f"/pomysly/{idea.pk}/pliki/"))
    assert f'id="id_photo{first.pk}-description"' in page
    assert f'id="id_photo{second.pk}-description"' in page
    url = f"/pomysly/{idea.pk}/pliki/zdjecia/{first.pk}/opis/"
    said = "Połamana ławka przy stawie <script>x</script>"
    assert client.post(url, {f"photo{first.pk}-description": said}).status_code == 302
    detail = text_of(client.get(f"/pomysly/{idea.pk}/"))
    assert 'alt="Połamana ławka przy stawie &lt;script&gt;x&lt;/script&gt;"' in detail
    assert f"Zdjęcie 2 z 2: {idea.title}" in detail  # the other one keeps the generic text
    # Too long: the message sits next to the field and the text stays.
    response = client.post(url, {f"photo{first.pk}-description": "d" * 201})
    assert response.status_code == 200
    assert f'href="#id_photo{first.pk}-description"' in text_of(response)
    assert "d" * 201 in text_of(response)
    first.refresh_from_db()
    assert first.description == said
    # Only the author (while the idea is editable) may describe it.
    client.force_login(member(tenant))
    assert client.post(url, {f"photo{first.pk}-description": "x"}).status_code == 404


def test_an_idea_holds_at_most_five_photos(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    client.force_login(author)
    photos = [_upload(f"{n}.jpg", image_bytes(size=(64, 48))) for n in range(6)]
    response = client.post(f"/pomysly/{idea.pk}/pliki/", {"photos": photos})
    assert "najwyżej 5 zdjęć" in text_of(response)
    assert not IdeaPhoto.objects.exists()


def test_the_pdf_is_checked_and_always_downloaded(client: Client, tenant: Tenant) -> None:
    author = member(tenant)
    idea = IdeaFactory(tenant=tenant, author=author)
    client.force_login(author)
    fake = client.post(
        f"/pomysly/{idea.pk}/pliki/",
        {"attachment": _upload("plan.pdf", b"<html>not pdf", "application/pdf")},
    )
    assert "nie jest dokumentem PDF" in text_of(fake)
    client.post(
        f"/pomysly/{idea.pk}/pliki/",
        {"attachment": _upload("Plan przejścia.pdf", b"%PDF-1.4\n%%EOF", "application/pdf")},
    )
    response = Client(HTTP_HOST="nadrzecze.localhost").get(f"/pomysly/{idea.pk}/zalacznik.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_photos_of_hidden_ideas_are_not_served(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant, hidden_at=timezone.now(), hidden_reason="x")
    photo = IdeaPhoto.objects.create(
        tenant=tenant,
        idea=idea,
        image="x.jpg",
        thumbnail="y.jpg",
        width=1,
        height=1,
        created_at=timezone.now(),
    )
    assert client.get(f"/pomysly/{idea.pk}/zdjecia/{photo.pk}.jpg").status_code == 404


# --- supports ---------------------------------------------------------------------------------


def test_support_twice_keeps_one_support(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    for _ in range(2):
        assert client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"}).status_code == 302
    idea.refresh_from_db()
    assert idea.support_count == 1
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "0"})
    client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "0"})
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_supporting_with_htmx_swaps_the_button(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    response = client.post(
        f"/pomysly/{idea.pk}/poparcie/", {"support": "1"}, headers={"HX-Request": "true"}
    )
    html = text_of(response)
    assert html.lstrip().startswith('<div id="support"')
    assert "Wycofaj moje poparcie" in html
    assert 'role="status"' in html


def test_a_blocked_person_cannot_support(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    person = member(tenant)
    Block.objects.create(tenant=tenant, user=person, reason="spam", created_at=timezone.now())
    client.force_login(person)
    assert client.post(f"/pomysly/{idea.pk}/poparcie/", {"support": "1"}).status_code == 404


@pytest.mark.usefixtures("frozen_now")
def test_supporting_too_fast_gets_the_polite_429_page(client: Client, tenant: Tenant) -> None:
    ideas = [IdeaFactory(tenant=tenant) for _ in range(3)]
    client.force_login(member(tenant))
    statuses = [
        client.post(f"/pomysly/{ideas[n % 3].pk}/poparcie/", {"support": str(n % 2)}).status_code
        for n in range(61)
    ]
    assert statuses[-1] == 429
    assert set(statuses[:60]) == {302}
    assert "Zbyt wiele prób" in text_of(
        client.post(f"/pomysly/{ideas[0].pk}/poparcie/", {"support": "1"})
    )


def test_my_ideas_lists_drafts_and_hidden_ones(client: Client, tenant: Tenant) -> None:
    author: User = member(tenant)
    IdeaFactory(tenant=tenant, author=author, title="Mój szkic", status=S.DRAFT)
    IdeaFactory(
        tenant=tenant,
        author=author,
        title="Mój ukryty",
        hidden_at=timezone.now(),
        hidden_reason="Dane osobowe",
    )
    IdeaFactory(tenant=tenant, title="Cudzy")
    client.force_login(author)
    html = text_of(client.get("/pomysly/moje/"))
    assert "Mój szkic" in html
    assert "ukryty przez moderatorów: Dane osobowe" in html
    assert "Cudzy" not in html


def test_the_home_page_card_is_titled_as_the_ideas_page_is(client: Client, tenant: Tenant) -> None:
    """The home page's card and the page it opens say the same words (not "Pomysły dla: …",
    which put a name where Polish wants a genitive)."""
    IdeaFactory(tenant=tenant)
    home = text_of(client.get("/"))
    listing = text_of(client.get("/pomysly/"))
    assert "Pomysły mieszkańców" in home
    assert "Pomysły mieszkańców" in listing
    assert "Pomysły dla" not in home
