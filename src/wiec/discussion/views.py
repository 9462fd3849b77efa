from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from wiec.core import ratelimit
from wiec.core.modules import ContentKind
from wiec.core.types import AuthenticatedRequest, TenantRequest
from wiec.discussion import actions, queries
from wiec.discussion.forms import CommentForm
from wiec.discussion.models import Comment, Thread
from wiec.discussion.permissions import (
    can_comment,
    can_delete_comment,
    can_edit_comment,
    can_follow,
)
from wiec.moderation.permissions import offers_report

COMMENT_RATES = {"per_user": "5/m,30/h", "per_ip": "100/h"}
EDIT_RATES = {"per_user": "10/m,60/h"}
TOO_MANY_EDITS = _lazy("You have changed comments many times in a short while. Please try later.")


def thread_context(
    request: TenantRequest,
    *,
    thread: Thread,
    kind: ContentKind,
    owner: Any,
    form: CommentForm | None = None,
) -> dict[str, Any]:
    """What `discussion/thread.html` needs; owners' pages add it to their own context."""
    now = timezone.now()
    actor = request.actor
    comments = queries.comment_tree(thread=thread)
    for comment in comments:
        for item in [comment, *comment.thread_replies]:  # type: ignore[attr-defined]
            item.can_edit = can_edit_comment(actor, comment=item, at=now)
            item.can_delete = can_delete_comment(actor, comment=item)
            item.can_report = offers_report(actor, author_id=item.author_id)
    return {
        "thread": thread,
        "comments": comments,
        "comment_form": form or CommentForm(),
        "can_comment": can_comment(actor, kind=kind, owner=owner),
        "can_follow": can_follow(actor),
        "following": queries.is_following(thread=thread, user=request.user),
        "owner_url": kind.public_url(owner),
        "login_url": reverse("account_login")
        + "?"
        + urlencode({"next": f"{kind.public_url(owner)}#discussion"}),
        "blocked": actor.blocked,
    }


@login_required
@require_POST
def post_comment(request: AuthenticatedRequest, thread_id: int) -> HttpResponse:
    thread, kind, owner = queries.get_thread_or_404(
        tenant=request.tenant, thread_id=thread_id, viewer=request.user
    )
    if not can_comment(request.actor, kind=kind, owner=owner):
        raise PermissionDenied
    form = CommentForm(request.POST)
    now = timezone.now()
    status = 200
    if form.is_valid():
        parent = None
        if form.cleaned_data["parent"]:
            parent = Comment.objects.filter(thread=thread, pk=form.cleaned_data["parent"]).first()
        if ratelimit.allow(request, "comment", **COMMENT_RATES):
            comment = actions.post_comment(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                parent=parent,
                at=now,
            )
            if request.htmx:
                context = thread_context(request, thread=thread, kind=kind, owner=owner)
                return render(request, "discussion/thread.html#discussion", context)
            messages.success(request, _("Your comment has been published."))
            return redirect(f"{kind.public_url(owner)}#comment-{comment.pk}")
        form.add_error(
            None,
            _(
                "You are commenting very quickly. Please wait a minute and send it again; "
                "your text is kept below."
            ),
        )
        status = 429
    if request.htmx:
        context = thread_context(request, thread=thread, kind=kind, owner=owner, form=form)
        return render(request, "discussion/thread.html#discussion", context, status=status)
    return render(
        request,
        "discussion/comment_page.html",
        {
            "form": form,
            "title": kind.title(owner),
            "owner_url": kind.public_url(owner),
            "thread": thread,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_comment(request: AuthenticatedRequest, comment_id: int) -> HttpResponse:
    comment, kind, owner = queries.get_comment_or_404(
        tenant=request.tenant, comment_id=comment_id, viewer=request.user
    )
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        if not ratelimit.allow(request, "comment-edit", **EDIT_RATES):
            form.add_error(None, TOO_MANY_EDITS)
        elif can_edit_comment(request.actor, comment=comment, at=now):
            actions.edit_comment(comment=comment, body=form.cleaned_data["body"], at=now)
            messages.success(request, _("Your comment has been changed."))
            return redirect(f"{kind.public_url(owner)}#comment-{comment.pk}")
        else:
            form.add_error(
                "body",
                _(
                    "Comments can be changed only within 15 minutes of writing. Copy your text "
                    "if you want to post it as a new comment."
                ),
            )
    return render(
        request,
        "discussion/comment_edit.html",
        {
            "form": form,
            "comment": comment,
            "title": kind.title(owner),
            "owner_url": kind.public_url(owner),
        },
    )


@login_required
@require_POST
@ratelimit.limit("comment-delete", per_user="20/h")
def delete_comment(request: AuthenticatedRequest, comment_id: int) -> HttpResponse:
    comment, kind, owner = queries.get_comment_or_404(
        tenant=request.tenant, comment_id=comment_id, viewer=request.user
    )
    if not can_delete_comment(request.actor, comment=comment):
        raise PermissionDenied
    actions.delete_comment(comment=comment, at=timezone.now())
    messages.success(request, _("Your comment has been deleted."))
    return redirect(f"{kind.public_url(owner)}#comment-{comment.pk}")


@login_required
@require_POST
@ratelimit.limit("follow", per_user="30/m,300/h")
def follow_thread(request: AuthenticatedRequest, thread_id: int) -> HttpResponse:
    """Follow (`follow=1`) or stop following (`follow=0`); repeating either changes nothing."""
    thread, kind, owner = queries.get_thread_or_404(
        tenant=request.tenant, thread_id=thread_id, viewer=request.user
    )
    if not can_follow(request.actor):
        raise PermissionDenied
    if request.POST.get("follow") == "1":
        actions.follow(thread=thread, user=request.user, at=timezone.now())
        following = True
    else:
        actions.unfollow(thread=thread, user=request.user)
        following = False
    if request.htmx:
        return render(
            request,
            "discussion/thread.html#follow-button",
            {"thread": thread, "following": following, "can_follow": True},
        )
    messages.success(
        request,
        _("You follow this now; we will tell you about the office's answers.")
        if following
        else _("You no longer follow this."),
    )
    return redirect(kind.public_url(owner))
