"""Proof of secrecy: nothing in the models, the database schema, the admin or the exports can
join a Ballot to a person – no foreign key, no timestamp, no ordered id, no field that carries
one. Each check fails if someone adds such a thing later."""

from __future__ import annotations

import csv
import io

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection, models

from tests.conftest import client_for
from tests.factories import member
from tests.voting.factories import NOW, ballot, make_poll, pesel
from wiec.accounts.models import Role
from wiec.polls import actions
from wiec.tenants.models import Tenant
from wiec.voting.models import Ballot, BallotBox, Participation

ORDERED_FIELDS = (
    models.AutoField,
    models.BigAutoField,
    models.SmallAutoField,
    models.DateField,  # DateTimeField is a subclass
    models.TimeField,
    models.DurationField,
)


def concrete_fields(model: type[models.Model]) -> dict[str, models.Field]:  # type: ignore[type-arg]
    return {f.name: f for f in model._meta.concrete_fields}


@pytest.mark.parametrize("model", [Ballot, Participation])
def test_no_timestamp_no_sequence_no_ordering(model: type[models.Model]) -> None:
    for field in concrete_fields(model).values():
        assert not isinstance(field, ORDERED_FIELDS), f"{model.__name__}.{field.name}"
    assert isinstance(model._meta.pk, models.UUIDField)
    assert model._meta.pk.default is not models.NOT_PROVIDED
    assert not model._meta.ordering
    assert not model._meta.get_latest_by


def test_a_ballot_points_only_to_its_box() -> None:
    fields = concrete_fields(Ballot)
    assert set(fields) == {"id", "box", "choices", "receipt_digest"}
    relations = [f for f in fields.values() if f.is_relation]
    assert [(f.name, f.related_model) for f in relations] == [("box", BallotBox)]
    assert not Ballot._meta.many_to_many


def test_participation_holds_keyed_hashes_not_accounts() -> None:
    fields = concrete_fields(Participation)
    assert set(fields) == {"id", "box", "person_key", "account_key", "channel"}
    assert [f.related_model for f in fields.values() if f.is_relation] == [BallotBox]


def test_nothing_points_at_a_ballot_or_a_participation() -> None:
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and not field.auto_created:
                assert field.related_model not in {Ballot, Participation}, (
                    f"{model.__name__}.{field.name}"
                )


def test_the_box_does_not_know_its_voters() -> None:
    assert not any(
        f.is_relation and f.related_model is apps.get_model("accounts", "User")
        for f in BallotBox._meta.get_fields()
    )


@pytest.mark.django_db
def test_database_schema_of_the_ballot_table() -> None:
    table = Ballot._meta.db_table
    with connection.cursor() as cursor:
        columns = {c.name: c for c in connection.introspection.get_table_description(cursor, table)}
        constraints = connection.introspection.get_constraints(cursor, table)
        assert set(columns) == {"id", "box_id", "choices", "receipt_digest"}
        for name, constraint in constraints.items():
            if constraint["foreign_key"]:
                assert constraint["foreign_key"][0] == BallotBox._meta.db_table, name
            assert set(constraint["columns"] or []) <= set(columns), name
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT column_name, column_default, is_identity, data_type "
                "FROM information_schema.columns WHERE table_name = %s",
                [table],
            )
            types = {}
            for name, default, identity, data_type in cursor.fetchall():
                assert default is None, f"{name} has a database default: {default}"
                assert identity == "NO", name
                types[name] = data_type
            assert types == {
                "id": "uuid",
                "box_id": "bigint",
                "choices": "jsonb",
                "receipt_digest": "character varying",
            }
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [table],
            )
            assert cursor.fetchall() == []
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [table])
            for (definition,) in cursor.fetchall():
                assert (
                    "(id)" in definition or "box_id" in definition or "receipt_digest" in definition
                )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table]
            )
            assert cursor.fetchall() == []
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
            ddl = cursor.fetchone()[0].lower()
            assert "autoincrement" not in ddl
            assert "default" not in ddl


def test_ballots_are_not_browsable_in_the_admin() -> None:
    assert Ballot not in admin.site._registry
    assert Participation not in admin.site._registry


@pytest.mark.django_db
def test_the_ballot_export_is_sorted_by_random_id_and_carries_no_time(tenant: Tenant) -> None:
    poll = make_poll(tenant)
    official = member(tenant, Role.OFFICIAL)
    for serial in range(12):
        actions.enter_paper_ballot(
            poll=poll,
            pesel=pesel(serial=serial),
            district=None,
            choices=ballot(poll, first=serial % 3),
            official=official,
            at=NOW,
        )
    actions.close_poll(poll=poll, actor=official, at=NOW)
    response = client_for(tenant).get(f"/sondy/{poll.pk}/karty.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Karta", "Pytanie", "Odpowiedź"]
    ids = [row[0] for row in rows[1:]]
    assert ids == sorted(ids)
    assert len(set(ids)) == 12
    text = response.content.decode()
    assert str(NOW.year) not in text
    for row in rows[1:]:
        assert len(row) == 3


@pytest.mark.django_db
def test_personal_data_export_says_nothing_about_ballots(tenant: Tenant) -> None:
    from wiec.accounts.queries import personal_data

    user = member(tenant)
    data = personal_data(user=user, at=NOW)
    assert not {"voting", "ballots", "polls"} & set(data)
