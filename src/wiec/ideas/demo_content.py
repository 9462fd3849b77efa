"""Texts of the demo's ideas, comments and answers (Polish: residents' and offices' own words).

Each idea: (title, description, category number in the municipality's list, status path after
"new"). The paths cover every status, so the demo shows the whole vocabulary.
"""

from __future__ import annotations

from wiec.ideas.statuses import IdeaStatus
from wiec.ideas.statuses import IdeaStatus as S

DemoIdea = tuple[str, str, int, list[IdeaStatus]]

NADRZECZE: list[DemoIdea] = [
    (
        "Przejście dla pieszych przy szkole",
        (
            "Dzieci przechodzą przez ulicę Szkolną w miejscu bez pasów. Rano jeździ"
            " tam dużo samochodów. Proszę o wyznaczenie przejścia i oznakowanie "
            "**aktywne** (migające światło)."
        ),
        4,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Oświetlenie drogi do przystanku w Łęgach",
        (
            "Od przystanku do pierwszych domów jest ok. 400 m bez latarni. Zimą po "
            "16:00 jest zupełnie ciemno."
        ),
        0,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS],
    ),
    (
        "Ławki i kosze nad Wartą",
        (
            "Na ścieżce nad rzeką brakuje miejsc do odpoczynku. Przydałyby się 3–4 "
            "ławki i kosze na śmieci."
        ),
        1,
        [S.BUDGET],
    ),
    (
        "Siłownia plenerowa w Dębinie",
        (
            "Młodzież i seniorzy chętnie by ćwiczyli na świeżym powietrzu. "
            "Proponuję kilka urządzeń obok boiska."
        ),
        2,
        [S.ANALYSIS, S.BUDGET],
    ),
    (
        "Nowe książki i zajęcia w świetlicy",
        (
            "Świetlica jest otwarta, ale niewiele się w niej dzieje. Proponuję "
            "kącik z książkami i zajęcia dla dzieci w soboty."
        ),
        3,
        [],
    ),
    (
        "Chodnik wzdłuż ulicy Polnej",
        (
            "Piesi idą poboczem, a ulicą jeżdżą ciężarówki do żwirowni. Potrzebny "
            "jest chodnik chociaż po jednej stronie."
        ),
        0,
        [S.ANALYSIS],
    ),
    (
        "Monitoring przy remizie",
        (
            "Przy remizie kilka razy zniszczono tablicę ogłoszeń i wiatę. Kamera "
            "mogłaby odstraszyć wandali."
        ),
        4,
        [S.REJECTED],
    ),
    (
        "Transport dla seniorów do przychodni",
        (
            "Starsze osoby z Borówca nie mają jak dojechać do lekarza. Może gminny "
            "bus raz w tygodniu?"
        ),
        5,
        [S.ANALYSIS, S.ACCEPTED],
    ),
    (
        "Nasadzenia drzew przy ulicy Łąkowej",
        ("Po wycince starych topoli ulica jest pusta i gorąca latem. Proponuję posadzić lipy."),
        1,
        [S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Plac zabaw w Borówcu Leśnym",
        (
            "W Borówcu mieszka coraz więcej rodzin z małymi dziećmi, a najbliższy "
            "plac zabaw jest 5 km dalej."
        ),
        2,
        [S.BUDGET],
    ),
    (
        "Progi zwalniające na Kościelnej",
        "Samochody jeżdżą tu bardzo szybko, a przy kościele bawią się dzieci.",
        4,
        [],
    ),
    (
        "Wiata przystankowa w Olszynce",
        ("Na przystanku nie ma żadnego zadaszenia; dzieci czekają na autobus szkolny w deszczu."),
        0,
        [S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Koszenie rowów przy drodze do Łęgów",
        "Rowy są zarośnięte, woda po deszczu stoi na drodze.",
        1,
        [S.REJECTED],
    ),
    (
        "Festyn rodzinny na boisku gminnym",
        "Proponuję coroczny festyn z udziałem kół gospodyń wiejskich i OSP.",
        3,
        [S.ANALYSIS],
    ),
    (
        "Punkt zbiórki elektrośmieci",
        (
            "Nie wiadomo, gdzie oddać zużyty sprzęt. Przydałby się stały punkt albo"
            " zbiórka dwa razy w roku."
        ),
        1,
        [],
    ),
    (
        "Ścieżka rowerowa Nadrzecze – Dębina",
        (
            "Między wsiami jeździ wielu rowerzystów, a droga jest wąska. Ścieżka "
            "poprawiłaby bezpieczeństwo."
        ),
        0,
        [S.ANALYSIS, S.BUDGET],
    ),
    (
        "Zajęcia komputerowe dla seniorów",
        "Wiele osób starszych chciałoby nauczyć się korzystać z internetu i e-usług.",
        5,
        [S.ACCEPTED],
    ),
    (
        "Lustro drogowe na skrzyżowaniu z Leśną",
        "Wyjazd z ulicy Leśnej jest niebezpieczny, nic nie widać zza żywopłotu.",
        4,
        [],
    ),
    (
        "Budki lęgowe w parku przy szkole",
        "Uczniowie mogliby z pomocą nauczycieli powiesić budki dla ptaków.",
        1,
        [S.ACCEPTED, S.IN_PROGRESS],
    ),
    (
        "Boisko do siatkówki plażowej",
        "Nad Wartą jest dużo piasku i miejsca. Latem przyjeżdża tu sporo młodzieży.",
        2,
        [],
    ),
    (
        "Tablica informacyjna o historii Łęgów",
        (
            "Mało kto wie, że w Łęgach był młyn wodny. Tablica przy drodze "
            "opowiedziałaby tę historię."
        ),
        3,
        [S.REJECTED],
    ),
    (
        "Remont drogi gruntowej na Rybackiej",
        "Po każdym deszczu są ogromne kałuże, a zimą koleiny.",
        0,
        [],
    ),
    (
        "Defibrylator przy świetlicy",
        "Najbliższy AED jest w urzędzie. Przy świetlicy i boisku bywa dużo ludzi.",
        4,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Pomoc sąsiedzka dla osób samotnych",
        "Lista wolontariuszy, którzy zrobią zakupy osobom chorym i samotnym.",
        5,
        [],
    ),
    (
        "Łąka kwietna zamiast trawnika przy urzędzie",
        "Mniej koszenia, więcej owadów i ładny widok.",
        1,
        [S.ANALYSIS],
    ),
    (
        "Stojaki na rowery przy szkole",
        "Dzieci przypinają rowery do płotu.",
        2,
        [S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Koncerty w kościele latem",
        "Kościół ma świetną akustykę – można by zapraszać chóry i zespoły kameralne.",
        3,
        [],
    ),
    (
        "Lepsze oznakowanie szlaku nad Wartą",
        "Oznaczenia szlaku są wyblakłe, turyści się gubią.",
        2,
        [],
    ),
    (
        "Śmietniki na psie odchody",
        "Na osiedlu przy Słonecznej spaceruje wiele osób z psami.",
        1,
        [],
    ),
    (
        "Spotkania z dzielnicowym",
        "Dobrze byłoby raz na kwartał spotkać się z dzielnicowym w świetlicy.",
        4,
        [],
    ),
]

LIPOWIEC: list[DemoIdea] = [
    (
        "Strefa ruchu pieszego na Rynku",
        ("Rynek jest zastawiony samochodami. Proponuję strefę pieszą w weekendy i więcej zieleni."),
        0,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS],
    ),
    (
        "Kąpielisko nad jeziorem z ratownikiem",
        (
            "Latem ludzie kąpią się w miejscach niestrzeżonych. Potrzebne jest "
            "oznakowane kąpielisko."
        ),
        2,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Parking rowerowy przy dworcu",
        "Przy dworcu PKP brakuje zadaszonego parkingu dla rowerów.",
        0,
        [S.BUDGET],
    ),
    (
        "Więcej drzew na ulicy Kolejowej",
        "Ulica nagrzewa się latem jak patelnia. Drzewa dałyby cień.",
        1,
        [S.ACCEPTED],
    ),
    (
        "Zajęcia dla młodzieży w Domu Kultury",
        ("Młodzież nie ma gdzie się spotykać po szkole. Proponuję klub z grami i warsztatami."),
        3,
        [],
    ),
    (
        "Nocna linia autobusowa w weekendy",
        "Po 22:00 nie ma jak wrócić z centrum na Zatorze.",
        0,
        [S.REJECTED],
    ),
    (
        "Remont skweru Kolejarzy",
        "Ławki są połamane, a fontanna od lat nie działa.",
        1,
        [S.ANALYSIS, S.BUDGET],
    ),
    (
        "Toaleta publiczna w Parku Miejskim",
        "Rodziny z dziećmi spędzają w parku całe popołudnia, a toalety nie ma.",
        5,
        [S.ANALYSIS],
    ),
    (
        "Przedszkole: wydłużenie godzin pracy",
        "Rodzice pracujący na zmiany potrzebują opieki do 18:00.",
        4,
        [S.REJECTED],
    ),
    (
        "Ścieżka biegowa wokół jeziora",
        "Oznakowana trasa z odległościami co 500 m.",
        2,
        [S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Muzeum kolejnictwa w starej parowozowni",
        "Parowozownia niszczeje, a mogłaby przyciągać turystów.",
        3,
        [],
    ),
    (
        "Zielone przystanki",
        "Dachy przystanków obsadzone rozchodnikiem chłodzą i cieszą oko.",
        1,
        [],
    ),
    (
        "Bezpieczne przejście przy Przedszkolu nr 2",
        "Kierowcy nie zwalniają przed przejściem, potrzebna jest wyspa azylu.",
        0,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Mural o historii miasta na Zatorzu",
        "Ściana bloku przy Zatorze prosi się o mural.",
        3,
        [S.BUDGET],
    ),
    (
        "Warsztaty pierwszej pomocy w szkołach",
        "Każdy uczeń powinien umieć udzielić pierwszej pomocy.",
        4,
        [S.ACCEPTED],
    ),
    (
        "Psi wybieg w Osiedlu Leśnym",
        ("Ogrodzony wybieg rozwiązałby spory między właścicielami psów a resztą mieszkańców."),
        2,
        [],
    ),
    (
        "Darmowe badania dla seniorów",
        "Program profilaktyki: ciśnienie, cukier, wzrok – raz w roku w Domu Kultury.",
        5,
        [S.ANALYSIS],
    ),
    (
        "Kino letnie w Parku Miejskim",
        "W sierpniu raz w tygodniu seanse na trawie.",
        3,
        [S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Naprawa chodnika na Mickiewicza",
        "Płyty chodnikowe są wybrzuszone przez korzenie, łatwo się potknąć.",
        0,
        [],
    ),
    (
        "Więcej koszy na Plażowej",
        "W weekendy śmieci wysypują się z przepełnionych koszy.",
        1,
        [S.ACCEPTED, S.IN_PROGRESS],
    ),
    (
        "Boisko do koszykówki przy hali sportowej",
        "Stare boisko ma popękaną nawierzchnię i krzywe kosze.",
        2,
        [S.REJECTED],
    ),
    (
        "Biblioteczka wymiany książek na Rynku",
        "Szafka, z której każdy może wziąć i zostawić książkę.",
        3,
        [],
    ),
    (
        "Rowery miejskie",
        "Kilka stacji: dworzec, Rynek, jezioro, Zatorze.",
        0,
        [S.ANALYSIS, S.BUDGET],
    ),
    (
        "Opieka wytchnieniowa dla opiekunów",
        ("Opiekunowie osób niesamodzielnych potrzebują kilku godzin odpoczynku w tygodniu."),
        5,
        [],
    ),
    (
        "Łąki kwietne na rondach",
        "Zamiast trawy – kwiaty, mniej koszenia.",
        1,
        [S.ANALYSIS, S.ACCEPTED, S.IN_PROGRESS, S.DONE],
    ),
    (
        "Sygnalizacja na skrzyżowaniu Dworcowej i Lipowej",
        "W godzinach szczytu trudno tu przejść, a kierowcy tracą cierpliwość.",
        0,
        [],
    ),
    (
        "Kącik malucha w bibliotece",
        "Miejsce dla rodziców z małymi dziećmi: maty, książeczki, przewijak.",
        4,
        [],
    ),
    ("Oświetlenie przystani nad jeziorem", "Wieczorem na przystani jest zupełnie ciemno.", 2, []),
    ("Koncerty na Rynku w soboty", "Lokalne zespoły mogłyby grać na Rynku latem.", 3, []),
    (
        "Ławki z oparciem przy przychodni",
        "Seniorzy czekają na otwarcie przychodni na stojąco.",
        5,
        [],
    ),
]

ANSWERS = {
    S.ANALYSIS: (
        "Dziękujemy za zgłoszenie. Sprawę analizuje właściwy referat; "
        "sprawdzamy koszty i stan prawny terenu. Odpowiemy w ciągu miesiąca."
    ),
    S.ACCEPTED: (
        "Pomysł przyjęliśmy do realizacji. Zadanie wpisaliśmy do planu prac na "
        "przyszły rok; kosztorys jest w przygotowaniu."
    ),
    S.BUDGET: (
        "Pomysł świetnie nadaje się do **budżetu obywatelskiego**. "
        "Przekazaliśmy go do naboru projektów – autor może go zgłosić jako "
        "projekt, a urzędnicy pomogą z kosztorysem."
    ),
    S.REJECTED: (
        "Niestety nie możemy zrealizować pomysłu: teren nie należy do nas, a "
        "jego zarządca nie zgodził się na prace. Przekazaliśmy wniosek zarządcy"
        " i poinformujemy o jego odpowiedzi w komentarzu."
    ),
    S.IN_PROGRESS: (
        "Prace ruszyły. Wykonawca został wybrany w zapytaniu ofertowym; "
        "zakończenie planujemy w ciągu trzech miesięcy."
    ),
    S.DONE: "Zrealizowane! Dziękujemy autorowi i wszystkim, którzy poparli pomysł.",
}

COMMENTS = [
    "Popieram, to bardzo potrzebne.",
    "Mieszkam obok i codziennie widzę ten problem.",
    "Dobry pomysł, ale ważne, żeby nie zabrakło pieniędzy na utrzymanie.",
    "Może warto połączyć to z remontem, który i tak jest planowany?",
    "Zgadzam się z przedmówcami.",
    "A czy ktoś sprawdził, ile to może kosztować?",
    "Świetna inicjatywa! Chętnie pomogę jako wolontariusz.",
    "Byłoby dobrze zapytać też mieszkańców sąsiedniej ulicy.",
]
REPLIES = [
    "Dokładnie tak.",
    "Koszt zależy od wykonawcy – urząd na pewno policzy.",
    "Dziękuję za wsparcie!",
]
OFFICE_COMMENT = (
    "Dzień dobry, odpowiadam w imieniu urzędu: sprawdzimy to w terenie w przyszłym tygodniu."
)

FIRST_NAMES = [
    "Agnieszka",
    "Bartosz",
    "Celina",
    "Dariusz",
    "Ewa",
    "Filip",
    "Grażyna",
    "Henryk",
    "Irena",
    "Jakub",
    "Karolina",
    "Łukasz",
    "Magdalena",
    "Norbert",
    "Oliwia",
    "Paweł",
    "Renata",
    "Stanisław",
    "Teresa",
    "Urszula",
    "Wojciech",
    "Zbigniew",
    "Halyna",
    "Taras",
]
