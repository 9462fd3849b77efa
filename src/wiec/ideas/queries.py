"""Every read of ideas, scoped to one municipality; hidden ideas never leave through a list."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.db.models import Count, Max, Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from wiec.core.modules import WAITING_SHOWN, Waiting, WaitingItem
from wiec.ideas.exceptions import IdeaHiddenError
from wiec.ideas.models import Idea, IdeaAnswer, IdeaPhoto, IdeaSettings, Support
from wiec.ideas.search import search
from wiec.ideas.statuses import PUBLIC_STATUSES, IdeaStatus

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.geo import DistrictIndex
    from wiec.tenants.models import Tenant

PAGE_SIZE = 20
SORTS = {
    "newest": (_("newest"), ("-published_at", "-pk")),
    "supported": (_("most supported"), ("-support_count", "-published_at", "-pk")),
    "discussed": (_("most discussed"), ("-thread__comment_count", "-published_at", "-pk")),
}


@dataclass(frozen=True)
class IdeaFilters:
    q: str = ""
    category: int | None = None
    district: int | None = None
    status: str = ""
    sort: str = "newest"

    @property
    def active(self) -> bool:
        return bool(self.q or self.category or self.district or self.status)


def settings_for(*, tenant: Tenant) -> IdeaSettings:
    """The municipality's settings, or the defaults (unsaved) if never changed."""
    return IdeaSettings.objects.filter(tenant=tenant).first() or IdeaSettings(tenant=tenant)


def public_ideas(*, tenant: Tenant) -> QuerySet[Idea]:
    """Published and not hidden: the only ideas lists, the map, search and counts see."""
    return Idea.objects.filter(tenant=tenant, published_at__isnull=False, hidden_at__isnull=True)


def filtered_ideas(*, tenant: Tenant, filters: IdeaFilters) -> QuerySet[Idea]:
    rows = public_ideas(tenant=tenant)
    if filters.category:
        rows = rows.filter(category_id=filters.category)
    if filters.district:
        rows = rows.filter(district_id=filters.district)
    if filters.status in PUBLIC_STATUSES:
        rows = rows.filter(status=filters.status)
    if filters.q:
        rows = search(rows, filters.q)
    return rows


def idea_list(*, tenant: Tenant, filters: IdeaFilters) -> QuerySet[Idea]:
    """A page's worth of ideas with everything a card shows, in a fixed number of queries."""
    order = SORTS.get(filters.sort, SORTS["newest"])[1]
    return (
        filtered_ideas(tenant=tenant, filters=filters)
        .select_related("category", "district", "thread")
        .prefetch_related(Prefetch("photos", queryset=IdeaPhoto.objects.order_by("position", "pk")))
        .order_by(*order)
    )


def map_points(*, tenant: Tenant, filters: IdeaFilters) -> list[tuple[int, float, float, str, str]]:
    """(id, lat, lon, status, title) of every filtered idea that has a point."""
    rows = filtered_ideas(tenant=tenant, filters=filters).filter(lat__isnull=False)
    points = rows.order_by("pk").values_list("pk", "lat", "lon", "status", "title")
    return cast(list[tuple[int, float, float, str, str]], list(points))


@dataclass(frozen=True)
class MisplacedIdea:
    idea: Idea
    district_key: int | None
    """The district of the new borders the idea's point lies in (None: none of them)."""


def ideas_leaving_districts(
    *, tenant: Tenant, index: DistrictIndex, keys: dict[int, int]
) -> list[MisplacedIdea]:
    """Ideas (published or hidden, not drafts) whose point would lie outside every district of
    `index`, or outside the district they are filed under. `keys` maps the ids of today's
    districts to their keys in `index` (a district not in it is gone)."""
    rows = (
        Idea.objects.filter(tenant=tenant, published_at__isnull=False, lat__isnull=False)
        .select_related("district")
        .order_by("pk")
    )
    misplaced = []
    for idea in rows:
        if idea.lat is None or idea.lon is None:
            continue
        key = index.locate(lat=idea.lat, lon=idea.lon)
        filed_under = keys.get(idea.district_id) if idea.district_id is not None else None
        if key is None or (idea.district_id is not None and key != filed_under):
            misplaced.append(MisplacedIdea(idea=idea, district_key=key))
    return misplaced


def map_version(*, tenant: Tenant, filters: IdeaFilters) -> str:
    """Changes whenever the filtered points could: an ETag and cache key for the GeoJSON."""
    facts = filtered_ideas(tenant=tenant, filters=filters).aggregate(
        count=Count("pk"), updated=Max("updated_at"), moderated=Max("moderated_at")
    )
    # Hiding an idea drops it from the count; restoring one raises the latest moderated_at.
    raw = f"{tenant.pk}|{filters}|{facts}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def get_idea_or_404(*, tenant: Tenant, idea_id: int, viewer: Any) -> Idea:
    """The idea if the viewer may see it: missing, foreign and others' drafts are a 404;
    a hidden idea raises IdeaHiddenError (a 404 that can say why)."""
    idea = (
        Idea.objects.select_related("category", "district", "author", "thread")
        .filter(tenant=tenant, pk=idea_id)
        .first()
    )
    if idea is None:
        raise Http404
    idea.tenant = tenant  # known already: saves a query in every permission check
    if idea.is_draft and (idea.author_id is None or idea.author_id != getattr(viewer, "pk", None)):
        raise Http404
    if idea.is_hidden:
        raise IdeaHiddenError(idea)
    return idea


def get_any_idea_or_404(*, tenant: Tenant, idea_id: int) -> Idea:
    """Any published idea of the municipality, hidden or not (for the office's panel)."""
    idea = (
        Idea.objects.select_related("category", "district", "author", "thread")
        .filter(tenant=tenant, pk=idea_id, published_at__isnull=False)
        .first()
    )
    if idea is None:
        raise Http404
    idea.tenant = tenant
    return idea


def photos_of(*, idea: Idea) -> list[IdeaPhoto]:
    return list(IdeaPhoto.objects.filter(idea=idea).order_by("position", "pk"))


def get_photo_or_404(*, idea: Idea, photo_id: int) -> IdeaPhoto:
    photo = IdeaPhoto.objects.filter(idea=idea, pk=photo_id).first()
    if photo is None:
        raise Http404
    return photo


def answers_of(*, idea: Idea) -> list[IdeaAnswer]:
    return list(
        IdeaAnswer.objects.filter(idea=idea).select_related("author").order_by("created_at", "pk")
    )


def has_supported(*, idea: Idea, user: Any) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Support.objects.filter(idea=idea, user=user).exists()


def ideas_in_status(*, tenant: Tenant, status: str) -> QuerySet[Idea]:
    """Public ideas in one status, the longest waiting first (new ones wait for an answer)."""
    return (
        public_ideas(tenant=tenant)
        .filter(status=status)
        .select_related("category", "district")
        .order_by("published_at", "pk")
    )


def status_counts(*, tenant: Tenant) -> dict[str, int]:
    rows = public_ideas(tenant=tenant).values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


def ideas_of(*, tenant: Tenant, user: User) -> QuerySet[Idea]:
    """The person's own ideas here, drafts and hidden ones included, newest first."""
    return (
        Idea.objects.filter(tenant=tenant, author=user)
        .select_related("category")
        .order_by("-created_at", "-pk")
    )


def waiting_for_answer(*, tenant: Tenant) -> Waiting:
    """The panel home's list of new ideas, the longest waiting first."""
    rows = ideas_in_status(tenant=tenant, status=IdeaStatus.NEW)
    return Waiting(
        key="ideas",
        title=gettext("New ideas waiting for the office’s answer"),
        count=rows.count(),
        items=[
            WaitingItem(
                label=idea.title,
                url=reverse("ideas_staff:answer_idea", args=[idea.pk]),
                note=pgettext("panel home", "published"),
                when=idea.published_at,
            )
            for idea in rows[:WAITING_SHOWN]
        ],
        all_url=reverse("ideas_staff:list_waiting_ideas"),
        all_label=gettext("All ideas waiting for an answer"),
        order=gettext("the longest waiting first"),
    )
