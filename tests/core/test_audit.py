from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import formats, timezone, translation

from tests.factories import DistrictFactory, UserFactory, member
from tests.voting.factories import NOW, make_poll, pesel
from wiec.accounts import actions as account_actions
from wiec.accounts.models import Membership, Role
from wiec.core import audit
from wiec.core.models import AuditEntry
from wiec.core.modules import modules
from wiec.ideas import actions as idea_actions
from wiec.ideas.statuses import IdeaStatus
from wiec.maps import actions as map_actions
from wiec.maps.queries import Location
from wiec.moderation import actions as moderation_actions
from wiec.polls import actions as poll_actions
from wiec.polls import scenarios
from wiec.tenants import actions as tenant_actions
from wiec.tenants.geo import DistrictShape
from wiec.tenants.models import Category, District, Tenant
from wiec.verification import actions as verification_actions
from wiec.verification.exceptions import PeselTakenError
from wiec.verification.models import Verification
from wiec.voting import actions as voting_actions


@pytest.mark.django_db
def test_record_keeps_actor_and_target_labels(tenant: Tenant) -> None:
    actor = UserFactory(email="urzednik@example.org")
    entry = audit.record(
        actor=actor,
        action="tenant.updated",
        tenant=tenant,
        target=tenant,
        at=timezone.now(),
        data={"fields": ["name"]},
    )
    entry.refresh_from_db()
    assert entry.actor_label == "urzednik@example.org"
    assert entry.target_type == "tenants.tenant"
    assert entry.target_label == "Gmina Nadrzecze"
    assert AuditEntry.objects.filter(tenant=tenant).count() == 1


def test_every_step_written_to_the_audit_log_has_a_readable_name() -> None:
    """Officials read the log in their language: every action code a module writes needs a
    registered, translated name (wiec.core.modules.AuditAction)."""
    from pathlib import Path

    import wiec
    from wiec.core.modules import modules
    from wiec.moderation.models import DecisionAction

    written: set[str] = set()
    for path in Path(wiec.__file__).parent.rglob("*.py"):
        text = path.read_text()
        if "audit.record" in text:
            written.update(re.findall(r'action="([a-z_]+\.[a-z_]+)"', text))
    written.update(f"moderation.{action}" for action in DecisionAction.values)
    assert written, "the scan found no audit steps"
    missing = sorted(code for code in written if code not in modules.audit_actions())
    assert not missing


# The shared helper ---------------------------------------------------------------------------


def test_changed_values_keeps_only_what_differs() -> None:
    before = {"title": "Plac", "minimum_age": 0, "is_published": False}
    after = {"title": "Plac", "minimum_age": 16, "is_published": False}
    assert audit.changed_values(before, after) == {"minimum_age": {"from": 0, "to": 16}}
    assert audit.changed_values(before, dict(before)) == {}


def test_the_same_instant_in_another_time_zone_is_no_change() -> None:
    warsaw = datetime(2026, 6, 15, 14, 0, tzinfo=timezone.get_fixed_timezone(120))
    utc = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
    assert audit.changed_values({"starts_at": utc}, {"starts_at": warsaw}) == {}
    later = audit.changed_values({"starts_at": utc}, {"starts_at": warsaw + timedelta(hours=1)})
    assert later == {
        "starts_at": {"from": "2026-06-15T12:00:00+00:00", "to": "2026-06-15T13:00:00+00:00"}
    }


def test_changed_values_compares_only_the_fields_asked_for() -> None:
    before, after = {"a": 1, "b": 1}, {"a": 2, "b": 2}
    assert audit.changed_values(before, after, fields=["b"]) == {"b": {"from": 1, "to": 2}}


# Saves that change nothing write nothing ---------------------------------------------------


@pytest.mark.django_db
def test_saving_a_poll_unchanged_writes_no_entry(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    poll = make_poll(tenant, official=official, starts_at=NOW + timedelta(days=1))
    before = AuditEntry.objects.count()
    poll_actions.update_poll(poll=poll, values=scenarios.form_values(poll), actor=official, at=NOW)
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_moving_a_polls_end_names_only_the_end_in_plain_words(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    poll = make_poll(tenant, official=official, starts_at=NOW + timedelta(days=1))
    old_end = poll.box.ends_at
    new_end = old_end + timedelta(days=3)
    poll_actions.update_poll(
        poll=poll,
        values={**scenarios.form_values(poll), "ends_at": new_end},
        actor=official,
        at=NOW,
    )
    entry = AuditEntry.objects.get(action="ballot_box.changed")
    assert list(entry.data["changes"]) == ["ends_at"]
    assert not AuditEntry.objects.filter(action="poll.changed").exists()  # the poll's own fields
    with translation.override("pl"), timezone.override("Europe/Warsaw"):
        details = audit.present(entry)["details"]
        old = formats.date_format(timezone.localtime(old_end), "DATETIME_FORMAT")
        new = formats.date_format(timezone.localtime(new_end), "DATETIME_FORMAT")
    assert details == f"Koniec głosowania: poprzednio {old}, teraz {new}"


@pytest.mark.django_db
def test_a_changed_poll_title_and_flag_read_as_words(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    poll = make_poll(tenant, official=official, starts_at=NOW + timedelta(days=1))
    values = {**scenarios.form_values(poll), "description": "Nowy opis", "is_published": False}
    poll_actions.update_poll(poll=poll, values=values, actor=official, at=NOW)
    entry = AuditEntry.objects.get(action="poll.changed")
    assert set(entry.data["changes"]) == {"description", "is_published"}
    with translation.override("pl"):
        details = audit.present(entry)["details"]
    assert "Opis: zmieniono" in details
    assert ": poprzednio tak, teraz nie" in details
    assert "is_published" not in details


@pytest.mark.django_db
def test_saving_settings_unchanged_writes_no_entry(tenant: Tenant) -> None:
    admin, phone = member(tenant, Role.ADMIN), tenant.phone
    tenant_actions.update_tenant(tenant=tenant, changes={"phone": "61 1"}, actor=admin, at=NOW)
    tenant_actions.update_tenant(
        tenant=tenant, changes={"phone": "61 1", "name": tenant.name}, actor=admin, at=NOW
    )
    entries = AuditEntry.objects.filter(action="tenant.updated")
    assert [e.data["changes"] for e in entries] == [{"phone": {"from": phone, "to": "61 1"}}]


@pytest.mark.django_db
def test_other_saves_without_a_change_write_no_entry(tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    category = tenant_actions.save_category(
        tenant=tenant, category=None, name="Drogi", description="", position=0, actor=admin, at=NOW
    )
    district = DistrictFactory(tenant=tenant, name="Łęgi")
    idea_actions.save_settings(tenant=tenant, accepting=False, intro="", actor=admin, at=NOW)
    resident = member(tenant)
    membership = Membership.objects.get(user=resident, tenant=tenant)
    before = AuditEntry.objects.count()

    tenant_actions.save_category(
        tenant=tenant,
        category=category,
        name="Drogi",
        description="",
        position=0,
        actor=admin,
        at=NOW,
    )
    tenant_actions.rename_district(district=district, name="Łęgi", actor=admin, at=NOW)
    idea_actions.save_settings(tenant=tenant, accepting=False, intro="", actor=admin, at=NOW)
    verification_actions.update_settings(
        tenant=tenant, changes={"minimum_age": 0}, actor=admin, at=NOW
    )
    account_actions.set_role(membership=membership, role=Role.RESIDENT, actor=admin, at=NOW)
    assert AuditEntry.objects.count() == before


@pytest.mark.django_db
def test_a_question_or_a_box_saved_unchanged_writes_no_entry(tenant: Tenant) -> None:
    official = member(tenant, Role.OFFICIAL)
    poll = make_poll(tenant, official=official, starts_at=NOW + timedelta(days=1))
    question = poll.questions.order_by("position").first()
    assert question is not None
    options = list(question.options.order_by("position").values_list("text", flat=True))
    before = AuditEntry.objects.count()
    poll_actions.save_question(
        poll=poll,
        question=question,
        text=question.text,
        kind=question.kind,
        max_choices=question.max_choices,
        options=options,
        actor=official,
        at=NOW,
    )
    voting_actions.update_box(
        box=poll.box,
        changes={"title": poll.box.title, "starts_at": poll.box.starts_at, "districts": []},
        actor=official,
        at=NOW,
    )
    assert AuditEntry.objects.count() == before
    poll_actions.save_question(
        poll=poll,
        question=question,
        text=question.text,
        kind=question.kind,
        max_choices=question.max_choices,
        options=[*options, "las"],
        actor=official,
        at=NOW,
    )
    assert AuditEntry.objects.count() == before + 1


@pytest.mark.django_db
def test_ideas_settings_name_only_the_setting_that_changed(tenant: Tenant) -> None:
    admin = member(tenant, Role.ADMIN)
    idea_actions.save_settings(
        tenant=tenant, accepting=True, intro="", supporters_verified=True, actor=admin, at=NOW
    )
    entry = AuditEntry.objects.get(action="ideas.settings_saved")
    assert entry.data["changes"] == {"supporters_verified": {"from": False, "to": True}}
    with translation.override("pl"):
        assert audit.present(entry)["details"] == (
            "Tylko zweryfikowani mieszkańcy mogą popierać pomysły: poprzednio nie, teraz tak"
        )


# Every registered step, written by the real actions, read on the log page ------------------


def _square(lon: float) -> dict[str, Any]:
    from tests.factories import square

    return square(lon, 52.1)


def _drive_every_audited_action(tenant: Tenant, client: Client) -> None:
    """Each step the log knows, done the way the site does it (actions, and the admin pages
    for the admin's steps), with values of every kind: dates, choices, booleans, counts."""
    admin = member(tenant, Role.ADMIN)
    official = member(tenant, Role.OFFICIAL)
    moderator = member(tenant, Role.MODERATOR)
    at = NOW - timedelta(days=30)

    created = tenant_actions.create_tenant(
        slug="nowa", name="Gmina Nowa", office_name="UG Nowa", kind="gmina_wiejska", hosts=[],
        at=at, map_center_lat=52.1, map_center_lon=16.7, map_south=52.0, map_west=16.5,
        map_north=52.3, map_east=17.0,
    )  # fmt: skip
    audit.record(actor=admin, action="tenant.created", tenant=tenant, target=created, at=at)
    tenant_actions.update_tenant(
        tenant=tenant,
        changes={"phone": "61 222 33 44", "kind": "gmina_miejska", "require_staff_mfa": True},
        actor=admin,
        at=at,
    )
    tenant_actions.update_tenant(  # back off, so that the admin below needs no second factor
        tenant=tenant, changes={"require_staff_mfa": False}, actor=admin, at=at
    )
    tenant_actions.import_districts(
        tenant=tenant,
        shapes=[DistrictShape("Łęgi", _square(16.6)), DistrictShape("Dębina", _square(16.7))],
        replace=True,
        actor=admin,
        at=at,
    )
    legi, debina = District.objects.filter(tenant=tenant).order_by("position")
    tenant_actions.rename_district(district=debina, name="Dębina Górna", actor=admin, at=at)
    category = tenant_actions.save_category(
        tenant=tenant, category=None, name="Drogi", description="", position=0, actor=admin, at=at
    )
    tenant_actions.save_category(
        tenant=tenant, category=category, name="Drogi i chodniki", description="Dziury",
        position=2, actor=admin, at=at,
    )  # fmt: skip
    statement = {
        "published_on": date(2026, 1, 15),
        "updated_on": date(2026, 2, 1),
        "prepared_on": date(2026, 3, 20),
        "reviewed_on": date(2026, 3, 20),
        "status": "partial",
        "assessment_method": "self",
        "contact_person": "Anna Nowak",
        "contact_email": "a11y@example.org",
        "contact_phone": "61 1",
    }
    tenant_actions.save_accessibility_statement(tenant=tenant, values=statement, actor=admin, at=at)
    tenant_actions.save_accessibility_statement(
        tenant=tenant, values={**statement, "reviewed_on": date(2026, 11, 2)}, actor=admin, at=at
    )
    scrap = tenant_actions.save_category(
        tenant=tenant, category=None, name="Inne", description="", position=9, actor=admin, at=at
    )
    tenant_actions.delete_category(category=scrap, actor=admin, at=at)
    doomed = DistrictFactory(tenant=tenant, name="Do usunięcia")
    tenant_actions.delete_district(district=doomed, actor=admin, at=at)

    map_actions.import_places(
        tenant=tenant,
        rows=[map_actions.PlaceRow("ul. Szkolna", 52.105, 16.605)],
        replace=True,
        actor=admin,
        at=at,
    )

    resident = member(tenant)
    membership = Membership.objects.get(user=resident, tenant=tenant)
    account_actions.set_role(membership=membership, role=Role.MODERATOR, actor=admin, at=at)
    account_actions.set_role(membership=membership, role=Role.RESIDENT, actor=admin, at=at)

    verification_actions.update_settings(
        tenant=tenant,
        changes={"in_person_enabled": True, "minimum_age": 16, "code_channel": "sms"},
        actor=admin,
        at=at,
    )
    person = member(tenant)
    verification_actions.verify_in_person(
        tenant=tenant, official=official, user=person, pesel=pesel(serial=7), district=legi, at=at
    )
    other = member(tenant)
    try:
        verification_actions.submit_declaration(
            tenant=tenant, user=other, pesel=pesel(serial=7), district=None, at=at
        )
    except PeselTakenError as taken:
        verification_actions.report_pesel_taken(tenant=tenant, user=other, taken=taken, at=at)
    verification_actions.revoke_verification(
        verification=Verification.objects.get(user=person), actor=official, at=at
    )
    verification_actions.import_register(
        tenant=tenant,
        pesels=[pesel(serial=n).number for n in (11, 12, 13)],
        replace=True,
        actor=admin,
        at=at,
    )
    verification_actions.clear_register(tenant=tenant, actor=admin, at=at)
    verification_actions.submit_declaration(
        tenant=tenant, user=member(tenant), pesel=pesel(serial=21), district=None, at=at
    )
    verification_actions.update_settings(
        tenant=tenant, changes={"retention_days": 1}, actor=admin, at=at
    )
    verification_actions.purge_expired(at=at + timedelta(days=2))

    author = member(tenant)
    idea = idea_actions.create_idea(
        tenant=tenant, author=author, title="Ławki w parku", description="Więcej ławek.",
        category=category, location=Location(52.105, 16.605, "ul. Szkolna", legi),
        district=legi, at=at,
    )  # fmt: skip
    idea_actions.publish_idea(idea=idea, at=at)
    idea_actions.answer_idea(
        idea=idea, official=official, status=IdeaStatus.ACCEPTED, message="Zrobimy.", at=at
    )
    idea_actions.save_settings(tenant=tenant, accepting=False, intro="Zgłaszaj", actor=admin, at=at)
    moderation_actions.hide_content(obj=idea, moderator=moderator, reason="Reklama", at=at)
    moderation_actions.restore_content(obj=idea, moderator=moderator, reason="Pomyłka", at=at)
    moderation_actions.dismiss_reports(obj=idea, moderator=moderator, reason="W porządku", at=at)
    block = moderation_actions.block_user(
        tenant=tenant, user=author, moderator=moderator, reason="Spam", at=at
    )
    moderation_actions.lift_block(block=block, moderator=moderator, at=at)

    poll = make_poll(
        tenant,
        official=official,
        starts_at=NOW - timedelta(days=3),
        ends_at=NOW + timedelta(days=3),
    )  # creates the box and the poll, saves its questions and publishes it
    poll_actions.update_poll(
        poll=poll,
        values={
            **scenarios.form_values(poll),
            "ends_at": NOW + timedelta(days=5),
            "title": "Plac zabaw",
        },
        actor=official,
        at=NOW,
    )
    draft = make_poll(tenant, official=official, starts_at=NOW + timedelta(days=3), published=False)
    question = draft.questions.order_by("position").first()
    assert question is not None
    poll_actions.delete_question(poll=draft, question=question, actor=official, at=NOW)
    poll_actions.update_poll(
        poll=draft,
        values={**scenarios.form_values(draft), "minimum_age": 16, "districts": [legi, debina],
                "eligibility": "districts", "results_visibility": "live"},
        actor=official,
        at=NOW,
    )  # fmt: skip
    poll_actions.enter_paper_ballot(
        poll=poll,
        pesel=pesel(serial=31),
        district=None,
        choices={
            str(q.pk): [q.options.order_by("position").first().pk]  # type: ignore[union-attr]
            for q in poll.questions.order_by("position")
        },
        official=official,
        at=NOW,
    )
    voting_actions.close_box(box=poll.box, actor=official, at=poll.box.ends_at + timedelta(days=1))

    operator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(operator)
    page = client.get(f"/admin/tenants/category/{category.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["name"] = "Drogi gminne"
    assert client.post(f"/admin/tenants/category/{category.pk}/change/", data).status_code == 302
    extra = Category.objects.create(tenant=tenant, name="Zbędna", slug="zbedna")
    response = client.post(f"/admin/tenants/category/{extra.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    client.logout()

    leaving = member(tenant)
    account_actions.delete_account(user=leaving, at=at)
    audit.record(  # the account's own entry has no municipality: shown here as an example
        actor=None, action="account.deleted", tenant=tenant, at=at,
        data={"account": f"deleted-account-{leaving.pk}"},
    )  # fmt: skip


# Program text an official must never see: a key, a list, a dict, a code with underscores.
RAW = re.compile(r"[\[\]{}]|'\w+':|\b[a-z]+_[a-z_]+\b|\bTrue\b|\bFalse\b|\bNone\b")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["pl", "en", "uk"])
def test_every_registered_step_reads_as_plain_words_on_the_log_page(
    tenant: Tenant, client: Client, language: str
) -> None:
    _drive_every_audited_action(tenant, client)
    entries = list(AuditEntry.objects.filter(tenant=tenant))
    written = {entry.action for entry in entries}
    assert written == set(modules.audit_actions()), sorted(
        set(modules.audit_actions()) ^ written
    )  # every registered step was really written once at least, and nothing unregistered

    with translation.override(language), timezone.override("Europe/Warsaw"):
        for entry in entries:
            row = audit.present(entry)
            assert str(row["label"]) != entry.action
            assert not RAW.search(row["details"]), (entry.action, row["details"])
            if entry.data and entry.action not in SILENT:
                assert row["details"], (entry.action, entry.data)

    client.force_login(member(tenant, Role.ADMIN))
    client.cookies["django_language"] = language
    pages = []
    for number in (1, 2):
        response = client.get(f"/panel/dziennik/?page={number}")
        assert response.status_code == 200
        pages.append(response.content.decode())
    cells = re.findall(r"<td>(.*?)</td>", "".join(pages), flags=re.S)
    assert cells
    for cell in cells:
        text = re.sub(r"<[^>]+>", " ", cell)  # what a person reads, not the markup around it
        assert not RAW.search(text.replace("&quot;", "")), cell


# Steps whose data are kept for the record only (who, never what): no detail to read.
SILENT = {"account.deleted", "ballot_box.paper_ballot_entered"}


@pytest.mark.django_db
def test_entries_of_the_old_shapes_still_render(tenant: Tenant, client: Client) -> None:
    """Entries written before changes were compared keep their data as they were."""
    box = make_poll(tenant).box
    old = [
        ("ballot_box.changed", box, {"fields": ["starts_at", "districts"]}),
        ("poll.changed", tenant, {}),
        ("tenant.updated", tenant, {"fields": ["phone", "logo"]}),
        ("verification.settings_changed", tenant, {"fields": ["minimum_age"]}),
        ("ideas.settings_saved", tenant, {"accepting": True, "supporters_verified": False}),
        ("places.imported", tenant, {"created": 18, "updated": 0, "deleted": 0}),
        ("districts.imported", tenant, {"created": 2, "updated": 5, "deleted": 1}),
        ("verification.register_imported", tenant, {"entries": 3, "replace": False, "total": 5}),
        ("verification.purged", tenant, {"verifications": 1, "retention_days": 365}),
        ("admin.changed", tenant, {"model": "tenants.tenant", "fields": [], "created": True}),
        ("tenant.updated", tenant, {"changes": "not a dict", "fields": 3}),
        ("no.such_step", tenant, {"x": 1}),
    ]
    for action, target, data in old:
        audit.record(actor=None, action=action, tenant=tenant, target=target, at=NOW, data=data)
    client.force_login(member(tenant, Role.ADMIN))
    html = client.get("/panel/dziennik/").content.decode()
    assert "Zmienione pola: początek głosowania, tylko mieszkańcy tych obszarów" in html
    assert "Tylko zweryfikowani mieszkańcy mogą popierać pomysły: nie" in html
    assert "dodano 18 miejsc" in html
    assert "dodano 2 obszary, zmieniono 5 obszarów, usunięto 1 obszar" in html
    assert "wczytano 3 numery PESEL; rejestr liczy 5 osób" in html
    assert "1 weryfikacja starsza niż 365 dni" in html
    assert "Zmienione pola: telefon, logo" in html
