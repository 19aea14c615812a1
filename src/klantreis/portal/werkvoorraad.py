"""The work queue (issue, item 2): what waits for this user, per role, ordered by due date
with the overdue first. A consulent (toegang): the trajects they own at a step of theirs,
and the overdue termijnen of those trajects. Backoffice: messages refused or not delivered,
open verzoeken (315/317 awaiting a 301 or 319), trajects at a backoffice step. A provider's
staff: new toewijzingen (301) without a start (305) — late once the ingangsdatum has passed
— and trajects at a step of the provider (plans to write). The jeugdbeschermer (GI), the RET
and the regionale contactpersoon: trajects at a step of theirs (Achterhoek route 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, F, Min, OuterRef, Q
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.routes.models import RouteVersie, Traject, TrajectStatus
from klantreis.routes.standaardtermijnen import verzoek_uiterlijk
from klantreis.termijnen.kalender import Kalender
from klantreis.toegang import beleid as toegang

SOORTEN = {
    "stap": "Stap aan de beurt",
    "termijn": "Termijn verlopen",
    "bericht": "Bericht afgekeurd of niet verzonden",
    "verzoek": "Verzoek open",
    "toewijzing": "Nieuwe toewijzing, start melden",
    "weigering": "Geweigerd door aanbieder",
    "beeindigen": "Toewijzing beëindigen na stop",
}


@dataclass
class Item:
    soort: str
    titel: str
    url: str
    uiterlijk: date | None
    gemeente: object = None
    route: str = ""  # route id (a gemeente variant under its base route)
    routenaam: str = ""
    stap: str = ""
    stapnaam: str = ""
    aanbieder: object = None
    client: str = ""
    verlopen: bool = field(default=False)

    @property
    def soortnaam(self) -> str:
        return SOORTEN[self.soort]


def _aanbieders(user) -> list:
    uit = []
    for rt in user.roltoewijzingen.filter(rol=Rol.AANBIEDER, aanbieder__isnull=False):
        uit += [rt.aanbieder, *rt.aanbieder.onderaannemers.all()]
    return uit


def _traject_url(pk: int) -> str:
    """``reverse("portal:traject")`` resolved once per werkvoorraad: at 10,000 items the
    resolver's per-call work was a third of the remaining time."""
    return _traject_url.sjabloon.replace("999999999", str(pk))


def _traject_item(traject: Traject, soort="stap", titel=None, uiterlijk=None) -> Item:
    rv = traject.route_versie
    stap = traject.stap
    return Item(
        soort=soort,
        titel=titel or f"Stap {stap.id}: {stap.naam}",
        url=_traject_url(traject.pk),
        uiterlijk=uiterlijk if soort != "stap" else traject.volgende_termijn,
        gemeente=traject.gemeente,
        route=rv.basis_route_id or rv.route_id,
        routenaam=rv.naam,
        stap=stap.id,
        stapnaam=stap.naam,
        aanbieder=traject.aanbieder,
        client=traject.client.naam,
    )


def _routeversies() -> dict[int, RouteVersie]:
    """Every route version, each parsed once: a traject's step is looked up in its version's
    definition, and parsing that JSON per traject was most of the time at 10,000 trajects
    (docs/performance.md, "Werkvoorraad")."""
    return {rv.pk: rv for rv in RouteVersie.objects.all()}


def _trajecten_op_stap(qs, user, rol: str, versies: dict[int, RouteVersie]) -> list[Item]:
    """Active trajects whose current step is ``rol``'s, and — for a gemeente role — only in
    the gemeenten the user has that role for. Both in the query: the steps of each route
    version that belong to the role are known from its definition."""
    op_stap = Q(pk__in=[])
    for rv in versies.values():
        stappen = [s.id for s in rv.route.stappen if s.rol == rol]
        if stappen:
            op_stap |= Q(route_versie_id=rv.pk, huidige_stap__in=stappen)
    qs = qs.filter(op_stap, status=TrajectStatus.ACTIEF)
    if rol != Rol.AANBIEDER:
        met_rol = user.roltoewijzingen.filter(rol=rol)
        if not met_rol.filter(gemeente__isnull=True).exists():  # else: every gemeente
            qs = qs.filter(gemeente_id__in=met_rol.values("gemeente_id"))
    lopend = Q(termijnen__voldaan_op__isnull=True, termijnen__vervallen=False)
    qs = qs.select_related("client", "gemeente", "aanbieder").annotate(
        volgende_termijn=Min("termijnen__einddatum", filter=lopend)
    )
    uit = []
    for traject in qs:
        traject.route_versie = versies[traject.route_versie_id]
        uit.append(_traject_item(traject))
    return uit


def _consulent(user, vandaag: date) -> list[Item]:
    eigen = toegang.zichtbare_trajecten(user).filter(eigenaar=user)
    versies = _routeversies()
    uit = _trajecten_op_stap(eigen, user, Rol.TOEGANG, versies)
    from klantreis.termijnen.models import Termijn

    verlopen = (
        Termijn.objects.filter(
            traject__in=eigen.filter(status=TrajectStatus.ACTIEF),
            voldaan_op__isnull=True,
            vervallen=False,
            einddatum__lt=vandaag,
        )
        .select_related("traject__client", "traject__gemeente", "traject__aanbieder")
        .order_by("einddatum")
    )
    for termijn in verlopen:
        termijn.traject.route_versie = versies[termijn.traject.route_versie_id]
        uit.append(
            _traject_item(termijn.traject, "termijn", termijn.naam, uiterlijk=termijn.einddatum)
        )
    return uit


def _backoffice(user, vandaag: date) -> list[Item]:
    from klantreis.berichten.workflow import Status
    from klantreis.toewijzingen.models import VerzoekSoort, VerzoekStatus

    uit = _trajecten_op_stap(
        toegang.zichtbare_trajecten(user), user, Rol.BACKOFFICE, _routeversies()
    )
    berichten = (
        toegang.zichtbare_berichten(user)
        .filter(status__in=[Status.AFGEKEURD, Status.MISLUKT])
        .select_related("traject__gemeente", "traject__client")
    )
    for bericht in berichten:
        traject = bericht.traject
        uit.append(
            Item(
                soort="bericht",
                titel=f"{bericht.standaard or ''} {bericht.berichtcode or ''} "
                f"({bericht.get_status_display().lower()}) van {bericht.afzender} "
                f"aan {bericht.ontvanger}".strip(),
                # the message page: header, retour pair, rule outcomes, the XML (issue 6)
                url=reverse("portal:bericht", args=[bericht.pk]),
                uiterlijk=None,
                gemeente=traject.gemeente if traject else None,
                client=traject.client.naam if traject else "",
            )
        )
    verzoeken = (
        toegang.zichtbare_verzoeken(user)
        # the verzoek's page is the back office's: only the gemeenten it does that work for
        .filter(gemeente__in=toegang.backoffice_gemeenten(user))
        .filter(status__in=[VerzoekStatus.ONTVANGEN, VerzoekStatus.IN_ONDERZOEK])
        .select_related("gemeente", "aanbieder", "client", "traject")
    )
    kalender = Kalender()
    for verzoek in verzoeken:
        # OP274/OP346: 5 werkdagen, or 8 weken once "in onderzoek" (termijnen/standaard.yaml)
        uiterlijk = verzoek_uiterlijk(
            verzoek.dagtekening,
            berichtcode="317" if verzoek.soort == VerzoekSoort.VOW else "315",
            in_onderzoek=verzoek.status == VerzoekStatus.IN_ONDERZOEK,
            kalender=kalender,
        ).einddatum
        uit.append(
            Item(
                soort="verzoek",
                titel=f"{verzoek.get_soort_display()} ({verzoek.get_status_display().lower()})",
                url=reverse("portal:verzoek", args=[verzoek.pk]),
                uiterlijk=uiterlijk,
                gemeente=verzoek.gemeente,
                aanbieder=verzoek.aanbieder,
                client=verzoek.client.naam,
            )
        )
    return uit + _weigeringen(user, kalender) + _te_beeindigen(user, kalender)


# A refused 301/319 and a toewijzing to end after a final 307 are the gemeente's own work: no
# rule of the standard sets a term, so they are due like the answer to a verzoek (an
# assumption of this queue, decision 0013).
EIGEN_WERK = "5 werkdagen"


def _weigeringen(user, kalender: Kalender) -> list[Item]:
    """Our 301 (319) refused by the provider with a 302 (320) (decision 0013): open until it
    accepts a later one. Due like a verzoek: an assumption of this queue, no rule."""
    from klantreis.toewijzingen.models import Weigering

    gemeenten = toegang.backoffice_gemeenten(user)  # the pages linked are the back office's
    open_ = (
        Weigering.objects.filter(opgelost_op__isnull=True)
        .filter(Q(toewijzing__gemeente__in=gemeenten) | Q(verzoek__gemeente__in=gemeenten))
        .select_related(
            "toewijzing__gemeente",
            "toewijzing__aanbieder",
            "toewijzing__client",
            "verzoek__gemeente",
            "verzoek__aanbieder",
            "verzoek__client",
        )
    )
    uit = []
    for w in open_:
        codes = ", ".join(w.retourcodes)
        if w.toewijzing is not None:
            record, titel = (
                w.toewijzing,
                (f"Toewijzing {w.toewijzing.nummer} afgewezen door aanbieder (302: {codes})"),
            )
            url = reverse("portal:toewijzing", args=[w.toewijzing_id])
        else:
            record, titel = w.verzoek, f"Antwoord (319) afgewezen door aanbieder (320: {codes})"
            url = reverse("portal:verzoek", args=[w.verzoek_id])
        uit.append(
            Item(
                soort="weigering",
                titel=titel,
                url=url,
                uiterlijk=kalender.bereken(w.ontvangen_op.date(), EIGEN_WERK).einddatum,
                gemeente=record.gemeente,
                aanbieder=record.aanbieder,
                client=record.client.naam,
            )
        )
    return uit


def _te_beeindigen(user, kalender: Kalender) -> list[Item]:
    """A final stop (307, reason other than 20) whose toewijzing still runs past the stop
    date: the gemeente ends it itself (decision 0013); the item goes once the einddatum is on
    or before the stop date. Due like a verzoek (an assumption of this queue)."""
    qs = (
        toegang.zichtbare_toewijzingen(user)
        .filter(gemeente__in=toegang.backoffice_gemeenten(user))
        .met_open_definitieve_stop()
        .select_related("gemeente", "aanbieder", "client")
    )
    return [
        Item(
            soort="beeindigen",
            titel=f"Toewijzing {t.nummer} beëindigen per stopdatum {t.stopdatum:%d-%m-%Y} (307)",
            url=reverse("portal:toewijzing", args=[t.pk]),
            uiterlijk=kalender.bereken(t.stop_gemeld.date(), EIGEN_WERK).einddatum,
            gemeente=t.gemeente,
            aanbieder=t.aanbieder,
            client=t.client.naam,
        )
        for t in qs
    ]


def _aanbieder(user, vandaag: date) -> list[Item]:
    from klantreis.toewijzingen.models import MeldingSoort, Toewijzing, ZorgMelding

    aanbieders = _aanbieders(user)
    if not aanbieders:
        return []
    eigen = toegang.zichtbare_trajecten(user).filter(aanbieder__in=aanbieders)
    uit = _trajecten_op_stap(eigen, user, Rol.AANBIEDER, _routeversies())
    gestart = ZorgMelding.objects.filter(
        toewijzing=OuterRef("pk"), soort=MeldingSoort.START, actueel=True
    )
    nieuw = (
        Toewijzing.objects.filter(aanbieder__in=aanbieders)
        .actueel(vandaag)
        .filter(~Exists(gestart))
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=F("ingangsdatum")))
        .select_related("gemeente", "aanbieder", "client")
    )
    for toewijzing in nieuw:
        uit.append(
            Item(
                soort="toewijzing",
                titel=f"Toewijzing {toewijzing.nummer}: {toewijzing.categorie}{toewijzing.code}"
                f" per {toewijzing.ingangsdatum:%d-%m-%Y}",
                url=reverse("portal:traject", args=[toewijzing.traject_id])
                if toewijzing.traject_id
                else "",
                uiterlijk=toewijzing.ingangsdatum,
                gemeente=toewijzing.gemeente,
                aanbieder=toewijzing.aanbieder,
                client=toewijzing.client.naam,
            )
        )
    return uit


def _op_eigen_stap(rol: str):
    """The roles of route 3 (Achterhoek): the jeugdbeschermer (GI), the Regionale
    Expertisetafel and the regionale contactpersoon have no queue of their own but the
    trajects standing at one of their steps, in the gemeenten they hold the role for — the RET
    must discuss a case within two weeks (stap B), which it can only do when it sees it."""

    def items(user, vandaag: date) -> list[Item]:
        return _trajecten_op_stap(toegang.zichtbare_trajecten(user), user, rol, _routeversies())

    return items


PER_ROL = {
    Rol.TOEGANG: _consulent,
    Rol.BACKOFFICE: _backoffice,
    Rol.AANBIEDER: _aanbieder,
    Rol.GI: _op_eigen_stap(Rol.GI),
    Rol.RET: _op_eigen_stap(Rol.RET),
    Rol.REGIO: _op_eigen_stap(Rol.REGIO),
}


def werkvoorraad(user, vandaag: date) -> list[Item]:
    """Everything waiting for this user in any of their roles, overdue first, then by due
    date (items without one last)."""
    rollen = set(user.roltoewijzingen.values_list("rol", flat=True))
    _traject_url.sjabloon = reverse("portal:traject", args=[999999999])
    items: list[Item] = []
    for rol, functie in PER_ROL.items():
        if rol in rollen:
            items += functie(user, vandaag)
    gezien, uniek = set(), []
    for item in items:
        sleutel = (item.soort, item.url, item.titel)
        if sleutel not in gezien:
            gezien.add(sleutel)
            uniek.append(item)
    for item in uniek:
        item.verlopen = item.uiterlijk is not None and item.uiterlijk < vandaag
    return sorted(
        uniek, key=lambda i: (not i.verlopen, i.uiterlijk is None, i.uiterlijk or vandaag)
    )


def filter_items(items: list[Item], *, gemeente="", route="", stap="", aanbieder="") -> list:
    uit = items
    if gemeente:
        uit = [i for i in uit if i.gemeente is not None and str(i.gemeente.pk) == str(gemeente)]
    if route:
        uit = [i for i in uit if i.route == route]
    if stap:
        uit = [i for i in uit if i.stap == stap]
    if aanbieder:
        uit = [i for i in uit if i.aanbieder is not None and str(i.aanbieder.pk) == aanbieder]
    return uit


def tellingen(items: list[Item]) -> list[tuple[str, int, int]]:
    """Per kind: (name, number, of which overdue)."""
    uit = []
    for soort, naam in SOORTEN.items():
        van = [i for i in items if i.soort == soort]
        if van:
            uit.append((naam, len(van), sum(i.verlopen for i in van)))
    return uit
