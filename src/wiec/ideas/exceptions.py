"""Why a step on an idea was refused; views turn each into a message for the person."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

if TYPE_CHECKING:
    from wiec.ideas.models import Idea


class IdeasError(Exception):
    """Base of every refusal in this app."""


class TooManyPhotosError(IdeasError):
    pass


class TransitionNotAllowedError(IdeasError):
    pass


class JustificationMissingError(IdeasError):
    pass


class UploadError(IdeasError):
    """The file is refused; the message names it and says why, for the person."""


class IdeaHiddenError(IdeasError, Http404):
    """A hidden idea: a 404 like any missing page, whose page says why it was hidden."""

    def __init__(self, idea: Idea) -> None:
        super().__init__()
        self.idea = idea
