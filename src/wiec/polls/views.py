"""Public poll pages: list, poll with its ballot, results (chart, table, CSV)."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from wiec.accounts.decorators import membership_required
from wiec.core import csvrows
from wiec.core.ratelimit import limit
from wiec.core.types import AuthenticatedRequest, TenantRequest
from wiec.polls import access, actions, presenters, queries
from wiec.polls.forms import BallotForm
from wiec.polls.models import Poll
from wiec.polls.permissions import can_download_ballots, can_see_results, offers_ballot
from wiec.verification import queries as verification_queries
from wiec.voting import queries as voting_queries
from wiec.voting.exceptions import (
    AlreadyVotedError,
    NotEligibleError,
    NotOpenError,
    PaperNotAcceptedError,
    VotingError,
)
from wiec.voting.permissions import REASONS, Ineligible, ineligibility
from wiec.voting.phases import LABELS, Phase, phase_at


def list_polls(request: TenantRequest) -> HttpResponse:
    now = timezone.now()
    polls = list(queries.published_polls(tenant=request.tenant))
    groups: dict[Phase, list[object]] = {phase: [] for phase in Phase}
    for poll in polls:
        groups[phase_at(poll.box, at=now)].append(poll)
    return render(
        request,
        "polls/list.html",
        {
            "open": groups[Phase.OPEN],
            "upcoming": groups[Phase.SCHEDULED],
            "finished": groups[Phase.COUNTING] + groups[Phase.CLOSED],
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def show_poll(request: TenantRequest, poll_id: int) -> HttpResponse:
    """The poll, and its ballot for whoever may vote now; POST casts the ballot."""
    if request.method == "POST":
        return cast(request, poll_id)
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    return _render_detail(request, poll, BallotForm(poll=poll))


@membership_required
@limit("polls.vote", per_user="20/m")
def cast(request: AuthenticatedRequest, poll_id: int) -> HttpResponse:
    """Cast the ballot. A refused one (already voted, not open, not eligible, tampered)
    stores nothing and comes back with a message; a cast one answers with its receipt,
    shown this once."""
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    form = BallotForm(request.POST, poll=poll)
    if not form.is_valid():
        return _render_detail(request, poll, form, status=400)
    identity = verification_queries.identity_for_user(tenant=request.tenant, user=request.user)
    try:
        receipt = actions.vote(
            poll=poll, identity=identity, choices=form.choices(), at=timezone.now()
        )
    except VotingError as refusal:
        return _render_detail(request, poll, form, error=refusal_message(refusal), status=409)
    return render(request, "polls/voted.html", {"poll": poll, "receipt": receipt})


def _render_detail(
    request: TenantRequest, poll: Poll, form: BallotForm, *, error: str = "", status: int = 200
) -> HttpResponse:
    tenant, user = request.tenant, request.user
    now = timezone.now()
    phase = phase_at(poll.box, at=now)
    reason = None
    has_voted = False
    joined = request.actor.joined
    if offers_ballot(request.actor, phase=phase):
        identity = verification_queries.identity_for_user(tenant=tenant, user=user)
        district_ids = queries.district_ids(poll)
        reason = ineligibility(poll.box, identity, district_ids=district_ids, at=now)
        has_voted = voting_queries.has_voted(box=poll.box, identity=identity)
    context = {
        "poll": poll,
        "phase": phase,
        "phase_label": LABELS[phase],
        "form": form,
        "error": error,
        "joined": joined,
        "reason": REASONS[reason] if reason else "",
        "needs_verification": reason in {Ineligible.RESIDENT, Ineligible.CONTACT},
        "has_voted": has_voted,
        # The ballot form shows exactly then; everyone else sees the questions as a list.
        "may_vote": offers_ballot(request.actor, phase=phase) and not has_voted and reason is None,
        "can_see_results": can_see_results(request.actor, poll=poll, phase=phase),
    }
    return render(request, "polls/detail.html", context, status=status)


def refusal_message(refusal: VotingError) -> str:
    if isinstance(refusal, AlreadyVotedError):
        return _("You have already voted in this poll.")
    if isinstance(refusal, NotOpenError):
        return _("Voting in this poll is not open: it has not started yet or has ended.")
    if isinstance(refusal, NotEligibleError):
        return str(REASONS[Ineligible(refusal.reason)])
    if isinstance(refusal, PaperNotAcceptedError):
        return _(
            "Paper ballots can be entered only in polls for verified residents: in a poll "
            "open to any account, a paper voter cannot be matched with the online ones."
        )
    return _("This ballot is not valid. Nothing was stored; please try again.")


def show_results(request: TenantRequest, poll_id: int) -> HttpResponse:
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    phase = phase_at(poll.box, at=timezone.now())
    visible = can_see_results(request.actor, poll=poll, phase=phase)
    data = queries.results(poll=poll) if visible else None
    return render(
        request,
        "polls/results.html",
        {
            "poll": poll,
            "phase": phase,
            "phase_label": LABELS[phase],
            "results": data,
            "charts": presenters.charts(data) if data else [],
            "can_download_ballots": can_download_ballots(request.actor, poll=poll, phase=phase),
        },
        status=200 if visible else 403,
    )


@dataclass(frozen=True)
class CsvStyle:
    """How an export is written: plain (`,`, decimal point, for programs) or for a
    spreadsheet in Polish settings (a BOM so it reads the text as UTF-8, `;`, decimal comma)."""

    delimiter: str
    decimal: str
    bom: bool
    suffix: str


PLAIN = CsvStyle(delimiter=",", decimal=".", bom=False, suffix="")
SPREADSHEET = CsvStyle(delimiter=";", decimal=",", bom=True, suffix="-arkusz")


def _csv_response(
    poll: Poll, name: str, style: CsvStyle
) -> tuple[HttpResponse, csvrows.SafeWriter]:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"sonda-{poll.pk}-{name}{style.suffix}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if style.bom:
        response.write("\ufeff")
    return response, csvrows.writer(response, delimiter=style.delimiter)


def download_results_csv(
    request: TenantRequest, poll_id: int, *, spreadsheet: bool = False
) -> HttpResponse:
    """Votes per answer; headings in the reader's language."""
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    phase = phase_at(poll.box, at=timezone.now())
    if not can_see_results(request.actor, poll=poll, phase=phase):
        return HttpResponse(status=403)
    style = SPREADSHEET if spreadsheet else PLAIN
    data = queries.results(poll=poll)
    response, writer = _csv_response(poll, "wyniki", style)
    writer.writerow([_("Question"), _("Answer"), _("Votes"), _("Share of ballots")])
    for question in data.questions:
        for row in question.options:
            share = f"{row.share:.4f}".replace(".", style.decimal)
            writer.writerow([question.question.text, row.option.text, row.votes, share])
    return response


def download_ballots_csv(
    request: TenantRequest, poll_id: int, *, spreadsheet: bool = False
) -> HttpResponse:
    """Every counted ballot of a closed poll, for anyone to recount: one row per answer chosen,
    by name, sorted by the ballot's random id (never by time); no person, no time, no order of
    casting. A ballot's questions come in the poll's order."""
    poll = access.access_poll_for_ballots(request, poll_id, at=timezone.now())
    questions = list(poll.questions.all())
    options = {
        (str(question.pk), option.pk): option.text
        for question in questions
        for option in question.options.all()
    }
    response, writer = _csv_response(poll, "karty", SPREADSHEET if spreadsheet else PLAIN)
    writer.writerow([_("Ballot"), _("Question"), _("Answer")])
    for ballot_id, choices in voting_queries.ballots_for_export(box=poll.box):
        for question in questions:
            key = str(question.pk)
            for option_id in choices.get(key, []):
                writer.writerow([ballot_id, question.text, options.get((key, option_id), "")])
    return response


def download_results_spreadsheet(request: TenantRequest, poll_id: int) -> HttpResponse:
    return download_results_csv(request, poll_id, spreadsheet=True)


def download_ballots_spreadsheet(request: TenantRequest, poll_id: int) -> HttpResponse:
    return download_ballots_csv(request, poll_id, spreadsheet=True)
