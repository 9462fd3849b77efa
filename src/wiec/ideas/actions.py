"""Every write to ideas: drafts, publishing, photos, supports and the office's answers."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.text import get_valid_filename

from wiec.accounts.actors import Capability, roles_with
from wiec.core import audit
from wiec.discussion.actions import create_thread
from wiec.discussion.queries import follower_ids
from wiec.ideas.exceptions import (
    JustificationMissingError,
    TooManyPhotosError,
    TransitionNotAllowedError,
)
from wiec.ideas.models import Idea, IdeaAnswer, IdeaPhoto, IdeaSettings, Support
from wiec.ideas.search import search_text
from wiec.ideas.statuses import MIN_JUSTIFICATION, IdeaStatus, allowed_next
from wiec.ideas.uploads import MAX_PHOTOS, CleanPhoto
from wiec.moderation.queries import staff_to_tell
from wiec.notifications.actions import notify

if TYPE_CHECKING:
    from django.core.files.storage import Storage
    from django.db.models.fields.files import FieldFile

    from wiec.accounts.models import User
    from wiec.maps.queries import Location
    from wiec.tenants.models import Category, District, Tenant

ANSWERED_NOTIFICATION = "ideas.answered"
FOLLOWED_ANSWERED_NOTIFICATION = "ideas.followed_answered"
NEW_IDEA_NOTIFICATION = "ideas.new"
# Who hears of a new idea: those who answer in the office's name (`can_answer_ideas`).
# Moderators hear of an idea once someone reports it.
NEW_IDEA_READERS = roles_with(Capability.SPEAK_FOR_OFFICE)


def _write(
    idea: Idea,
    *,
    title: str,
    description: str,
    category: Category | None,
    location: Location,
    district: District | None,
    at: datetime,
) -> Idea:
    """Set what the author wrote and where, and save. The person's district wins over the
    district of the point (they may know better near a border)."""
    idea.title, idea.description, idea.category = title, description, category
    idea.lat, idea.lon, idea.address = location.lat, location.lon, location.address
    idea.district = district or location.district
    idea.search_text = search_text(title, description, location.address)
    idea.updated_at = at
    idea.save()
    return idea


def create_idea(
    *,
    tenant: Tenant,
    author: User,
    title: str,
    description: str,
    category: Category | None,
    location: Location,
    district: District | None,
    at: datetime,
) -> Idea:
    """Save a draft (only its author sees it). Caller has checked `can_submit_idea`."""
    with transaction.atomic():
        thread = create_thread(tenant=tenant, owner_model=Idea, at=at)
        idea = Idea(tenant=tenant, author=author, thread=thread, created_at=at)
        return _write(
            idea,
            title=title,
            description=description,
            category=category,
            location=location,
            district=district,
            at=at,
        )


def update_idea(
    *,
    idea: Idea,
    title: str,
    description: str,
    category: Category | None,
    location: Location,
    district: District | None,
    at: datetime,
) -> Idea:
    """Change the text and place. Caller has checked `can_edit_idea` (before any answer)."""
    return _write(
        idea,
        title=title,
        description=description,
        category=category,
        location=location,
        district=district,
        at=at,
    )


def publish_idea(*, idea: Idea, at: datetime) -> Idea:
    """A draft becomes a new idea, public and waiting for the office's answer.

    Caller has checked `can_publish_idea`. The municipality's officials are told after commit
    (publishing twice tells them once).
    """
    with transaction.atomic():
        updated = Idea.objects.filter(pk=idea.pk, status=IdeaStatus.DRAFT).update(
            status=IdeaStatus.NEW, published_at=at, updated_at=at
        )
        if updated:
            idea.status, idea.published_at, idea.updated_at = IdeaStatus.NEW, at, at
            notify(
                tenant=idea.tenant,
                recipient_ids=staff_to_tell(
                    tenant=idea.tenant, roles=NEW_IDEA_READERS, leave_out=idea.author_id
                ),
                kind=NEW_IDEA_NOTIFICATION,
                data={"title": idea.title},
                url=reverse("ideas_staff:answer_idea", args=[idea.pk]),
                at=at,
            )
    return idea


def _stored(fields: list[FieldFile]) -> list[tuple[Storage, str]]:
    """Where each file is now, by name: a FieldFile is renamed in place by a later .save(),
    so what is to be deleted after the commit must be taken down before."""
    return [(field.storage, field.name) for field in fields if field and field.name]


def _delete_files(files: list[tuple[Storage, str]]) -> None:
    for storage, name in files:
        storage.delete(name)


def delete_draft(*, idea: Idea) -> None:
    """Remove a draft with its photos and files. Caller has checked `can_delete_idea`."""
    fields = [idea.attachment]
    for photo in IdeaPhoto.objects.filter(idea=idea):
        fields += [photo.image, photo.thumbnail]
    files = _stored(fields)
    with transaction.atomic():
        thread = idea.thread
        idea.delete()
        thread.delete()
    transaction.on_commit(lambda: _delete_files(files))


def add_photos(*, idea: Idea, photos: list[CleanPhoto], at: datetime) -> list[IdeaPhoto]:
    """Store cleaned photos; an idea holds at most MAX_PHOTOS (checked under a lock).

    The files are written first, before any transaction of ours begins, so that no row lock
    waits on storage (a disk or S3); then the idea is locked, the count checked again and the
    rows attached. If that fails (TooManyPhotosError when another upload took the last slots,
    or a database error), the files just written are deleted before the error goes on.
    """
    if IdeaPhoto.objects.filter(idea=idea).count() + len(photos) > MAX_PHOTOS:
        raise TooManyPhotosError
    items: list[IdeaPhoto] = []
    try:
        for photo in photos:
            item = IdeaPhoto(
                tenant_id=idea.tenant_id,
                idea=idea,
                width=photo.width,
                height=photo.height,
                created_at=at,
            )
            items.append(item)
            item.image.save("photo.jpg", ContentFile(photo.image), save=False)
            item.thumbnail.save("thumbnail.jpg", ContentFile(photo.thumbnail), save=False)
        with transaction.atomic():
            Idea.objects.select_for_update(no_key=True).filter(pk=idea.pk).first()
            present = IdeaPhoto.objects.filter(idea=idea).count()
            if present + len(items) > MAX_PHOTOS:
                raise TooManyPhotosError
            for offset, item in enumerate(items):
                item.position = present + offset
                item.save()
            Idea.objects.filter(pk=idea.pk).update(updated_at=at)
    except BaseException:
        _delete_files(_stored([field for item in items for field in (item.image, item.thumbnail)]))
        raise
    return items


def describe_photo(*, photo: IdeaPhoto, description: str, at: datetime) -> IdeaPhoto:
    """Say what the photo shows: its text alternative for screen readers."""
    with transaction.atomic():
        IdeaPhoto.objects.filter(pk=photo.pk).update(description=description)
        Idea.objects.filter(pk=photo.idea_id).update(updated_at=at)
    photo.description = description
    return photo


def remove_photo(*, photo: IdeaPhoto, at: datetime) -> None:
    files = _stored([photo.image, photo.thumbnail])
    with transaction.atomic():
        photo.delete()
        Idea.objects.filter(pk=photo.idea_id).update(updated_at=at)
    transaction.on_commit(lambda: _delete_files(files))


def set_attachment(*, idea: Idea, upload: UploadedFile[bytes], at: datetime) -> Idea:
    """Attach a checked PDF, replacing the previous one."""
    old = _stored([idea.attachment])  # by name: .save() below renames the same FieldFile
    idea.attachment.save("attachment.pdf", upload, save=False)
    idea.attachment_title = get_valid_filename(upload.name or "attachment.pdf")[:200]
    idea.updated_at = at
    idea.save(update_fields=["attachment", "attachment_title", "updated_at"])
    if old:
        transaction.on_commit(lambda: _delete_files(old))
    return idea


def remove_attachment(*, idea: Idea, at: datetime) -> Idea:
    old = _stored([idea.attachment])
    Idea.objects.filter(pk=idea.pk).update(attachment="", attachment_title="", updated_at=at)
    idea.attachment, idea.attachment_title, idea.updated_at = "", "", at
    transaction.on_commit(lambda: _delete_files(old))
    return idea


def support_idea(*, idea: Idea, user: User, at: datetime) -> bool:
    """Add the person's support; a second one changes nothing. Returns whether it was new.

    Caller has checked `can_support_idea`. The unique constraint settles concurrent clicks.
    """
    try:
        with transaction.atomic():
            Support.objects.create(tenant_id=idea.tenant_id, idea=idea, user=user, created_at=at)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    idea.support_count += 1
    return True


def withdraw_support(*, idea: Idea, user: User) -> bool:
    """Take the person's support back; without one, nothing happens."""
    with transaction.atomic():
        deleted, _ = Support.objects.filter(idea=idea, user=user).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") - 1)
    if deleted:
        idea.support_count -= 1
    return bool(deleted)


def answer_idea(
    *, idea: Idea, official: User, status: str, message: str, at: datetime
) -> IdeaAnswer:
    """Record the office's public answer and move the idea to `status`.

    Caller has checked `can_answer_idea`. The move must be in the status table; a rejection
    needs a justification. Locks the idea so two officials cannot answer from the same state.
    The author and the followers are told after commit.
    """
    with transaction.atomic():
        locked = Idea.objects.select_for_update(no_key=True).get(pk=idea.pk)
        if IdeaStatus(status) not in allowed_next(locked.status):
            raise TransitionNotAllowedError
        if status == IdeaStatus.REJECTED and len(message.strip()) < MIN_JUSTIFICATION:
            raise JustificationMissingError
        answer = IdeaAnswer.objects.create(
            tenant_id=locked.tenant_id,
            idea=locked,
            author=official,
            status_before=locked.status,
            status=status,
            message=message,
            created_at=at,
        )
        Idea.objects.filter(pk=locked.pk).update(status=status, updated_at=at)
        audit.record(
            actor=official,
            action="idea.answered",
            tenant=idea.tenant,
            target=locked,
            at=at,
            data={"from": locked.status, "to": status},
        )
        data = {"title": locked.title, "status": status}
        url = locked.get_absolute_url() + "#answers"
        if locked.author_id not in (None, official.pk):
            notify(
                tenant=idea.tenant,
                recipient_ids=[locked.author_id],
                kind=ANSWERED_NOTIFICATION,
                data=data,
                url=url,
                at=at,
            )
        notify(
            tenant=idea.tenant,
            recipient_ids=[
                pk
                for pk in follower_ids(thread=locked.thread)
                if pk not in (locked.author_id, official.pk)
            ],
            kind=FOLLOWED_ANSWERED_NOTIFICATION,
            data=data,
            url=url,
            at=at,
        )
    idea.status, idea.updated_at = status, at
    return answer


def save_settings(
    *,
    tenant: Tenant,
    accepting: bool,
    intro: str,
    actor: User,
    at: datetime,
    supporters_verified: bool | None = None,
) -> IdeaSettings:
    """Save the module's settings; `supporters_verified` None keeps what is stored.

    Audit-logged with the settings that really change (against the defaults when nothing
    was stored yet); saving them unchanged writes nothing.
    """
    values: dict[str, Any] = {"accepting": accepting, "intro": intro}
    if supporters_verified is not None:
        values["supporters_verified"] = supporters_verified
    with transaction.atomic():
        settings = IdeaSettings.objects.select_for_update(no_key=True).filter(tenant=tenant).first()
        current = settings or IdeaSettings(tenant=tenant)
        changed = audit.changed_values(audit.values_of(current, values), values)
        if not changed and settings is not None:
            return settings
        for name, value in values.items():
            setattr(current, name, value)
        if settings is None:
            current.save()
        else:
            current.save(update_fields=list(changed))
        audit.record_changes(
            actor=actor,
            action="ideas.settings_saved",
            tenant=tenant,
            target=current,
            at=at,
            changes=changed,
        )
    return current


def erase_drafts(user: User, at: datetime) -> None:
    """Account deletion: unpublished drafts go; published ideas stay, without the author."""
    for idea in Idea.objects.filter(author=user, status=IdeaStatus.DRAFT).select_related("thread"):
        delete_draft(idea=idea)
