from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition

from wiec.core.types import TenantRequest
from wiec.tenants import queries


def _theme_etag(request: TenantRequest) -> str:
    return f'"{request.tenant.pk}-{request.tenant.theme_version}-{request.tenant.primary_colour}"'


@condition(etag_func=_theme_etag)
def show_theme(request: TenantRequest) -> HttpResponse:
    """The municipality's colours as CSS custom properties (no inline styles: CSP)."""
    css = render_to_string("tenants/theme.css", {"palette": request.tenant.palette})
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=3600)
    return response


def show_privacy_policy(request: TenantRequest) -> HttpResponse:
    return render(
        request,
        "tenants/legal_page.html",
        {
            "title_key": "privacy",
            "body": request.tenant.privacy_policy,
        },
    )


def show_terms(request: TenantRequest) -> HttpResponse:
    return render(
        request,
        "tenants/legal_page.html",
        {
            "title_key": "terms",
            "body": request.tenant.terms,
        },
    )


def show_accessibility_statement(request: TenantRequest) -> HttpResponse:
    statement = queries.accessibility_statement(tenant=request.tenant)
    host = request.get_host()
    return render(
        request,
        "tenants/accessibility.html",
        {
            "statement": statement,
            "site_url": f"{request.scheme}://{host}/",
        },
    )
