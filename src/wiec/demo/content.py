"""Texts of the two fictional demo municipalities (Polish: they are the offices' own words)."""

from __future__ import annotations

from typing import Any

NADRZECZE: dict[str, Any] = {
    "slug": "nadrzecze",
    "name": "Gmina Nadrzecze",
    "office_name": "Urząd Gminy Nadrzecze",
    "kind": "gmina_wiejska",
    "hosts": ["nadrzecze.localhost", "localhost", "127.0.0.1"],
    "primary_colour": "#1d5c3a",
    "address": "ul. Nadwarciańska 1\n62-050 Nadrzecze",
    "email": "urzad@nadrzecze.example",
    "phone": "+48 61 000 10 00",
    "office_hours": "pon. 8:00–16:00, wt.–pt. 7:30–15:30",
    "website_url": "https://nadrzecze.example/",
    "bip_url": "https://bip.nadrzecze.example/",
    "map_center_lat": 52.245,
    "map_center_lon": 16.875,
    "map_zoom": 12,
    "map_south": 52.17,
    "map_west": 16.74,
    "map_north": 52.32,
    "map_east": 17.01,
    "geojson": "nadrzecze.geojson",
    "categories": [
        ("Drogi i chodniki", "Nawierzchnie, chodniki, ścieżki rowerowe, oświetlenie."),
        ("Zieleń i środowisko", "Drzewa, skwery, ochrona przyrody nad Wartą."),
        ("Sport i rekreacja", "Boiska, place zabaw, szlaki."),
        ("Kultura i edukacja", "Świetlice, biblioteka, szkoły, wydarzenia."),
        ("Bezpieczeństwo", "Przejścia dla pieszych, monitoring, ochotnicza straż pożarna."),
        ("Pomoc społeczna", "Seniorzy, osoby z niepełnosprawnościami, rodziny."),
    ],
    "people": [
        ("admin", "admin@nadrzecze.example", "Anna Przykładowa"),
        ("official", "urzednik@nadrzecze.example", "Jan Urzędowski"),
        ("moderator", "moderator@nadrzecze.example", "Maria Moderacka"),
        ("resident", "mieszkanka@nadrzecze.example", "Zofia Sąsiedzka"),
        ("resident", "mieszkaniec@nadrzecze.example", "Piotr Nadwarciański"),
    ],
}

LIPOWIEC: dict[str, Any] = {
    "slug": "lipowiec",
    "name": "Miasto Lipowiec",
    "office_name": "Urząd Miejski w Lipowcu",
    "kind": "gmina_miejska",
    "hosts": ["lipowiec.localhost"],
    "primary_colour": "#8a1538",
    "address": "Rynek 7\n62-020 Lipowiec",
    "email": "sekretariat@lipowiec.example",
    "phone": "+48 61 000 20 00",
    "office_hours": "pon.–pt. 8:00–16:00",
    "website_url": "https://lipowiec.example/",
    "bip_url": "https://bip.lipowiec.example/",
    "map_center_lat": 52.475,
    "map_center_lon": 17.17,
    "map_zoom": 14,
    "map_south": 52.44,
    "map_west": 17.11,
    "map_north": 52.51,
    "map_east": 17.23,
    "geojson": "lipowiec.geojson",
    "categories": [
        ("Transport i drogi", "Komunikacja miejska, parkingi, drogi, rowery."),
        ("Zieleń miejska", "Parki, drzewa, skwery, jezioro."),
        ("Sport i rekreacja", "Boiska, hale, place zabaw."),
        ("Kultura", "Dom kultury, wydarzenia, zabytki."),
        ("Edukacja", "Przedszkola, szkoły, zajęcia dla dzieci i młodzieży."),
        ("Zdrowie i pomoc społeczna", "Seniorzy, zdrowie, wsparcie rodzin."),
    ],
    "people": [
        ("admin", "admin@lipowiec.example", "Barbara Wzorcowa"),
        ("official", "urzednik@lipowiec.example", "Tomasz Referentowski"),
        ("moderator", "moderator@lipowiec.example", "Katarzyna Czujna"),
        ("resident", "mieszkanka@lipowiec.example", "Olena Nowosielska"),
        ("resident", "mieszkaniec@lipowiec.example", "Michał Lipowski"),
    ],
}

MUNICIPALITIES = [NADRZECZE, LIPOWIEC]

OPERATOR_EMAIL = "operator@wiec.example"
OPERATOR_NAME = "Operator platformy"


DISTRICT_WORDS = {"gmina_wiejska": "sołectwo", "gmina_miejska": "osiedle"}


def privacy_policy(office: str, email: str, kind: str) -> str:
    district = DISTRICT_WORDS.get(kind, "osiedle lub sołectwo")
    return f"""Ta strona jest **przykładem** w wersji demonstracyjnej platformy Wiec.

## Administrator danych
Administratorem Twoich danych osobowych jest {office}. Kontakt: {email}.

## Jakie dane i po co
- adres e-mail i hasło (w postaci skrótu) – aby prowadzić Twoje konto;
- nazwa wyświetlana i to, co piszesz – aby pokazać Twój udział w konsultacjach;
- {district}, jeśli je wskażesz – aby pokazać sprawy blisko Ciebie.

Podstawą przetwarzania jest art. 6 ust. 1 lit. e RODO (zadanie realizowane w interesie
publicznym) oraz Twoja zgoda tam, gdzie o nią prosimy.

## Twoje prawa
Możesz pobrać swoje dane i usunąć konto w ustawieniach konta. Masz prawo wnieść skargę do
Prezesa Urzędu Ochrony Danych Osobowych.
"""


def terms(name: str) -> str:
    return f"""Regulamin platformy partycypacyjnej – {name} (**wersja demonstracyjna**).

1. Platforma służy mieszkańcom do zgłaszania pomysłów, udziału w konsultacjach i głosowaniach.
2. Konto zakłada się, podając adres e-mail i hasło.
3. Treści naruszające prawo lub dobra osobiste innych osób są ukrywane przez moderatorów,
   z podaniem powodu.
4. Urząd odpowiada publicznie na zgłoszone sprawy.
"""


def accessibility_values(contact: str, email: str, phone: str) -> dict[str, Any]:
    return {
        "status": "partial",
        "non_accessible_content": (
            "- Mapy nie są w pełni dostępne dla osób niewidomych; każda mapa ma obok listę "
            "z tymi samymi informacjami.\n"
            "- Niektóre załączniki PDF dodane przez mieszkańców mogą nie być dostępne cyfrowo."
        ),
        "exemptions": "",
        "assessment_method": "self",
        "assessor": "",
        "keyboard_shortcuts": "",
        "contact_person": contact,
        "contact_email": email,
        "contact_phone": phone,
        "architectural_accessibility": (
            "Do budynku urzędu prowadzi podjazd dla wózków. Obsługa klientów odbywa się na "
            "parterze. Na parkingu wyznaczono miejsce dla osób z niepełnosprawnościami. "
            "Do urzędu można wejść z psem asystującym. Na miejscu można skorzystać z pętli "
            "indukcyjnej; tłumacza języka migowego zapewniamy po wcześniejszym zgłoszeniu."
        ),
        "mobile_apps": "",
        "additional_information": "",
    }
