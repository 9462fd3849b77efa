"""Ideas' part of "download my data" (RODO art. 15 and 20)."""

from __future__ import annotations

from typing import Any

from wiec.accounts.models import User
from wiec.ideas.models import Idea, IdeaAnswer, Support


def export_ideas(user: User) -> dict[str, Any]:
    ideas = (
        Idea.objects.filter(author=user)
        .select_related("tenant", "category", "district")
        .prefetch_related("photos")
    )
    return {
        "ideas": [
            {
                "municipality": i.tenant.name,
                "title": i.title,
                "description": i.description,
                "category": i.category.name if i.category else None,
                "district": i.district.name if i.district else None,
                "address": i.address,
                "point": [i.lat, i.lon] if i.has_point else None,
                "status": i.status,
                "created_at": i.created_at.isoformat(),
                "published_at": i.published_at.isoformat() if i.published_at else None,
                "hidden_reason": i.hidden_reason,
                "photo_descriptions": [
                    p.description for p in sorted(i.photos.all(), key=lambda p: (p.position, p.pk))
                ],
            }
            for i in ideas.order_by("created_at", "pk")
        ],
        "supports": [
            {"idea": s.idea.title, "municipality": s.tenant.name, "at": s.created_at.isoformat()}
            for s in Support.objects.filter(user=user)
            .select_related("idea", "tenant")
            .order_by("created_at", "pk")
        ],
        "answers_given": [
            {"idea": a.idea.title, "status": a.status, "message": a.message}
            for a in IdeaAnswer.objects.filter(author=user)
            .select_related("idea")
            .order_by("created_at", "pk")
        ],
    }
