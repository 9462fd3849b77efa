from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wiec.core.models import TenantOwned


class Place(TenantOwned):
    """A named place of the municipality (a street, a square, a school) with a point.

    The offline gazetteer: people who do not use the map type a place's name and get its point.
    Officials import the list (e.g. from the municipality's street register, TERYT ULIC).
    """

    name = models.CharField(_("name"), max_length=150)
    # fold()ed name without "ul."/"plac" and the like: what look-ups compare against.
    search_name = models.CharField(max_length=150, editable=False)
    lat = models.FloatField(
        _("latitude"), validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    lon = models.FloatField(
        _("longitude"), validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["tenant", "name"], name="place_unique_name"),
        ]
        indexes = [models.Index(fields=["tenant", "search_name"], name="place_search")]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return self.name
