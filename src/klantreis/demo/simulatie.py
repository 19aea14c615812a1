"""One complete traject of a route, through the real exchange and the directory transport,
with a simulated provider on the other side. Wherever a route step is completed by a message,
the message is sent and the traject moves because it was processed — not by a shortcut."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.berichten import tasks as berichten_tasks
from klantreis.berichten.models import Bericht
from klantreis.berichten.transports import maak_transport
from klantreis.clients.models import Client
from klantreis.organisaties.models import Gemeente
from klantreis.routes import engine
from klantreis.routes.models import RouteVersie, TrajectStatus
from klantreis.simulatie.aanbieder import Aanvraag, Persoon, SimAanbieder
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Toewijzing, Verzoek

from . import lopen
from .bsn import test_bsns
from .laden import AANBIEDER_PER_ROUTE, WET_PER_ROUTE, actor_voor, laad_basis

PROVIDER_BERICHTEN = {"305", "307", "315"}


@dataclass
class Verslag:
    route: str
    stappen: list[dict] = field(default_factory=list)
    berichten: list[dict] = field(default_factory=list)
    termijnen: list[dict] = field(default_factory=list)
    regels: list[str] = field(default_factory=list)

    def meld(self, tekst: str) -> None:
        self.regels.append(tekst)


def _hoofdpad(route, stap_id: str):
    """The main path: the first transition that is not a return (the happy path)."""
    overgangen = [o for o in route.overgangen(stap_id) if o.soort != "terug"]
    return overgangen[0] if overgangen else None


class Simulatie:
    def __init__(self, route_id: str, uitvoer: Path, werkmap: Path):
        self.route_id = route_id
        self.uitvoer = uitvoer
        self.werkmap = werkmap
        self.verslag = Verslag(route=route_id)

    # -- set-up ---------------------------------------------------------------------------
    def _tenant(self):
        org, users = laad_basis()
        route_versie = (
            RouteVersie.objects.filter(route_id=self.route_id).order_by("-versie").first()
        )
        if route_versie is None:
            bekend = ", ".join(sorted(set(RouteVersie.objects.values_list("route_id", flat=True))))
            raise ValueError(f"Onbekende route {self.route_id!r}. Bekend: {bekend}.")
        gemeente = org["gemeenten"][route_versie.gemeenten[0]]
        aanbieder = org["aanbieders"][AANBIEDER_PER_ROUTE[self.route_id]]
        return route_versie, gemeente, aanbieder, actor_voor(users, gemeente, aanbieder)

    def _client(self, gemeente, wet) -> Client:
        bsn = next(b for b in test_bsns(999_970_000) if not Client.objects.filter(bsn=b).exists())
        jeugd = wet == "jeugdwet"
        return Client.objects.create(
            bsn=bsn,
            voornamen="Sam",
            voorletters="S",
            achternaam="Simulatie",
            geboortedatum=dt.date(2013, 6, 1) if jeugd else dt.date(1950, 6, 1),
            geslacht="1",
            straat="Stationsstraat",
            huisnummer="1",
            postcode="7001AA",
            woonplaats=gemeente.naam,
            gemeente=gemeente,
            wet=wet,
        )

    # -- the exchange ---------------------------------------------------------------------
    def _gemeente_ontvangt(self, gemeente: Gemeente) -> None:
        """The gemeente polls its inbox and processes what arrived (as its worker would)."""
        berichten_tasks.haal_op()

    def _uitwisselen(self, gemeente) -> None:
        """Lets the messages travel until both sides have read everything."""
        for _ in range(4):
            self._gemeente_ontvangt(gemeente)
            if not self.sim.verwerk_inbox():
                break

    # -- the run --------------------------------------------------------------------------
    def run(self) -> Verslag:
        route_versie, gemeente, aanbieder, actor = self._tenant()
        route = route_versie.route
        # this installation acts as the gemeente: its worker polls the gemeente's inbox
        settings.KLANTREIS_TRANSPORT = {
            "plugin": "directory",
            "opties": {"map": str(self.werkmap)},
            "eigenaren": [gemeente.code],
        }
        wet = WET_PER_ROUTE.get(self.route_id, "wmo")
        self.sim = SimAanbieder(
            agb=aanbieder.agb_code,
            transport=maak_transport(
                "directory", {"map": self.werkmap, "partij": aanbieder.agb_code}
            ),
        )
        client = self._client(gemeente, wet)
        eerste = route.eerste_stap
        with transaction.atomic():
            traject = engine.start_traject(
                client=client,
                gemeente=gemeente,
                route_id=route_versie.basis_route_id or self.route_id,
                door=actor(eerste.rol),
                rol=eerste.rol,
                aanbieder=aanbieder if eerste.rol == Rol.AANBIEDER else None,
            )
        verstuurd: set[str] = set()
        for _ in range(60):
            if traject.status == TrajectStatus.AFGESLOTEN:
                break
            stap = traject.stap
            overgang = _hoofdpad(route, stap.id)
            volgende = route.stap(overgang.naar) if overgang else None
            # the message this moment calls for, sent once: when it moved the traject into
            # a step that still needs something (Oude IJsselstreek 8a: the end evaluation),
            # the user completes that step, as in the portal
            bericht = None
            if stap.bericht in PROVIDER_BERICHTEN | {"301"}:
                bericht = stap.bericht
            elif (
                volgende is not None
                and volgende.bericht in ("301", "307")
                and not (
                    stap.documenten or stap.akkoorden  # a step with work of its own is done first
                )
            ):
                wie = overgang.rol or stap.rol
                if (volgende.bericht, wie) in (("307", Rol.AANBIEDER), ("301", Rol.BACKOFFICE)):
                    bericht = volgende.bericht
            if bericht is not None and bericht not in verstuurd:
                verstuurd.add(bericht)
                lopen.vervul(traject, actor, aanbieder=aanbieder)
                if bericht == "301":
                    self._gemeente_wijst_toe(traject, gemeente, aanbieder, client, actor)
                else:
                    self._aanbieder_stuurt(bericht, traject, gemeente, aanbieder, client)
            else:
                van = stap.id
                with transaction.atomic():
                    lopen.rond_af(
                        traject,
                        actor,
                        naar=overgang.naar if overgang else None,
                        aanbieder=aanbieder,
                    )
                if stap.bericht == "323":
                    self.verslag.meld(
                        f"stap {van}: declareren (323/325) hoort bij de declaratiemodule; de stap "
                        "is hier door de aanbieder afgerond"
                    )
            traject.refresh_from_db()
        else:
            raise RuntimeError(
                f"De simulatie van {self.route_id} liep vast op stap {traject.huidige_stap}."
            )
        self._verzamel(traject, gemeente)
        return self.verslag

    def _aanbieder_stuurt(self, code: str, traject, gemeente, aanbieder, client) -> None:
        persoon = Persoon(
            bsn=client.bsn,
            geboortedatum=client.geboortedatum,
            geslacht=client.geslacht,
            achternaam=client.achternaam,
            voorletters="S",
        )
        toewijzingen = list(Toewijzing.objects.filter(client=client, aanbieder=aanbieder))
        vandaag = timezone.localdate()
        if code == "315":
            standaard = services.STANDAARD[traject.wet]
            product = next(
                p
                for p in aanbieder.contracten.filter(gemeente=gemeente).select_related("product")
                if p.product.wet == traject.wet
            ).product
            self.sim.verzoek_om_toewijzing(
                gemeente.code,
                standaard,
                persoon,
                [
                    Aanvraag(
                        referentie=f"SIM-{traject.pk}",
                        categorie=product.categorie,
                        code=product.code,
                        ingangsdatum=vandaag + dt.timedelta(days=7),
                        einddatum=vandaag + dt.timedelta(days=180),
                        volume=3,
                        eenheid=product.eenheid,
                        frequentie="2",
                        verwijzer="04" if self.route_id == "achterhoek-route-3" else "02",
                        verwijzer_naam="Jeugdbescherming Gelderland"
                        if self.route_id == "achterhoek-route-3"
                        else "Huisartsenpraktijk De Linde",
                    )
                ],
            )
        elif code == "305":
            for t in toewijzingen:
                self.sim.start(gemeente.code, t.nummer, t.ingangsdatum)
        elif code == "307":
            reden = "19" if traject.wet == "wmo" else "31"  # levering volgens plan beëindigd
            for t in toewijzingen:
                self.sim.stop(
                    gemeente.code, t.nummer, t.ingangsdatum, t.einddatum or vandaag, reden
                )
        self._uitwisselen(gemeente)

    def _gemeente_wijst_toe(self, traject, gemeente, aanbieder, client, actor) -> None:
        backoffice = actor(Rol.BACKOFFICE)
        verzoek = Verzoek.objects.filter(
            client=client, aanbieder=aanbieder, status="ontvangen"
        ).first()
        with transaction.atomic():
            if verzoek is not None:
                product = next(
                    c.product
                    for c in aanbieder.contracten.filter(gemeente=gemeente)
                    if c.product.categorie == verzoek.inhoud["product"]["categorie"]
                )
                services.honoreer_vot(verzoek, product=product, door=backoffice)
            else:
                product = aanbieder.contracten.filter(gemeente=gemeente).first().product
                vandaag = timezone.localdate()
                services.wijs_toe(
                    client=client,
                    aanbieder=aanbieder,
                    gemeente=gemeente,
                    product=product,
                    ingangsdatum=vandaag + dt.timedelta(days=7),
                    einddatum=vandaag + dt.timedelta(days=365),
                    volume=2,
                    frequentie="2",
                    traject=traject,
                    door=backoffice,
                )
        self._uitwisselen(gemeente)

    def _verzamel(self, traject, gemeente) -> None:
        for g in traject.gebeurtenissen.select_related("door").order_by("op", "pk"):
            naar = g.naar_stap or None
            naam = traject.route.stap(naar).naam if naar else None
            wie = g.door.username if g.door else "berichtenverkeer"
            self.verslag.stappen.append(
                {
                    "gebeurtenis": g.soort,
                    "van": g.van_stap or None,
                    "naar": naar,
                    "naam": naam,
                    "rol": g.rol,
                    "door": wie,
                    "reden": g.reden,
                }
            )
            self.verslag.meld(
                f"{g.get_soort_display()}: {g.van_stap or '-'} → {naar or '-'}"
                f"{' (' + naam + ')' if naam else ''}, door {wie} ({g.rol})"
            )
        self.uitvoer.mkdir(parents=True, exist_ok=True)
        for n, bericht in enumerate(
            Bericht.objects.filter(eigenaar=gemeente.code).order_by("pk"), 1
        ):
            prefix = "WMO" if bericht.standaard == "iwmo" else "JW"
            code = f"{prefix}{bericht.berichtcode}"
            naam = f"{n:02d}_{code}_{bericht.afzender}_{bericht.identificatie}.xml"
            (self.uitvoer / naam).write_bytes(bytes(bericht.inhoud))
            self.verslag.berichten.append(
                {
                    "bericht": bericht.berichtcode,
                    "bestand": str(self.uitvoer / naam),
                    "richting": bericht.richting,
                    "status": bericht.status,
                }
            )
            self.verslag.meld(f"bericht {prefix}{bericht.berichtcode} ({bericht.richting}): {naam}")
        for t in traject.termijnen.order_by("pk"):
            self.verslag.termijnen.append(
                {"naam": t.naam, "einddatum": t.einddatum.isoformat(), "gehaald": t.gehaald}
            )
            self.verslag.meld(
                f"termijn {t.naam}: uiterlijk {t.einddatum:%d-%m-%Y}, "
                f"{'gehaald' if t.gehaald else 'open' if t.gehaald is None else 'te laat'}"
            )


def simuleer(route_id: str, uitvoer: Path, werkmap: Path | None = None) -> Verslag:
    werkmap = werkmap or (settings.VAR_DIR / "simulatie" / route_id)
    shutil.rmtree(werkmap, ignore_errors=True)
    return Simulatie(route_id, uitvoer, werkmap).run()
