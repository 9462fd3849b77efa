"""The public receipt check: is my ballot among the counted ones? Never shows its content."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from wiec.core.ratelimit import limit
from wiec.core.types import TenantRequest
from wiec.voting import queries
from wiec.voting.forms import ReceiptForm


@limit("voting.receipt", per_ip="30/10m")
@require_http_methods(["GET", "POST"])
def check_receipt(request: TenantRequest) -> HttpResponse:
    # POST keeps receipt codes out of access logs and browser history.
    form = ReceiptForm(request.POST or None)
    box = None
    checked = False
    if request.method == "POST" and form.is_valid():
        checked = True
        box = queries.box_for_receipt(tenant=request.tenant, code=form.cleaned_data["code"])
    return render(request, "voting/receipt.html", {"form": form, "box": box, "checked": checked})
