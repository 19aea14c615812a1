from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from klantreis.documenten.models import DocumentSoort
from klantreis.producten.models import Wet

from .bsn import is_valid_bsn


def validate_bsn(value: str) -> None:
    if not is_valid_bsn(value):
        raise ValidationError("Dit BSN is ongeldig: het voldoet niet aan de 11-proef.")


class Geslacht(models.TextChoices):
    """COD046."""

    ONBEKEND = "0", "Onbekend"
    MAN = "1", "Man"
    VROUW = "2", "Vrouw"


class Client(models.Model):
    """A resident (inwoner, jeugdige) who asks for support."""

    bsn = models.CharField("BSN", max_length=9, unique=True, validators=[validate_bsn])
    voornamen = models.CharField(max_length=200, blank=True)
    voorletters = models.CharField(max_length=20, blank=True)
    voorvoegsel = models.CharField(max_length=20, blank=True)
    achternaam = models.CharField(max_length=200)
    geboortedatum = models.DateField()
    geslacht = models.CharField(max_length=1, choices=Geslacht.choices, default=Geslacht.ONBEKEND)
    straat = models.CharField(max_length=200, blank=True)
    huisnummer = models.CharField(max_length=20, blank=True)
    postcode = models.CharField(max_length=7, blank=True)
    woonplaats = models.CharField(max_length=200, blank=True)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        on_delete=models.PROTECT,
        related_name="clients",
        help_text="Woonplaatsgemeente.",
    )
    wet = models.CharField(max_length=10, choices=Wet.choices, help_text="Wmo 2015 of Jeugdwet.")

    class Meta:
        verbose_name = "cliënt"
        verbose_name_plural = "cliënten"
        ordering = ["achternaam", "voornamen"]

    def __str__(self) -> str:
        return self.naam

    @property
    def naam(self) -> str:
        parts = [self.voornamen or self.voorletters, self.voorvoegsel, self.achternaam]
        return " ".join(p for p in parts if p)

    def leeftijd_op(self, datum) -> int:
        years = datum.year - self.geboortedatum.year
        if (datum.month, datum.day) < (self.geboortedatum.month, self.geboortedatum.day):
            years -= 1
        return years


class SoortVertegenwoordiger(models.TextChoices):
    OUDER_MET_GEZAG = "ouder_met_gezag", "Ouder met gezag"
    VOOGD = "voogd", "Voogd"
    CURATOR = "curator", "Curator"
    BEWINDVOERDER = "bewindvoerder", "Bewindvoerder"
    MENTOR = "mentor", "Mentor"
    GI = "gi", "Gecertificeerde instelling (jeugdbeschermer)"


class Vertegenwoordiger(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="vertegenwoordigers")
    soort = models.CharField(max_length=20, choices=SoortVertegenwoordiger.choices)
    naam = models.CharField(max_length=200)
    organisatie = models.ForeignKey(
        "organisaties.Aanbieder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Bij een GI: de instelling.",
    )
    telefoon = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)

    class Meta:
        verbose_name = "vertegenwoordiger"
        verbose_name_plural = "vertegenwoordigers"

    def __str__(self) -> str:
        return f"{self.naam} ({self.get_soort_display()})"


class ToestemmingQuerySet(models.QuerySet):
    def geldig(self, op=None):
        op = op or timezone.now()
        return self.filter(gegeven_op__lte=op).filter(
            models.Q(ingetrokken_op__isnull=True) | models.Q(ingetrokken_op__gt=op)
        )


class Toestemming(models.Model):
    """Privacy consent: which documents of the client may be shared with which provider.
    Default (Heusden stap 3): nothing is shared without consent."""

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="toestemmingen")
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", on_delete=models.CASCADE, related_name="toestemmingen"
    )
    document_soort = models.CharField(max_length=40, choices=DocumentSoort.choices)
    gegeven_op = models.DateTimeField(default=timezone.now)
    ingetrokken_op = models.DateTimeField(null=True, blank=True)
    vastgelegd_door = models.ForeignKey(
        "accounts.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ToestemmingQuerySet.as_manager()

    class Meta:
        verbose_name = "toestemming"
        verbose_name_plural = "toestemmingen"

    def __str__(self) -> str:
        return f"{self.client} → {self.aanbieder.naam}: {self.get_document_soort_display()}"


def mag_delen(client: Client, aanbieder, document_soort: str, op=None) -> bool:
    """True when the client consented to share this kind of document with this provider."""
    return (
        Toestemming.objects.geldig(op)
        .filter(client=client, aanbieder=aanbieder, document_soort=document_soort)
        .exists()
    )
