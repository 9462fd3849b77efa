from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import patch_vary_headers

from wiec.core.languages import is_supported


class LocaleMiddleware:
    """Pick the page language: the person's choice (cookie), else the municipality's default.

    Unlike Django's own middleware this ignores Accept-Language: a Polish office's site opens
    in Polish for everyone, and the language switcher on every page changes it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if not is_supported(chosen):
            tenant = getattr(request, "tenant", None)
            chosen = getattr(tenant, "default_language", "") or settings.LANGUAGE_CODE
            if not is_supported(chosen):
                chosen = settings.LANGUAGE_CODE
        translation.activate(chosen)
        request.LANGUAGE_CODE = chosen
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", chosen)
        translation.deactivate()
        return response
