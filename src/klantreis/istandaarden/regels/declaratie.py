"""In-message rules of the declaratie (323) and the declaratie-antwoord (325)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Iterator

from klantreis.istandaarden import codes
from klantreis.istandaarden.regels import Bevinding, regel
from klantreis.istandaarden.regels._pad import prestaties

EURO = codes.Eenheid("83")
MINUUT = codes.Eenheid("01")
DEBET = codes.DebetCredit("D")
CREDIT = codes.DebetCredit("C")
START_3X = datetime.date(2021, 1, 1)
_DP = "/Bericht/Declaratie/DeclaratiePeriode"


def _laatste_dag(d: datetime.date) -> datetime.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _signed(bedrag: int, dc) -> int:
    return -bedrag if dc is CREDIT else bedrag


@regel(
    "CS100",
    berichten=("323",),
    omschrijving="DeclaratiePeriode en ProductPeriode: Begindatum op of na 01-01-2021.",
)
def cs100_periode_vanaf_2021(bericht) -> Iterator[Bevinding]:
    d = bericht.declaratie
    if d.declaratie_periode.begindatum < START_3X:
        yield (
            f"{_DP}/Begindatum",
            f"DeclaratiePeriode begint op {d.declaratie_periode.begindatum}, "
            "vóór 01-01-2021 (CS100).",
            d,
        )
    for p, pad, _ in prestaties(bericht):
        if p.product_periode.begindatum < START_3X:
            yield (
                f"{pad}/ProductPeriode/Begindatum",
                f"ProductPeriode begint op {p.product_periode.begindatum}, "
                "vóór 01-01-2021 (CS100).",
                p,
            )


@regel(
    "CS340",
    berichten=("323",),
    omschrijving="De DeclaratiePeriode is exact gelijk aan 1 hele kalendermaand.",
)
def cs340_declaratieperiode_is_een_kalendermaand(bericht) -> Iterator[Bevinding]:
    d = bericht.declaratie
    b, e = d.declaratie_periode.begindatum, d.declaratie_periode.einddatum
    if b.day != 1 or e != _laatste_dag(b):
        yield (
            _DP,
            f"DeclaratiePeriode {b} t/m {e} is niet precies één kalendermaand (CS340).",
            d,
        )


@regel(
    "TR137",
    berichten=("323", "325"),
    omschrijving="Einddatum van de ProductPeriode: op of na de Begindatum en niet na de "
    "Dagtekening van het bericht.",
)
def tr137_productperiode_einddatum_tussen_begindatum_en_dagtekening(bericht) -> Iterator[Bevinding]:
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    for p, pad, _ in prestaties(bericht):
        per = p.product_periode
        if per.einddatum < per.begindatum:
            yield (
                f"{pad}/ProductPeriode/Einddatum",
                f"Einddatum {per.einddatum} ligt voor Begindatum {per.begindatum} (TR137).",
                p,
            )
        elif per.einddatum > dagtekening:
            yield (
                f"{pad}/ProductPeriode/Einddatum",
                f"Einddatum {per.einddatum} ligt na de Dagtekening van het bericht "
                f"{dagtekening} (TR137).",
                p,
            )


@regel(
    "CS337",
    berichten=("323",),
    omschrijving="Einddatum van de ProductPeriode valt in dezelfde kalendermaand als de "
    "Begindatum.",
)
def cs337_productperiode_binnen_een_kalendermaand(bericht) -> Iterator[Bevinding]:
    for p, pad, _ in prestaties(bericht):
        b, e = p.product_periode.begindatum, p.product_periode.einddatum
        if (b.year, b.month) != (e.year, e.month):
            yield (
                f"{pad}/ProductPeriode/Einddatum",
                f"ProductPeriode {b} t/m {e} valt niet binnen één kalendermaand (CS337).",
                p,
            )


@regel(
    "CD087",
    berichten=("323",),
    omschrijving="ProductTarief verplicht als Eenheid niet 83 (euro's) is, anders leeg laten.",
)
def cd087_producttarief_alleen_en_altijd_buiten_euro(bericht) -> Iterator[Bevinding]:
    for p, pad, _ in prestaties(bericht):
        euro = p.eenheid is EURO
        if euro and p.product_tarief is not None:
            yield (
                f"{pad}/ProductTarief",
                "ProductTarief is gevuld terwijl Eenheid 83 (euro's) is (CD087).",
                p,
            )
        elif not euro and p.product_tarief is None:
            yield (
                f"{pad}/ProductTarief",
                f"ProductTarief ontbreekt bij Eenheid {p.eenheid.value} "
                f"({p.eenheid.omschrijving}) (CD087).",
                p,
            )


@regel(
    "CS339",
    berichten=("323",),
    omschrijving="Bij Eenheid 83 (euro's) is IngediendBedrag gelijk aan GeleverdVolume.",
)
def cs339_euro_bedrag_is_volume(bericht) -> Iterator[Bevinding]:
    for p, pad, _ in prestaties(bericht):
        if p.eenheid is EURO and p.ingediend_bedrag.bedrag != p.geleverd_volume:
            yield (
                f"{pad}/IngediendBedrag/Bedrag",
                f"IngediendBedrag {p.ingediend_bedrag.bedrag} is niet gelijk aan GeleverdVolume "
                f"{p.geleverd_volume} bij Eenheid 83 (euro's) (CS339).",
                p,
            )


@regel(
    "TR346",
    berichten=("323",),
    retourcode="9346",
    omschrijving="Eenheid niet 83: IngediendBedrag = GeleverdVolume × ProductTarief.",
)
def tr346_bedrag_is_volume_maal_tarief(bericht) -> Iterator[Bevinding]:
    """For Eenheid 01 (minuut) the tarief is the hourly rate / 60 rounded to cents while the
    amount is computed from the hourly rate (IV081), so a rounding difference of at most half a
    cent per minute is accepted."""
    for p, pad, _ in prestaties(bericht):
        if p.eenheid is EURO or p.product_tarief is None:
            continue
        verwacht = p.geleverd_volume * p.product_tarief
        verschil = abs(p.ingediend_bedrag.bedrag - verwacht)
        # per minute at most half a cent from the rounded tarief, plus the amount's own rounding
        marge = (p.geleverd_volume + 1) / 2 if p.eenheid is MINUUT else 0
        if verschil > marge:
            yield (
                f"{pad}/IngediendBedrag/Bedrag",
                f"IngediendBedrag {p.ingediend_bedrag.bedrag} is niet GeleverdVolume "
                f"{p.geleverd_volume} × ProductTarief {p.product_tarief} = {verwacht} (TR346).",
                p,
            )


@regel(
    "TR358",
    berichten=("323",),
    omschrijving="TotaalIngediendBedrag = som van de IngediendBedragen (debet/credit verrekend).",
)
def tr358_totaal_is_som_van_prestaties(bericht) -> Iterator[Bevinding]:
    d = bericht.declaratie
    som = sum(
        _signed(p.ingediend_bedrag.bedrag, p.ingediend_bedrag.debet_credit)
        for p, _, _ in prestaties(bericht)
    )
    t = d.totaal_ingediend_bedrag
    totaal = _signed(t.totaal_bedrag, t.debet_credit)
    if som != totaal:
        yield (
            "/Bericht/Declaratie/TotaalIngediendBedrag",
            f"TotaalIngediendBedrag {t.totaal_bedrag} {t.debet_credit.value} is niet gelijk aan "
            f"de som van de prestaties {abs(som)} {'C' if som < 0 else 'D'} (TR358).",
            d,
        )


@regel(
    "CS325",
    berichten=("323", "325"),
    omschrijving="Indien (Totaal)Bedrag 0 is, DebetCredit vullen met D (debet).",
)
def cs325_nulbedrag_is_debet(bericht) -> Iterator[Bevinding]:
    totalen = []
    d = getattr(bericht, "declaratie", None)
    if d is not None:
        totalen.append(("/Bericht/Declaratie/TotaalIngediendBedrag", d.totaal_ingediend_bedrag, d))
    a = getattr(bericht, "declaratie_antwoord", None)
    if a is not None:
        pad = "/Bericht/DeclaratieAntwoord"
        totalen.append((f"{pad}/TotaalIngediendBedrag", a.totaal_ingediend_bedrag, a))
        totalen.append((f"{pad}/TotaalToegekendBedrag", a.totaal_toegekend_bedrag, a))
    for pad, t, obj in totalen:
        if t.totaal_bedrag == 0 and t.debet_credit is not DEBET:
            yield f"{pad}/DebetCredit", "Een bedrag van 0 moet Debet (D) zijn (CS325).", obj
    for p, pad, _ in prestaties(bericht):
        b = p.ingediend_bedrag
        if b.bedrag == 0 and b.debet_credit is not DEBET:
            yield (
                f"{pad}/IngediendBedrag/DebetCredit",
                "Een bedrag van 0 moet Debet (D) zijn (CS325).",
                p,
            )


@regel(
    "CD060",
    berichten=("323",),
    omschrijving="VorigReferentieNummer vullen bij Credit, anders leeg laten.",
)
def cd060_vorig_referentienummer_alleen_en_altijd_bij_credit(bericht) -> Iterator[Bevinding]:
    for p, pad, _ in prestaties(bericht):
        credit = p.ingediend_bedrag.debet_credit is CREDIT
        vorig = p.product_referentie.vorig_referentie_nummer
        if credit and vorig is None:
            yield (
                f"{pad}/ProductReferentie/VorigReferentieNummer",
                "VorigReferentieNummer ontbreekt bij een creditprestatie (CD060).",
                p,
            )
        elif not credit and vorig is not None:
            yield (
                f"{pad}/ProductReferentie/VorigReferentieNummer",
                "VorigReferentieNummer is gevuld bij een debetprestatie (CD060).",
                p,
            )


@regel(
    "TR315",
    berichten=("323",),
    omschrijving="VorigReferentieNummer van de Prestatie is uniek in het bericht.",
)
def tr315_vorig_referentienummer_uniek(bericht) -> Iterator[Bevinding]:
    gezien: set[str] = set()
    for p, pad, _ in prestaties(bericht):
        vorig = p.product_referentie.vorig_referentie_nummer
        if vorig is None:
            continue
        if vorig in gezien:
            yield (
                f"{pad}/ProductReferentie/VorigReferentieNummer",
                f"VorigReferentieNummer '{vorig}' komt meer dan eens voor (TR315).",
                p,
            )
        gezien.add(vorig)


@regel(
    "TR316",
    berichten=("323",),
    omschrijving="Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.",
)
def tr316_debet_niet_crediteren_in_zelfde_bericht(bericht) -> Iterator[Bevinding]:
    debet = {
        p.product_referentie.referentie_nummer
        for p, _, _ in prestaties(bericht)
        if p.ingediend_bedrag.debet_credit is DEBET
    }
    for p, pad, _ in prestaties(bericht):
        vorig = p.product_referentie.vorig_referentie_nummer
        if p.ingediend_bedrag.debet_credit is CREDIT and vorig in debet:
            yield (
                f"{pad}/ProductReferentie/VorigReferentieNummer",
                f"De creditprestatie crediteert debetprestatie '{vorig}' uit hetzelfde bericht "
                "(TR316).",
                p,
            )


@regel(
    "TR416",
    berichten=("323",),
    omschrijving="Geen tweede debetprestatie voor dezelfde ProductPeriode, ProductCategorie, "
    "ProductCode en ToewijzingNummer.",
)
def tr416_geen_dubbele_debet(bericht) -> Iterator[Bevinding]:
    gezien: set[tuple] = set()
    for p, pad, client in prestaties(bericht):
        if p.ingediend_bedrag.debet_credit is not DEBET:
            continue
        key = (
            client.bsn,
            p.product_periode.begindatum,
            p.product_periode.einddatum,
            p.product_categorie,
            p.product_code,
            p.toewijzing_nummer,
        )
        if key in gezien:
            yield (
                pad,
                f"Tweede debetprestatie voor toewijzing {p.toewijzing_nummer}, product "
                f"{p.product_categorie.value}/{p.product_code}, periode "
                f"{p.product_periode.begindatum} t/m {p.product_periode.einddatum} (TR416).",
                p,
            )
        gezien.add(key)


@regel(
    "TR335",
    berichten=("323",),
    omschrijving="Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.",
)
def tr335_einddatum_max_5_jaar_oud(bericht) -> Iterator[Bevinding]:
    dt = bericht.declaratie.declaratie_dagtekening
    try:
        grens = dt.replace(year=dt.year - 5)
    except ValueError:  # 29 februari
        grens = dt.replace(year=dt.year - 5, day=28)
    for p, pad, _ in prestaties(bericht):
        if p.product_periode.einddatum < grens:
            yield (
                f"{pad}/ProductPeriode/Einddatum",
                f"Einddatum {p.product_periode.einddatum} ligt meer dan 5 jaar voor de "
                f"DeclaratieDagtekening {dt} (TR335).",
                p,
            )


@regel(
    "TR319",
    berichten=("323",),
    retourcode="9319",
    omschrijving="ProductPeriode valt in de huidige of een eerdere DeclaratiePeriode.",
)
def tr319_productperiode_niet_na_declaratieperiode(bericht) -> Iterator[Bevinding]:
    eind = bericht.declaratie.declaratie_periode.einddatum
    for p, pad, _ in prestaties(bericht):
        if p.product_periode.begindatum > eind:
            yield (
                f"{pad}/ProductPeriode/Begindatum",
                f"ProductPeriode begint op {p.product_periode.begindatum}, na de "
                f"DeclaratiePeriode (t/m {eind}) (TR319).",
                p,
            )


@regel(
    "TR342",
    berichten=("325",),
    omschrijving="Alleen afgewezen Prestaties worden meegestuurd in het declaratie-antwoord.",
)
def tr342_alleen_afgewezen_prestaties_in_325(bericht) -> Iterator[Bevinding]:
    for p, pad, _ in prestaties(bericht):
        if all(c.value == "0200" for c in p.retour_codes):
            yield (
                f"{pad}/RetourCodes",
                "Deze prestatie is niet afgewezen (alleen 0200) en hoort niet in het "
                "declaratie-antwoord (TR342).",
                p,
            )
