from django.contrib.auth.models import AbstractUser
from django.db import models


class Rol(models.TextChoices):
    """The roles of the klantreis (DOMAIN.md "Who takes part"). Route files name these."""

    TOEGANG = "toegang", "Toegang (consulent)"
    BACKOFFICE = "backoffice", "Backoffice"
    AANBIEDER = "aanbieder", "Zorgaanbieder"
    CLIENT = "client", "Cliënt"
    VERWIJZER = "verwijzer", "Medisch verwijzer"
    GI = "gi", "Gecertificeerde instelling"
    RET = "ret", "Regionale expertisetafel"
    REGIO = "regio", "Regionale contactpersoon"
    FUNCTIONEEL_BEHEER = "functioneel_beheer", "Functioneel beheer"


class User(AbstractUser):
    """A person who works in klantreis. What they may do comes from ``Roltoewijzing``."""

    def rollen(self, gemeente=None) -> set[str]:
        qs = self.roltoewijzingen.all()
        if gemeente is not None:
            qs = qs.filter(models.Q(gemeente=gemeente) | models.Q(gemeente__isnull=True))
        return set(qs.values_list("rol", flat=True))

    def heeft_rol(self, rol: str, gemeente=None, aanbieder=None) -> bool:
        qs = self.roltoewijzingen.filter(rol=rol)
        if gemeente is not None:
            qs = qs.filter(models.Q(gemeente=gemeente) | models.Q(gemeente__isnull=True))
        if aanbieder is not None:
            qs = qs.filter(aanbieder=aanbieder)
        return qs.exists()

    def werkt_voor(self, aanbieder) -> bool:
        """Staff of this provider, or of its hoofdaannemer, which acts for its onderaannemers
        (Heusden stap 7)."""
        if aanbieder is None:
            return False
        return any(
            self.heeft_rol(Rol.AANBIEDER, aanbieder=a)
            for a in [aanbieder, *aanbieder.hoofdaannemers.all()]
        )


class Roltoewijzing(models.Model):
    """A user acts in a role for one gemeente (or for all, when gemeente is empty), and a
    provider's staff for one aanbieder."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roltoewijzingen")
    rol = models.CharField(max_length=32, choices=Rol.choices)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Leeg: voor alle gemeenten (bijvoorbeeld een regionale functie).",
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", null=True, blank=True, on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = "roltoewijzing"
        verbose_name_plural = "roltoewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rol", "gemeente", "aanbieder"], name="unieke_roltoewijzing"
            )
        ]

    def __str__(self) -> str:
        waar = self.gemeente or "alle gemeenten"
        return f"{self.user} — {self.get_rol_display()} ({waar})"
