from django.conf import settings
from django.db import models
from django.utils import timezone


class DocumentSoort(models.TextChoices):
    IVA = "iva", "Integrale vraaganalyse (IVA)"
    IPA = "ipa", "Integraal plan van aanpak (IPA)"
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "Ondersteuningsplan"
    ZORGPLAN = "zorgplan", "Zorgplan"
    BESCHIKKING = "beschikking", "Beschikking"
    EVALUATIEFORMULIER = "evaluatieformulier", "Evaluatieformulier"
    BEPALING_JEUGDHULP = "bepaling_jeugdhulp", "Bepaling jeugdhulp"
    AANMELDFORMULIER = "aanmeldformulier", "Eenduidig aanmeldformulier"
    REGIONAAL_AANMELDFORMULIER = "regionaal_aanmeldformulier", "Regionaal aanmeldformulier"


class DocumentStatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    VERVALLEN = "vervallen", "Vervallen"


class Document(models.Model):
    """One document of a traject. Its content lives in versions; its status changes only in
    ``documenten.workflow`` (a conditional UPDATE that refuses a move made on a stale copy)."""

    traject = models.ForeignKey(
        "routes.Traject", on_delete=models.CASCADE, related_name="documenten"
    )
    soort = models.CharField(max_length=40, choices=DocumentSoort.choices)
    status = models.CharField(
        max_length=50, choices=DocumentStatus.choices, default=DocumentStatus.CONCEPT
    )
    aangemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "document"
        verbose_name_plural = "documenten"
        ordering = ["aangemaakt_op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.get_status_display().lower()})"

    @property
    def laatste_versie(self):
        return self.versies.order_by("-nummer").first()


class DocumentVersie(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField()
    inhoud = models.JSONField()
    gemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    rol = models.CharField(max_length=32)
    gemaakt_op = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "documentversie"
        verbose_name_plural = "documentversies"
        ordering = ["document", "nummer"]
        constraints = [
            models.UniqueConstraint(fields=["document", "nummer"], name="uniek_versienummer")
        ]

    def __str__(self) -> str:
        return f"{self.document.get_soort_display()} versie {self.nummer}"


class Akkoord(models.Model):
    """Who agreed (or explicitly did not agree) with a version, in which role, and when.
    A refusal is recorded too: the client's "niet akkoord" with a zorgplan starts 7a."""

    versie = models.ForeignKey(DocumentVersie, on_delete=models.CASCADE, related_name="akkoorden")
    rol = models.CharField(max_length=32)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    namens = models.CharField(
        max_length=200, blank=True, help_text="Naam van wie akkoord gaf, als die geen gebruiker is."
    )
    akkoord = models.BooleanField()
    op = models.DateTimeField(default=timezone.now)
    toelichting = models.TextField(blank=True)

    class Meta:
        verbose_name = "akkoord"
        verbose_name_plural = "akkoorden"
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        wat = "akkoord" if self.akkoord else "niet akkoord"
        return f"{self.rol}: {wat} op {self.versie}"
