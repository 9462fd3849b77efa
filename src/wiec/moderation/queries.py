"""Reads for moderation: the queue, the content behind a report, history and blocks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wiec.accounts.models import Membership
from wiec.core.modules import WAITING_SHOWN, ContentKind, Waiting, WaitingItem
from wiec.moderation import registry
from wiec.moderation.models import Block, Decision, Moderatable, Report, ReportReason

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import Tenant


def active_block_exists(tenant: Tenant) -> Exists:
    """SQL over a user row (`OuterRef("pk")`): whether that person is blocked here now. The
    actor's `blocked` (wiec.accounts.actors.FACTS)."""
    return Exists(Block.objects.filter(tenant=tenant, user=OuterRef("pk"), lifted_at__isnull=True))


def staff_to_tell(*, tenant: Tenant, roles: Iterable[str], leave_out: int | None) -> list[int]:
    """Ids of this municipality's staff in `roles` who should hear of new work: active accounts
    without an active block here, not `leave_out` (who caused it). Platform operators are not
    the municipality's staff and are not told."""
    rows = Membership.objects.filter(tenant=tenant, role__in=list(roles), user__is_active=True)
    if leave_out is not None:
        rows = rows.exclude(user_id=leave_out)
    return list(
        rows.exclude(
            user_id__in=Block.objects.filter(tenant=tenant, lifted_at__isnull=True).values(
                "user_id"
            )
        )
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )


def has_open_reports(*, obj: Moderatable) -> bool:
    return reports_about(obj=obj).filter(resolved_at__isnull=True).exists()


def has_active_block(*, user: User, tenant: Tenant) -> bool:
    return Block.objects.filter(tenant=tenant, user=user, lifted_at__isnull=True).exists()


def _content_or_404(
    *, tenant: Tenant, key: str, object_id: int, include_hidden: bool
) -> tuple[ContentKind, Any]:
    kind = registry.kind(key)
    if kind is None:
        raise Http404
    rows = kind.published_rows(kind.model._default_manager.filter(tenant=tenant))
    if not include_hidden:
        rows = rows.filter(hidden_at__isnull=True)
    obj = rows.filter(pk=object_id).first()
    if obj is None:
        raise Http404
    return kind, obj


def get_reportable_or_404(
    *, tenant: Tenant, key: str, object_id: int, viewer: Any
) -> tuple[ContentKind, Any]:
    """Content the viewer can see (published, not hidden, on a page open to them) in this
    municipality, else 404."""
    kind, obj = _content_or_404(tenant=tenant, key=key, object_id=object_id, include_hidden=False)
    if not kind.visible_to(obj, viewer):
        raise Http404
    return kind, obj


def get_moderated_or_404(*, tenant: Tenant, key: str, object_id: int) -> tuple[ContentKind, Any]:
    """Content of this municipality for a moderator, hidden or not."""
    return _content_or_404(tenant=tenant, key=key, object_id=object_id, include_hidden=True)


@dataclass
class QueueItem:
    kind: ContentKind
    content: Any
    report_count: int
    first_reported_at: datetime
    reasons: list[str] = field(default_factory=list)
    """The reasons given, as words in the current language."""


def report_queue(*, tenant: Tenant, limit: int = 100) -> list[QueueItem]:
    """Content with open reports, the longest waiting first; one row per piece of content."""
    groups = list(
        Report.objects.filter(tenant=tenant, resolved_at__isnull=True)
        .values("content_type_id", "object_id")
        .annotate(report_count=Count("pk"), first=Min("created_at"))
        .order_by("first")[:limit]
    )
    if not groups:
        return []
    types = ContentType.objects.get_for_models(*(k.model for k in registry.kinds()))
    kind_by_type = {types[k.model].pk: k for k in registry.kinds()}
    objects: dict[tuple[int, int], Any] = {}
    for type_id, kind in kind_by_type.items():
        ids = [g["object_id"] for g in groups if g["content_type_id"] == type_id]
        if ids:
            rows = kind.published_rows(kind.model._default_manager.filter(tenant=tenant))
            for pk, obj in rows.in_bulk(ids).items():
                objects[(type_id, pk)] = obj
    reasons: dict[tuple[int, int], list[str]] = {}
    pairs = Q()
    for g in groups:
        pairs |= Q(content_type_id=g["content_type_id"], object_id=g["object_id"])
    for type_id, object_id, reason in (
        Report.objects.filter(tenant=tenant, resolved_at__isnull=True)
        .filter(pairs)
        .values_list("content_type_id", "object_id", "reason")
        .order_by("created_at")
    ):
        reasons.setdefault((type_id, object_id), []).append(reason)
    items = []
    for g in groups:
        key = (g["content_type_id"], g["object_id"])
        if key in objects and g["content_type_id"] in kind_by_type:
            items.append(
                QueueItem(
                    kind=kind_by_type[g["content_type_id"]],
                    content=objects[key],
                    report_count=g["report_count"],
                    first_reported_at=g["first"],
                    reasons=[str(ReportReason(r).label) for r in sorted(set(reasons.get(key, [])))],
                )
            )
    return items


def waiting_count(*, tenant: Tenant) -> int:
    """How many pieces of content have open reports (the queue's length)."""
    return (
        Report.objects.filter(tenant=tenant, resolved_at__isnull=True)
        .values("content_type_id", "object_id")
        .distinct()
        .count()
    )


def waiting_reports(*, tenant: Tenant) -> Waiting:
    """The panel home's list of reported content, the longest waiting first."""
    queue = report_queue(tenant=tenant, limit=WAITING_SHOWN)
    return Waiting(
        key="reports",
        title=_("Reported content waiting for a decision"),
        count=waiting_count(tenant=tenant) if queue else 0,
        items=[
            WaitingItem(
                label=Truncator(item.kind.full_text(item.content)).chars(80),
                url=reverse("moderation_staff:show_content", args=[item.kind.key, item.content.pk]),
                note=ngettext(
                    "%(kind)s, %(count)d report, the first",
                    "%(kind)s, %(count)d reports, the first",
                    item.report_count,
                )
                % {"kind": item.kind.label, "count": item.report_count},
                when=item.first_reported_at,
            )
            for item in queue
        ],
        all_url=reverse("moderation_staff:show_queue"),
        all_label=_("The whole moderation queue"),
        order=_("the longest waiting first"),
    )


def recently_hidden(*, tenant: Tenant, limit: int = 20) -> list[tuple[ContentKind, Any]]:
    """Hidden content of every kind, most recently hidden first (to restore a mistake)."""
    rows: list[tuple[ContentKind, Any]] = []
    for kind in registry.kinds():
        hidden = kind.model._default_manager.filter(tenant=tenant, hidden_at__isnull=False)
        rows.extend((kind, obj) for obj in hidden.order_by("-hidden_at")[:limit])
    rows.sort(key=lambda row: row[1].hidden_at, reverse=True)
    return rows[:limit]


def _about(obj: Moderatable) -> Q:
    return Q(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


def reports_about(*, obj: Moderatable) -> QuerySet[Report]:
    return (
        Report.objects.filter(_about(obj), tenant_id=obj.tenant_id)
        .select_related("reporter")
        .order_by("-created_at")
    )


def decisions_about(*, obj: Moderatable) -> QuerySet[Decision]:
    return (
        Decision.objects.filter(_about(obj), tenant_id=obj.tenant_id)
        .select_related("moderator")
        .order_by("-created_at", "-pk")
    )


def active_blocks(*, tenant: Tenant) -> QuerySet[Block]:
    return (
        Block.objects.filter(tenant=tenant, lifted_at__isnull=True)
        .select_related("user", "blocked_by")
        .order_by("-created_at")
    )


def active_block_for(*, tenant: Tenant, user: User) -> Block | None:
    return Block.objects.filter(tenant=tenant, user=user, lifted_at__isnull=True).first()


def get_active_block_or_404(*, tenant: Tenant, block_id: int) -> Block:
    block = Block.objects.filter(tenant=tenant, pk=block_id, lifted_at__isnull=True).first()
    if block is None:
        raise Http404
    return block
