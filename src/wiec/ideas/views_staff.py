"""The office's pages for ideas: what waits for an answer, answering, and the settings."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wiec.accounts.decorators import require_permission
from wiec.core.types import AuthenticatedRequest
from wiec.ideas import actions, exceptions, queries
from wiec.ideas.access import call_phase
from wiec.ideas.forms import AnswerForm, IdeaSettingsForm
from wiec.ideas.permissions import can_answer_idea, can_answer_ideas, can_manage_idea_settings
from wiec.ideas.statuses import PUBLIC_STATUSES, IdeaStatus


@require_permission(can_answer_ideas)
def list_waiting_ideas(request: AuthenticatedRequest) -> HttpResponse:
    """New ideas, the longest waiting first; other statuses on request (?status=…)."""
    status = request.GET.get("status", IdeaStatus.NEW)
    if status not in PUBLIC_STATUSES:
        status = IdeaStatus.NEW
    rows = queries.ideas_in_status(tenant=request.tenant, status=status)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    counts = queries.status_counts(tenant=request.tenant)
    return render(
        request,
        "ideas/staff/waiting.html",
        {
            "page": page,
            "status": IdeaStatus(status),
            "statuses": [(s, counts.get(s.value, 0)) for s in PUBLIC_STATUSES],
            "now": timezone.now(),
        },
    )


@require_permission(can_answer_ideas)
@require_http_methods(["GET", "POST"])
def answer_idea(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    idea = queries.get_any_idea_or_404(tenant=request.tenant, idea_id=idea_id)
    allowed = can_answer_idea(request.actor, idea, phase=call_phase(request, at=timezone.now()))
    form = AnswerForm(request.POST or None, current=idea.status)
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied
        if form.is_valid():
            try:
                actions.answer_idea(
                    idea=idea,
                    official=request.user,
                    status=form.cleaned_data["status"],
                    message=form.cleaned_data["message"].strip(),
                    at=timezone.now(),
                )
            except exceptions.TransitionNotAllowedError:
                form.add_error(
                    "status",
                    _("Someone has just answered this idea and its status changed; check it."),
                )
            except exceptions.JustificationMissingError:  # the form checks it; kept for the race
                form.add_error("message", _("Give the reasons for the rejection."))
            else:
                messages.success(request, _("The answer is published."))
                return redirect("ideas_staff:list_waiting_ideas")
    return render(
        request,
        "ideas/staff/answer.html",
        {
            "idea": idea,
            "form": form,
            "allowed": allowed,
            "answers": queries.answers_of(idea=idea),
        },
    )


@require_permission(can_manage_idea_settings)
@require_http_methods(["GET", "POST"])
def edit_settings(request: AuthenticatedRequest) -> HttpResponse:
    current = queries.settings_for(tenant=request.tenant)
    form = IdeaSettingsForm(
        request.POST or None,
        initial={
            "accepting": current.accepting,
            "supporters_verified": current.supporters_verified,
            "intro": current.intro,
        },
    )
    if request.method == "POST" and form.is_valid():
        actions.save_settings(
            tenant=request.tenant,
            accepting=form.cleaned_data["accepting"],
            supporters_verified=form.cleaned_data["supporters_verified"],
            intro=form.cleaned_data["intro"],
            actor=request.user,
            at=timezone.now(),
        )
        messages.success(request, _("The settings have been saved."))
        return redirect("ideas_staff:edit_settings")
    return render(request, "ideas/staff/settings.html", {"form": form})
