"""Who sees which traject. A role for a gemeente shows that gemeente's trajects; a role without
a gemeente shows every gemeente's; a provider's staff see only the trajects of their own
aanbieder or of its onderaannemers (the hoofdaannemer acts for them, Heusden stap 7)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from klantreis.accounts.models import Rol
from klantreis.clients.models import mag_delen
from klantreis.documenten.services import schrijvende_rollen
from klantreis.organisaties.models import Gemeente
from klantreis.routes.models import Traject


def zichtbare_trajecten(user) -> QuerySet[Traject]:
    voorwaarde = Q(pk__in=[])
    for toewijzing in user.roltoewijzingen.select_related("aanbieder"):
        if toewijzing.rol == Rol.AANBIEDER:
            if toewijzing.aanbieder is None:
                continue
            aanbieders = [
                toewijzing.aanbieder_id,
                *toewijzing.aanbieder.onderaannemers.values_list("pk", flat=True),
            ]
            deel = Q(aanbieder_id__in=aanbieders)
            if toewijzing.gemeente_id:
                deel &= Q(gemeente_id=toewijzing.gemeente_id)
        elif toewijzing.gemeente_id:
            deel = Q(gemeente_id=toewijzing.gemeente_id)
        else:  # a role for every gemeente (regional, functioneel beheer)
            deel = Q(pk__isnull=False)
        voorwaarde |= deel
    return Traject.objects.filter(voorwaarde)


def gemeenten_van(user) -> QuerySet[Gemeente]:
    """The gemeenten the user has a role for (all of them for a role without gemeente)."""
    toewijzingen = user.roltoewijzingen.all()
    if toewijzingen.filter(gemeente__isnull=True).exclude(rol=Rol.AANBIEDER).exists():
        return Gemeente.objects.all()
    return Gemeente.objects.filter(
        pk__in=toewijzingen.exclude(gemeente__isnull=True).values("gemeente")
    ).distinct()


def rollen_in(traject: Traject, user) -> list[str]:
    """The roles the user may act in on this traject (a provider's staff only for its own
    aanbieder or a hoofdaannemer of it)."""
    rollen = set(user.rollen(traject.gemeente))
    if Rol.AANBIEDER in rollen:
        aanbieder = traject.aanbieder
        toegestaan = aanbieder is not None and any(
            user.heeft_rol(Rol.AANBIEDER, aanbieder=a)
            for a in [aanbieder, *aanbieder.hoofdaannemers.all()]
        )
        if not toegestaan:
            rollen.discard(Rol.AANBIEDER)
    return [r for r in Rol.values if r in rollen]


def deelbaar(traject: Traject, rollen: list[str], soort: str) -> bool:
    """May this user read documents of this soort? Everyone but a provider's staff may; a
    provider's staff only the kinds their role writes (the ondersteuningsplan, the zorgplan)
    or those the client consented to share with the traject's provider (Heusden stap 3:
    nothing is shared without consent)."""
    if set(rollen) != {Rol.AANBIEDER}:
        return True
    if Rol.AANBIEDER in schrijvende_rollen(traject, soort):
        return True
    return traject.aanbieder is not None and mag_delen(traject.client, traject.aanbieder, soort)
