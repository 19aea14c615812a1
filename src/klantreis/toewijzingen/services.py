"""The gemeente's side of the toewijzing lifecycle. Every function runs in one transaction
with the 301/319 it causes (transactional outbox: berichten.services.verstuur), and moves the
traject along the route step that names that message."""

from __future__ import annotations

import datetime as dt
import logging
import re

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from klantreis import istandaarden as ist
from klantreis.istandaarden import codes, modellen
from klantreis.routes import engine
from klantreis.termijnen import services as termijnen

from . import signalen, workflow
from .models import Nummerreeks, Toewijzing, Verzoek, VerzoekSoort, VerzoekStatus

log = logging.getLogger(__name__)

STANDAARD = {"wmo": ist.Standaard.IWMO, "jeugdwet": ist.Standaard.IJW}
WOONPLAATSBEGINSEL = codes.RedenAfwijzingVerzoek("8").value  # 319 reason 8 (iJw: TR377)


class ToewijzingFout(Exception):
    """A refused change, with a Dutch message naming the rule."""


# What building the 301/319 may raise besides a ToewijzingFout: input the codec cannot write
# (a code outside its list, a date its XSD refuses). Nothing is sent then (one transaction);
# the portal and the API show it as a refusal, never as a server error.
OPSTELFOUTEN = (ValueError, OverflowError, ist.CodecError)


# --- numbers and checks --------------------------------------------------------------------


def _volgend_nummer(gemeente, wet: str) -> int:
    """TR332: unique per gemeente per wettelijk domein."""
    reeks, _ = Nummerreeks.objects.select_for_update().get_or_create(gemeente=gemeente, wet=wet)
    Nummerreeks.objects.filter(pk=reeks.pk).update(laatste=reeks.laatste + 1)
    return reeks.laatste + 1


def _controleer_inhoud(t: Toewijzing) -> None:
    """The in-message conditions of a ToegewezenProduct, checked before anything is sent."""
    omvang = t.volume is not None
    if omvang and t.budget is not None:
        raise ToewijzingFout("Omvang en budget gaan niet samen (CD077/CD078).")
    if t.budget is None and not t.categorie:
        raise ToewijzingFout("Zonder budget is een productcategorie nodig (CD079).")
    if t.code and not omvang:
        raise ToewijzingFout("Een productcode vraagt een omvang (CD041).")
    if t.budget is not None and t.einddatum is None:
        raise ToewijzingFout("Een budget vraagt een einddatum (CD075).")
    if t.frequentie == "2" and t.einddatum is None:
        raise ToewijzingFout("Een omvang per week vraagt een einddatum (CD076).")
    if t.eenheid in ("14", "16", "83", "84") and t.frequentie not in ("2", "4", "6"):
        raise ToewijzingFout(
            "Deze eenheid vraagt frequentie per week, per maand of totaal (CS338)."
        )
    if t.einddatum is not None and t.einddatum < t.ingangsdatum:
        raise ToewijzingFout("De einddatum ligt voor de ingangsdatum (CS003).")


def _overlappend(qs, ingangsdatum: dt.date, einddatum: dt.date | None):
    qs = qs.filter(Q(einddatum__isnull=True) | Q(einddatum__gte=ingangsdatum))
    if einddatum is not None:
        qs = qs.filter(ingangsdatum__lte=einddatum)
    return qs


def _controleer_stapeling(t: Toewijzing) -> None:
    """OP259: no second toewijzing of the same product (aspecifiek: the same category;
    generiek: any) to the same provider for an overlapping period."""
    qs = Toewijzing.objects.actueel(t.ingangsdatum).filter(
        client=t.client, aanbieder=t.aanbieder, gemeente=t.gemeente, wet=t.wet
    )
    if t.pk:
        qs = qs.exclude(pk=t.pk)
    if t.code:
        qs = qs.filter(categorie=t.categorie, code=t.code)
    elif t.categorie:
        qs = qs.filter(categorie=t.categorie)
    dubbel = _overlappend(qs, t.ingangsdatum, t.einddatum).first()
    if dubbel is not None:
        raise ToewijzingFout(
            f"Dit product is al toegewezen aan {t.aanbieder.naam} in een overlappende periode "
            f"(toewijzing {dubbel.nummer}); stapelen mag niet (OP259)."
        )


def _controleer_contract(t: Toewijzing) -> None:
    if t.product is None:
        return
    heeft = t.aanbieder.contracten.filter(
        gemeente=t.gemeente, product=t.product, ingangsdatum__lte=t.ingangsdatum
    ).filter(Q(einddatum__isnull=True) | Q(einddatum__gte=t.ingangsdatum))
    if not heeft.exists():
        raise ToewijzingFout(
            f"{t.aanbieder.naam} heeft geen contract met {t.gemeente.naam} voor {t.product}."
        )


# --- the 301 -------------------------------------------------------------------------------


def _huisnummer(tekst: str) -> int | None:
    m = re.match(r"\s*(\d+)", tekst or "")
    return int(m.group(1)) if m else None


def _client301(client, producten) -> modellen.Client301:
    huisnummer = _huisnummer(client.huisnummer)
    adres = modellen.Adres(
        huis=modellen.Huis(huisnummer=huisnummer) if huisnummer else None,
        postcode=(client.postcode or "").replace(" ", "").upper() or None,
        straatnaam=client.straat or None,
        plaatsnaam=client.woonplaats or None,
    )
    return modellen.Client301(
        bsn=client.bsn,
        geboortedatum=modellen.Geboortedatum(datum=client.geboortedatum),
        geslacht=codes.Geslacht(client.geslacht),
        naam=modellen.VolledigeNaam(
            geslachtsnaam=modellen.Achternaam(
                achternaam=client.achternaam, voorvoegsel=client.voorvoegsel or None
            ),
            voornamen=client.voornamen or None,
            voorletters=(client.voorletters or "").replace(".", "") or None,
            naam_gebruik=codes.NaamGebruik("1"),
        ),
        contactgegevens=(modellen.Contact301(soort=codes.AdresSoort("01"), adres=adres),),
        toegewezen_producten=tuple(producten),
    )


def _product301(t: Toewijzing, standaard) -> modellen.ToegewezenProduct301:
    categorie_enum = (
        codes.WmoProductCategorie if standaard is ist.Standaard.IWMO else codes.JwProductCategorie
    )
    return modellen.ToegewezenProduct301(
        toewijzing_nummer=t.nummer,
        referentie_aanbieder=(
            t.referentie_aanbieder
            if t.referentie_aanbieder and not t.referentie_aanbieder_verzonden
            else None
        ),  # TR379: only the first 301 after honouring the request
        product=modellen.Product(categorie=categorie_enum(t.categorie), code=t.code or None)
        if t.categorie
        else None,
        toewijzingsdatum=t.toewijzingsdatum,
        toewijzingstijd=t.toewijzingstijd.replace(microsecond=0),
        ingangsdatum=t.ingangsdatum,
        einddatum=t.einddatum,
        reden_wijziging=codes.RedenWijziging(t.reden_wijziging) if t.reden_wijziging else None,
        omvang=modellen.Omvang(
            volume=t.volume,
            eenheid=codes.Eenheid(t.eenheid),
            frequentie=codes.Frequentie(t.frequentie),
        )
        if t.volume is not None
        else None,
        budget=t.budget,
        commentaar=t.commentaar or None,
    )


def stuur_301(
    *, gemeente, client, aanbieder, wet: str, traject=None, op: dt.datetime | None = None
):
    """OP087: one 301 for one client and one provider, with every toewijzing valid on or
    after today plus every toewijzing changed since the previous 301."""
    from klantreis.berichten import services as berichten

    op = op or timezone.now()
    vandaag = timezone.localdate(op)
    standaard = STANDAARD[wet]
    basis = Toewijzing.objects.filter(
        gemeente=gemeente, client=client, aanbieder=aanbieder, wet=wet
    )
    actueel = basis.actueel(vandaag)
    gewijzigd = basis.filter(Q(verzonden_op__isnull=True) | Q(gewijzigd_op__gt=F("verzonden_op")))
    regels = list((actueel | gewijzigd).distinct().order_by("nummer"))
    if not regels:
        raise ToewijzingFout("Er is geen toewijzing om te versturen.")
    if _huisnummer(client.huisnummer) is None or not client.postcode.strip():
        raise ToewijzingFout(
            f"Het adres van {client.naam} is niet bekend: de toewijzing (301) noemt huisnummer "
            "en postcode (TR006). Vul eerst het adres van de cliënt in."
        )
    header = ist.nieuwe_header(
        standaard,
        "301",
        afzender=gemeente.code,
        ontvanger=aanbieder.agb_code,
        dagtekening=vandaag,
        identificatie=berichten.nieuwe_identificatie(gemeente.code, "301"),
    )
    bericht301 = modellen.Bericht301(
        standaard=standaard,
        header=header,
        client=_client301(client, [_product301(t, standaard) for t in regels]),
    )
    bericht = berichten.verstuur(bericht301, traject=traject)
    for t in regels:
        t.verzonden_op = op
        if t.referentie_aanbieder:
            t.referentie_aanbieder_verzonden = True
        t.save(update_fields=["verzonden_op", "referentie_aanbieder_verzonden"])
    if traject is not None:
        termijnen.bij_bericht(traject, "301", vandaag)
    return bericht


def _bewaar_wijziging(t: Toewijzing) -> None:
    """Stores ``t``'s new einddatum and RedenWijziging through its lifecycle (a conditional
    UPDATE, decision 0019): refused when someone deleted it meanwhile."""
    if not workflow.TOEWIJZING.zet(
        Toewijzing.objects.filter(pk=t.pk),
        t.reden_wijziging,
        einddatum=t.einddatum,
        gewijzigd_op=t.gewijzigd_op,
    ):
        raise ToewijzingFout(
            "Deze toewijzing is verwijderd (misschien zojuist) en verandert niet meer (CS335)."
        )


def _stuur_301_voor(t: Toewijzing, op) -> None:
    """The 301 for this toewijzing's client and provider (with all their toewijzingen, OP087)."""
    stuur_301(
        gemeente=t.gemeente,
        client=t.client,
        aanbieder=t.aanbieder,
        wet=t.wet,
        traject=t.traject,
        op=op,
    )


# --- moving the traject with a message ------------------------------------------------------


def beweeg_traject(traject, berichtcode: str, *, door, rol: str, reden: str, op=None) -> None:
    """Completes the route step that this message stands for: the current step when it names
    the message, or a step one transition away (e.g. 8 → 8c for an end-date 301). A traject
    whose route does not fit is left alone (the message is valid either way) and logged."""
    if traject is None or traject.status != "actief":
        return
    if door is not None and not door.heeft_rol(rol, gemeente=traject.gemeente):
        door = None  # the message is the authority; the system records the step
    route = traject.route
    try:
        stap = traject.stap
        if stap.bericht == berichtcode:
            engine.advance(traject, door=door, rol=rol, reden=reden, op=op)
            return
        for overgang in route.overgangen(stap.id):
            doel = route.stap(overgang.naar)
            if doel.bericht == berichtcode and (overgang.rol or stap.rol) == rol:
                engine.advance(traject, door=door, rol=rol, naar=doel.id, reden=reden, op=op)
                # the message also completes that step when it is the sender's own act
                # (8a: the provider's 307; 8c: the back office's 301), not when someone
                # else judges it next (8b: Toegang judges the provider's 317)
                if traject.stap.bericht == berichtcode and traject.stap.rol == rol:
                    engine.advance(traject, door=door, rol=rol, reden=reden, op=op)
                return
    except engine.EngineError as exc:
        log.warning("Traject %s niet verzet door %s: %s", traject.pk, berichtcode, exc.melding)


def _na_verzoek(verzoek: Verzoek, *, goedgekeurd: bool, door, op=None) -> None:
    """The step that judges a VOW (Achterhoek 8b) ends: approved → back along its return
    transition to the 301 step ("zie stap 5 en verder"); rejected → back to the evaluations."""
    traject = verzoek.traject
    if traject is None or traject.status != "actief" or traject.stap.bericht != "317":
        return
    stap = traject.stap
    overgangen = traject.route.overgangen(stap.id)
    keuze = [o for o in overgangen if (o.soort == "terug") == goedgekeurd]
    if not keuze:
        return
    rol = keuze[0].rol or stap.rol
    if door is not None and not door.heeft_rol(rol, gemeente=traject.gemeente):
        door = None
    reden = "Wijziging goedgekeurd" if goedgekeurd else "Wijziging afgewezen (319)"
    try:
        engine.advance(traject, door=door, rol=rol, naar=keuze[0].naar, reden=reden, op=op)
    except engine.EngineError as exc:
        log.warning("Traject %s niet verzet na verzoek: %s", traject.pk, exc.melding)


def achttiende_verjaardag(geboortedatum: dt.date) -> dt.date:
    try:
        return geboortedatum.replace(year=geboortedatum.year + 18)
    except ValueError:  # born on 29 February
        return dt.date(geboortedatum.year + 18, 3, 1)


def _tot_achttien(t: Toewijzing) -> None:
    """Achterhoek route 2, stap 5: a youth of 17 or older is allocated until the 18th birthday
    (the move from the Jeugdwet to the Wmo and the Zvw). The route file switches it on."""
    route = t.traject.route if t.traject is not None else None
    if route is None or not route.toewijzing_tot_18 or t.wet != "jeugdwet":
        return
    if t.client.leeftijd_op(t.ingangsdatum) < 17:
        return
    grens = achttiende_verjaardag(t.client.geboortedatum) - dt.timedelta(days=1)
    if t.einddatum is None or t.einddatum > grens:
        t.einddatum = grens
        t.commentaar = (
            f"{t.commentaar} Toegewezen tot de 18e verjaardag (17+, overgang Jeugdwet naar "
            "Wmo/Zvw).".strip()
        )[:1000]


# --- lifecycle operations ------------------------------------------------------------------


@transaction.atomic
def wijs_toe(
    *,
    client,
    aanbieder,
    gemeente,
    product=None,
    ingangsdatum: dt.date,
    einddatum: dt.date | None = None,
    volume: int | None = None,
    frequentie: str = "",
    budget: int | None = None,
    traject=None,
    beschikking=None,
    referentie_aanbieder: str = "",
    commentaar: str = "",
    door=None,
    op: dt.datetime | None = None,
    versturen: bool = True,
) -> Toewijzing:
    """A new toewijzing, and the 301 that carries it (Heusden stap 6, Achterhoek stap 5)."""
    op = op or timezone.now()
    wet = product.wet if product is not None else client.wet
    t = Toewijzing(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        traject=traject,
        beschikking=beschikking,
        wet=wet,
        product=product,
        categorie=product.categorie if product else "",
        code=product.code if product else "",
        toewijzingsdatum=timezone.localdate(op),
        toewijzingstijd=timezone.localtime(op).time(),
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        volume=volume,
        eenheid=product.eenheid if (product and volume is not None) else "",
        frequentie=frequentie,
        budget=budget,
        referentie_aanbieder=referentie_aanbieder,
        commentaar=commentaar,
        gewijzigd_op=op,
    )
    _tot_achttien(t)
    _controleer_inhoud(t)
    _controleer_stapeling(t)
    _controleer_contract(t)
    t.nummer = _volgend_nummer(gemeente, wet)
    t.save()
    if versturen:
        _stuur_301_voor(t, op)
        beweeg_traject(
            traject, "301", door=door, rol="backoffice", reden="Toewijzing verstuurd (301)", op=op
        )
    return t


#: RedenWijziging codes a clerk may choose for a new end date: not 01 (vervallen, CS336) and
#: not 13 (verwijderd: that is ``verwijder``, CS335).
REDENEN_EINDDATUM = [c for c in codes.RedenWijziging if c.value not in ("01", "13")]


def reden_wijziging_bij_stop(wet: str, reden_beeindiging: str) -> str:
    """The RedenWijziging (WMO002/JZ002) that fits a provider's final stop (307,
    RedenBeeindiging WMO588/JZ588) when the gemeente ends the toewijzing on the stop date:
    death, a move, a change of provider or of domain and a stop by the provider have a code
    of their own; every other reason ends it early, a herbeoordeling: verkorting (05).
    Jeugdwet 31 means "volgens plan beëindigd", Wmo 31 a move (NOTES.md §4)."""
    eigen = {"02": "02", "38": "09", "39": "06"}
    if wet == "wmo":
        eigen |= {"31": "07", "22": "12"}
    else:
        eigen |= {"33": "12"}
    return eigen.get(reden_beeindiging, "05")


@transaction.atomic
def wijzig_einddatum(
    t: Toewijzing, einddatum: dt.date, *, reden_wijziging: str = "", door=None, op=None
) -> Toewijzing:
    """OP033x1/OP380: the same ToewijzingNummer with a new end date (Achterhoek 8c). The
    RedenWijziging is herbeoordeling verlenging (04) or verkorting (05) unless the clerk
    names another (e.g. 02 cliënt overleden after a 307 with reason 02)."""
    op = op or timezone.now()
    if t.verwijderd:
        raise ToewijzingFout("Een verwijderde toewijzing kan niet meer worden gewijzigd.")
    if einddatum < t.ingangsdatum:
        raise ToewijzingFout("De einddatum ligt voor de ingangsdatum (CS003).")
    if reden_wijziging and reden_wijziging not in REDENEN_EINDDATUM:
        raise ToewijzingFout(
            "Deze reden wijziging past niet bij een nieuwe einddatum (niet 01, CS336; "
            "intrekken met 13 is een eigen actie, CS335)."
        )
    verlenging = t.einddatum is None or einddatum > t.einddatum
    t.einddatum = einddatum
    # herbeoordeling: verlenging / verkorting, unless a reason is given
    t.reden_wijziging = reden_wijziging or ("04" if verlenging else "05")
    t.gewijzigd_op = op
    _controleer_inhoud(t)
    _controleer_stapeling(t)
    _bewaar_wijziging(t)
    _stuur_301_voor(t, op)
    beweeg_traject(
        t.traject, "301", door=door, rol="backoffice", reden="Einddatum gewijzigd (301)", op=op
    )
    return t


@transaction.atomic
def verwijder(t: Toewijzing, *, door=None, op=None) -> Toewijzing:
    """RedenWijziging 13: Einddatum = Ingangsdatum (CS335)."""
    op = op or timezone.now()
    if t.meldingen.filter(soort="start", actueel=True).exists():
        raise ToewijzingFout(
            "Op deze toewijzing is de zorg al gestart (305); beëindig haar met een nieuwe "
            "einddatum in plaats van haar te verwijderen."
        )
    for _ontvanger, bezwaar in signalen.verwijderen_gevraagd.send(sender=Toewijzing, toewijzing=t):
        if bezwaar:
            raise ToewijzingFout(bezwaar)
    t.einddatum = t.ingangsdatum
    t.reden_wijziging = "13"
    t.gewijzigd_op = op
    _bewaar_wijziging(t)
    _stuur_301_voor(t, op)
    return t


@transaction.atomic
def wijzig_omvang(
    t: Toewijzing, *, per: dt.date, volume: int, frequentie: str, door=None, op=None
) -> Toewijzing:
    """OP033x1: with frequentie 6 (totaal) the omvang changes on the same nummer; any other
    change closes this toewijzing the day before ``per`` and starts a new one from ``per``."""
    op = op or timezone.now()
    if t.frequentie == "6" and frequentie == "6":
        t.volume, t.gewijzigd_op = volume, op
        _controleer_inhoud(t)
        t.save(update_fields=["volume", "gewijzigd_op"])
        _stuur_301_voor(t, op)
        return t
    if per <= t.ingangsdatum:
        raise ToewijzingFout(
            "De nieuwe omvang gaat in na de ingangsdatum van de huidige toewijzing."
        )
    oude_einde = t.einddatum
    t.einddatum = per - dt.timedelta(days=1)
    t.reden_wijziging = "05"
    t.gewijzigd_op = op
    _bewaar_wijziging(t)
    return wijs_toe(
        client=t.client,
        aanbieder=t.aanbieder,
        gemeente=t.gemeente,
        product=t.product,
        ingangsdatum=per,
        einddatum=oude_einde,
        volume=volume,
        frequentie=frequentie,
        traject=t.traject,
        beschikking=t.beschikking,
        door=door,
        op=op,
    )


# --- answering requests (319) --------------------------------------------------------------


def _stuur_319(verzoek: Verzoek, antwoord: str, reden: str = "", op=None, woonplaats: str = ""):
    from klantreis.berichten import services as berichten

    op = op or timezone.now()
    standaard = STANDAARD[verzoek.wet]
    header = ist.nieuwe_header(
        standaard,
        "319",
        afzender=verzoek.gemeente.code,
        ontvanger=verzoek.aanbieder.agb_code,
        dagtekening=timezone.localdate(op),
        identificatie=berichten.nieuwe_identificatie(verzoek.gemeente.code, "319"),
    )
    bericht = modellen.Bericht319(
        standaard=standaard,
        header=header,
        antwoord=modellen.Antwoord319(
            referentie_aanbieder=verzoek.referentie_aanbieder,
            verzoek_antwoord=codes.VerzoekAntwoord(antwoord),
            reden_afwijzing_verzoek=codes.RedenAfwijzingVerzoek(reden) if reden else None,
            woonplaatsbeginsel=modellen.Woonplaatsbeginsel319(gemeente=woonplaats)
            if woonplaats
            else None,
        ),
    )
    return berichten.verstuur(bericht, traject=verzoek.traject)


def _beantwoord(verzoek: Verzoek, naar: str, **velden) -> None:
    """Moves the request through its lifecycle (a conditional UPDATE, decision 0019): of two
    clerks answering it at once one wins; the other's answer is rolled back (TR359/TR365)."""
    if not workflow.VERZOEK.zet_object(verzoek, naar, **velden):
        raise ToewijzingFout("Dit verzoek is intussen beantwoord; laad het opnieuw.")


@transaction.atomic
def zet_in_onderzoek(verzoek: Verzoek, *, door=None, op=None) -> Verzoek:
    """319 "aanvraag in onderzoek": once per request (TR360); the final 301 or 319 follows
    within 8 weeks of the request (OP274)."""
    if verzoek.status != VerzoekStatus.ONTVANGEN:
        raise ToewijzingFout(
            "Een verzoek kan maar één keer 'in onderzoek' worden gezet, en alleen zolang het "
            "niet beantwoord is (TR360)."
        )
    _stuur_319(verzoek, "2", op=op)
    _beantwoord(verzoek, VerzoekStatus.IN_ONDERZOEK)
    if verzoek.traject is not None:
        termijnen.bij_bericht(
            verzoek.traject,
            "319",
            timezone.localdate(op or timezone.now()),
            in_onderzoek=True,
            verzoekdatum=verzoek.dagtekening,
        )
    return verzoek


@transaction.atomic
def wijs_verzoek_af(
    verzoek: Verzoek, *, reden: str, door=None, op=None, woonplaats: str = ""
) -> Verzoek:
    """319 "verzoek afgewezen" with its reason (CD085). After a 301 for this request no 319
    may follow (TR359); after an earlier 319 only "in onderzoek" may precede it (TR365).
    Jeugdwet, reason 8 (woonplaatsbeginsel): ``woonplaats`` is the CBS code of the gemeente
    that is responsible instead (TR377); with any other reason it stays empty (TR409)."""
    if not verzoek.open:
        raise ToewijzingFout(
            f"Dit verzoek is al {verzoek.get_status_display().lower()}; er kan geen antwoord "
            "meer volgen (TR359/TR365)."
        )
    jeugd = STANDAARD[verzoek.wet] == ist.Standaard.IJW
    if reden == WOONPLAATSBEGINSEL and jeugd:
        if not re.fullmatch(r"\d{4}", woonplaats or ""):
            raise ToewijzingFout(
                "Bij afwijzing om het woonplaatsbeginsel noemt de 319 de gemeente die wel "
                "verantwoordelijk is: vul haar gemeentecode in (4 cijfers, TR377)."
            )
        if woonplaats == verzoek.gemeente.code:
            raise ToewijzingFout(
                "Het woonplaatsbeginsel wijst naar een andere gemeente dan de eigen gemeente."
            )
    elif woonplaats:
        raise ToewijzingFout(
            "Een gemeente volgens het woonplaatsbeginsel hoort alleen bij reden 8 in de "
            "jeugdwet (TR409)."
        )
    _stuur_319(verzoek, "1", reden, op=op, woonplaats=woonplaats)
    _beantwoord(
        verzoek, VerzoekStatus.AFGEWEZEN, reden_afwijzing=reden, beantwoord_op=op or timezone.now()
    )
    if verzoek.traject is not None:  # the answer meets OP274's termijnen (5 werkdagen, 8 weken)
        termijnen.bij_bericht(verzoek.traject, "319", timezone.localdate(verzoek.beantwoord_op))
    if verzoek.soort == VerzoekSoort.VOW:
        _na_verzoek(verzoek, goedgekeurd=False, door=door, op=op)
    return verzoek


@transaction.atomic
def honoreer_vot(verzoek: Verzoek, *, product, door=None, op=None, **wijziging) -> Toewijzing:
    """A VOT per AangevraagdProduct: a toewijzing carrying the request's ReferentieAanbieder
    (TR379), in one 301."""
    if verzoek.soort != VerzoekSoort.VOT or not verzoek.open:
        raise ToewijzingFout("Alleen een openstaand verzoek om toewijzing kan worden toegewezen.")
    # the request's content came from outside: a shape other than the 315's is no crash
    aangevraagd = verzoek.inhoud if isinstance(verzoek.inhoud, dict) else {}
    omvang = aangevraagd.get("omvang") if isinstance(aangevraagd.get("omvang"), dict) else {}
    if "ingangsdatum" in wijziging:
        ingangsdatum = wijziging["ingangsdatum"]
    else:
        ingangsdatum = _datum(aangevraagd.get("toewijzing_ingangsdatum"), "ingangsdatum")
        if ingangsdatum is None:
            raise ToewijzingFout("Het verzoek noemt geen ingangsdatum; geef die op.")
    if "einddatum" in wijziging:
        einddatum = wijziging["einddatum"]
    else:
        einddatum = _datum(aangevraagd.get("toewijzing_einddatum"), "einddatum")
    t = wijs_toe(
        client=verzoek.client,
        aanbieder=verzoek.aanbieder,
        gemeente=verzoek.gemeente,
        product=product,
        ingangsdatum=ingangsdatum,
        einddatum=einddatum,
        volume=wijziging["volume"] if "volume" in wijziging else omvang.get("volume"),
        frequentie=wijziging["frequentie"]
        if "frequentie" in wijziging
        else str(omvang.get("frequentie") or ""),
        budget=wijziging["budget"] if "budget" in wijziging else aangevraagd.get("budget"),
        traject=verzoek.traject,
        referentie_aanbieder=verzoek.referentie_aanbieder,
        door=door,
        op=op,
    )
    _beantwoord(verzoek, VerzoekStatus.TOEGEWEZEN, beantwoord_op=op or timezone.now())
    return t


@transaction.atomic
def honoreer_vow(verzoek: Verzoek, *, door=None, op=None) -> list[Toewijzing]:
    """A VOW is judged as a whole: the changed toewijzingen end the day before their new
    start, the new situation is allocated, all in one 301 (Achterhoek 8b)."""
    if verzoek.soort != VerzoekSoort.VOW or not verzoek.open:
        raise ToewijzingFout("Alleen een openstaand verzoek om wijziging kan worden toegewezen.")
    op = op or timezone.now()
    inhoud = verzoek.inhoud
    nieuw: list[Toewijzing] = []
    for wijziging in inhoud.get("te_wijzigen_producten", []):
        oud = Toewijzing.objects.get(
            gemeente=verzoek.gemeente, wet=verzoek.wet, nummer=wijziging["toewijzing_nummer"]
        )
        ingang = dt.date.fromisoformat(wijziging["gewenste_ingangsdatum"])
        omvang = wijziging.get("omvang") or {}
        oud.einddatum = max(oud.ingangsdatum, ingang - dt.timedelta(days=1))
        oud.reden_wijziging = "05"
        oud.gewijzigd_op = op
        _bewaar_wijziging(oud)
        nieuw.append(_nieuwe_uit_verzoek(verzoek, oud.product, ingang, wijziging, omvang, op))
    for product_data in inhoud.get("nieuwe_producten", []):
        from klantreis.producten.models import Product

        product = Product.objects.filter(
            categorie=(product_data.get("product") or {}).get("categorie", ""),
            code=(product_data.get("product") or {}).get("code") or "",
        ).first()
        ingang = dt.date.fromisoformat(product_data["gewenste_ingangsdatum"])
        nieuw.append(
            _nieuwe_uit_verzoek(
                verzoek, product, ingang, product_data, product_data.get("omvang") or {}, op
            )
        )
    _beantwoord(verzoek, VerzoekStatus.TOEGEWEZEN, beantwoord_op=op)
    _na_verzoek(verzoek, goedgekeurd=True, door=door, op=op)
    stuur_301(
        gemeente=verzoek.gemeente,
        client=verzoek.client,
        aanbieder=verzoek.aanbieder,
        wet=verzoek.wet,
        traject=verzoek.traject,
        op=op,
    )
    beweeg_traject(
        verzoek.traject,
        "301",
        door=door,
        rol="backoffice",
        reden="Toewijzing na wijziging (301)",
        op=op,
    )
    return nieuw


def _nieuwe_uit_verzoek(verzoek, product, ingang, data, omvang, op) -> Toewijzing:
    return wijs_toe(
        client=verzoek.client,
        aanbieder=verzoek.aanbieder,
        gemeente=verzoek.gemeente,
        product=product,
        ingangsdatum=ingang,
        einddatum=_datum(data.get("einddatum")),
        volume=omvang.get("volume"),
        frequentie=omvang.get("frequentie", ""),
        budget=data.get("budget"),
        traject=verzoek.traject,
        referentie_aanbieder=verzoek.referentie_aanbieder,
        op=op,
        versturen=False,
    )


def _datum(waarde, naam: str = "datum") -> dt.date | None:
    if not waarde:
        return None
    try:
        return dt.date.fromisoformat(str(waarde))
    except ValueError:
        raise ToewijzingFout(f"De {naam} in het verzoek is geen geldige datum.") from None
