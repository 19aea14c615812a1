"""What a received 305, 307, 315 or 317 means for the gemeente: checked against history
(``regels``), recorded, and the traject, its termijnen and the CAK follow. The exchange
(``berichten.verwerking``) runs each handler in a savepoint: faults roll everything back and
go into the retour; no faults keep it all, and the retour goes out in the same transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging

from django.utils import timezone

from klantreis import istandaarden as ist
from klantreis.berichten.afhandeling import Afhandeling, registreer
from klantreis.berichten.services import naar_json
from klantreis.berichten.verwerking import retourcodes
from klantreis.clients import services as clients_services
from klantreis.clients.models import Client
from klantreis.istandaarden import Fout
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.routes import engine
from klantreis.routes.models import TrajectStatus
from klantreis.termijnen import services as termijnen

from . import cak, regels
from .models import (
    CakMelding,
    MeldingSoort,
    Toewijzing,
    Verzoek,
    VerzoekSoort,
    Weigering,
    ZorgMelding,
)
from .services import STANDAARD, beweeg_traject
from .signalen import startbericht_verwerkt

log = logging.getLogger(__name__)
WET = {v: k for k, v in STANDAARD.items()}


def _partijen(message):
    gemeente = Gemeente.objects.filter(code=message.header.ontvanger).first()
    aanbieder = Aanbieder.objects.filter(agb_code=message.header.afzender).first()
    return gemeente, aanbieder


def _vandaag() -> dt.date:
    return timezone.localdate()


def _regie(traject) -> str:
    return traject.route.regie[0]


def _koppel(bericht, traject) -> None:
    if traject is not None and bericht.traject_id is None:
        bericht.traject = traject
        bericht.save(update_fields=["traject"])


def _volg(traject, code: str, reden: str, *, startdatum=None, verzetten: bool = True) -> None:
    """An accepted provider message: the traject completes the step it stands for, its own
    termijnen follow, and the retour that goes out in this transaction meets its termijn
    (OP090: 306/308/316/318 within 3 werkdagen)."""
    if verzetten:
        beweeg_traject(traject, code, door=None, rol="aanbieder", reden=reden)
    termijnen.bij_bericht(traject, code, _vandaag(), startdatum=startdatum)
    termijnen.bij_bericht(traject, ist.RETOUR_VAN[code], _vandaag())


def _cak(soort: str, toewijzing: Toewijzing, melding: ZorgMelding, datum: dt.date) -> None:
    """Heusden stap 7 / Achterhoek 8a: the CAK learns when the eigen bijdrage starts and stops,
    for a Wmo maatwerkvoorziening with eigen bijdrage."""
    product = toewijzing.product
    if toewijzing.wet == "wmo" and product is not None and product.eigen_bijdrage:
        CakMelding.objects.create(soort=soort, toewijzing=toewijzing, melding=melding, datum=datum)


@registreer("305")
def verwerk_305(bericht, message) -> Afhandeling:
    gemeente, aanbieder = _partijen(message)
    bsn = message.client.bsn
    fouten, gestart = [], []
    for product in message.client.start_producten:
        pad = regels.PAD_START
        toewijzing = regels.zoek_toewijzing(gemeente, aanbieder, bsn, product.toewijzing_nummer)
        fout = regels.tr019_melding_hoort_bij_toewijzing(toewijzing, product, pad)
        if fout is None and product.status_aanlevering.value == "1":
            fout = regels.tr074_sleutel_is_nieuw(MeldingSoort.START, bsn, product, pad) or (
                regels.tr326_geen_actuele_start(toewijzing, product, pad)
            )
        elif fout is None:
            fout = regels.tr063_verwijderen_vraagt_eerdere_aanlevering(
                MeldingSoort.START, bsn, product, pad
            ) or regels.tr071_start_met_stop_niet_verwijderen(bsn, product, pad)
        if fout is not None:
            fouten.append(fout)
            continue
        melding = _leg_vast(MeldingSoort.START, bericht, toewijzing, bsn, product)
        if melding.actueel:
            gestart.append((toewijzing, melding))
    if fouten:
        return Afhandeling(fouten)
    for toewijzing, melding in gestart:
        traject = toewijzing.traject
        _koppel(bericht, traject)
        _cak(MeldingSoort.START, toewijzing, melding, melding.begindatum)
        startbericht_verwerkt.send(sender=Toewijzing, toewijzing=toewijzing, melding=melding)
        if traject is None:
            continue
        if traject.status == TrajectStatus.OPGESCHORT:  # care resumes after a pause (307/20)
            engine.resume(traject, door=None, rol=_regie(traject), reden="Zorg hervat (305)")
        _volg(traject, "305", "Startbericht (305)", startdatum=melding.begindatum)
    return Afhandeling([])


@registreer("307")
def verwerk_307(bericht, message) -> Afhandeling:
    gemeente, aanbieder = _partijen(message)
    bsn = message.client.bsn
    fouten, gestopt = [], []
    for product in message.client.stop_producten:
        pad = regels.PAD_STOP
        toewijzing = regels.zoek_toewijzing(gemeente, aanbieder, bsn, product.toewijzing_nummer)
        fout = regels.tr019_melding_hoort_bij_toewijzing(toewijzing, product, pad)
        if fout is None and product.status_aanlevering.value == "1":
            fout = (
                # the specific stop rules first: a second reden 20 is TR413, not just TR074
                regels.tr382_stop_neemt_sleutel_van_start_over(bsn, product, pad)
                or regels.tr415_geen_tweede_definitieve_stop(bsn, product, pad)
                or regels.tr413_na_tijdelijke_stop_een_definitieve(bsn, product, pad)
                or regels.tr414_einddatum_niet_voor_eerdere_stop(bsn, product, pad)
                or regels.tr074_sleutel_is_nieuw(MeldingSoort.STOP, bsn, product, pad)
            )
        elif fout is None:
            fout = regels.tr063_verwijderen_vraagt_eerdere_aanlevering(
                MeldingSoort.STOP, bsn, product, pad
            )
        if fout is not None:
            fouten.append(fout)
            continue
        melding = _leg_vast(MeldingSoort.STOP, bericht, toewijzing, bsn, product)
        if melding.actueel:
            gestopt.append((toewijzing, melding))
    if fouten:
        return Afhandeling(fouten)
    for toewijzing, melding in gestopt:
        traject = toewijzing.traject
        _koppel(bericht, traject)
        tijdelijk = melding.reden_beeindiging == "20"
        _cak(MeldingSoort.STOP, toewijzing, melding, melding.einddatum)
        if traject is None or traject.status != TrajectStatus.ACTIEF:
            continue
        if tijdelijk:  # Heusden stap 9: a pause of more than a month is reported with a stop
            engine.suspend(
                traject,
                door=None,
                rol=_regie(traject),
                reden=f"Levering tijdelijk beëindigd per {melding.einddatum:%d-%m-%Y} "
                "(307, reden 20)",
            )
        _volg(
            traject,
            "307",
            "Stopbericht (307)",
            startdatum=melding.einddatum,  # OP272: 5 werkdagen from the actual stop
            verzetten=not tijdelijk,
        )
    return Afhandeling([])


def _leg_vast(soort, bericht, toewijzing, bsn, product) -> ZorgMelding:
    """Records one StartProduct/StopProduct; a delete (status 3) retires the earlier one."""
    stop = soort == MeldingSoort.STOP
    ingetrokken = []
    if product.status_aanlevering.value == "3":
        eerder = ZorgMelding.objects.filter(
            soort=soort,
            bsn=bsn,
            toewijzing_nummer=product.toewijzing_nummer,
            begindatum=product.begindatum,
            actueel=True,
        )
        if stop:
            eerder = eerder.filter(reden_beeindiging=product.reden_beeindiging.value)
        ingetrokken = list(eerder.values_list("pk", flat=True))
        eerder.update(actueel=False)
    melding = ZorgMelding.objects.create(
        soort=soort,
        toewijzing=toewijzing,
        bsn=bsn,
        toewijzing_nummer=product.toewijzing_nummer,
        begindatum=product.begindatum,
        einddatum=product.einddatum if stop else None,
        reden_beeindiging=product.reden_beeindiging.value if stop else "",
        status_aanlevering=product.status_aanlevering.value,
        actueel=product.status_aanlevering.value == "1",
        bericht=bericht,
    )
    if ingetrokken:  # a CAK notice already delivered is corrected
        cak.bij_intrekking(melding, ingetrokken)
    return melding


def _client_uit_315(gemeente, client315, wet: str) -> Client:
    naam = client315.naam
    return clients_services.client_uit_bericht(
        bsn=client315.bsn,
        voornamen=naam.voornamen or "",
        voorletters=naam.voorletters or "",
        voorvoegsel=naam.geslachtsnaam.voorvoegsel or "",
        achternaam=naam.geslachtsnaam.achternaam,
        geboortedatum=client315.geboortedatum.datum,
        geslacht=client315.geslacht.value,
        gemeente=gemeente,
        wet=wet,
    )


def _route_voor_verwijzer(gemeente, verwijzer: str, op: dt.date):
    """The route a 315 opens: the one whose file lists this Verwijzer type (e.g. Achterhoek
    route 2 for a huisarts, route 3 for a GI)."""
    for rv in engine.routes_voor_gemeente(gemeente, op):
        if verwijzer in rv.definitie.get("verzoek_verwijzers", []):
            return rv
    return None


def _aanbieder_zonder_contract(agb: str) -> Aanbieder:
    """A 315 of a provider we do not know yet (route 2 stap I: a provider without a contract
    is not paid without a decision of the gemeente): the request is kept for the back office
    to decide — a 319 with reason 3 "geen contract", or a contract and a 301 — so the
    provider is registered under its AGB code, which the transport (GGk, VECOZO) vouches for.
    Its name comes from functioneel beheer; no contract, no users."""
    aanbieder, nieuw = Aanbieder.objects.get_or_create(
        agb_code=agb, defaults={"naam": f"Onbekende aanbieder (AGB {agb})"}
    )
    if nieuw:
        log.warning("Verzoek om toewijzing van onbekende aanbieder AGB %s: geregistreerd", agb)
    return aanbieder


@registreer("315")
def verwerk_315(bericht, message) -> Afhandeling:
    gemeente, aanbieder = _partijen(message)
    if gemeente is not None and aanbieder is None:
        aanbieder = _aanbieder_zonder_contract(message.header.afzender)
    wet = WET[message.standaard]
    client315 = message.client
    fouten = []
    for product in client315.aangevraagde_producten:
        fout = regels.tr347_referentie_uniek(
            aanbieder, wet, product.referentie_aanbieder, product, regels.PAD_VOT
        ) or regels.tr374_geen_onderhanden_verzoek(
            gemeente, aanbieder, client315.bsn, product, regels.PAD_VOT
        )
        if fout is not None:
            fouten.append(fout)
    if fouten or gemeente is None or aanbieder is None:
        return Afhandeling(fouten)
    client = _client_uit_315(gemeente, client315, wet)
    traject = _traject_voor_verzoek(gemeente, aanbieder, client, client315)
    _koppel(bericht, traject)
    for product in client315.aangevraagde_producten:
        Verzoek.objects.create(
            soort=VerzoekSoort.VOT,
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=client,
            traject=traject,
            wet=wet,
            referentie_aanbieder=product.referentie_aanbieder,
            inhoud=naar_json(product),
            dagtekening=message.header.bericht_identificatie.dagtekening,
            bericht=bericht,
        )
    if traject is not None:
        _volg(traject, "315", "Verzoek om toewijzing (315)")
    return Afhandeling([])


def _traject_voor_verzoek(gemeente, aanbieder, client, client315):
    """An open traject waiting for this provider's 315, or a new one on the route the
    referral type opens (route 2: huisarts, jeugdarts, specialist; route 3: GI)."""
    for traject in client.trajecten.filter(status=TrajectStatus.ACTIEF, aanbieder=aanbieder):
        if traject.stap.bericht == "315" or any(
            traject.route.stap(o.naar).bericht == "315"
            for o in traject.route.overgangen(traject.huidige_stap)
        ):
            return traject
    verwijzer = client315.aangevraagde_producten[0].verwijzer.type.value
    route_versie = _route_voor_verwijzer(gemeente, verwijzer, _vandaag())
    if route_versie is None:
        return None
    stap = next(s.id for s in route_versie.route.stappen if s.bericht == "315")
    return engine.start_traject(
        client=client,
        gemeente=gemeente,
        route_id=route_versie.basis_route_id or route_versie.route_id,
        door=None,
        rol="aanbieder",
        aanbieder=aanbieder,
        stap=stap,
        reden=f"Geopend door een verzoek om toewijzing (315) van {aanbieder.naam}",
    )


@registreer("317")
def verwerk_317(bericht, message) -> Afhandeling:
    gemeente, aanbieder = _partijen(message)
    wet = WET[message.standaard]
    verzoek = message.client.verzoek
    bsn = message.client.bsn
    actueel = (
        {
            t.nummer: t
            for t in Toewijzing.objects.actueel(_vandaag()).filter(
                gemeente=gemeente, aanbieder=aanbieder, client__bsn=bsn, wet=wet
            )
        }
        if gemeente and aanbieder
        else {}
    )
    fouten = []
    for product in verzoek.ongewijzigde_producten:
        fout = regels.tr350_ongewijzigd_is_actueel(
            product.toewijzing_nummer, set(actueel), product, regels.PAD_VOW
        )
        if fout:
            fouten.append(fout)
    for product in verzoek.te_wijzigen_producten:
        fout = regels.tr351_te_wijzigen_is_actueel(
            product.toewijzing_nummer, set(actueel), product, regels.PAD_VOW
        )
        if fout:
            fouten.append(fout)
    genoemd = {p.toewijzing_nummer for p in verzoek.ongewijzigde_producten} | {
        p.toewijzing_nummer for p in verzoek.te_wijzigen_producten
    }
    for fout in (
        regels.tr349_alle_actuele_toewijzingen_in_verzoek(
            set(actueel), genoemd, verzoek, regels.PAD_VOW
        ),
        regels.tr347_referentie_uniek(
            aanbieder, wet, verzoek.referentie_aanbieder, verzoek, regels.PAD_VOW
        ),
        regels.tr374_geen_onderhanden_verzoek(gemeente, aanbieder, bsn, verzoek, regels.PAD_VOW),
    ):
        if fout:
            fouten.append(fout)
    if fouten:
        return Afhandeling(fouten)
    client = Client.objects.get(bsn=bsn)
    traject = next((t.traject for t in actueel.values() if t.traject is not None), None)
    _koppel(bericht, traject)
    Verzoek.objects.create(
        soort=VerzoekSoort.VOW,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        traject=traject,
        wet=wet,
        referentie_aanbieder=verzoek.referentie_aanbieder,
        inhoud=naar_json(verzoek),
        dagtekening=message.header.bericht_identificatie.dagtekening,
        bericht=bericht,
    )
    if traject is not None:
        _volg(traject, "317", "Verzoek om wijziging (317)")
    return Afhandeling([])


def _retour_ontvangen(bericht, message, code: str) -> Afhandeling:
    """A provider's retour on our 301 or 319. It came, so the reaction termijn is met
    (OP090: the retour within 3 werkdagen) — also when it refuses: the provider answered in
    time, and the refusal is new work for the back office (decision 0013). Codes other than
    0200 reject our message as a whole (NOTES §3): they are kept as the message's fouten and
    as a ``Weigering`` on each toewijzing of that 301 (or the verzoek of that 319); the
    changes stay (``behouden``). A retour that accepts resolves earlier refusals."""
    heen = bericht.heen
    if heen is not None and heen.traject is not None:
        termijnen.bij_bericht(heen.traject, code, _vandaag())
    codes_ = list(dict.fromkeys(c for c in retourcodes(message) if c != "0200"))
    if heen is not None:
        _leg_weigering_vast(bericht, heen, message, codes_)
    return Afhandeling(
        [
            Fout(
                regel="RETOUR",
                retourcode=rc,
                pad="/Bericht",
                melding=f"De aanbieder meldt retourcode {rc} op ons bericht "
                f"{heen.berichtcode if heen else ''}.",
            )
            for rc in codes_
        ],
        behouden=True,
    )


def _leg_weigering_vast(bericht, heen, message, codes_: list[str]) -> None:
    """Who the retour concerns: the toewijzingen our 301 carried (by ToewijzingNummer, OP087)
    or the verzoek our 319 answered (by ReferentieAanbieder). Each gets the codes of its own
    class plus those on the header and the other classes; one that the retour only marked
    0200 is refused with the message all the same and gets every code."""
    if (
        not codes_
        and not Weigering.objects.filter(
            opgelost_op__isnull=True,
            heen__afzender=heen.afzender,
            heen__ontvanger=heen.ontvanger,
            heen__berichtcode=heen.berichtcode,
        ).exists()
    ):
        return  # accepted, and nothing of this gemeente and provider to settle: as ever
    try:
        heenbericht = ist.read(heen.bytes)
    except ist.CodecError:
        log.warning("Heenbericht %s van retour %s niet leesbaar", heen.pk, bericht.pk)
        return
    wet = WET[heenbericht.standaard]
    betrokken: list[dict] = []
    if heen.berichtcode == "301":
        eigen = {
            p.toewijzing_nummer: [c.value for c in p.retour_codes if c.value != "0200"]
            for p in (message.client.toegewezen_producten if message.client else ())
        }
        nummers = [p.toewijzing_nummer for p in heenbericht.client.toegewezen_producten]
        algemeen = sorted(_codes_buiten_producten(message))
        for t in Toewijzing.objects.filter(
            gemeente__code=heen.afzender, wet=wet, nummer__in=nummers
        ):
            codes_t = list(dict.fromkeys([*eigen.get(t.nummer, []), *algemeen])) or codes_
            betrokken.append({"toewijzing": t, "retourcodes": codes_t})
    elif heen.berichtcode == "319":
        verzoek = Verzoek.objects.filter(
            gemeente__code=heen.afzender,
            aanbieder__agb_code=heen.ontvanger,
            wet=wet,
            referentie_aanbieder=heenbericht.antwoord.referentie_aanbieder,
        ).first()
        if verzoek is not None:
            betrokken.append({"verzoek": verzoek, "retourcodes": codes_})
    nu = timezone.now()
    for sleutel in betrokken:
        wie = {k: v for k, v in sleutel.items() if k != "retourcodes"}
        # a later retour (accepting, or refusing again) settles the earlier refusal
        Weigering.objects.filter(opgelost_op__isnull=True, **wie).exclude(bericht=bericht).update(
            opgelost_op=nu, opgelost_door=bericht
        )
        if codes_:
            Weigering.objects.create(bericht=bericht, heen=heen, ontvangen_op=nu, **sleutel)


def _codes_buiten_producten(message) -> set[str]:
    """The codes on the header and on every class but the ToegewezenProducten."""
    uit = {c.value for c in getattr(message.header, "retour_codes", ())}
    client = getattr(message, "client", None)
    if client is not None:
        zonder = dataclasses.replace(client, toegewezen_producten=())
        uit |= set(retourcodes(zonder))
    return uit - {"0200"}


@registreer("302")
def verwerk_302(bericht, message) -> Afhandeling:
    return _retour_ontvangen(bericht, message, "302")


@registreer("320")
def verwerk_320(bericht, message) -> Afhandeling:
    return _retour_ontvangen(bericht, message, "320")
