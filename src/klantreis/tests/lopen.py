"""Walking a traject through its route in tests, the way its users would: write and fix the
documents a step needs, record the akkoorden, then let the engine move it."""

from __future__ import annotations

from dataclasses import dataclass, field

from klantreis.accounts.models import Rol
from klantreis.demo.voorbeelden import inhoud
from klantreis.documenten import services as documenten
from klantreis.documenten.models import DocumentStatus
from klantreis.routes import engine
from klantreis.tests.factories import AanbiederFactory, user_met_rol


@dataclass
class Actoren:
    """One user per role, all for the traject's gemeente (the provider's staff for its
    provider)."""

    gemeente: object
    aanbieder: object
    users: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, rol: str):
        if rol not in self.users:
            if rol == Rol.AANBIEDER:
                self.users[rol] = user_met_rol(rol, aanbieder=self.aanbieder)
            else:
                self.users[rol] = user_met_rol(rol, gemeente=self.gemeente)
        return self.users[rol]


def actoren(gemeente, aanbieder=None) -> Actoren:
    return Actoren(gemeente=gemeente, aanbieder=aanbieder or AanbiederFactory())


def schrijf_en_stel_vast(traject, soort: str, wie: Actoren, rol: str | None = None):
    rol = rol or sorted(documenten.schrijvende_rollen(traject, soort))[0]
    versie = documenten.schrijf_versie(traject, soort, inhoud(soort), door=wie[rol], rol=rol)
    document = versie.document
    if document.status != DocumentStatus.VASTGESTELD:
        documenten.vaststellen(document, door=wie[rol], rol=rol)
    return document


def akkoord(traject, soort: str, rol: str, wie: Actoren, *, ja: bool = True):
    document = traject.documenten.filter(soort=soort).exclude(status="vervallen").last()
    door_rol = Rol.TOEGANG if rol == Rol.CLIENT else rol
    if rol == Rol.CLIENT and traject.stap.rol != Rol.TOEGANG:
        door_rol = traject.stap.rol
    return documenten.geef_akkoord(
        document, rol=rol, akkoord=ja, door=wie[door_rol], door_rol=door_rol
    )


def vervul(traject, wie: Actoren) -> None:
    """Supplies what the current step needs: its documents, akkoorden and a provider."""
    stap = traject.stap
    for soort in stap.documenten:
        schrijf_en_stel_vast(
            traject,
            soort,
            wie,
            stap.rol if stap.rol in documenten.schrijvende_rollen(traject, soort) else None,
        )
    for soort, rol in stap.akkoorden:
        akkoord(traject, soort, rol, wie)
    for voorwaarde in stap.voorwaarden:
        if voorwaarde.soort == "aanbieder_gekozen" and traject.aanbieder is None:
            engine.kies_aanbieder(traject, wie.aanbieder, door=wie[stap.rol], rol=stap.rol)


def rond_af(traject, wie: Actoren, naar: str | None = None, rol: str | None = None):
    """Fulfils the current step and advances (to ``naar`` when given)."""
    vervul(traject, wie)
    stap = traject.stap
    overgangen = traject.route.overgangen(stap.id)
    overgang = next((o for o in overgangen if o.naar == naar), None) if naar else None
    if rol is None:
        rol = (overgang.rol if overgang and overgang.rol else None) or stap.rol
    if overgang is None and naar is None:
        overgang = next((o for o in overgangen if (o.rol or stap.rol) == rol), None)
    for voorwaarde in overgang.voorwaarden if overgang else ():
        if voorwaarde.soort == "akkoord":  # the person agrees; a "no" is tested explicitly
            akkoord(traject, voorwaarde.waarde["document"], voorwaarde.waarde["rol"], wie)
    return engine.advance(traject, door=wie[rol], rol=rol, naar=naar)
