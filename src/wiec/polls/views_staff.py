"""Panel pages for polls: create, edit, questions, paper ballots, closing."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from wiec.accounts.decorators import require_permission
from wiec.core.types import AuthenticatedRequest
from wiec.polls import actions, queries
from wiec.polls.exceptions import NoQuestionsError
from wiec.polls.forms import FROZEN_MESSAGE, PaperBallotForm, PollForm, QuestionForm
from wiec.polls.models import Poll
from wiec.polls.permissions import (
    can_enter_paper,
    can_manage_polls,
    can_see_results,
    frozen_settings,
    panel_actions,
)
from wiec.polls.views import refusal_message
from wiec.voting import queries as voting_queries
from wiec.voting.exceptions import NotOpenError, VotingError
from wiec.voting.permissions import accepts_paper
from wiec.voting.phases import LABELS, Phase, phase_at


@require_permission(can_manage_polls)
def list_polls(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    rows = [
        (poll, LABELS[phase_at(poll.box, at=now)])
        for poll in queries.staff_polls(tenant=request.tenant)
    ]
    return render(request, "polls/staff/list.html", {"rows": rows})


def _poll_initial(poll: Poll) -> dict[str, object]:
    box = poll.box
    return {
        "title": poll.title,
        "description": poll.description,
        "starts_at": timezone.localtime(box.starts_at),
        "ends_at": timezone.localtime(box.ends_at),
        "eligibility": poll.eligibility,
        "districts": list(box.districts.all()),
        "minimum_age": box.minimum_age,
        "results_visibility": poll.results_visibility,
        "is_published": poll.is_published,
    }


@require_permission(can_manage_polls)
@require_http_methods(["GET", "POST"])
def create_poll(request: AuthenticatedRequest) -> HttpResponse:
    now = timezone.now()
    form = PollForm(request.POST or None, tenant=request.tenant, now=now)
    if request.method == "POST" and form.is_valid():
        poll = actions.create_poll(
            tenant=request.tenant, values=form.cleaned_data, actor=request.user, at=now
        )
        messages.success(
            request,
            _("The poll has been saved as a draft. Add its questions, then publish it."),
        )
        return redirect("polls_staff:edit_poll", poll.pk)
    return render(request, "polls/staff/edit.html", {"form": form, "poll": None})


@require_permission(can_manage_polls)
@require_http_methods(["GET", "POST"])
def edit_poll(request: AuthenticatedRequest, poll_id: int) -> HttpResponse:
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    now = timezone.now()
    phase = phase_at(poll.box, at=now)
    form = PollForm(
        request.POST or None,
        tenant=request.tenant,
        initial=_poll_initial(poll),
        frozen=frozen_settings(poll.box, at=now),
    )
    if request.method == "POST" and not form.editable:
        messages.error(request, _("A closed poll cannot change."))
        return redirect("polls_staff:edit_poll", poll.pk)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_poll(poll=poll, values=form.cleaned_data, actor=request.user, at=now)
        except NotOpenError:
            form.add_error(None, FROZEN_MESSAGE)
        except NoQuestionsError:
            form.add_error("is_published", _("Add at least one question before publishing."))
        else:
            messages.success(request, _("The poll has been saved."))
            if phase == Phase.SCHEDULED and form.cleaned_data["starts_at"] <= now:
                messages.warning(
                    request,
                    _(
                        "The start you chose has already passed: voting is open now, and "
                        "its questions can no longer change."
                    ),
                )
            return redirect("polls_staff:edit_poll", poll.pk)
    return render(
        request,
        "polls/staff/edit.html",
        {
            "form": form,
            "poll": poll,
            "phase_label": LABELS[phase],
            # Booleans, not the Step class: the template engine calls a class it is given.
            "can": panel_actions(request.actor, box=poll.box, phase=phase),
            "question_form": QuestionForm(),
            "turnout": voting_queries.turnout(box=poll.box),
            "results_visible": can_see_results(request.actor, poll=poll, phase=phase),
        },
    )


@require_permission(can_manage_polls)
@require_http_methods(["GET", "POST"])
def edit_question(
    request: AuthenticatedRequest, poll_id: int, question_id: int | None = None
) -> HttpResponse:
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    question = (
        queries.get_question_or_404(poll=poll, question_id=question_id) if question_id else None
    )
    initial = QuestionForm.initial_for(question) if question else None
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_question(
                poll=poll,
                question=question,
                text=form.cleaned_data["text"],
                kind=form.cleaned_data["kind"],
                max_choices=form.cleaned_data["max_choices"],
                options=form.cleaned_data["options"],
                actor=request.user,
                at=timezone.now(),
            )
        except NotOpenError:
            form.add_error(None, _("Questions cannot change once voting has started."))
        else:
            messages.success(request, _("The question has been saved."))
            return redirect("polls_staff:edit_poll", poll.pk)
    return render(
        request, "polls/staff/question.html", {"form": form, "poll": poll, "question": question}
    )


@require_POST
@require_permission(can_manage_polls)
def delete_question(request: AuthenticatedRequest, poll_id: int, question_id: int) -> HttpResponse:
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    question = queries.get_question_or_404(poll=poll, question_id=question_id)
    try:
        actions.delete_question(poll=poll, question=question, actor=request.user, at=timezone.now())
    except NotOpenError:
        messages.error(request, _("Questions cannot change once voting has started."))
    except NoQuestionsError:
        messages.error(
            request,
            _(
                "A published poll keeps at least one question. Add another first, or save "
                "the poll as a draft."
            ),
        )
    else:
        messages.success(request, _("The question has been deleted."))
    return redirect("polls_staff:edit_poll", poll.pk)


@require_POST
@require_permission(can_manage_polls)
def close_poll(request: AuthenticatedRequest, poll_id: int) -> HttpResponse:
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    try:
        actions.close_poll(poll=poll, actor=request.user, at=timezone.now())
    except NotOpenError:
        messages.error(request, _("This poll cannot be closed now."))
    else:
        messages.success(request, _("The poll is closed; its results are final."))
    return redirect("polls_staff:edit_poll", poll.pk)


@never_cache
@require_permission(can_enter_paper)
@require_http_methods(["GET", "POST"])
def record_paper_ballot(request: AuthenticatedRequest, poll_id: int) -> HttpResponse:
    poll = queries.get_poll_or_404(tenant=request.tenant, poll_id=poll_id, viewer=request.actor)
    now = timezone.now()
    form = PaperBallotForm(request.POST or None, poll=poll, today=now.date())
    if request.method == "POST" and form.is_valid():
        try:
            actions.enter_paper_ballot(
                poll=poll,
                pesel=form.cleaned_data["pesel"],
                district=form.cleaned_data.get("district"),
                choices=form.choices(),
                official=request.user,
                at=now,
            )
        except VotingError as refusal:
            form.add_error(None, refusal_message(refusal))
        else:
            messages.success(request, _("The paper ballot has been counted."))
            return redirect("polls_staff:record_paper_ballot", poll.pk)
    return render(
        request,
        "polls/staff/paper.html",
        {
            "form": form,
            "poll": poll,
            "phase_label": LABELS[phase_at(poll.box, at=now)],
            "accepts_paper": accepts_paper(poll.box),
            "turnout": voting_queries.turnout(box=poll.box),
        },
    )
