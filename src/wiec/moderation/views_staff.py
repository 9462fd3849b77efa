"""The moderators' pages in the panel: the queue, one piece of content, blocks."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from wiec.accounts.actors import resolve_actor
from wiec.accounts.decorators import require_permission
from wiec.accounts.models import User
from wiec.core.types import AuthenticatedRequest
from wiec.moderation import actions, exceptions, queries
from wiec.moderation.forms import BlockForm, ReasonForm
from wiec.moderation.permissions import can_block, can_moderate

STEPS = {
    "hide": actions.hide_content,
    "restore": actions.restore_content,
    "dismiss": actions.dismiss_reports,
}
STEP_DONE = {
    "hide": gettext_lazy("The content is hidden."),
    "restore": gettext_lazy("The content is visible again."),
    "dismiss": gettext_lazy("The reports are dismissed; the content stays as it is."),
}


@require_permission(can_moderate)
def show_queue(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "moderation/staff/queue.html",
        {
            "items": queries.report_queue(tenant=request.tenant),
            "hidden": queries.recently_hidden(tenant=request.tenant),
        },
    )


def _content_page(
    request: AuthenticatedRequest, key: str, object_id: int, forms: dict[str, Form]
) -> HttpResponse:
    kind, obj = queries.get_moderated_or_404(tenant=request.tenant, key=key, object_id=object_id)
    author_id = kind.author_id(obj)
    author = User.objects.filter(pk=author_id).first() if author_id else None
    reports = list(queries.reports_about(obj=obj))
    return render(
        request,
        "moderation/staff/content.html",
        {
            "kind": kind,
            "content": obj,
            "text": kind.full_text(obj),
            "public_url": kind.public_url(obj),
            "author": author,
            "can_block_author": author is not None
            and can_block(request.actor, target=resolve_actor(author, request.tenant)),
            "author_block": (
                queries.active_block_for(tenant=request.tenant, user=author) if author else None
            ),
            "reports": reports,
            "open_reports": any(r.resolved_at is None for r in reports),
            "decisions": queries.decisions_about(obj=obj),
            "hide_form": forms.get("hide") or ReasonForm(prefix="hide"),
            "restore_form": forms.get("restore") or ReasonForm(prefix="restore"),
            "dismiss_form": forms.get("dismiss") or ReasonForm(prefix="dismiss"),
            "block_form": forms.get("block") or BlockForm(prefix="block"),
        },
    )


@require_permission(can_moderate)
def show_content(request: AuthenticatedRequest, key: str, object_id: int) -> HttpResponse:
    return _content_page(request, key, object_id, {})


@require_permission(can_moderate)
@require_POST
def decide(request: AuthenticatedRequest, key: str, object_id: int, step: str) -> HttpResponse:
    """Hide, restore or dismiss, each with a reason."""
    _kind, obj = queries.get_moderated_or_404(tenant=request.tenant, key=key, object_id=object_id)
    if step not in STEPS:
        raise PermissionDenied
    form = ReasonForm(request.POST, prefix=step)
    if not form.is_valid():
        return _content_page(request, key, object_id, {step: form})
    try:
        STEPS[step](
            obj=obj, moderator=request.user, reason=form.cleaned_data["reason"], at=timezone.now()
        )
    except (exceptions.AlreadyHiddenError, exceptions.NotHiddenError):
        messages.warning(request, _("Someone has just changed this content; check it again."))
    else:
        messages.success(request, STEP_DONE[step])
    return redirect("moderation_staff:show_content", key=key, object_id=object_id)


@require_permission(can_moderate)
@require_POST
def block_author(request: AuthenticatedRequest, key: str, object_id: int) -> HttpResponse:
    kind, obj = queries.get_moderated_or_404(tenant=request.tenant, key=key, object_id=object_id)
    author_id = kind.author_id(obj)
    author = User.objects.filter(pk=author_id).first() if author_id else None
    if author is None or not can_block(request.actor, target=resolve_actor(author, request.tenant)):
        raise PermissionDenied
    form = BlockForm(request.POST, prefix="block")
    if not form.is_valid():
        return _content_page(request, key, object_id, {"block": form})
    actions.block_user(
        tenant=request.tenant,
        user=author,
        moderator=request.user,
        reason=form.cleaned_data["reason"],
        at=timezone.now(),
    )
    messages.success(request, _("The author is blocked in this municipality."))
    return redirect("moderation_staff:show_content", key=key, object_id=object_id)


@require_permission(can_moderate)
def list_blocks(request: AuthenticatedRequest) -> HttpResponse:
    return render(
        request,
        "moderation/staff/blocks.html",
        {"blocks": queries.active_blocks(tenant=request.tenant)},
    )


@require_permission(can_moderate)
@require_http_methods(["POST"])
def lift_block(request: AuthenticatedRequest, block_id: int) -> HttpResponse:
    block = queries.get_active_block_or_404(tenant=request.tenant, block_id=block_id)
    actions.lift_block(block=block, moderator=request.user, at=timezone.now())
    messages.success(request, _("The block is lifted."))
    return redirect("moderation_staff:list_blocks")
