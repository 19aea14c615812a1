"""An Achterhoek world for the reach of every role (decision 0016): in Doetinchem a Wmo traject
of an adult, a GI's own route-3 case, another GI's case, a case escalated to the RET (stap B)
and one escalated further to the regionale contactpersoon (stap C); in Oude IJsselstreek a Wmo
traject of the same provider. Each traject carries one record of every kind, made the way the
API tests make them (``api/tests/conftest.py``)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, time
from itertools import pairwise

import pytest

from klantreis.accounts.models import Rol
from klantreis.api.tests.conftest import Kant, _cak, _declaratie
from klantreis.audit.models import Inzage
from klantreis.berichten.models import Bericht
from klantreis.demo import lopen
from klantreis.portal.tests.conftest import contract
from klantreis.routes import engine
from klantreis.routes.models import Traject
from klantreis.tests.factories import AanbiederFactory, ClientFactory, user_met_rol
from klantreis.tests.lopen import Actoren
from klantreis.toewijzingen.models import Toewijzing, Verzoek

#: The trajecten of the world, by name.
ZAKEN = ("wmo", "gi_eigen", "gi_ander", "ret", "regio", "elders")


@dataclass
class Wereld:
    kanten: dict[str, Kant]
    users: dict[str, object]
    inzage: Inzage
    extra: dict = field(default_factory=dict)


def _records(traject: Traject, aanbieder, nummer: int, medewerker) -> Kant:
    """One record of every kind on this traject (toewijzing, verzoek, bericht, declaratie,
    prestatie, payment run, CAK notice), and its first document and termijn."""
    gemeente, client = traject.gemeente, traject.client
    xml = f"<bericht>{client.achternaam}</bericht>".encode()
    bericht = Bericht.objects.create(
        richting="in",
        standaard="iJw" if traject.wet == "jeugdwet" else "iWmo",
        berichtcode="315",
        afzender=aanbieder.agb_code,
        ontvanger=gemeente.code,
        eigenaar=gemeente.code,
        inhoud=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        status="verwerkt",
        traject=traject,
    )
    kant = Kant(
        aanbieder=aanbieder,
        traject=traject,
        medewerker=medewerker,
        plan=traject.documenten.order_by("pk").first(),
        iva=None,
        termijn=traject.termijnen.order_by("pk").first(),
        toewijzing=Toewijzing.objects.create(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            traject=traject,
            wet=traject.wet,
            nummer=nummer,
            categorie="02",
            code="02A01",
            toewijzingsdatum=date(2026, 1, 5),
            toewijzingstijd=time(10, 0),
            ingangsdatum=date(2026, 1, 5),
        ),
        verzoek=Verzoek.objects.create(
            soort="vot",
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            traject=traject,
            wet=traject.wet,
            referentie_aanbieder=f"REF-{nummer}",
            inhoud={"product": "02A01"},
            dagtekening=date(2026, 1, 2),
            bericht=bericht,
        ),
        bericht=bericht,
    )
    assert kant.plan is not None and kant.termijn is not None, traject
    _declaratie(kant, gemeente, nummer)
    _cak(kant, nummer)
    return kant


def _traject(gemeente, route_id: str, wie: Actoren, *, naam: str, wet: str, doel: str):
    geboren = date(2012, 4, 1) if wet == "jeugdwet" else date(1950, 3, 14)
    client = ClientFactory(gemeente=gemeente, wet=wet, achternaam=naam, geboortedatum=geboren)
    route = engine.route_voor(gemeente, route_id, date(2026, 12, 5)).route
    rol = route.eerste_stap.rol
    traject = engine.start_traject(
        client=client, gemeente=gemeente, route_id=route_id, door=wie[rol], rol=rol
    )
    for _huidig, volgende in pairwise(lopen.pad_naar(route, doel)):
        lopen.rond_af(traject, wie.__getitem__, naar=volgende, aanbieder=wie.aanbieder)
    traject.refresh_from_db()
    assert traject.huidige_stap == doel
    return traject


@pytest.fixture
def wereld(doetinchem, oude_ijsselstreek) -> Wereld:
    zorg = AanbiederFactory(naam="Thuiszorg Achterhoek")  # the Wmo provider (P)
    jeugd = AanbiederFactory(naam="Gezinsbehandeling IJsselkracht")  # the youth provider
    gi_x = AanbiederFactory(naam="Jeugdbescherming Gelderland", is_gi=True)
    gi_y = AanbiederFactory(naam="William Schrikker Stichting", is_gi=True)
    for aanbieder in (zorg, jeugd):
        contract(aanbieder, doetinchem)
    contract(zorg, oude_ijsselstreek)

    hier = Actoren(gemeente=doetinchem, aanbieder=zorg)
    jeugdzorg = Actoren(gemeente=doetinchem, aanbieder=jeugd, users=hier.users.copy())
    jeugdzorg.users.pop(Rol.AANBIEDER, None)
    jeugdbeschermer_x = user_met_rol(Rol.GI, gemeente=doetinchem, aanbieder=gi_x)
    jeugdbeschermer_y = user_met_rol(Rol.GI, gemeente=doetinchem, aanbieder=gi_y)
    eigen = Actoren(gemeente=doetinchem, aanbieder=jeugd, users={Rol.GI: jeugdbeschermer_x})
    ander = Actoren(gemeente=doetinchem, aanbieder=jeugd, users={Rol.GI: jeugdbeschermer_y})
    for actoren in (eigen, ander):
        actoren.users[Rol.AANBIEDER] = jeugdzorg[Rol.AANBIEDER]
        for rol in (Rol.TOEGANG, Rol.BACKOFFICE, Rol.RET, Rol.REGIO):
            actoren.users[rol] = hier[rol]
    elders = Actoren(gemeente=oude_ijsselstreek, aanbieder=zorg)
    elders.users[Rol.AANBIEDER] = hier[Rol.AANBIEDER]

    r1, r3 = "achterhoek-route-1", "achterhoek-route-3"
    trajecten = {
        "wmo": _traject(doetinchem, r1, hier, naam="Volwassen", wet="wmo", doel="3"),
        "gi_eigen": _traject(doetinchem, r3, eigen, naam="Eigen", wet="jeugdwet", doel="3"),
        "gi_ander": _traject(doetinchem, r3, ander, naam="Anders", wet="jeugdwet", doel="3"),
        "ret": _traject(doetinchem, r3, ander, naam="Expertise", wet="jeugdwet", doel="B"),
        "regio": _traject(doetinchem, r3, ander, naam="Regionaal", wet="jeugdwet", doel="C"),
        "elders": _traject(oude_ijsselstreek, r1, elders, naam="Elders", wet="wmo", doel="3"),
    }
    # the Wmo provider delivers the two Wmo trajecten, the youth provider the route-3 cases
    aanbieders = {naam: zorg if naam in ("wmo", "elders") else jeugd for naam in trajecten}
    for naam, traject in trajecten.items():
        Traject.objects.filter(pk=traject.pk).update(aanbieder=aanbieders[naam])
        traject.refresh_from_db()
    kanten = {
        naam: _records(
            traject,
            aanbieders[naam],
            3001 + i,
            hier[Rol.AANBIEDER] if aanbieders[naam] == zorg else jeugdzorg[Rol.AANBIEDER],
        )
        for i, (naam, traject) in enumerate(trajecten.items())
    }
    users = {
        Rol.TOEGANG: hier[Rol.TOEGANG],
        Rol.BACKOFFICE: hier[Rol.BACKOFFICE],
        Rol.AANBIEDER: hier[Rol.AANBIEDER],
        Rol.CLIENT: hier[Rol.CLIENT],
        Rol.VERWIJZER: hier[Rol.VERWIJZER],
        Rol.GI: jeugdbeschermer_x,
        Rol.RET: hier[Rol.RET],
        Rol.REGIO: hier[Rol.REGIO],
        Rol.FUNCTIONEEL_BEHEER: user_met_rol(
            Rol.FUNCTIONEEL_BEHEER, is_staff=True, is_superuser=True
        ),
    }
    inzage = Inzage.objects.create(
        user=hier[Rol.TOEGANG],
        model="traject",
        object_pk=str(kanten["wmo"].traject.pk),
        client_bsn=kanten["wmo"].client.bsn,
        via="portaal",
        reden="toegang (consulent) gemeente Doetinchem",
    )
    return Wereld(kanten=kanten, users=users, inzage=inzage, extra={"gi_y": jeugdbeschermer_y})
