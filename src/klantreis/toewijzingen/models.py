"""Toewijzingen and what the chain says about them: start and stop (305/307), requests
(315/317) and their answers, and the notices for the CAK."""

from datetime import date

from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone

from klantreis.producten.models import Wet


class Nummerreeks(models.Model):
    """Hands out ToewijzingNummers: unique per gemeente per wettelijk domein (TR332)."""

    gemeente = models.ForeignKey("organisaties.Gemeente", on_delete=models.CASCADE)
    wet = models.CharField(max_length=10, choices=Wet.choices)
    laatste = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["gemeente", "wet"], name="een_nummerreeks")]

    def __str__(self) -> str:
        return f"Toewijzingnummers {self.gemeente} ({self.wet}): laatste {self.laatste}"


class ToewijzingQuerySet(models.QuerySet):
    def actueel(self, op: date | None = None):
        """TR349: valid on or after ``op`` (or starting later), not deleted (13) or void (01)."""
        op = op or timezone.localdate()
        return self.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=op)).exclude(
            reden_wijziging__in=["13", "01"]
        )

    def met_open_definitieve_stop(self):
        """Those whose provider reported a final stop (307, any reason but 20 "tijdelijk")
        that they do not yet follow — the einddatum is open or later than the stop date — and
        that are not deleted: the gemeente ends them itself (decision 0013); until then they
        are actual (OP087, TR349) and open for declarations. Annotated with the latest such
        stop: ``stopdatum``, ``stop_reden`` (RedenBeeindiging) and ``stop_gemeld``."""
        stop = (
            ZorgMelding.objects.filter(
                toewijzing=OuterRef("pk"),
                soort=MeldingSoort.STOP,
                actueel=True,
                einddatum__isnull=False,
            )
            .exclude(reden_beeindiging="20")
            .order_by("-ontvangen_op", "-pk")
        )
        return (
            self.exclude(reden_wijziging="13")
            .annotate(
                stopdatum=Subquery(stop.values("einddatum")[:1]),
                stop_reden=Subquery(stop.values("reden_beeindiging")[:1]),
                stop_gemeld=Subquery(stop.values("ontvangen_op")[:1]),
            )
            .filter(stopdatum__isnull=False)
            .filter(Q(einddatum__isnull=True) | Q(einddatum__gt=F("stopdatum")))
        )


class Toewijzing(models.Model):
    """One ToegewezenProduct. A change of end date or budget keeps the nummer (OP033x1); any
    other change closes it and a new one starts (services.wijzig_omvang)."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="toewijzingen"
    )
    traject = models.ForeignKey(
        "routes.Traject",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="toewijzingen",
    )
    beschikking = models.ForeignKey(
        "documenten.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    wet = models.CharField(max_length=10, choices=Wet.choices)
    nummer = models.PositiveIntegerField("ToewijzingNummer")
    product = models.ForeignKey(
        "producten.Product", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    categorie = models.CharField(max_length=2, blank=True)
    code = models.CharField(max_length=5, blank=True)
    toewijzingsdatum = models.DateField()
    toewijzingstijd = models.TimeField()
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    reden_wijziging = models.CharField(max_length=2, blank=True)
    volume = models.PositiveIntegerField(null=True, blank=True)
    eenheid = models.CharField(max_length=2, blank=True)
    frequentie = models.CharField(max_length=1, blank=True)
    budget = models.PositiveIntegerField(null=True, blank=True, help_text="Eurocent.")
    referentie_aanbieder = models.CharField(
        max_length=36, blank=True, help_text="Alleen bij het honoreren van een VOT of VOW (TR379)."
    )
    referentie_aanbieder_verzonden = models.BooleanField(default=False)
    commentaar = models.CharField(max_length=1000, blank=True)
    gewijzigd_op = models.DateTimeField(default=timezone.now)
    verzonden_op = models.DateTimeField(null=True, blank=True)

    objects = ToewijzingQuerySet.as_manager()

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        ordering = ["client", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "wet", "nummer"], name="tr332_uniek_nummer")
        ]

    def __str__(self) -> str:
        tot = f" t/m {self.einddatum:%d-%m-%Y}" if self.einddatum else ""
        product = f"{self.categorie}{self.code}"
        return f"Toewijzing {self.nummer}: {product} vanaf {self.ingangsdatum:%d-%m-%Y}{tot}"

    @property
    def verwijderd(self) -> bool:
        return self.reden_wijziging == "13"


class MeldingSoort(models.TextChoices):
    START = "start", "Start zorg (305)"
    STOP = "stop", "Stop zorg (307)"


class ZorgMelding(models.Model):
    """One StartProduct (305) or StopProduct (307) as received. ``actueel`` turns False when a
    later aanlevering with StatusAanlevering 3 deletes it (TR063)."""

    soort = models.CharField(max_length=5, choices=MeldingSoort.choices)
    toewijzing = models.ForeignKey(
        Toewijzing, null=True, blank=True, on_delete=models.PROTECT, related_name="meldingen"
    )
    bsn = models.CharField(max_length=9)
    toewijzing_nummer = models.PositiveIntegerField(null=True, blank=True)
    begindatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)
    reden_beeindiging = models.CharField(max_length=2, blank=True)
    status_aanlevering = models.CharField(max_length=1)
    actueel = models.BooleanField(default=True)
    bericht = models.ForeignKey("berichten.Bericht", on_delete=models.PROTECT, related_name="+")
    ontvangen_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "start- of stopmelding"
        verbose_name_plural = "start- en stopmeldingen"
        ordering = ["ontvangen_op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.toewijzing_nummer} per {self.begindatum:%d-%m-%Y}"


class VerzoekSoort(models.TextChoices):
    VOT = "vot", "Verzoek om toewijzing (315)"
    VOW = "vow", "Verzoek om wijziging (317)"


class VerzoekStatus(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_ONDERZOEK = "in_onderzoek", "In onderzoek (319)"
    TOEGEWEZEN = "toegewezen", "Toegewezen (301)"
    AFGEWEZEN = "afgewezen", "Afgewezen (319)"


class Verzoek(models.Model):
    """A provider's request. A VOT is judged per AangevraagdProduct, so each is one Verzoek;
    a VOW is judged as a whole (NOTES.md §1). Open until a 301 or a rejecting 319 (TR374)."""

    soort = models.CharField(max_length=3, choices=VerzoekSoort.choices)
    status = models.CharField(
        max_length=12, choices=VerzoekStatus.choices, default=VerzoekStatus.ONTVANGEN
    )
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="+"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", on_delete=models.PROTECT, related_name="verzoeken"
    )
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="verzoeken")
    traject = models.ForeignKey(
        "routes.Traject", null=True, blank=True, on_delete=models.SET_NULL, related_name="verzoeken"
    )
    wet = models.CharField(max_length=10, choices=Wet.choices)
    referentie_aanbieder = models.CharField(max_length=36)
    inhoud = models.JSONField(help_text="Het aangevraagde product (VOT) of het hele verzoek (VOW).")
    dagtekening = models.DateField()
    bericht = models.ForeignKey("berichten.Bericht", on_delete=models.PROTECT, related_name="+")
    reden_afwijzing = models.CharField(max_length=1, blank=True)
    beantwoord_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        ordering = ["-dagtekening", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "wet", "referentie_aanbieder"], name="tr347_unieke_referentie"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.get_soort_display()} {self.referentie_aanbieder} ({self.get_status_display()})"
        )

    @property
    def open(self) -> bool:
        return self.status in (VerzoekStatus.ONTVANGEN, VerzoekStatus.IN_ONDERZOEK)


class CakMelding(models.Model):
    """A notice for the CAK: the eigen bijdrage of a Wmo maatwerkvoorziening starts or stops
    (Heusden stap 7, Achterhoek 8a). Traceable to the 305/307 that caused it."""

    soort = models.CharField(max_length=5, choices=MeldingSoort.choices)
    toewijzing = models.ForeignKey(
        Toewijzing, on_delete=models.PROTECT, related_name="cak_meldingen"
    )
    melding = models.OneToOneField(
        ZorgMelding, on_delete=models.PROTECT, related_name="cak_melding"
    )
    datum = models.DateField(help_text="Start- of stopdatum van de eigen bijdrage.")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    geexporteerd_op = models.DateTimeField(null=True, blank=True)
    exportbestand = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = "CAK-melding"
        verbose_name_plural = "CAK-meldingen"
        ordering = ["aangemaakt_op", "pk"]

    def __str__(self) -> str:
        return f"CAK {self.get_soort_display()} per {self.datum:%d-%m-%Y}"


class Weigering(models.Model):
    """A provider refused our 301 (with a 302) or our 319 (with a 320): the retour carried
    RetourCodes other than 0200, and a retour with any code rejects the whole message
    (NOTES §3). One row per toewijzing of that 301 (or the verzoek the 319 answered), with
    the codes that concern it. Open until the provider accepts a later 301 (319) naming it,
    or a later refusal replaces it (decision 0013)."""

    bericht = models.ForeignKey(
        "berichten.Bericht", on_delete=models.PROTECT, related_name="+", help_text="De 302/320."
    )
    heen = models.ForeignKey(
        "berichten.Bericht",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Ons geweigerde bericht (301/319).",
    )
    toewijzing = models.ForeignKey(
        Toewijzing, null=True, blank=True, on_delete=models.CASCADE, related_name="weigeringen"
    )
    verzoek = models.ForeignKey(
        Verzoek, null=True, blank=True, on_delete=models.CASCADE, related_name="weigeringen"
    )
    retourcodes = models.JSONField(default=list)
    ontvangen_op = models.DateTimeField(default=timezone.now)
    opgelost_op = models.DateTimeField(null=True, blank=True)
    opgelost_door = models.ForeignKey(
        "berichten.Bericht",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="De latere retour die het bericht accepteerde of opnieuw weigerde.",
    )

    class Meta:
        verbose_name = "weigering door de aanbieder"
        verbose_name_plural = "weigeringen door de aanbieder"
        ordering = ["ontvangen_op", "pk"]

    def __str__(self) -> str:
        return f"Geweigerd door de aanbieder: {', '.join(self.retourcodes)}"

    @property
    def open(self) -> bool:
        return self.opgelost_op is None
