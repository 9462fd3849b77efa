from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.csp import ContentSecurityPolicyMiddleware as BaseCSPMiddleware
from django.template.loader import render_to_string
from django.utils import translation

from wiec.tenants.queries import tenant_for_host

# Paths that work without a tenant: the platform operators' admin and static files.
TENANTLESS_PREFIXES = ("/admin/", "/static/", "/media/", "/jezyk/")


class TenantMiddleware:
    """Set `request.tenant` from the Host header (see ARCHITECTURE.md, "Tenancy")."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tenant = tenant_for_host(request.get_host())
        request.tenant = tenant  # type: ignore[attr-defined]
        if tenant is None and not request.path.startswith(TENANTLESS_PREFIXES):
            return self._unknown_host(request)
        return self.get_response(request)

    def _unknown_host(self, request: HttpRequest) -> HttpResponse:
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, settings.LANGUAGE_CODE)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        with translation.override(language):
            html = render_to_string(
                "tenants/unknown_host.html", {"host": request.get_host(), "LANGUAGE_CODE": language}
            )
        return HttpResponse(html, status=404)


def _base_policy() -> dict[str, list[str]]:
    policy: dict[str, list[str]] = getattr(settings, "SECURE_CSP", {})
    return policy


class ContentSecurityPolicyMiddleware(BaseCSPMiddleware):
    """Django's CSP with the tenant's map tile server added to img-src."""

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        tenant = getattr(request, "tenant", None)
        if tenant is not None and not hasattr(response, "_csp_config"):
            origin = tenant.tile_origin  # validated: a bare https host, nothing else
            if origin is not None:
                policy = {key: list(values) for key, values in _base_policy().items()}
                policy.setdefault("img-src", []).append(origin)
                response._csp_config = policy  # type: ignore[attr-defined]
        return super().process_response(request, response)
