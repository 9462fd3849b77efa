"""A poll with its questions, built through the actions the way an official builds one in the
panel: create, add the questions, publish. The demo, the benchmark and the tests build theirs
here, so all three go through the same steps (and the same audit entries) as the site."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from wiec.polls import actions
from wiec.polls.models import Eligibility, Poll, ResultsVisibility

if TYPE_CHECKING:
    from wiec.accounts.models import User
    from wiec.tenants.models import District, Tenant

QuestionSpec = tuple[str, str, int | None, list[str]]
"""(text, kind, at most how many choices or None, the options' texts)."""


def build_poll(
    *,
    tenant: Tenant,
    official: User,
    title: str,
    questions: Sequence[QuestionSpec],
    starts_at: datetime,
    ends_at: datetime,
    at: datetime,
    description: str = "",
    eligibility: str = Eligibility.RESIDENTS,
    districts: Sequence[District] = (),
    minimum_age: int = 0,
    results_visibility: str = ResultsVisibility.AFTER_CLOSE,
    publish: bool = True,
) -> Poll:
    """Create the poll at `at`, add `questions` in order and (with `publish`) publish it.

    Returns the poll with its box, questions and options loaded.
    """
    poll = actions.create_poll(
        tenant=tenant,
        values={
            "title": title,
            "description": description,
            "starts_at": starts_at,
            "ends_at": ends_at,
            "eligibility": eligibility,
            "districts": list(districts),
            "minimum_age": minimum_age,
            "results_visibility": results_visibility,
            "is_published": False,
        },
        actor=official,
        at=at,
    )
    for text, kind, max_choices, options in questions:
        actions.save_question(
            poll=poll,
            question=None,
            text=text,
            kind=kind,
            max_choices=max_choices,
            options=options,
            actor=official,
            at=at,
        )
    if publish:
        actions.publish_poll(poll=poll, actor=official, at=at)
    return (
        Poll.objects.select_related("box")
        .prefetch_related("questions__options", "box__districts")
        .get(pk=poll.pk)
    )


def form_values(poll: Poll) -> dict[str, Any]:
    """The poll as the panel's form gives it to `update_poll`: change what you need."""
    return {
        "title": poll.title,
        "description": poll.description,
        "starts_at": poll.box.starts_at,
        "ends_at": poll.box.ends_at,
        "eligibility": poll.eligibility,
        "districts": list(poll.box.districts.all()),
        "minimum_age": poll.box.minimum_age,
        "results_visibility": poll.results_visibility,
        "is_published": poll.is_published,
    }
