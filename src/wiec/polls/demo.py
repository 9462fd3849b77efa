"""Demo polls: per municipality one open poll and one closed with results; a verified resident.

Idempotent: polls are found by title; the open poll's end follows the demo's clock. Built
through the polls and verification actions (wiec.polls.scenarios), like an official's.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from wiec.polls import actions, scenarios
from wiec.polls.models import Eligibility, Poll, QuestionKind, ResultsVisibility
from wiec.tenants.models import District, Tenant
from wiec.verification import actions as verification_actions
from wiec.verification import queries as verification_queries
from wiec.verification.pesel import encode, parse
from wiec.voting.phases import Phase, phase_at

if TYPE_CHECKING:
    from wiec.demo.build import DemoContext

Questions = list[scenarios.QuestionSpec]

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
        verification_actions.update_settings(
            tenant=tenant,
            changes={"pesel_enabled": True, "in_person_enabled": True, "code_enabled": False},
            actor=ctx.people(slug, "admin")[0],
            at=ctx.now,
        )
        official = ctx.people(slug, "official")[0]
        districts = list(District.objects.filter(tenant=tenant).order_by("position", "name"))
        _verify_resident(ctx, tenant, ctx.people(slug, "resident")[0], districts[0])
        title, description, questions = OPEN_POLL[slug]
        _open_poll(ctx, tenant, official, title, description, questions)
        closed = _poll(ctx, tenant, official, *CLOSED_POLL, days=(-40, -20))
        if closed.box.closed_at is None:
            _paper_ballots(ctx, closed, official)
            actions.close_poll(poll=closed, actor=official, at=ctx.now - timedelta(days=19))


def _open_poll(
    ctx: DemoContext,
    tenant: Tenant,
    official: Any,
    title: str,
    description: str,
    questions: Questions,
) -> Poll:
    """The poll open now: on a later run its end moves with the demo's clock; once its voting
    has ended (a run more than twelve days later) it is closed and a fresh one opens."""
    current = (
        Poll.objects.filter(tenant=tenant, title=title, box__closed_at__isnull=True)
        .select_related("box")
        .first()
    )
    if current is not None and phase_at(current.box, at=ctx.now) == Phase.COUNTING:
        actions.close_poll(poll=current, actor=official, at=ctx.now)
        current = None
    if current is None:
        return _poll(ctx, tenant, official, title, description, questions, days=(-2, 12), new=True)
    ends_at = ctx.now + timedelta(days=12)
    if current.box.ends_at < ends_at - timedelta(days=1):  # not for a run minutes later
        values = {**scenarios.form_values(current), "ends_at": ends_at}
        current = actions.update_poll(poll=current, values=values, actor=official, at=ctx.now)
    return current


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
    new: bool = False,
) -> Poll:
    existing = Poll.objects.filter(tenant=tenant, title=title).select_related("box").first()
    if existing is not None and not new:
        return existing
    return scenarios.build_poll(
        tenant=tenant,
        official=official,
        title=title,
        description=description,
        questions=questions,
        starts_at=ctx.now + timedelta(days=days[0]),
        ends_at=ctx.now + timedelta(days=days[1]),
        at=ctx.now + timedelta(days=days[0] - 5),
        eligibility=Eligibility.RESIDENTS,
        results_visibility=ResultsVisibility.AFTER_CLOSE,
    )


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
