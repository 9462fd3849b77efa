"""Writing ideas: drafts, publishing, supports, the office's answers and their notifications."""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from tests.factories import member
from tests.ideas.factories import IdeaFactory, at, image_bytes
from wiec.accounts.models import Role
from wiec.core.models import AuditEntry
from wiec.core.storage import PrivateFileStorage
from wiec.discussion.actions import follow
from wiec.ideas import actions, exceptions
from wiec.ideas.models import Idea, IdeaAnswer, IdeaPhoto, Support
from wiec.ideas.statuses import RULES, IdeaStatus, allowed_next
from wiec.ideas.uploads import MAX_PHOTOS, CleanPhoto, clean_photo
from wiec.maps.queries import Location
from wiec.notifications.models import EmailPreference, Notification
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db
S = IdeaStatus


def test_a_new_idea_is_a_private_draft_with_its_own_thread(tenant: Tenant) -> None:
    author = member(tenant)
    idea = actions.create_idea(
        tenant=tenant,
        author=author,
        title="Ławki nad Wartą",
        description="Przy ścieżce brakuje ławek.",
        category=None,
        location=Location(52.25, 16.85, "ul. Nadwarciańska", None),
        district=None,
        at=at("2026-05-01 10:00"),
    )
    assert idea.status == S.DRAFT
    assert idea.published_at is None
    assert idea.thread.owner_type.model == "idea"
    assert idea.search_text == "lawki nad warta przy sciezce brakuje lawek ul nadwarcianska"


def test_publishing_makes_a_draft_new_once(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant, status=S.DRAFT)
    when = at("2026-05-02 09:00")
    actions.publish_idea(idea=idea, at=when)
    actions.publish_idea(idea=idea, at=at("2026-05-03 09:00"))
    idea.refresh_from_db()
    assert (idea.status, idea.published_at) == (S.NEW, when)


def test_the_database_refuses_a_published_draft(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    with pytest.raises(IntegrityError), transaction.atomic():
        Idea.objects.filter(pk=idea.pk).update(status=S.DRAFT)


def test_a_second_support_is_idempotent_and_the_count_stays_true(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    resident = member(tenant)
    assert actions.support_idea(idea=idea, user=resident, at=timezone.now()) is True
    assert actions.support_idea(idea=idea, user=resident, at=timezone.now()) is False
    idea.refresh_from_db()
    assert idea.support_count == 1
    assert Support.objects.filter(idea=idea).count() == 1
    assert actions.withdraw_support(idea=idea, user=resident) is True
    assert actions.withdraw_support(idea=idea, user=resident) is False
    idea.refresh_from_db()
    assert idea.support_count == 0


def test_one_support_per_person_is_a_database_rule(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    resident = member(tenant)
    Support.objects.create(tenant=tenant, idea=idea, user=resident, created_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(tenant=tenant, idea=idea, user=resident, created_at=timezone.now())


@pytest.mark.parametrize("status", [s for s in S if s != S.DRAFT])
def test_the_office_moves_ideas_only_along_the_status_table(tenant: Tenant, status: S) -> None:
    official = member(tenant, Role.OFFICIAL)
    for target in S:
        idea = IdeaFactory(tenant=tenant, status=status)
        message = "Uzasadnienie: teren nie należy do gminy, wniosek przekazano zarządcy."
        if target in RULES[status].next:
            actions.answer_idea(
                idea=idea, official=official, status=target, message=message, at=timezone.now()
            )
            idea.refresh_from_db()
            assert idea.status == target
        else:
            with pytest.raises(exceptions.TransitionNotAllowedError):
                actions.answer_idea(
                    idea=idea, official=official, status=target, message=message, at=timezone.now()
                )


def test_every_status_can_be_reached_from_new() -> None:
    reached, frontier = {S.NEW}, [S.NEW]
    while frontier:
        for target in allowed_next(frontier.pop()):
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(S) - {S.DRAFT}


def test_a_rejection_needs_a_justification(tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    official = member(tenant, Role.OFFICIAL)
    with pytest.raises(exceptions.JustificationMissingError):
        actions.answer_idea(
            idea=idea, official=official, status=S.REJECTED, message="Nie.", at=timezone.now()
        )
    assert not IdeaAnswer.objects.exists()


def test_an_answer_is_public_history_audited_and_announced(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    author, follower, official = member(tenant), member(tenant), member(tenant, Role.OFFICIAL)
    idea = IdeaFactory(tenant=tenant, author=author, title="Przejście przy szkole")
    follow(thread=idea.thread, user=follower, at=timezone.now())
    follow(thread=idea.thread, user=author, at=timezone.now())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer = actions.answer_idea(
            idea=idea,
            official=official,
            status=S.ANALYSIS,
            message="Sprawdzamy natężenie ruchu.",
            at=at("2026-06-01 12:00"),
        )
    assert (answer.status_before, answer.status) == (S.NEW, S.ANALYSIS)
    assert AuditEntry.objects.filter(action="idea.answered", actor=official, tenant=tenant).exists()
    kinds = dict(Notification.objects.values_list("recipient_id", "kind"))
    # The author hears once, as the author; the official is not told of their own answer.
    assert kinds == {author.pk: "ideas.answered", follower.pk: "ideas.followed_answered"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([author.email, follower.email])
    assert "Przejście przy szkole" in mail.outbox[0].subject


def test_people_who_turned_email_off_get_only_the_in_app_notification(
    tenant: Tenant, django_capture_on_commit_callbacks: Any
) -> None:
    author, official = member(tenant), member(tenant, Role.OFFICIAL)
    EmailPreference.objects.create(user=author, kind="ideas.answered", email=False)
    idea = IdeaFactory(tenant=tenant, author=author)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.answer_idea(
            idea=idea, official=official, status=S.ANALYSIS, message="Analiza.", at=timezone.now()
        )
    assert Notification.objects.filter(recipient=author).count() == 1
    assert mail.outbox == []


def test_a_progress_update_keeps_the_status_but_not_for_new_ideas(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    idea = IdeaFactory(tenant=tenant, status=S.IN_PROGRESS)
    actions.answer_idea(
        idea=idea,
        official=official,
        status=S.IN_PROGRESS,
        message="Połowa prac.",
        at=timezone.now(),
    )
    assert IdeaAnswer.objects.filter(idea=idea, status=S.IN_PROGRESS).count() == 1
    with pytest.raises(exceptions.TransitionNotAllowedError):
        actions.answer_idea(
            idea=IdeaFactory(tenant=tenant),
            official=official,
            status=S.NEW,
            message="Bez zmian.",
            at=timezone.now(),
        )


def test_erasing_an_account_deletes_drafts_and_keeps_published_ideas_anonymous(
    tenant: Tenant,
) -> None:
    from wiec.accounts.actions import delete_account

    author = member(tenant)
    draft = IdeaFactory(tenant=tenant, author=author, status=S.DRAFT)
    published = IdeaFactory(tenant=tenant, author=author)
    supported = IdeaFactory(tenant=tenant)
    actions.support_idea(idea=supported, user=author, at=timezone.now())
    delete_account(user=author, at=timezone.now())
    assert not Idea.objects.filter(pk=draft.pk).exists()
    published.refresh_from_db()
    assert published.author is None
    supported.refresh_from_db()
    assert supported.support_count == 1
    assert Support.objects.get(idea=supported).user is None


def _photo() -> CleanPhoto:
    return clean_photo(io.BytesIO(image_bytes(size=(64, 48))), name="a.jpg", size=None)


def _files_in(root: Any) -> list[Path]:
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


@pytest.mark.django_db(transaction=True)
def test_photo_files_are_written_before_the_idea_is_locked(
    tenant: Tenant, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Storage may be slow (S3): no row lock, and no transaction at all, may wait on it."""
    idea = IdeaFactory(tenant=tenant)
    in_transaction: list[bool] = []
    save = PrivateFileStorage._save

    def spying_save(self: PrivateFileStorage, name: str, content: Any) -> str:
        in_transaction.append(connection.in_atomic_block)
        return save(self, name, content)

    monkeypatch.setattr(PrivateFileStorage, "_save", spying_save)
    stored = actions.add_photos(idea=idea, photos=[_photo()] * 2, at=at("2026-05-01 10:00"))
    assert in_transaction == [False] * 4  # two photos, two files each
    assert [p.position for p in stored] == [0, 1]
    assert len(_files_in(settings.PRIVATE_MEDIA_ROOT)) == 4


def test_photo_files_go_again_when_the_photos_cannot_be_attached(
    tenant: Tenant, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    idea = IdeaFactory(tenant=tenant)

    def failing_save(self: IdeaPhoto, *args: Any, **kwargs: Any) -> None:
        raise IntegrityError("refused")

    monkeypatch.setattr(IdeaPhoto, "save", failing_save)
    with pytest.raises(IntegrityError):
        actions.add_photos(idea=idea, photos=[_photo()], at=at("2026-05-01 10:00"))
    assert _files_in(settings.PRIVATE_MEDIA_ROOT) == []


def test_photos_that_lose_the_race_for_the_last_slots_are_refused_and_removed(
    tenant: Tenant, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count is checked again under the lock: another upload may fill the idea while
    this one is writing its files."""
    idea = IdeaFactory(tenant=tenant)
    save = PrivateFileStorage._save
    raced: list[bool] = []

    def racing_save(self: PrivateFileStorage, name: str, content: Any) -> str:
        if not raced:
            raced.append(True)
            for position in range(MAX_PHOTOS):
                IdeaPhoto.objects.create(
                    tenant=tenant, idea=idea, image="x.jpg", thumbnail="y.jpg", width=1,
                    height=1, position=position, created_at=idea.created_at,
                )  # fmt: skip
        return save(self, name, content)

    monkeypatch.setattr(PrivateFileStorage, "_save", racing_save)
    with pytest.raises(exceptions.TooManyPhotosError):
        actions.add_photos(idea=idea, photos=[_photo()], at=at("2026-05-01 10:00"))
    assert IdeaPhoto.objects.filter(idea=idea).count() == MAX_PHOTOS
    assert _files_in(settings.PRIVATE_MEDIA_ROOT) == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so no race can occur",
)
def test_two_uploads_at_once_never_give_an_idea_more_than_five_photos(
    tenant: Tenant, settings: Any
) -> None:
    idea = IdeaFactory(tenant=tenant)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []
    lock = threading.Lock()

    def upload() -> None:
        try:
            photos = [_photo()] * 3
            barrier.wait()
            actions.add_photos(idea=idea, photos=photos, at=at("2026-05-01 10:00"))
            outcome = "stored"
        except exceptions.TooManyPhotosError:
            outcome = "refused"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "stored"]
    assert IdeaPhoto.objects.filter(idea=idea).count() == 3
    assert len(_files_in(settings.PRIVATE_MEDIA_ROOT)) == 6  # the refused upload's are gone
