"""Declaraties (323) as received and judged, one row per prestatie, approved or rejected.

The history rules (``regels``) read these tables set-based: one query per declaratie for each
lookup (earlier referentienummers, open debets, sums per toewijzing), never per prestatie. The
indexes below serve exactly those queries."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from klantreis.producten.models import Wet


class DeclaratieStatus(models.TextChoices):
    VERWERKT = "verwerkt", "Verwerkt (325 verzonden)"
    AFGEKEURD = "afgekeurd", "Geheel afgekeurd (telt als niet ingediend, IV087)"


class Declaratie(models.Model):
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="declaraties"
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", on_delete=models.PROTECT, related_name="declaraties"
    )
    wet = models.CharField(max_length=10, choices=Wet.choices)
    nummer = models.CharField("DeclaratieNummer", max_length=12)
    periode_begin = models.DateField()
    periode_eind = models.DateField()
    dagtekening = models.DateField()
    totaal_ingediend = models.BigIntegerField(help_text="Eurocent, debet + en credit −.")
    totaal_toegekend = models.BigIntegerField(default=0, help_text="Eurocent, gesaldeerd.")
    bericht = models.ForeignKey(
        "berichten.Bericht", on_delete=models.PROTECT, related_name="declaraties"
    )
    status = models.CharField(
        max_length=10, choices=DeclaratieStatus.choices, default=DeclaratieStatus.VERWERKT
    )
    retourcodes = models.JSONField(default=list, blank=True)
    te_laat = models.BooleanField(
        default=False, help_text="Meer dan drie maanden na afloop van de periode ontvangen."
    )
    waarschuwingen = models.JSONField(default=list, blank=True)
    ontvangen_op = models.DateTimeField(default=timezone.now)
    antwoord_uiterlijk = models.DateField(
        null=True, blank=True, help_text="De 325 binnen 10 werkdagen na ontvangst."
    )
    beantwoord_op = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "declaratie"
        verbose_name_plural = "declaraties"
        indexes = [
            # TR333 (DeclaratieNummer unique) and TR318 (last period) per aanbieder and domain
            models.Index(fields=["aanbieder", "wet", "nummer"], name="decl_tr333"),
            models.Index(
                fields=["aanbieder", "gemeente", "wet", "periode_begin"], name="decl_tr318"
            ),
        ]

    def __str__(self) -> str:
        return f"Declaratie {self.nummer} ({self.periode_begin:%m-%Y}) van {self.aanbieder}"


class Betaalstatus(models.TextChoices):
    GEEN = "", "Niet te betalen (afgekeurd)"
    TE_BETALEN = "te_betalen", "Te betalen"
    AANGEHOUDEN = "aangehouden", "Aangehouden (wacht op startbericht 305)"
    IN_BESTAND = "in_bestand", "In betaalbestand (wacht op bevestiging)"
    BETAALD = "betaald", "Betaald"


class OpdrachtStatus(models.TextChoices):
    AANGEMAAKT = "aangemaakt", "Aangemaakt (betaalbestand klaar)"
    BETAALD = "betaald", "Betaald (bevestigd)"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Betaalopdracht(models.Model):
    """One payment run of a gemeente: the payable prestaties it took (each exactly once, see
    ``declaraties.workflow``), and the files made of it (CSV, XLSX, SEPA pain.001). The files
    are made from the prestaties that point here, so a download is the same every time and a
    line is never in two runs."""

    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="betaalopdrachten"
    )
    kenmerk = models.CharField(
        max_length=35, unique=True, help_text="MsgId van het SEPA-bestand; uniek, dus een bank "
        "weigert hetzelfde bestand een tweede keer."
    )  # fmt: skip
    tot_en_met = models.DateField(
        null=True, blank=True, help_text="Eerste dag van de laatste ProductPeriode-maand."
    )
    uitvoerdatum = models.DateField(help_text="Gewenste uitvoerdatum (ReqdExctnDt).")
    status = models.CharField(
        max_length=12, choices=OpdrachtStatus.choices, default=OpdrachtStatus.AANGEMAAKT
    )
    aantal = models.PositiveIntegerField(default=0, help_text="Aantal prestaties.")
    totaal = models.BigIntegerField(default=0, help_text="Eurocent, gesaldeerd.")
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    aangemaakt_door = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    afgehandeld_op = models.DateTimeField(null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "betaalopdracht"
        verbose_name_plural = "betaalopdrachten"
        ordering = ["-aangemaakt_op", "-pk"]

    def __str__(self) -> str:
        return f"Betaalopdracht {self.kenmerk} ({self.get_status_display()})"


class Prestatie(models.Model):
    declaratie = models.ForeignKey(Declaratie, on_delete=models.CASCADE, related_name="prestaties")
    # aanbieder and wet repeated from the declaratie: the key of TR314 and TR323/389/390.
    # No index of its own: every lookup by aanbieder goes through tr314_referentie_uniek or
    # prest_betaling, and each index costs at the load of 25,000 rows (decision 0006). No
    # database constraint either: the value is always the declaratie's aanbieder, which the
    # declaratie's own foreign key guards; on PostgreSQL each constraint is a trigger per row
    # at commit. PROTECT is still enforced by Django when an aanbieder is deleted.
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder",
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    wet = models.CharField(max_length=10, choices=Wet.choices)
    bsn = models.CharField(max_length=9)
    # No index of its own either: the rules, TR385 and the release of held payments all
    # ask for approved prestaties of a toewijzing, which prest_per_toewijzing serves. No
    # database constraint: on PostgreSQL a deferred foreign key is one trigger per row at
    # commit, about 0.17 s per 25,000 rows (decision 0006). The value is the id of a
    # toewijzing the handler read in the same transaction; nothing deletes toewijzingen
    # (a removal is RedenWijziging 13), and Django still enforces PROTECT on a delete.
    toewijzing = models.ForeignKey(
        "toewijzingen.Toewijzing",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prestaties",
        db_index=False,
        db_constraint=False,
    )
    toewijzing_nummer = models.PositiveIntegerField()
    referentienummer = models.CharField(max_length=36)
    vorig_referentienummer = models.CharField(max_length=36, blank=True)
    categorie = models.CharField(max_length=2)
    code = models.CharField(max_length=5)
    periode_begin = models.DateField()
    periode_eind = models.DateField()
    volume = models.BigIntegerField()
    eenheid = models.CharField(max_length=2)
    tarief = models.BigIntegerField(null=True, blank=True)
    bedrag = models.BigIntegerField(help_text="Eurocent: debet +, credit −.")
    goedgekeurd = models.BooleanField()
    retourcodes = models.JSONField(default=list, blank=True)
    betaalstatus = models.CharField(max_length=12, choices=Betaalstatus.choices, blank=True)
    betaald_op = models.DateTimeField(null=True, blank=True)
    # the payment run that took this line (in_bestand, betaald); indexed only where set, so
    # the 323 intake does not maintain an index of NULLs
    betaalopdracht = models.ForeignKey(
        Betaalopdracht,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="prestaties",
        db_index=False,
    )

    class Meta:
        verbose_name = "prestatie"
        verbose_name_plural = "prestaties"
        constraints = [
            # never paid twice: a line is in a payment run exactly when it is in_bestand or
            # betaald (declaraties.workflow moves both fields in one conditional UPDATE)
            models.CheckConstraint(
                condition=(
                    Q(betaalstatus__in=["in_bestand", "betaald"], betaalopdracht__isnull=False)
                    | (
                        ~Q(betaalstatus__in=["in_bestand", "betaald"])
                        & Q(betaalopdracht__isnull=True)
                    )
                ),
                name="prestatie_betaald_in_opdracht",
            ),
            # TR314: an approved ReferentieNummer exists once per aanbieder per domain; a
            # rejected one may come again, corrected.
            models.UniqueConstraint(
                fields=["aanbieder", "wet", "referentienummer"],
                condition=Q(goedgekeurd=True),
                name="tr314_referentie_uniek",
            ),
        ]
        indexes = [
            # TR390: earlier credits of a debet. Only credits carry a VorigReferentieNummer,
            # so only they are indexed (a query must repeat the condition to use it).
            models.Index(
                fields=["aanbieder", "wet", "vorig_referentienummer"],
                condition=Q(goedgekeurd=True) & ~Q(vorig_referentienummer=""),
                name="prest_tr390_credits",
            ),
            # TR389, TR322, TR369: approved prestaties per toewijzing and period
            models.Index(
                fields=["toewijzing", "periode_begin"],
                condition=Q(goedgekeurd=True),
                name="prest_per_toewijzing",
            ),
            # payment: lines per aanbieder per period
            models.Index(fields=["betaalstatus", "aanbieder"], name="prest_betaling"),
            models.Index(
                fields=["betaalopdracht"],
                condition=Q(betaalopdracht__isnull=False),
                name="prest_in_opdracht",
            ),
        ]

    def __str__(self) -> str:
        return f"Prestatie {self.referentienummer} ({self.bedrag / 100:.2f})"
