from django.core.validators import RegexValidator
from django.db import models

from .bank import compact_iban, valideer_bic, valideer_iban

gemeentecode_validator = RegexValidator(r"^\d{4}$", "Een gemeentecode (CBS) heeft 4 cijfers.")
agb_validator = RegexValidator(r"^\d{8}$", "Een AGB-code heeft 8 cijfers.")


class Regio(models.Model):
    code = models.SlugField(unique=True)
    naam = models.CharField(max_length=200)

    class Meta:
        verbose_name = "regio"
        verbose_name_plural = "regio's"

    def __str__(self) -> str:
        return self.naam


class Gemeente(models.Model):
    """A tenant, identified by its CBS gemeentecode. Policies that differ per gemeente are
    fields here (or TermijnBeleid rows), never code."""

    code = models.CharField(max_length=4, unique=True, validators=[gemeentecode_validator])
    naam = models.CharField(max_length=200)
    regio = models.ForeignKey(
        Regio, null=True, blank=True, on_delete=models.PROTECT, related_name="gemeenten"
    )
    beschikkingsarm = models.BooleanField(
        default=False, help_text="Een beschikking alleen waar nodig (Heusden)."
    )
    betaling_na_startbericht = models.BooleanField(
        default=False,
        help_text="Betaling van goedgekeurde prestaties wacht op het startbericht (305). "
        "De 325 volgt altijd de standaard (OP364).",
    )
    # the debtor account of payment files (SEPA pain.001)
    iban = models.CharField(
        "IBAN", max_length=34, blank=True, validators=[valideer_iban],
        help_text="Rekening waarvan de gemeente de zorgaanbieders betaalt.",
    )  # fmt: skip
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[valideer_bic])
    rekeninghouder = models.CharField(
        max_length=70, blank=True, help_text="Naam op de rekening; leeg: 'Gemeente <naam>'."
    )

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.code})"

    def clean(self) -> None:
        self.iban = compact_iban(self.iban)
        self.bic = self.bic.replace(" ", "").upper()


class Aanbieder(models.Model):
    """A care provider, identified by its AGB code. A main contractor (hoofdaannemer)
    sends the messages for the work of its onderaannemers (Heusden stap 7)."""

    agb_code = models.CharField(max_length=8, unique=True, validators=[agb_validator])
    naam = models.CharField(max_length=200)
    onderaannemers = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="hoofdaannemers"
    )
    is_gi = models.BooleanField("gecertificeerde instelling", default=False)
    # the creditor account of payment files (SEPA pain.001)
    iban = models.CharField("IBAN", max_length=34, blank=True, validators=[valideer_iban])
    bic = models.CharField("BIC", max_length=11, blank=True, validators=[valideer_bic])
    tenaamstelling = models.CharField(
        max_length=70, blank=True, help_text="Naam op de rekening; leeg: de naam van de aanbieder."
    )

    class Meta:
        verbose_name = "aanbieder"
        verbose_name_plural = "aanbieders"
        ordering = ["naam"]

    def __str__(self) -> str:
        return f"{self.naam} ({self.agb_code})"

    def clean(self) -> None:
        self.iban = compact_iban(self.iban)
        self.bic = self.bic.replace(" ", "").upper()


class Consortium(models.Model):
    """Providers contracted together; who delivers within it is up to them (Achterhoek I)."""

    naam = models.CharField(max_length=200)
    penvoerder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="+")
    leden = models.ManyToManyField(Aanbieder, related_name="consortia")

    class Meta:
        verbose_name = "consortium"
        verbose_name_plural = "consortia"

    def __str__(self) -> str:
        return self.naam


class Contract(models.Model):
    """What a provider may deliver for a gemeente, and at which tariff (TR418)."""

    aanbieder = models.ForeignKey(Aanbieder, on_delete=models.PROTECT, related_name="contracten")
    gemeente = models.ForeignKey(Gemeente, on_delete=models.PROTECT, related_name="contracten")
    product = models.ForeignKey(
        "producten.Product", on_delete=models.PROTECT, related_name="contracten"
    )
    tarief = models.PositiveIntegerField(help_text="Tarief per eenheid in eurocent.")
    ingangsdatum = models.DateField()
    einddatum = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = "contract"
        verbose_name_plural = "contracten"
        constraints = [
            models.UniqueConstraint(
                fields=["aanbieder", "gemeente", "product", "ingangsdatum"], name="uniek_contract"
            )
        ]

    def __str__(self) -> str:
        return f"{self.aanbieder.naam} — {self.product} ({self.gemeente.naam})"
