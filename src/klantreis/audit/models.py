"""Who saw which client's data, when, and why (issue: roles and isolation). One row per read
of a client's record in the portal or the API; a list read is one row with the count."""

from django.conf import settings
from django.db import models


class Via(models.TextChoices):
    PORTAAL = "portaal", "Portaal"
    API = "api", "API"


class Inzage(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inzagen"
    )
    op = models.DateTimeField(auto_now_add=True, db_index=True)
    model = models.CharField(max_length=64, help_text="Soort gegevens, bijvoorbeeld traject.")
    object_pk = models.CharField(
        "object-id", max_length=64, blank=True, help_text="Leeg bij een lijst."
    )
    client_bsn = models.CharField("BSN cliënt", max_length=9, blank=True, db_index=True)
    aantal = models.PositiveIntegerField(
        null=True, blank=True, help_text="Bij een lijst: het aantal getoonde records."
    )
    via = models.CharField(max_length=16, choices=Via.choices)
    reden = models.CharField(
        max_length=500,
        help_text="Waarom: de relatie die toegang gaf (eigenaar van traject, toewijzing aan "
        "aanbieder X, backoffice gemeente Y, functioneel beheer).",
    )
    toelichting = models.CharField(
        max_length=500,
        blank=True,
        help_text="De reden die de gebruiker zelf opgaf (bij een traject zonder eigen taak).",
    )
    doorbraak = models.BooleanField(
        default=False,
        db_index=True,
        help_text="Gelezen via een doorbraak (break the glass): buiten de eigen rol, met reden.",
    )
    pad = models.CharField(
        "adres", max_length=500, blank=True, help_text="Het gevraagde adres (URL)."
    )

    class Meta:
        verbose_name = "inzage"
        verbose_name_plural = "inzagen"
        ordering = ["-op", "-pk"]

    def __str__(self) -> str:
        wat = f"{self.model} {self.object_pk}".strip()
        return f"{self.user} zag {wat} ({self.op:%Y-%m-%d %H:%M})"
