"""Demo polls: per municipality one open poll and one closed with results; a verified resident.

Idempotent: polls are found by title; the open poll's dates follow the demo's clock.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.core.cache import cache

from wiec.polls import actions
from wiec.polls.models import Eligibility, Poll, QuestionKind, ResultsVisibility
from wiec.polls.queries import poll_cache_key
from wiec.tenants.models import District, Tenant
from wiec.verification import actions as verification_actions
from wiec.verification import queries as verification_queries
from wiec.verification.models import VerificationSettings
from wiec.verification.pesel import encode, parse
from wiec.voting.models import BallotBox

if TYPE_CHECKING:
    from wiec.demo.build import DemoContext

Questions = list[tuple[str, str, int | None, list[str]]]

OPEN_POLL: dict[str, tuple[str, str, Questions]] = {
    "nadrzecze": (
        "Godziny otwarcia świetlicy wiejskiej",
        "Świetlica w Nadrzeczu Dolnym będzie otwarta dłużej. Wybierz godziny, które Ci pasują.",
        [
            (
                "W które dni świetlica powinna być otwarta do 21:00?",
                QuestionKind.MULTIPLE,
                2,
                ["poniedziałek", "środa", "piątek", "sobota"],
            ),
        ],
    ),
    "lipowiec": (
        "Nazwa nowego skweru przy jeziorze",
        "Rada Miasta nada nazwę skwerowi przy ul. Jeziornej. Głosowanie jest doradcze.",
        [
            (
                "Którą nazwę wybierasz?",
                QuestionKind.SINGLE,
                None,
                ["Skwer Rybaków", "Skwer Lipowy", "Skwer im. Marii Konopnickiej"],
            ),
        ],
    ),
}
CLOSED_POLL: tuple[str, str, Questions] = (
    "Oświetlenie ścieżki rowerowej",
    "Czy oświetlić ścieżkę rowerową wzdłuż rzeki, kosztem przesunięcia remontu parkingu?",
    [
        (
            "Czy ścieżka powinna zostać oświetlona?",
            QuestionKind.SINGLE,
            None,
            ["tak", "nie", "nie mam zdania"],
        ),
        (
            "Jakie oświetlenie?",
            QuestionKind.MULTIPLE,
            None,
            ["latarnie solarne", "lampy z czujnikiem ruchu", "oświetlenie tylko do 23:00"],
        ),
    ],
)


def load(ctx: DemoContext) -> None:
    for slug, tenant in ctx.tenants.items():
        VerificationSettings.objects.update_or_create(
            tenant=tenant,
            defaults={"pesel_enabled": True, "in_person_enabled": True, "code_enabled": False},
        )
        official = ctx.people(slug, "official")[0]
        districts = list(District.objects.filter(tenant=tenant).order_by("position", "name"))
        _verify_resident(ctx, tenant, ctx.people(slug, "resident")[0], districts[0])
        title, description, questions = OPEN_POLL[slug]
        poll = _poll(ctx, tenant, official, title, description, questions, days=(-2, 12))
        # Dates follow the demo's clock; the change bypasses the panel, so drop the cached copy.
        BallotBox.objects.filter(pk=poll.box_id).update(
            starts_at=ctx.now - timedelta(days=2), ends_at=ctx.now + timedelta(days=12)
        )
        cache.delete(poll_cache_key(tenant_id=tenant.pk, poll_id=poll.pk))
        closed = _poll(ctx, tenant, official, *CLOSED_POLL, days=(-40, -20))
        if closed.box.closed_at is None:
            _paper_ballots(ctx, closed, official)
            actions.close_poll(poll=closed, actor=official, at=ctx.now - timedelta(days=19))


def _verify_resident(ctx: DemoContext, tenant: Tenant, user: Any, district: District) -> None:
    if verification_queries.verification_for(tenant=tenant, user=user) is not None:
        return
    pesel = parse(encode(date(1987, 3, 14), 120 + tenant.pk, female=True), today=ctx.now.date())
    verification_actions.submit_declaration(
        tenant=tenant, user=user, pesel=pesel, district=district, at=ctx.now
    )


def _poll(
    ctx: DemoContext,
    tenant: Tenant,
    official: Any,
    title: str,
    description: str,
    questions: Questions,
    *,
    days: tuple[int, int],
) -> Poll:
    existing = Poll.objects.filter(tenant=tenant, title=title).select_related("box").first()
    if existing is not None:
        return existing
    created_at = ctx.now + timedelta(days=days[0] - 5)
    poll = actions.create_poll(
        tenant=tenant,
        values={
            "title": title,
            "description": description,
            "starts_at": ctx.now + timedelta(days=days[0]),
            "ends_at": ctx.now + timedelta(days=days[1]),
            "eligibility": Eligibility.RESIDENTS,
            "results_visibility": ResultsVisibility.AFTER_CLOSE,
            "is_published": False,
        },
        actor=official,
        at=created_at,
    )
    for text, kind, maximum, options in questions:
        actions.save_question(
            poll=poll,
            question=None,
            text=text,
            kind=kind,
            max_choices=maximum,
            options=options,
            actor=official,
            at=created_at,
        )
    return actions.publish_poll(poll=poll, actor=official, at=created_at)


def _paper_ballots(ctx: DemoContext, poll: Poll, official: Any) -> None:
    """Forty-odd signed paper ballots from fictional residents, with a leaning result."""
    questions = list(poll.questions.prefetch_related("options").order_by("position"))
    at = poll.box.starts_at + timedelta(days=3)
    for serial in range(ctx.rng.randint(38, 52)):
        born = date(1950 + serial % 50, 1 + serial % 12, 1 + serial % 28)
        pesel = parse(encode(born, serial, female=serial % 2 == 0), today=ctx.now.date())
        choices: dict[str, list[int]] = {}
        for question in questions:
            options = [o.pk for o in question.options.all()]
            weights = [5, 3, 1, 1][: len(options)]
            if question.kind == QuestionKind.SINGLE:
                choices[str(question.pk)] = [ctx.rng.choices(options, weights=weights)[0]]
            else:
                picked = {ctx.rng.choices(options, weights=weights)[0] for _ in range(2)}
                choices[str(question.pk)] = sorted(picked)
        actions.enter_paper_ballot(
            poll=poll, pesel=pesel, district=None, choices=choices, official=official, at=at
        )
