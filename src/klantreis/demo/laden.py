"""The demo tenant: Heusden and the eight Achterhoek gemeenten, a dozen providers with
contracts, a user for every role, and clients with trajects in every step of every route —
some with overdue termijnen. Idempotent: a second run adds nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import cycle, pairwise

from django.db import transaction
from django.utils import timezone

from klantreis.accounts.models import Rol, Roltoewijzing, User
from klantreis.clients.models import Client, Toestemming
from klantreis.organisaties.models import Aanbieder, Consortium, Contract, Gemeente, Regio
from klantreis.producten.models import Product, Segment
from klantreis.routes import engine
from klantreis.routes.models import RouteVersie, Traject
from klantreis.routes.services import laad_routes
from klantreis.termijnen.models import Termijn

from . import lopen
from .bsn import test_bsns

WACHTWOORD = "klantreis-demo-2026"
DEMO_BSN_PREFIX = "9999"

GEMEENTEN = [
    # code, naam, regio, beschikkingsarm, betaling_na_startbericht
    ("0797", "Heusden", None, True, True),
    ("0197", "Aalten", "achterhoek", False, False),
    ("1859", "Berkelland", "achterhoek", False, False),
    ("1876", "Bronckhorst", "achterhoek", False, False),
    ("0222", "Doetinchem", "achterhoek", False, False),
    ("1955", "Montferland", "achterhoek", False, False),
    ("1586", "Oost Gelre", "achterhoek", False, False),
    ("1509", "Oude IJsselstreek", "achterhoek", False, False),
    ("0294", "Winterswijk", "achterhoek", False, False),
]
ACHTERHOEK = [code for code, _, regio, _, _ in GEMEENTEN if regio]

SEGMENTEN = [
    # code, naam, wet, hoofdsegment
    ("WMO-BEG", "Begeleiding", "wmo", None),
    ("WMO-BEG-IND", "Begeleiding individueel", "wmo", "WMO-BEG"),
    ("WMO-BEG-GRP", "Begeleiding groep (dagbesteding)", "wmo", "WMO-BEG"),
    ("WMO-HH", "Hulp bij het huishouden", "wmo", None),
    ("WMO-HH-BAS", "Huishoudelijke ondersteuning basis", "wmo", "WMO-HH"),
    ("WMO-BW", "Beschermd wonen", "wmo", None),
    ("WMO-BW-INT", "Beschermd wonen intramuraal", "wmo", "WMO-BW"),
    ("JW-AMB", "Jeugdhulp ambulant", "jeugdwet", None),
    ("JW-AMB-GEZ", "Gezinsbehandeling", "jeugdwet", "JW-AMB"),
    ("JW-AMB-IND", "Individuele begeleiding jeugd", "jeugdwet", "JW-AMB"),
    ("JW-GGZ", "Jeugd-ggz", "jeugdwet", None),
    ("JW-GGZ-SPEC", "Specialistische jeugd-ggz", "jeugdwet", "JW-GGZ"),
]

PRODUCTEN = [
    # wet, subsegment, categorie, code, naam, eenheid, tarief (eurocent per eenheid)
    ("wmo", "WMO-BEG-IND", "02", "02A01", "Begeleiding individueel", "04", 6150),
    ("wmo", "WMO-BEG-GRP", "07", "07A01", "Dagbesteding", "16", 5225),
    ("wmo", "WMO-HH-BAS", "01", "01A01", "Hulp bij het huishouden", "04", 3480),
    ("wmo", "WMO-BW-INT", "15", "15A01", "Beschermd wonen", "14", 14900),
    ("jeugdwet", "JW-AMB-GEZ", "45", "45A03", "Gezinsbehandeling", "04", 9875),
    ("jeugdwet", "JW-AMB-IND", "45", "45A11", "Individuele begeleiding jeugd", "04", 6900),
    ("jeugdwet", "JW-GGZ-SPEC", "54", "54001", "Specialistische jeugd-ggz", "01", 205),
]

AANBIEDERS = [
    # agb, naam, product codes, gemeenten ("heusden" / "achterhoek"), is_gi
    ("41000011", "Zorgkracht Heusden", ["02A01", "07A01"], "heusden", False),
    ("41000022", "Thuishulp Maasland", ["01A01"], "heusden", False),
    ("41000033", "Dagbesteding De Schakel", ["07A01"], "heusden", False),
    ("41000044", "Begeleiding Oost", ["02A01", "07A01"], "achterhoek", False),
    ("41000055", "Huishoudhulp Graafschap", ["01A01"], "achterhoek", False),
    ("41000066", "Woonzorg Slingeland", ["15A01"], "achterhoek", False),
    ("41000077", "Beschermd Wonen Gelre", ["15A01"], "achterhoek", False),
    ("41000088", "Jeugdhulp Achterhoek", ["45A03", "45A11"], "achterhoek", False),
    ("41000099", "Gezinsbehandeling IJsselkracht", ["45A03"], "achterhoek", False),
    ("41000101", "Kindzorg Graafschap", ["45A11"], "achterhoek", False),
    ("41000112", "GGz Jeugd Liemers", ["54001"], "achterhoek", False),
    ("41000123", "Jeugdbescherming Gelderland", [], "achterhoek", True),
]

VOORNAMEN = [
    "Anna",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Fenna",
    "Gerrit",
    "Hanna",
    "Iris",
    "Joost",
    "Kees",
    "Lotte",
    "Mohamed",
    "Noor",
    "Olga",
    "Pieter",
    "Ruben",
    "Sanne",
    "Thijs",
    "Willemijn",
    "Yusuf",
    "Zoë",
]
ACHTERNAMEN = [
    ("", "Bakker"),
    ("van", "Dijk"),
    ("", "Jansen"),
    ("de", "Vries"),
    ("", "Mulder"),
    ("van den", "Berg"),
    ("", "Smit"),
    ("", "Hendriks"),
    ("ter", "Horst"),
    ("", "Wissink"),
    ("", "Klein Gunnewiek"),
    ("", "Lensink"),
    ("", "Kruisselbrink"),
]


@dataclass
class Resultaat:
    gebruikers: list[tuple[str, str]] = field(default_factory=list)  # (username, omschrijving)
    trajecten: int = 0
    nieuw: bool = False
    declaraties: bool = False  # the declaratie and payment demo was loaded now


def _slug(naam: str) -> str:
    return naam.lower().replace(" ", "-").replace("'", "")


def _organisaties() -> dict:
    regio, _ = Regio.objects.get_or_create(
        code="achterhoek", defaults={"naam": "Sociaal Domein Achterhoek"}
    )
    gemeenten = {}
    for code, naam, regiocode, arm, na_start in GEMEENTEN:
        gemeenten[code], _ = Gemeente.objects.get_or_create(
            code=code,
            defaults={
                "naam": naam,
                "regio": regio if regiocode else None,
                "beschikkingsarm": arm,
                "betaling_na_startbericht": na_start,
            },
        )
    segmenten = {}
    for code, naam, wet, hoofd in SEGMENTEN:
        segmenten[code], _ = Segment.objects.get_or_create(
            code=code, defaults={"naam": naam, "wet": wet, "hoofdsegment": segmenten.get(hoofd)}
        )
    producten, tarieven = {}, {}
    for wet, sub, categorie, code, naam, eenheid, tarief in PRODUCTEN:
        producten[code], _ = Product.objects.get_or_create(
            wet=wet,
            categorie=categorie,
            code=code,
            defaults={
                "naam": naam,
                "segment": segmenten[sub],
                "eenheid": eenheid,
                "eigen_bijdrage": wet == "wmo",
            },
        )
        tarieven[code] = tarief
    aanbieders = {}
    for agb, naam, codes, waar, is_gi in AANBIEDERS:
        aanbieder, _ = Aanbieder.objects.get_or_create(
            agb_code=agb, defaults={"naam": naam, "is_gi": is_gi}
        )
        aanbieders[agb] = aanbieder
        doel = ["0797"] if waar == "heusden" else ACHTERHOEK
        for code in codes:
            for gemeentecode in doel:
                Contract.objects.get_or_create(
                    aanbieder=aanbieder,
                    gemeente=gemeenten[gemeentecode],
                    product=producten[code],
                    ingangsdatum=date(2023, 1, 1),
                    defaults={"tarief": tarieven[code]},
                )
    # Zorgkracht Heusden is hoofdaannemer for De Schakel (Heusden stap 7: the main contractor
    # sends the 305 for its subcontractor); two youth providers form a consortium.
    aanbieders["41000011"].onderaannemers.add(aanbieders["41000033"])
    consortium, _ = Consortium.objects.get_or_create(
        naam="Samen Sterk voor Jeugd Achterhoek", defaults={"penvoerder": aanbieders["41000088"]}
    )
    consortium.leden.add(aanbieders["41000088"], aanbieders["41000101"])
    return {"regio": regio, "gemeenten": gemeenten, "aanbieders": aanbieders}


def _gebruiker(
    username: str,
    omschrijving: str,
    rollen: list[tuple[str, object, object]],
    resultaat: Resultaat,
    **extra,
) -> User:
    user, nieuw = User.objects.get_or_create(username=username, defaults=extra)
    if nieuw:
        user.set_password(WACHTWOORD)
        user.save()
    for rol, gemeente, aanbieder in rollen:
        Roltoewijzing.objects.get_or_create(
            user=user, rol=rol, gemeente=gemeente, aanbieder=aanbieder
        )
    resultaat.gebruikers.append((username, omschrijving))
    return user


def _gebruikers(org: dict, resultaat: Resultaat) -> dict:
    g, a = org["gemeenten"], org["aanbieders"]
    achterhoek = [g[c] for c in ACHTERHOEK]
    users: dict = {"consulent": {}, "aanbieder": {}}
    for code, naam, *_ in GEMEENTEN:
        users["consulent"][code] = _gebruiker(
            f"consulent.{_slug(naam)}",
            f"Toegang (consulent), {naam}",
            [(Rol.TOEGANG, g[code], None)],
            resultaat,
            first_name="Consulent",
            last_name=naam,
        )
    users["backoffice.heusden"] = _gebruiker(
        "backoffice.heusden", "Backoffice, Heusden", [(Rol.BACKOFFICE, g["0797"], None)], resultaat
    )
    users["backoffice.achterhoek"] = _gebruiker(
        "backoffice.achterhoek",
        "Backoffice, alle Achterhoekse gemeenten",
        [(Rol.BACKOFFICE, gem, None) for gem in achterhoek],
        resultaat,
    )
    users["gi"] = _gebruiker(
        "jeugdbeschermer.gelderland",
        "Jeugdbeschermer (GI), Achterhoek",
        [(Rol.GI, gem, a["41000123"]) for gem in achterhoek],
        resultaat,
    )
    users["ret"] = _gebruiker(
        "ret.achterhoek",
        "Regionale Expertisetafel",
        [(Rol.RET, gem, None) for gem in achterhoek],
        resultaat,
    )
    users["regio"] = _gebruiker(
        "regio.achterhoek",
        "Regionale contactpersoon",
        [(Rol.REGIO, gem, None) for gem in achterhoek],
        resultaat,
    )
    for agb, naam, _codes, _waar, is_gi in AANBIEDERS:
        if not is_gi:
            users["aanbieder"][agb] = _gebruiker(
                f"zorg.{_slug(naam)}",
                f"Zorgaanbieder, {naam}",
                [(Rol.AANBIEDER, None, a[agb])],
                resultaat,
            )
    users["beheer"] = _gebruiker(
        "beheer",
        "Functioneel beheer (alle gemeenten, Django-beheer)",
        [(Rol.FUNCTIONEEL_BEHEER, None, None)],
        resultaat,
        is_staff=True,
        is_superuser=True,
    )
    return users


# Which provider a route's trajects go to, per gemeente group.
AANBIEDER_PER_ROUTE = {
    "heusden-stappenplan": "41000011",
    "achterhoek-route-1": "41000044",
    "achterhoek-route-1-oude-ijsselstreek": "41000044",
    "achterhoek-route-2": "41000088",
    "achterhoek-route-3": "41000099",
    "achterhoek-route-4": "41000066",
}
WET_PER_ROUTE = {"achterhoek-route-2": "jeugdwet", "achterhoek-route-3": "jeugdwet"}
DAGEN_PER_STAP = 4


def actor_voor(users: dict, gemeente: Gemeente, aanbieder: Aanbieder):
    """The demo user who acts in a role for this gemeente and provider (demo and simulation)."""

    def actor(rol: str):
        if rol == Rol.TOEGANG:
            return users["consulent"][gemeente.code]
        if rol == Rol.BACKOFFICE:
            return users[
                "backoffice.heusden" if gemeente.code == "0797" else "backoffice.achterhoek"
            ]
        if rol == Rol.AANBIEDER:
            return users["aanbieder"][aanbieder.agb_code]
        return users[rol]

    return actor


def _trajecten(org: dict, users: dict, resultaat: Resultaat) -> None:
    bsns = test_bsns(999_990_000)
    namen = cycle([(v, *a) for a in ACHTERNAMEN for v in VOORNAMEN[: len(VOORNAMEN) // 2]])
    gemeenten = cycle(ACHTERHOEK)
    vandaag = timezone.localdate()
    for index, rv in enumerate(RouteVersie.objects.order_by("route_id", "versie")):
        route = rv.route
        wet = WET_PER_ROUTE.get(rv.route_id, "wmo")
        aanbieder = org["aanbieders"][AANBIEDER_PER_ROUTE[rv.route_id]]
        doelen = [s.id for s in route.stappen] + ["__afgesloten__"]
        for stapnummer, doel in enumerate(doelen):
            code = rv.gemeenten[0] if len(rv.gemeenten) == 1 else next(gemeenten)
            while code not in rv.gemeenten:
                code = next(gemeenten)
            gemeente = org["gemeenten"][code]
            voornaam, voorvoegsel, achternaam = next(namen)
            jeugd = wet == "jeugdwet"
            client = Client.objects.create(
                bsn=next(bsns),
                voornamen=voornaam,
                voorletters=voornaam[0] + ".",
                voorvoegsel=voorvoegsel,
                achternaam=achternaam,
                geboortedatum=date(2012 if jeugd else 1948, 1 + stapnummer % 12, 1 + index % 28),
                geslacht="2" if stapnummer % 2 else "1",
                straat="Markt",
                huisnummer=str(10 + stapnummer),
                postcode="7001 AB",
                woonplaats=gemeente.naam,
                gemeente=gemeente,
                wet=wet,
            )
            Toestemming.objects.create(
                client=client,
                aanbieder=aanbieder,
                document_soort="ondersteuningsplan",
            )
            pad = (
                lopen.pad_naar(route, doel)
                if doel != "__afgesloten__"
                else lopen.pad_naar(route, next(s.id for s in route.stappen if s.einde))
            )
            # Later steps started longer ago; every third traject lingers so its current
            # termijn runs out (the work queue must show overdue work).
            wacht = 20 if stapnummer % 3 == 0 else 1
            start = vandaag - timedelta(days=DAGEN_PER_STAP * len(pad) + wacht)
            op = datetime.combine(
                start, datetime.min.time().replace(hour=10), tzinfo=timezone.get_current_timezone()
            )
            actor = actor_voor(users, gemeente, aanbieder)
            eerste = route.eerste_stap
            traject = engine.start_traject(
                client=client,
                gemeente=gemeente,
                route_id=rv.basis_route_id or rv.route_id,
                door=actor(eerste.rol),
                rol=eerste.rol,
                op=op,
                aanbieder=aanbieder if eerste.rol == Rol.AANBIEDER else None,
                eigenaar=users["consulent"][gemeente.code],
            )
            for huidig, volgende in pairwise(pad):
                assert traject.huidige_stap == huidig
                lopen.rond_af(traject, actor, naar=volgende, aanbieder=aanbieder, op=op)
                op += timedelta(days=DAGEN_PER_STAP)
            if doel == "__afgesloten__":
                lopen.rond_af(traject, actor, aanbieder=aanbieder, op=op)
            resultaat.trajecten += 1


@transaction.atomic
def laad_basis(resultaat: Resultaat | None = None) -> tuple[dict, dict]:
    """Gemeenten, providers, contracts and users, without trajects (the simulation's tenant)."""
    laad_routes()
    org = _organisaties()
    return org, _gebruikers(org, resultaat or Resultaat())


@transaction.atomic
def laad_demo() -> Resultaat:
    resultaat = Resultaat()
    org, users = laad_basis(resultaat)
    if not Traject.objects.filter(client__bsn__startswith=DEMO_BSN_PREFIX).exists():
        _trajecten(org, users, resultaat)
        resultaat.nieuw = True
    from .declaraties import laad_declaraties

    resultaat.declaraties = laad_declaraties(org, users)
    return resultaat


def verlopen_termijnen() -> int:
    return (
        Termijn.objects.verlopen().filter(traject__client__bsn__startswith=DEMO_BSN_PREFIX).count()
    )
