"""A deliberate break-the-glass: a user opens a traject outside their role's reach, with a
reason, for a limited time (decision 0016). Only a user given the permission
``toegang.doorbreken`` (by functioneel beheer, in the admin) may; every grant stays here as
the report for functioneel beheer, and each read under it is marked in the audit log
(``Inzage.doorbraak``)."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

#: How long one break-the-glass opens the traject: one working day, not for good.
DUUR = timedelta(hours=8)


class DoorbraakQuerySet(models.QuerySet):
    def actief(self, op=None):
        return self.filter(tot__gt=op or timezone.now())


class Doorbraak(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="doorbraken"
    )
    traject = models.ForeignKey(
        "routes.Traject", on_delete=models.PROTECT, related_name="doorbraken"
    )
    reden = models.CharField(max_length=500, help_text="Waarom de gebruiker dit traject opende.")
    op = models.DateTimeField(default=timezone.now, db_index=True)
    tot = models.DateTimeField(help_text="Tot wanneer het traject zo zichtbaar is.")

    objects = DoorbraakQuerySet.as_manager()

    class Meta:
        verbose_name = "doorbraak (break the glass)"
        verbose_name_plural = "doorbraken (break the glass)"
        ordering = ["-op", "-pk"]
        permissions = [
            (
                "doorbreken",
                "Mag een traject buiten de eigen rol openen (break the glass), met reden",
            )
        ]
        indexes = [models.Index(fields=["user", "tot"], name="doorbraak_user_tot")]

    def __str__(self) -> str:
        return f"{self.user} opende traject {self.traject_id} ({self.op:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if self.tot is None:
            self.tot = self.op + DUUR
        super().save(*args, **kwargs)
