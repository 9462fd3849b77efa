"""The default code sender never writes a code to the log; the demo's log sender does."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.factories import TenantFactory
from wiec.verification.senders import DefaultSender, LogSender

pytestmark = pytest.mark.django_db

CODE = "482913"


def test_the_default_sender_never_logs_a_text_message_code(caplog: Any) -> None:
    tenant = TenantFactory()
    with caplog.at_level(logging.DEBUG):
        DefaultSender().send(channel="sms", address="+48600100200", code=CODE, tenant=tenant)
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert CODE not in logged
    assert "+48600100200" not in logged
    assert "not sent" in logged  # the operator learns that no gateway is configured


def test_the_default_sender_e_mails_codes_without_logging_them(
    caplog: Any, mailoutbox: list[Any]
) -> None:
    tenant = TenantFactory()
    with caplog.at_level(logging.DEBUG):
        DefaultSender().send(channel="email", address="a@example.pl", code=CODE, tenant=tenant)
    assert CODE in mailoutbox[0].body
    assert CODE not in " ".join(record.getMessage() for record in caplog.records)


def test_the_demo_sender_writes_text_messages_to_the_log(caplog: Any) -> None:
    tenant = TenantFactory()
    with caplog.at_level(logging.INFO):
        LogSender().send(channel="sms", address="+48600100200", code=CODE, tenant=tenant)
    assert CODE in " ".join(record.getMessage() for record in caplog.records)
