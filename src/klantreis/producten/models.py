from django.db import models


class Wet(models.TextChoices):
    WMO = "wmo", "Wmo 2015"
    JEUGDWET = "jeugdwet", "Jeugdwet"


class Uitvoeringsvariant(models.TextChoices):
    """OP261: per product the gemeente records how it is delivered and paid."""

    INSPANNINGSGERICHT = "inspanningsgericht", "Inspanningsgericht"
    OUTPUTGERICHT = "outputgericht", "Outputgericht"
    TAAKGERICHT = "taakgericht", "Taakgericht"


class Eenheid(models.TextChoices):
    """Codelijst WJ756."""

    MINUUT = "01", "Minuut"
    UUR = "04", "Uur"
    ETMAAL = "14", "Etmaal"
    DAGDEEL = "16", "Dagdeel (4 uur)"
    STUKS_OUTPUT = "82", "Stuks (output)"
    EUROS = "83", "Euro's"
    STUKS_INSPANNING = "84", "Stuks (inspanning)"


class Segment(models.Model):
    """A hoofdsegment, or a subsegment when it has a parent (Achterhoek inkoop)."""

    code = models.CharField(max_length=20, unique=True)
    naam = models.CharField(max_length=200)
    wet = models.CharField(max_length=10, choices=Wet.choices)
    hoofdsegment = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="subsegmenten"
    )

    class Meta:
        verbose_name = "segment"
        verbose_name_plural = "segmenten"
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.naam}"

    @property
    def is_subsegment(self) -> bool:
        return self.hoofdsegment_id is not None


class Product(models.Model):
    """A product of the gemeente's or region's productcodelijst, with its iWmo/iJw
    productcategorie (WMO020 / JZ020) and productcode (LDT_ProductCode, 1–5 characters)."""

    wet = models.CharField(max_length=10, choices=Wet.choices)
    segment = models.ForeignKey(Segment, on_delete=models.PROTECT, related_name="producten")
    categorie = models.CharField(max_length=2, help_text="Productcategorie (WMO020/JZ020).")
    code = models.CharField(
        max_length=5, blank=True, help_text="Productcode; leeg voor een aspecifieke toewijzing."
    )
    naam = models.CharField(max_length=200)
    uitvoeringsvariant = models.CharField(
        max_length=20,
        choices=Uitvoeringsvariant.choices,
        default=Uitvoeringsvariant.INSPANNINGSGERICHT,
    )
    eenheid = models.CharField(max_length=2, choices=Eenheid.choices, default=Eenheid.UUR)
    eigen_bijdrage = models.BooleanField(
        default=False,
        help_text="Wmo-maatwerkvoorziening met eigen bijdrage: start en stop gaan naar het CAK.",
    )

    class Meta:
        verbose_name = "product"
        verbose_name_plural = "producten"
        ordering = ["wet", "categorie", "code"]
        constraints = [
            models.UniqueConstraint(fields=["wet", "categorie", "code"], name="uniek_product")
        ]

    def __str__(self) -> str:
        return f"{self.categorie}{self.code} {self.naam}"
