from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "wiec.voting"
    label = "voting"
    verbose_name = _("Voting")

    def ready(self) -> None:
        from wiec.core.modules import register
        from wiec.voting import checks  # noqa: F401 - registers the mix_ballots system check
        from wiec.voting.module import SPEC

        register(SPEC)
