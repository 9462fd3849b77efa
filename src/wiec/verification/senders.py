"""Pluggable delivery of one-time codes.

`WIEC_CODE_SENDER` (a dotted path, default `wiec.verification.senders.DefaultSender`) names a
class with `send(*, channel, address, code, tenant)`. The default sends e-mail through Django's
mailer and has no SMS gateway: a municipality plugs one in (e.g. by overriding `send_text`).
It never logs a code; the demo's `LogSender` (the default with DEBUG on) writes text messages,
codes included, to the log.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Protocol

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from wiec.verification.models import Channel

if TYPE_CHECKING:
    from wiec.tenants.models import Tenant

logger = logging.getLogger(__name__)


class CodeSender(Protocol):
    def send(self, *, channel: str, address: str, code: str, tenant: Tenant) -> None: ...


def message_text(*, code: str, tenant: Tenant) -> str:
    return _("Your verification code for %(site)s is %(code)s. It is valid for 15 minutes.") % {
        "site": tenant.name,
        "code": code,
    }


def masked(address: str) -> str:
    """Enough of a phone number to tell which one, not enough to be the number."""
    return "…" + address[-3:] if len(address) > 3 else "…"


class DefaultSender:
    """E-mails codes; has no SMS gateway, and never writes a code to the log (a log is read by
    more people, and kept longer, than a code may be)."""

    def send(self, *, channel: str, address: str, code: str, tenant: Tenant) -> None:
        text = message_text(code=code, tenant=tenant)
        if channel == Channel.EMAIL:
            send_mail(_("Your verification code"), text, None, [address])
        else:
            self.send_text(address=address, text=text)

    def send_text(self, *, address: str, text: str) -> None:
        logger.warning(
            "A text message with a verification code for %s was not sent: no SMS gateway is "
            "configured (set WIEC_CODE_SENDER to a sender that has one).",
            masked(address),
        )


class LogSender(DefaultSender):
    """The demo's "SMS gateway" (the default with DEBUG on): text messages, codes included, go
    to the log. Never for production."""

    def send_text(self, *, address: str, text: str) -> None:
        logger.info("SMS to %s: %s", address, text)


def get_sender() -> CodeSender:
    sender: CodeSender = import_string(settings.WIEC_CODE_SENDER)()
    return sender


def send_code(*, channel: str, address: str, code: str, tenant: Tenant, language: str) -> None:
    with translation.override(language):
        get_sender().send(channel=channel, address=address, code=code, tenant=tenant)
