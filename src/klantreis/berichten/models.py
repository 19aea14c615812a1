"""The exchange's records: every message in or out, and the Identificatie counters."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from .workflow import Richting, Status


class Bericht(models.Model):
    """One iWmo/iJw message received or sent, kept with its exact bytes.

    ``afzender``/``ontvanger`` are the parties that really send and receive it (for a retour
    302…320 that is the reverse of the copied header, IV028). ``identificatie`` is the
    message's own identification (IdentificatieRetour for a retour). ``eigenaar`` is the party
    this installation acts as for this message, so a gemeente and an aanbieder on one
    installation stay apart. The status changes only through ``workflow.zet``.
    """

    richting = models.CharField(max_length=3, choices=Richting.choices)
    standaard = models.CharField(max_length=4, null=True, blank=True)
    berichtcode = models.CharField(max_length=3, null=True, blank=True)
    afzender = models.CharField(max_length=8, blank=True, default="")
    ontvanger = models.CharField(max_length=8, blank=True, default="")
    identificatie = models.CharField(max_length=64, blank=True, default="")
    dagtekening = models.DateField(null=True, blank=True)
    eigenaar = models.CharField(
        max_length=8, blank=True, default="", help_text="De partij die deze installatie is."
    )
    inhoud = models.BinaryField(help_text="De ontvangen of verzonden bytes, ongewijzigd.")
    sha256 = models.CharField(max_length=64)
    bestandsnaam = models.CharField(max_length=255, blank=True, default="")
    gegevens = models.JSONField(
        null=True, blank=True, help_text="Het gelezen bericht, als het zo ver kwam."
    )
    niveau = models.CharField(
        max_length=10, blank=True, default="", help_text="Controleniveau waarop het faalde."
    )
    status = models.CharField(max_length=16, choices=Status.choices)
    fouten = models.JSONField(default=list, blank=True)
    laatste_fout = models.TextField(blank=True, default="")
    heen = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="retouren"
    )
    traject = models.ForeignKey(
        "routes.Traject", null=True, blank=True, on_delete=models.SET_NULL, related_name="berichten"
    )
    transport = models.CharField(max_length=32, blank=True, default="")
    kanaal_referentie = models.CharField(max_length=255, blank=True, default="")
    pogingen = models.PositiveIntegerField(default=0)
    volgende_poging = models.DateTimeField(null=True, blank=True)
    claim = models.UUIDField(null=True, blank=True, editable=False)
    geclaimd_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)
    verwerkt_op = models.DateTimeField(null=True, blank=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            # Idempotent receipt: the same file for the same party is one Bericht.
            models.UniqueConstraint(
                fields=["eigenaar", "sha256"],
                condition=models.Q(richting=Richting.IN),
                name="bericht_ontvangen_uniek",
            ),
        ]
        indexes = [
            # TR056 and pairing a retour with its heen look up by these.
            models.Index(fields=["afzender", "berichtcode", "identificatie"]),
            # The backlog scan (verwerk_achterstand) and the outbox scan.
            models.Index(fields=["richting", "status"]),
        ]

    def __str__(self) -> str:
        code = self.berichtcode or "?"
        pijl = "←" if self.richting == Richting.IN else "→"
        return f"{code} {pijl} {self.identificatie or '(geen identificatie)'} ({self.status})"

    @property
    def bytes(self) -> bytes:
        return bytes(self.inhoud)


class IdentificatieTeller(models.Model):
    """The last Identificatie handed out per sender per message type (TR056)."""

    afzender = models.CharField(max_length=8)
    berichtcode = models.CharField(max_length=3)
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["afzender", "berichtcode"], name="identificatieteller_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.afzender} {self.berichtcode}: {self.laatste}"
