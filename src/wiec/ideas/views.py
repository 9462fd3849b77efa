from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wiec.accounts.decorators import membership_required
from wiec.core import ratelimit
from wiec.core.languages import content_lang
from wiec.core.phases import phase_at
from wiec.core.types import AuthenticatedRequest, TenantRequest
from wiec.discussion import queries as discussion_queries
from wiec.discussion.views import thread_context
from wiec.ideas import actions, exceptions, queries
from wiec.ideas.access import (
    access_idea_for_delete,
    access_idea_for_edit,
    access_idea_for_publish,
    access_idea_for_support,
    call_phase,
)
from wiec.ideas.forms import FilesForm, IdeaFilterForm, IdeaForm, PhotoDescriptionForm
from wiec.ideas.models import Idea
from wiec.ideas.permissions import (
    can_answer_idea,
    can_delete_idea,
    can_edit_idea,
    can_publish_idea,
    can_submit_idea,
    can_support_idea,
    offers_report_idea,
    submissions_open,
    support_needs_verification,
)
from wiec.ideas.statuses import PUBLIC_STATUSES
from wiec.ideas.uploads import MAX_PHOTOS
from wiec.maps.geojson import dumps_points

IDEA_RATES = {"per_user": "10/h", "per_ip": "30/h"}
SUPPORT_RATES = {"per_user": "60/m", "per_ip": "300/h"}
UPLOAD_RATES = {"per_user": "30/h", "per_ip": "100/h"}
GEOJSON_CACHE_SECONDS = 600


def _listing(request: TenantRequest) -> dict[str, Any]:
    form = IdeaFilterForm(request.GET, tenant=request.tenant)
    filters = form.filters()
    rows = queries.idea_list(tenant=request.tenant, filters=filters)
    page = Paginator(rows, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    # `level`: the heading level of each idea's title (3 under the map's own heading).
    level = 3 if request.resolver_match and request.resolver_match.url_name == "show_map" else 2
    return {"filter_form": form, "filters": filters, "page": page, "level": level}


def _results_only(request: TenantRequest) -> bool:
    """htmx asks for the results alone (filters changed, or a page link followed)."""
    return bool(request.htmx) and request.htmx.target == "idea-results"


def list_ideas(request: TenantRequest) -> HttpResponse:
    context = _listing(request)
    if _results_only(request):
        return render(request, "ideas/list.html#results", context)
    settings = queries.settings_for(tenant=request.tenant)
    phase = phase_at(settings, at=timezone.now())
    context.update(
        settings=settings,
        can_submit=can_submit_idea(request.actor, phase=phase),
        submissions_open=submissions_open(phase),
    )
    return render(request, "ideas/list.html", context)


def show_map(request: TenantRequest) -> HttpResponse:
    context = _listing(request)
    if _results_only(request):
        return render(request, "ideas/list.html#results", context)
    context.update(
        labels_json=json.dumps({s.value: str(s.label) for s in PUBLIC_STATUSES}),
        geojson_url=reverse("ideas:download_map_geojson"),
        card_url=reverse("ideas:show_map_card", args=[0]),
    )
    return render(request, "ideas/map.html", context)


def download_map_geojson(request: TenantRequest) -> HttpResponse:
    """The filtered ideas as points: built once per change (cache), revalidated by ETag."""
    filters = IdeaFilterForm(request.GET, tenant=request.tenant).filters()
    version = queries.map_version(tenant=request.tenant, filters=filters)
    etag = f'"{version}"'
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    key = f"wiec:ideas:geojson:{version}"
    body = cache.get(key)
    if body is None:
        points = queries.map_points(tenant=request.tenant, filters=filters)
        # The title too: it is each marker's accessible name (read out before anything opens).
        body = dumps_points(
            (pk, lat, lon, {"s": status, "t": title}) for pk, lat, lon, status, title in points
        )
        cache.set(key, body, GEOJSON_CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/geo+json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def show_map_card(request: TenantRequest, idea_id: int) -> JsonResponse:
    """What a map marker's popup shows, fetched when it is opened (the GeoJSON has no titles)."""
    idea = queries.get_idea_or_404(tenant=request.tenant, idea_id=idea_id, viewer=request.user)
    response = JsonResponse(
        {
            "title": idea.title,
            "lang": content_lang(request.tenant),
            "url": idea.get_absolute_url(),
            "status": str(idea.get_status_display()),
            "supports": ngettext("%(count)d support", "%(count)d supports", idea.support_count)
            % {"count": idea.support_count},
        }
    )
    patch_cache_control(response, private=True, max_age=60)
    return response


SUPPORT_NEEDS_VERIFICATION = gettext_lazy(
    "Only verified residents can support ideas here. Confirm that you live here first."
)


def _support_context(request: TenantRequest, idea: Idea) -> dict[str, Any]:
    """What the support box needs: whether the person may support, and whether the
    municipality's rule (verified residents only) is what stands in the way."""
    settings = queries.settings_for(tenant=request.tenant)
    phase = phase_at(settings, at=timezone.now())
    needs = support_needs_verification(request.actor, idea, settings=settings, phase=phase)
    return {
        "can_support": can_support_idea(request.actor, idea, phase=phase),
        "supporters_verified": settings.supporters_verified,
        "support_needs_verification": needs,
        "verify_url": reverse("verification:verify")
        + "?"
        + urlencode({"next": idea.get_absolute_url()}),
    }


def show_idea(request: TenantRequest, idea_id: int) -> HttpResponse:
    try:
        idea = queries.get_idea_or_404(tenant=request.tenant, idea_id=idea_id, viewer=request.user)
    except exceptions.IdeaHiddenError as hidden:
        return render(request, "ideas/hidden.html", {"idea": hidden.idea}, status=404)
    phase = call_phase(request, at=timezone.now())
    context: dict[str, Any] = {
        "idea": idea,
        "photos": queries.photos_of(idea=idea),
        "answers": queries.answers_of(idea=idea),
        "supported": queries.has_supported(idea=idea, user=request.user),
        **_support_context(request, idea),
        "can_edit": can_edit_idea(request.actor, idea, phase=phase),
        "can_publish": can_publish_idea(request.actor, idea, phase=phase),
        "can_delete": can_delete_idea(request.actor, idea),
        "can_answer": can_answer_idea(request.actor, idea, phase=phase),
        "can_report": offers_report_idea(request.actor, idea),
        "announce": False,  # the support button's answer to htmx says what changed
    }
    if not idea.is_draft:
        context.update(
            thread_context(
                request,
                thread=idea.thread,
                kind=discussion_queries.owner_kind(Idea),
                owner=idea,
            )
        )
    return render(request, "ideas/detail.html", context)


def _editable(request: AuthenticatedRequest, idea_id: int) -> Idea:
    return access_idea_for_edit(request, idea_id, at=timezone.now())


def _too_fast(form: Any) -> None:
    form.add_error(
        None,
        _(
            "You have sent a lot in a short while. Please wait a few minutes and try again; "
            "everything you typed is kept below."
        ),
    )


@membership_required
@require_http_methods(["GET", "POST"])
def create_idea(request: AuthenticatedRequest) -> HttpResponse:
    if not can_submit_idea(request.actor, phase=call_phase(request, at=timezone.now())):
        raise PermissionDenied
    form = IdeaForm(request.POST or None, tenant=request.tenant)
    status = 200
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        if ratelimit.allow(request, "idea", **IDEA_RATES):
            idea = actions.create_idea(
                tenant=request.tenant,
                author=request.user,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                category=form.chosen_category,
                location=form.checked_location,
                district=form.chosen_district,
                at=now,
            )
            messages.success(
                request,
                _("Your draft is saved. Check it, add photos if you like, then publish it."),
            )
            return redirect(idea)
        _too_fast(form)
        status = 429
    return render(
        request,
        "ideas/form.html",
        {"form": form, "idea": None},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_idea(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    idea = _editable(request, idea_id)
    initial = {
        "title": idea.title,
        "description": idea.description,
        "category": idea.category_id,
        "location": idea.address or (f"{idea.lat:.5f}, {idea.lon:.5f}" if idea.has_point else ""),
        "no_point": not idea.has_point,
        "district": idea.district_id if not idea.has_point else None,
    }
    form = IdeaForm(request.POST or None, initial=initial, tenant=request.tenant)
    if request.method == "POST" and form.is_valid():
        actions.update_idea(
            idea=idea,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            category=form.chosen_category,
            location=form.checked_location,
            district=form.chosen_district,
            at=timezone.now(),
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(idea)
    return render(
        request,
        "ideas/form.html",
        {"form": form, "idea": idea},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_files(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    idea = _editable(request, idea_id)
    photos = queries.photos_of(idea=idea)
    form = FilesForm(
        request.POST or None, request.FILES or None, free_slots=MAX_PHOTOS - len(photos)
    )
    status = 200
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        if ratelimit.allow(request, "idea-files", **UPLOAD_RATES):
            try:
                if form.cleaned_photos:
                    actions.add_photos(idea=idea, photos=form.cleaned_photos, at=now)
                if form.cleaned_data.get("attachment"):
                    actions.set_attachment(
                        idea=idea, upload=form.cleaned_data["attachment"], at=now
                    )
            except exceptions.TooManyPhotosError:
                form.add_error("photos", _("An idea can have at most 5 photos."))
            else:
                messages.success(request, _("The files are added."))
                return redirect("ideas:edit_files", idea_id=idea.pk)
        else:
            _too_fast(form)
            status = 429
    return _files_page(request, idea, photos, form=form, status=status)


def _files_page(
    request: AuthenticatedRequest,
    idea: Idea,
    photos: list[Any],
    *,
    form: FilesForm,
    described: PhotoDescriptionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The files page; `described` is a photo's description form sent back with its errors."""
    described_forms = [
        (
            photo,
            described
            if described is not None and described.prefix == _photo_prefix(photo.pk)
            else PhotoDescriptionForm(
                prefix=_photo_prefix(photo.pk), initial={"description": photo.description}
            ),
        )
        for photo in photos
    ]
    return render(
        request,
        "ideas/files.html",
        {"form": form, "idea": idea, "photos": described_forms, "max_photos": MAX_PHOTOS},
        status=status,
    )


def _photo_prefix(photo_id: int) -> str:
    return f"photo{photo_id}"


@login_required
@require_POST
def describe_photo(request: AuthenticatedRequest, idea_id: int, photo_id: int) -> HttpResponse:
    idea = _editable(request, idea_id)
    photo = queries.get_photo_or_404(idea=idea, photo_id=photo_id)
    form = PhotoDescriptionForm(request.POST, prefix=_photo_prefix(photo.pk))
    status = 200
    if form.is_valid():
        if ratelimit.allow(request, "idea-photo-text", **UPLOAD_RATES):
            actions.describe_photo(
                photo=photo, description=form.cleaned_data["description"], at=timezone.now()
            )
            messages.success(request, _("The description of the photo is saved."))
            return redirect("ideas:edit_files", idea_id=idea.pk)
        _too_fast(form)
        status = 429
    photos = queries.photos_of(idea=idea)
    files_form = FilesForm(free_slots=MAX_PHOTOS - len(photos))
    return _files_page(request, idea, photos, form=files_form, described=form, status=status)


@login_required
@require_POST
def remove_photo(request: AuthenticatedRequest, idea_id: int, photo_id: int) -> HttpResponse:
    idea = _editable(request, idea_id)
    photo = queries.get_photo_or_404(idea=idea, photo_id=photo_id)
    actions.remove_photo(photo=photo, at=timezone.now())
    messages.success(request, _("The photo is removed."))
    return redirect("ideas:edit_files", idea_id=idea.pk)


@login_required
@require_POST
def remove_attachment(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    idea = _editable(request, idea_id)
    if idea.attachment:
        actions.remove_attachment(idea=idea, at=timezone.now())
        messages.success(request, _("The PDF document is removed."))
    return redirect("ideas:edit_files", idea_id=idea.pk)


@login_required
@require_POST
def publish_idea(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    idea = access_idea_for_publish(request, idea_id, at=timezone.now())
    actions.publish_idea(idea=idea, at=timezone.now())
    messages.success(
        request, _("Your idea is published. The office will answer it here, in public.")
    )
    return redirect(idea)


@login_required
@require_POST
def delete_idea(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    idea = access_idea_for_delete(request, idea_id, at=timezone.now())
    actions.delete_draft(idea=idea)
    messages.success(request, _("The draft is deleted."))
    return redirect("ideas:list_my_ideas")


@login_required
@require_POST
def support_idea(request: AuthenticatedRequest, idea_id: int) -> HttpResponse:
    """Support (`support=1`) or withdraw (`support=0`); repeating either is not an error."""
    now = timezone.now()
    idea = access_idea_for_support(request, idea_id, at=now)
    if not ratelimit.allow(request, "support", **SUPPORT_RATES):
        return ratelimit.too_many_requests(request)
    adding = request.POST.get("support") == "1"
    rules = _support_context(request, idea)
    if adding and rules["support_needs_verification"]:
        # Withdrawing stays possible; adding waits until the person has verified.
        if request.htmx:
            return render(
                request,
                "ideas/detail.html#support",
                {"idea": idea, "supported": False, "announce": False, **rules},
            )
        messages.error(request, str(SUPPORT_NEEDS_VERIFICATION))
        return redirect(idea)
    if adding:
        actions.support_idea(idea=idea, user=request.user, at=now)
    else:
        actions.withdraw_support(idea=idea, user=request.user)
    idea.refresh_from_db(fields=["support_count"])
    supported = queries.has_supported(idea=idea, user=request.user)
    if request.htmx:
        return render(
            request,
            "ideas/detail.html#support",
            {"idea": idea, "supported": supported, "announce": True, **rules},
        )
    messages.success(
        request,
        _("Thank you for your support.") if supported else _("Your support is withdrawn."),
    )
    return redirect(idea)


@login_required
def list_my_ideas(request: AuthenticatedRequest) -> HttpResponse:
    rows = queries.ideas_of(tenant=request.tenant, user=request.user)
    page = Paginator(rows, queries.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "ideas/mine.html", {"page": page})


def _file_response(
    field: Any, *, content_type: str, download_name: str | None = None
) -> FileResponse:
    if not field:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        content_type=content_type,
        as_attachment=download_name is not None,
        filename=download_name or "",
    )
    patch_cache_control(response, private=True, max_age=3600)
    return response


def _photo(request: TenantRequest, idea_id: int, photo_id: int, *, thumbnail: bool) -> FileResponse:
    """A photo, served only while its idea is visible to the person asking."""
    idea = queries.get_idea_or_404(tenant=request.tenant, idea_id=idea_id, viewer=request.user)
    item = queries.get_photo_or_404(idea=idea, photo_id=photo_id)
    field = item.thumbnail if thumbnail else item.image
    return _file_response(field, content_type="image/jpeg")


def show_photo(request: TenantRequest, idea_id: int, photo_id: int) -> FileResponse:
    return _photo(request, idea_id, photo_id, thumbnail=False)


def show_thumbnail(request: TenantRequest, idea_id: int, photo_id: int) -> FileResponse:
    return _photo(request, idea_id, photo_id, thumbnail=True)


def download_attachment(request: TenantRequest, idea_id: int) -> FileResponse:
    """The PDF, always as a download (never shown inside the site)."""
    idea = queries.get_idea_or_404(tenant=request.tenant, idea_id=idea_id, viewer=request.user)
    name = idea.attachment_title or "zalacznik.pdf"
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    return _file_response(idea.attachment, content_type="application/pdf", download_name=name)
