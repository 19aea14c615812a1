"""Walking a traject through its route the way its users would: write and fix the documents
a step needs, record the akkoorden (or the refusal a branch asks for), choose a provider,
then let the engine move it. Used by the demo and by the tests; ``actor(rol)`` returns the
user who acts in that role."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime

from klantreis.accounts.models import Rol
from klantreis.documenten import services as documenten
from klantreis.documenten.models import DocumentStatus
from klantreis.routes import engine
from klantreis.routes.definitie import RouteDefinitie

from .voorbeelden import inhoud

Actor = Callable[[str], object]


def _dag(op: datetime | None):
    return op.date() if op else None


def schrijf_en_stel_vast(traject, soort: str, actor: Actor, rol: str | None = None, op=None):
    rollen = documenten.schrijvende_rollen(traject, soort)
    rol = rol if rol in rollen else sorted(rollen)[0]
    versie = documenten.schrijf_versie(
        traject, soort, inhoud(soort, vandaag=_dag(op)), door=actor(rol), rol=rol, op=op
    )
    document = versie.document
    if document.status != DocumentStatus.VASTGESTELD:
        documenten.stel_vast(document, door=actor(rol), rol=rol)
    return document


def akkoord(traject, soort: str, rol: str, actor: Actor, *, ja: bool = True, op=None):
    """Records (dis)agreement; a client's is recorded by the staff of the current step."""
    document = traject.documenten.filter(soort=soort).exclude(status="vervallen").last()
    door_rol = rol
    if rol == Rol.CLIENT:
        door_rol = traject.stap.rol if traject.stap.rol in documenten.NAMENS_CLIENT else Rol.TOEGANG
    return documenten.geef_akkoord(
        document, rol=rol, akkoord=ja, door=actor(door_rol), door_rol=door_rol, op=op
    )


def vervul(traject, actor: Actor, *, aanbieder=None, op=None) -> None:
    """Supplies what the current step needs: its documents, akkoorden and a provider."""
    stap = traject.stap
    for soort in stap.documenten:
        schrijf_en_stel_vast(traject, soort, actor, stap.rol, op=op)
    for soort, rol in stap.akkoorden:
        akkoord(traject, soort, rol, actor, op=op)
    for voorwaarde in stap.voorwaarden:
        if voorwaarde.soort == "aanbieder_gekozen" and traject.aanbieder is None:
            engine.kies_aanbieder(traject, aanbieder, door=actor(stap.rol), rol=stap.rol, op=op)


def rond_af(traject, actor: Actor, naar=None, rol=None, *, aanbieder=None, op=None):
    """Fulfils the current step and advances (to ``naar`` when given), meeting the
    akkoord or geen_akkoord a transition asks for."""
    vervul(traject, actor, aanbieder=aanbieder, op=op)
    stap = traject.stap
    overgangen = traject.route.overgangen(stap.id)
    overgang = next((o for o in overgangen if o.naar == naar), None) if naar else None
    if rol is None:
        rol = (overgang.rol if overgang and overgang.rol else None) or stap.rol
    if overgang is None and naar is None:
        overgang = next((o for o in overgangen if (o.rol or stap.rol) == rol), None)
    for voorwaarde in overgang.voorwaarden if overgang else ():
        if voorwaarde.soort in ("akkoord", "geen_akkoord"):
            waarde = voorwaarde.waarde
            akkoord(
                traject,
                waarde["document"],
                waarde["rol"],
                actor,
                ja=voorwaarde.soort == "akkoord",
                op=op,
            )
    return engine.advance(traject, door=actor(rol), rol=rol, naar=naar, op=op)


def pad_naar(route: RouteDefinitie, doel: str) -> list[str]:
    """The shortest forward path (no returns) from the first step to ``doel``."""
    begin = route.eerste_stap.id
    vorige: dict[str, str | None] = {begin: None}
    rij = deque([begin])
    while rij:
        stap = rij.popleft()
        if stap == doel:
            break
        for overgang in route.overgangen(stap):
            if overgang.soort != "terug" and overgang.naar not in vorige:
                vorige[overgang.naar] = stap
                rij.append(overgang.naar)
    if doel not in vorige:
        raise ValueError(f"Stap {doel} is niet bereikbaar in {route.id}.")
    pad = [doel]
    while vorige[pad[-1]] is not None:
        pad.append(vorige[pad[-1]])
    return pad[::-1]
