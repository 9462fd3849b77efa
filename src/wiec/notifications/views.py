from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from wiec.accounts.actors import role_in
from wiec.core.types import AuthenticatedRequest
from wiec.notifications import actions, kinds, queries
from wiec.notifications.forms import EmailPreferencesForm


@login_required
def list_notifications(request: AuthenticatedRequest) -> HttpResponse:
    rows = queries.notifications_for(user=request.user, tenant=request.tenant)
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    items = []
    for notification in page.object_list:
        kind = kinds.get(notification.kind)
        items.append(
            {
                "notification": notification,
                "message": kind.message(notification.data) if kind else notification.kind,
            }
        )
    return render(request, "notifications/centre.html", {"page": page, "items": items})


@login_required
def open_notification(request: AuthenticatedRequest, notification_id: int) -> HttpResponse:
    """Mark it read and go where it points (always a path on this site)."""
    notification = queries.get_notification_or_404(
        user=request.user, tenant=request.tenant, notification_id=notification_id
    )
    actions.mark_read(notification=notification, at=timezone.now())
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None) or not target.startswith(
        "/"
    ):
        target = "/"
    return redirect(target)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedRequest) -> HttpResponse:
    actions.mark_all_read(user=request.user, tenant=request.tenant, at=timezone.now())
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list_notifications")


@login_required
@require_http_methods(["GET", "POST"])
def edit_preferences(request: AuthenticatedRequest) -> HttpResponse:
    form = EmailPreferencesForm(
        request.POST or None,
        wanted=queries.email_wanted(user=request.user),
        choices=kinds.kinds_for(role_in(request.user, request.tenant)),
    )
    if request.method == "POST" and form.is_valid():
        actions.set_email_preferences(user=request.user, wanted=form.cleaned_data)
        messages.success(request, _("Your e-mail settings have been saved."))
        return redirect("notifications:edit_preferences")
    return render(request, "notifications/preferences.html", {"form": form})
