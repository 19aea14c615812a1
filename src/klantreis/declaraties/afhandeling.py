"""A received 323, judged prestatie by prestatie against the database (NOTES.md §7).

The exchange has already done the XSD, the level-2 rules (a 0001 answers with a header-only
325 and never gets here) and the header rules (TR056, TR135). This handler runs the history
rules of ``regels`` set-based, stores the declaratie with every prestatie (approved and
rejected, one ``bulk_create``), and returns the fouten with ``behouden=True``: the approved
prestaties stay, the exchange builds the 325 from the fouten (only the rejected prestaties,
TotaalToegekend = the sum of the approved ones, 8001 when all is approved).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import defaultdict

from django.db import connection
from django.utils import timezone

from klantreis.berichten.afhandeling import Afhandeling, registreer
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.routes.models import Traject
from klantreis.termijnen import kalender
from klantreis.termijnen import services as termijnen
from klantreis.toewijzingen.services import STANDAARD

from . import regels
from .betaling import gestarte_toewijzingen
from .models import Betaalstatus, Declaratie, DeclaratieStatus, Prestatie

WET = {v: k for k, v in STANDAARD.items()}
ANTWOORDTERMIJN = "10 werkdagen"
TE_LAAT_NA_MAANDEN = 3


def te_laat(periode_eind: dt.date, ontvangen: dt.date) -> bool:
    """More than three months after the end of the DeclaratiePeriode (a warning, never a
    rejection: OP354 allows late declarations)."""
    jaar, maand = divmod(periode_eind.month - 1 + TE_LAAT_NA_MAANDEN, 12)
    grens = regels.laatste_dag(dt.date(periode_eind.year + jaar, maand + 1, 1))
    return ontvangen > grens


@functools.lru_cache(maxsize=64)
def antwoord_uiterlijk(ontvangen: dt.date) -> dt.date:
    """The 325 within 10 werkdagen (Atw calendar)."""
    return kalender.bereken(ontvangen, ANTWOORDTERMIJN).einddatum


@registreer("323", klassefouten=True)
def verwerk_323(bericht, message, klassefouten=()) -> Afhandeling:
    gemeente = Gemeente.objects.filter(code=message.header.ontvanger).first()
    aanbieder = Aanbieder.objects.filter(agb_code=message.header.afzender).first()
    vandaag = timezone.localdate()
    decl = message.declaratie
    items = [(c, p) for c in decl.clienten for p in c.prestaties]
    if gemeente is None or aanbieder is None:  # not ours to judge: every prestatie TR338
        fouten = [f for _, p in items if (f := regels.tr338_toewijzing_bestaat(_leeg(), "", p))]
        return Afhandeling(list(klassefouten) + fouten)
    wet = WET[message.standaard]
    # One 323 of a provider at a time: the history rules (TR314, TR333, TR389, TR322) read what
    # earlier declaraties approved, so a second worker must wait until this one has committed.
    # A row lock on PostgreSQL, held to the end of the transaction; SQLite writes one at a time.
    Aanbieder.objects.select_for_update().filter(pk=aanbieder.pk).exists()
    ctx = regels.laad(regels.Context(gemeente, aanbieder, wet, decl, items))

    fouten = list(klassefouten)
    codes: dict[int, list[str]] = {}
    for f in klassefouten:
        codes.setdefault(id(f.klasse), []).append(f.retourcode)

    def fout(f):
        if f is not None:
            fouten.append(f)
            codes.setdefault(id(f.klasse), []).append(f.retourcode)

    declaratie_fout = regels.tr333_declaratienummer_uniek(ctx) or (
        regels.tr318_periode_niet_voor_laatste(ctx)
    )
    fout(declaratie_fout)
    oordeel: dict[int, tuple] = {}  # id(prestatie) -> (toewijzing or None, goedgekeurd)
    plat = [_Plat(c.bsn, p) for c, p in items]
    if declaratie_fout is None:
        _beoordeel(ctx, plat, fout, codes, oordeel)

    ingediend = sum(x.bedrag for x in plat)
    toegekend = sum(x.bedrag for x in plat if oordeel.get(x.id, _NIET)[1])
    declaratie = Declaratie.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        wet=wet,
        nummer=decl.declaratie_nummer,
        periode_begin=decl.declaratie_periode.begindatum,
        periode_eind=decl.declaratie_periode.einddatum,
        dagtekening=decl.declaratie_dagtekening,
        totaal_ingediend=ingediend,
        totaal_toegekend=toegekend,
        bericht=bericht,
        status=DeclaratieStatus.AFGEKEURD if declaratie_fout else DeclaratieStatus.VERWERKT,
        retourcodes=[declaratie_fout.retourcode] if declaratie_fout else [],
        antwoord_uiterlijk=antwoord_uiterlijk(vandaag),
        beantwoord_op=vandaag,  # the 325 goes out in this transaction
    )
    if te_laat(declaratie.periode_eind, vandaag):
        declaratie.te_laat = True
        declaratie.waarschuwingen = [
            "De declaratie is meer dan drie maanden na afloop van de declaratieperiode "
            "ontvangen (waarschuwing, geen afkeur)."
        ]
        declaratie.save(update_fields=["te_laat", "waarschuwingen"])

    goedgekeurde_ids = {t.id for t, ok in oordeel.values() if ok and t is not None}
    gestart = gestarte_toewijzingen(goedgekeurde_ids) if gemeente.betaling_na_startbericht else None
    vast = (declaratie.pk, aanbieder.pk, wet)
    te_betalen, aangehouden, geen = (
        str(Betaalstatus.TE_BETALEN),
        str(Betaalstatus.AANGEHOUDEN),
        str(Betaalstatus.GEEN),
    )
    rijen = []
    for x in plat:
        t, ok = oordeel.get(x.id, _NIET)
        if t is None:
            t = ctx.toewijzingen.get((x.bsn, x.nummer))
        if not ok:
            status = geen
        elif gestart is not None and t.id not in gestart:
            status = aangehouden
        else:
            status = te_betalen
        c = codes.get(x.id)
        rijen.append(
            (
                *vast,
                x.bsn,
                t.id if t else None,
                *x.rij,
                ok,
                json.dumps(c) if c else "[]",
                status,
            )
        )
    _voeg_in(rijen)

    trajecten = {t.traject_id for t in ctx.toewijzingen.values() if t.traject_id}
    _termijnen(bericht, trajecten, vandaag)
    return Afhandeling(fouten, behouden=True)


_NIET = (None, False)


class _Plat:
    """A prestatie's fields as plain values, read once: the rules and the stored row read
    them many times, and every attribute path and enum ``.value`` through the dataclasses
    costs more than the comparison it feeds."""

    __slots__ = ("bedrag", "bsn", "credit", "id", "nummer", "referentie", "rij")

    def __init__(self, bsn: str, p) -> None:
        ref = p.product_referentie
        periode = p.product_periode
        self.id = id(p)
        self.bsn = bsn
        self.nummer = p.toewijzing_nummer
        self.referentie = ref.referentie_nummer
        self.credit = regels.is_credit(p)
        b = p.ingediend_bedrag.bedrag
        self.bedrag = -b if self.credit else b
        # the columns toewijzing_nummer … bedrag of _KOLOMMEN, in that order
        self.rij = (
            p.toewijzing_nummer,
            ref.referentie_nummer,
            ref.vorig_referentie_nummer or "",
            p.product_categorie._value_,
            p.product_code,
            periode.begindatum,
            periode.einddatum,
            p.geleverd_volume,
            p.eenheid._value_,
            p.product_tarief,
            self.bedrag,
        )


_KOLOMMEN = (
    "declaratie_id", "aanbieder_id", "wet", "bsn", "toewijzing_id", "toewijzing_nummer",
    "referentienummer", "vorig_referentienummer", "categorie", "code", "periode_begin",
    "periode_eind", "volume", "eenheid", "tarief", "bedrag", "goedgekeurd", "retourcodes",
    "betaalstatus",
)  # fmt: skip


def _voeg_in(rijen: list[tuple], deel: int = 5000) -> None:
    """All prestaties of the declaratie at once: COPY on PostgreSQL, ``executemany`` per
    5,000 on SQLite. ``bulk_create`` builds a model instance and the SQL per batch, which
    costs more than judging them."""
    tabel = connection.ops.quote_name(Prestatie._meta.db_table)
    if connection.vendor == "postgresql":  # COPY: one stream instead of a statement per row
        sql = f"COPY {tabel} ({', '.join(_KOLOMMEN)}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for rij in rijen:
                copy.write_row(rij)
        return
    plekken = ["%s"] * len(_KOLOMMEN)
    sql = f"INSERT INTO {tabel} ({', '.join(_KOLOMMEN)}) VALUES ({', '.join(plekken)})"
    with connection.cursor() as cursor:
        for i in range(0, len(rijen), deel):
            cursor.executemany(sql, rijen[i : i + deel])


def _leeg() -> regels.Context:
    return regels.Context(None, None, "", None, [])


def _beoordeel(ctx: regels.Context, plat: list[_Plat], fout, codes: dict, oordeel: dict) -> None:
    """Every prestatie in the order of NOTES.md §7; credits first, so a credit and the new
    debet that replaces it may travel in one message (OP366).

    Most prestaties pass every rule. For those a fast path decides "no rule fires" from
    plain values: the rules that read only the toewijzing's terms and the prestatie's
    product, unit and period (TR384, TR339–TR341, TR307/TR308, TR387/TR388 and the maximum
    of TR321/TR322) are judged once per distinct combination, the contract tariff (TR418)
    once per product, unit and start date. Whenever the fast path is not sure (a credit, an
    unknown toewijzing, a ReferentieNummer seen before, an open debet, a volume, budget or
    tariff that does not fit) the prestatie goes through every rule function in the order
    below, so the fouten, their order and their texts are exactly those of the rules."""
    refs: set[str] = set()
    gecrediteerd: set[str] = set()
    # defaultdicts: the rules read them like the Counters of ``ctx`` (0 when absent), and
    # adding to a new key does not call back into Python
    open_nu: defaultdict = defaultdict(int, ctx.open_debets)
    extra: defaultdict = defaultdict(int)
    afgekeurde_clienten = set()
    for client in {id(c): c for c, _ in ctx.items}.values():
        f = regels.tr304_client_bekend(ctx, client)
        if f is not None:
            fout(f)
            afgekeurde_clienten.add(id(client))
    eerdere = ctx.eerdere_referenties
    statisch: dict[tuple, tuple[bool, int | None]] = {}
    tarieven: dict[tuple, int | None] = {}
    volgorde = list(zip(ctx.items, plat, strict=True))
    if any(x.credit for x in plat):
        volgorde.sort(key=lambda cpx: not cpx[1].credit)  # stable: message order otherwise
    for (client, p), x in volgorde:
        if id(client) in afgekeurde_clienten:
            if not codes.get(x.id):  # not judged: the codec gives it 0233 in the 325 too
                codes[x.id] = ["0233"]
            continue
        t = ctx.toewijzingen.get((x.bsn, x.nummer))
        if t is None or x.credit or x.referentie in eerdere or x.referentie in refs:
            snel = False
        else:
            snel = _snel_goed(ctx, t, p, x, statisch, tarieven, open_nu, extra)
        if snel:
            refs.add(x.referentie)
        else:
            _alle_regels(ctx, t, p, x, fout, refs, gecrediteerd, open_nu, extra)
        ok = t is not None and not codes.get(x.id)
        oordeel[x.id] = (t, ok)
        if ok:  # what the rules of the next prestaties read of this message's approved ones
            (_, _, vorig, cat, code, begin, _, volume, eenheid, _, _) = x.rij
            teken = -1 if x.credit else 1
            open_nu[(t.id, begin, cat, code)] += teken  # TR389
            v = teken * volume * regels.factor(t, eenheid)
            extra[(t.id, begin.replace(day=1))] += v  # TR322 per period
            if t.frequentie == "6":  # TR322 over the whole toewijzing
                extra[t.id] += v
            if t.budget is not None:  # TR369
                extra[("budget", t.id)] += x.bedrag
            if x.credit:
                gecrediteerd.add(vorig)


_ONBEKEND = object()


def _snel_goed(ctx, t, p, x, statisch, tarieven, open_nu, extra) -> bool:
    """True when no rule of :func:`_alle_regels` fires for this debet of a known toewijzing
    with a new ReferentieNummer (the caller checked those three); False means "not sure"."""
    (_, _, _, cat, code, begin, eind, volume, eenheid, tarief, _) = x.rij
    if open_nu.get((t.id, begin, cat, code), 0) > 0:  # TR389
        return False
    sk = (
        t.categorie, t.code, t.eenheid, t.ingangsdatum, t.einddatum, t.reden_wijziging,
        t.volume, t.frequentie, cat, code, eenheid, begin, eind,
    )  # fmt: skip
    uitkomst = statisch.get(sk)
    if uitkomst is None:
        uitkomst = statisch[sk] = (
            regels.tr384_niet_verwijderd(t, p) is None
            and regels.tr339_categorie(t, p) is None
            and regels.tr340_code(t, p) is None
            and regels.tr341_eenheid(t, p) is None
            and regels.tr307_niet_voor_toewijzing(t, p) is None
            and regels.tr308_niet_na_toewijzing(t, p) is None
            and regels.tr387_begin_van_maand(t, p) is None
            and regels.tr388_eind_van_maand(t, p) is None,
            regels.maximum(t, p),
        )
    goed, m = uitkomst
    if not goed:
        return False
    if m is not None:  # TR321, TR322 (a debet: x.credit is False here)
        v = volume * regels.factor(t, eenheid)
        if v > m:
            return False
        if t.frequentie == "6":
            al = ctx.volume_totaal[t.id] + extra[t.id]
        else:
            k = (t.id, begin.replace(day=1))
            al = ctx.volume_per_periode[k] + extra[k]
        if al + v > m:
            return False
    if t.budget is not None and (  # TR369
        ctx.bedrag_totaal[t.id] + extra[("budget", t.id)] + x.bedrag > t.budget
    ):
        return False
    if tarief is not None:  # TR418
        tk = (cat, code, begin, eenheid)
        contract = tarieven.get(tk, _ONBEKEND)
        if contract is _ONBEKEND:
            contract = tarieven[tk] = regels.contracttarief(ctx, p)
        if contract != tarief:
            return False
    return True


def _alle_regels(ctx, t, p, x, fout, refs, gecrediteerd, open_nu, extra) -> None:
    """Every prestatie rule, one function each, in the order of NOTES.md §7."""
    bsn = x.bsn
    fout(regels.tr314_referentienummer_uniek(ctx, p, refs))
    refs.add(x.referentie)
    if x.credit:
        fout(regels.tr323_credit_heeft_debet(ctx, bsn, p))
        fout(regels.tr390_niet_dubbel_gecrediteerd(ctx, p, gecrediteerd))
    fout(regels.tr338_toewijzing_bestaat(ctx, bsn, p))
    if t is not None:
        fout(regels.tr389_geen_dubbel_debet(ctx, t, p, open_nu))
        fout(regels.tr384_niet_verwijderd(t, p))
        fout(regels.tr339_categorie(t, p))
        fout(regels.tr340_code(t, p))
        fout(regels.tr341_eenheid(t, p))
        fout(regels.tr307_niet_voor_toewijzing(t, p))
        fout(regels.tr308_niet_na_toewijzing(t, p))
        fout(regels.tr387_begin_van_maand(t, p))
        fout(regels.tr388_eind_van_maand(t, p))
        fout(regels.tr321_volume_per_prestatie(t, p))
        fout(regels.tr322_volume_som(ctx, t, p, extra))
        fout(regels.tr369_binnen_budget(ctx, t, p, extra))
        fout(regels.tr418_contracttarief(ctx, p))


def _termijnen(bericht, trajecten: set[int], vandaag: dt.date) -> None:
    """The 325 termijn (Heusden: declaratie-antwoord-325, 10 werkdagen) of every traject this
    declaratie touches: started by the 323 and met by the 325 sent in this transaction."""
    if not trajecten:
        return
    for traject in Traject.objects.filter(pk__in=trajecten):
        termijnen.bij_bericht(traject, "323", vandaag)
        termijnen.bij_bericht(traject, "325", vandaag)
    if len(trajecten) == 1 and bericht.traject_id is None:
        bericht.traject_id = next(iter(trajecten))
