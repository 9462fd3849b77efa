"""Pluggable delivery of one-time codes.

`WIEC_CODE_SENDER` (a dotted path, default `wiec.verification.senders.DefaultSender`) names a
class with `send(*, channel, address, code, tenant)`. The default sends e-mail through Django's
mailer (the console in the demo) and writes text messages to the log, which is where a
municipality plugs in its SMS gateway.
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


class DefaultSender:
    def send(self, *, channel: str, address: str, code: str, tenant: Tenant) -> None:
        text = message_text(code=code, tenant=tenant)
        if channel == Channel.EMAIL:
            send_mail(_("Your verification code"), text, None, [address])
        else:
            # The demo's "SMS gateway": the console. Production plugs in a real sender.
            logger.info("SMS to %s: %s", address, text)


def get_sender() -> CodeSender:
    sender: CodeSender = import_string(settings.WIEC_CODE_SENDER)()
    return sender


def send_code(*, channel: str, address: str, code: str, tenant: Tenant, language: str) -> None:
    with translation.override(language):
        get_sender().send(channel=channel, address=address, code=code, tenant=tenant)
