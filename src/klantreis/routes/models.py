from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils import timezone

from .definitie import RouteDefinitie


class RouteVersie(models.Model):
    """An immutable stored copy of one version of a route definition (resolved: a gemeente
    variant already patched onto its base). A traject points here for life, so changing
    or adding a file never changes a running traject."""

    route_id = models.CharField(max_length=100)
    versie = models.PositiveIntegerField()
    naam = models.CharField(max_length=200)
    ingangsdatum = models.DateField()
    gemeenten = models.JSONField(help_text="CBS-codes van de gemeenten waarvoor deze route geldt.")
    wetten = models.JSONField(default=list)
    basis_route_id = models.CharField(max_length=100, blank=True)
    definitie = models.JSONField()
    checksum = models.CharField(max_length=64)
    bestand = models.CharField(max_length=300, blank=True)
    geladen_op = models.DateTimeField(default=timezone.now)
    # The standard message termijnen (termijnen/standaard.yaml) as they were when this version
    # was stored: fixed with the version like `definitie`, outside its checksum (decision 0014).
    standaard_versie = models.PositiveIntegerField(null=True, blank=True)
    standaard_termijnen = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = "routeversie"
        verbose_name_plural = "routeversies"
        ordering = ["route_id", "versie"]
        constraints = [
            models.UniqueConstraint(fields=["route_id", "versie"], name="unieke_routeversie")
        ]

    def __str__(self) -> str:
        return f"{self.naam} (versie {self.versie}, vanaf {self.ingangsdatum:%d-%m-%Y})"

    @cached_property
    def route(self) -> RouteDefinitie:
        return RouteDefinitie.from_dict(self.definitie, self.standaard_termijnen)


class TrajectStatus(models.TextChoices):
    ACTIEF = "actief", "Actief"
    OPGESCHORT = "opgeschort", "Opgeschort"
    AFGESLOTEN = "afgesloten", "Afgesloten"


class Traject(models.Model):
    """One client's journey on one route version. Only ``routes.engine`` changes it."""

    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="trajecten")
    gemeente = models.ForeignKey(
        "organisaties.Gemeente", on_delete=models.PROTECT, related_name="trajecten"
    )
    route_versie = models.ForeignKey(
        RouteVersie, on_delete=models.PROTECT, related_name="trajecten"
    )
    wet = models.CharField(max_length=10)
    status = models.CharField(
        max_length=12, choices=TrajectStatus.choices, default=TrajectStatus.ACTIEF
    )
    huidige_stap = models.CharField(max_length=40)
    eigenaar = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trajecten",
        help_text="De consulent die regie voert.",
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="trajecten",
        help_text="De gekozen (of verwijzende) aanbieder.",
    )
    gestart_op = models.DateTimeField()
    opgeschort_sinds = models.DateTimeField(null=True, blank=True)
    afgesloten_op = models.DateTimeField(null=True, blank=True)
    versie = models.PositiveIntegerField(
        default=0, help_text="Telt elke overgang; voorkomt dat twee mensen tegelijk verzetten."
    )

    class Meta:
        verbose_name = "traject"
        verbose_name_plural = "trajecten"
        ordering = ["-gestart_op", "-pk"]

    def __str__(self) -> str:
        return f"{self.client} — {self.route_versie.naam}"

    @property
    def route(self) -> RouteDefinitie:
        return self.route_versie.route

    @property
    def stap(self):
        return self.route.stap(self.huidige_stap)


class GebeurtenisSoort(models.TextChoices):
    GESTART = "gestart", "Traject gestart"
    STAP_VOLTOOID = "stap_voltooid", "Stap voltooid"
    STAP_OVERGESLAGEN = "stap_overgeslagen", "Stap overgeslagen"
    TERUGGEZET = "teruggezet", "Teruggezet naar een eerdere stap"
    OPGESCHORT = "opgeschort", "Opgeschort"
    HERVAT = "hervat", "Hervat"
    AFGESLOTEN = "afgesloten", "Afgesloten"
    AANBIEDER_GEKOZEN = "aanbieder_gekozen", "Aanbieder gekozen"


class TrajectGebeurtenis(models.Model):
    """Every transition of a traject: who, in which role, when, from, to, and why."""

    traject = models.ForeignKey(Traject, on_delete=models.CASCADE, related_name="gebeurtenissen")
    soort = models.CharField(max_length=20, choices=GebeurtenisSoort.choices)
    van_stap = models.CharField(max_length=40, blank=True)
    naar_stap = models.CharField(max_length=40, blank=True)
    overgang_soort = models.CharField(max_length=20, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rol = models.CharField(max_length=32)
    op = models.DateTimeField()
    reden = models.TextField(blank=True)

    class Meta:
        verbose_name = "trajectgebeurtenis"
        verbose_name_plural = "trajectgebeurtenissen"
        ordering = ["op", "pk"]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} {self.van_stap}→{self.naar_stap}"
