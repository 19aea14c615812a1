from datetime import date

from django.db import models
from django.utils import timezone


class TermijnStatus(models.TextChoices):
    OPEN = "open", "Open"
    GEHAALD = "gehaald", "Gehaald"
    TE_LAAT = "te_laat", "Te laat voldaan"
    VERLOPEN = "verlopen", "Verlopen"
    VERVALLEN = "vervallen", "Vervallen"


class TermijnQuerySet(models.QuerySet):
    def lopend(self):
        return self.filter(voldaan_op__isnull=True, vervallen=False)

    def verlopen(self, vandaag: date | None = None):
        vandaag = vandaag or timezone.localdate()
        return self.lopend().filter(einddatum__lt=vandaag)


class Termijn(models.Model):
    """A deadline of one traject: created by its route definition (or a message), stored with
    its due date and the explanation of how that date was computed (Atw), moved on
    suspension (with the move explained), and met / open / overdue."""

    traject = models.ForeignKey(
        "routes.Traject", on_delete=models.CASCADE, related_name="termijnen"
    )
    sleutel = models.CharField(max_length=60)
    naam = models.CharField(max_length=200)
    duur = models.CharField(max_length=40)
    bron = models.CharField(max_length=300, blank=True)
    startdatum = models.DateField(help_text="De dag van de gebeurtenis; tellen begint de dag erna.")
    einddatum = models.DateField()
    oorspronkelijke_einddatum = models.DateField()
    uitleg = models.JSONField(default=list)
    voldaan_op = models.DateField(null=True, blank=True)
    vervallen = models.BooleanField(default=False)
    signaal = models.CharField(max_length=20, default="overschrijding")
    gesignaleerd_op = models.DateTimeField(
        null=True, blank=True, help_text="Wanneer de overschrijding is gemeld aan de eigenaar."
    )

    objects = TermijnQuerySet.as_manager()

    class Meta:
        verbose_name = "termijn"
        verbose_name_plural = "termijnen"
        ordering = ["einddatum", "pk"]
        indexes = [models.Index(fields=["einddatum", "voldaan_op"])]

    def __str__(self) -> str:
        return f"{self.naam}: uiterlijk {self.einddatum:%d-%m-%Y}"

    def status_op(self, vandaag: date | None = None) -> str:
        vandaag = vandaag or timezone.localdate()
        if self.vervallen:
            return TermijnStatus.VERVALLEN
        if self.voldaan_op is not None:
            if self.voldaan_op <= self.einddatum:
                return TermijnStatus.GEHAALD
            return TermijnStatus.TE_LAAT
        return TermijnStatus.VERLOPEN if vandaag > self.einddatum else TermijnStatus.OPEN

    @property
    def status(self) -> str:
        return self.status_op()

    @property
    def gehaald(self) -> bool | None:
        """True/False once met (on time or late); None while open."""
        if self.voldaan_op is None:
            return None
        return self.voldaan_op <= self.einddatum


class TermijnBeleid(models.Model):
    """A gemeente's own length for a termijn (DOMAIN.md: every deadline configurable per
    gemeente and per route version). Empty route_id: for every route of that gemeente."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.CASCADE, related_name="termijnbeleid"
    )
    route_id = models.CharField(max_length=100, blank=True)
    sleutel = models.CharField(max_length=60)
    duur = models.CharField(max_length=40)
    toelichting = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "termijnbeleid"
        verbose_name_plural = "termijnbeleid"
        constraints = [
            models.UniqueConstraint(
                fields=["gemeente", "route_id", "sleutel"], name="uniek_termijnbeleid"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gemeente.naam}: {self.sleutel} = {self.duur}"
