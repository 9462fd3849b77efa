from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "wiec.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from wiec.core.module import SPEC
        from wiec.core.modules import register

        register(SPEC)
        post_migrate.connect(create_cache_table, sender=self)


def create_cache_table(using: str = "default", **kwargs: Any) -> None:
    """`migrate` also creates the database cache's table (WIEC_DATABASE_CACHE); a no-op for
    other caches, and for a table that exists."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)
