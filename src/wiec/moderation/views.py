from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wiec.accounts.decorators import membership_required
from wiec.core import ratelimit
from wiec.core.messages import placed_at
from wiec.core.types import AuthenticatedRequest
from wiec.moderation import actions, queries
from wiec.moderation.forms import ReportForm
from wiec.moderation.permissions import can_report

REPORT_RATES = {"per_user": "10/h", "per_ip": "30/h"}


@membership_required
@require_http_methods(["GET", "POST"])
def report_content(request: AuthenticatedRequest, key: str, object_id: int) -> HttpResponse:
    kind, obj = queries.get_reportable_or_404(
        tenant=request.tenant, key=key, object_id=object_id, viewer=request.user
    )
    if not can_report(request.actor):
        raise PermissionDenied
    form = ReportForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        if ratelimit.allow(request, "report", **REPORT_RATES):
            actions.report_content(
                obj=obj,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
                at=now,
            )
            thanks = _("Thank you. The moderators will look at your report soon.")
            page, _hash, anchor = kind.public_url(obj).partition("#")
            if not anchor:  # the item is the page: the message at its top is in view
                messages.success(request, thanks)
                return redirect(page)
            # An item down the page (a comment): the message is shown beside it and the
            # address jumps to the message, so it is in view without JavaScript.
            messages.success(request, thanks, extra_tags=placed_at(anchor))
            return redirect(f"{page}#{anchor}-reported")
        form.add_error(None, _("You have sent many reports in a short while. Please try later."))
        status = 429
    return render(
        request,
        "moderation/report.html",
        {"form": form, "kind": kind, "text": kind.full_text(obj), "back_url": kind.public_url(obj)},
        status=status,
    )
