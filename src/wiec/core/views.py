from __future__ import annotations

import logging

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.views.static import serve

from wiec.core import queries
from wiec.core.types import TenantRequest

logger = logging.getLogger(__name__)


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Uploaded files for the demo (WIEC_SERVE_MEDIA); production lets the proxy serve them."""
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    response["X-Content-Type-Options"] = "nosniff"
    return response


def show_home(request: TenantRequest) -> HttpResponse:
    processes = queries.active_processes(tenant=request.tenant, at=timezone.now())
    return render(request, "core/home.html", {"processes": processes})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseBadRequest(_render_error(request, "400.html"))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseForbidden(_render_error(request, "403.html"))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return HttpResponseNotFound(_render_error(request, "404.html"))


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    logger.info("CSRF failure: %s", reason)
    return HttpResponseForbidden(_render_error(request, "403_csrf.html"))


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors and no database: whatever broke must not break this page too.
    template = loader.get_template("500.html")
    tenant = getattr(request, "tenant", None)
    html = template.render({"tenant": tenant, "request": request})
    return HttpResponseServerError(html)


def _render_error(request: HttpRequest, template_name: str) -> str:
    return loader.render_to_string(template_name, request=request)
