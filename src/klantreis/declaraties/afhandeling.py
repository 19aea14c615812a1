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
from collections import Counter

from django.db import connection
from django.utils import timezone

from klantreis.berichten.afhandeling import Afhandeling, registreer
from klantreis.organisaties.models import Aanbieder, Gemeente
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
    if declaratie_fout is None:
        _beoordeel(ctx, fout, codes, oordeel)

    ingediend = sum(regels.bedrag(p) for _, p in items)
    toegekend = sum(regels.bedrag(p) for _, p in items if oordeel.get(id(p), (None, False))[1])
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
    rijen = []
    for client, p in items:
        t, ok = oordeel.get(id(p), (None, False))
        if t is None:
            t = ctx.toewijzingen.get((client.bsn, p.toewijzing_nummer))
        ref = p.product_referentie
        if not ok:
            status = Betaalstatus.GEEN
        elif gestart is not None and t.id not in gestart:
            status = Betaalstatus.AANGEHOUDEN
        else:
            status = Betaalstatus.TE_BETALEN
        rijen.append(
            (
                declaratie.pk,
                aanbieder.pk,
                wet,
                client.bsn,
                t.id if t else None,
                p.toewijzing_nummer,
                ref.referentie_nummer,
                ref.vorig_referentie_nummer or "",
                p.product_categorie.value,
                p.product_code,
                p.product_periode.begindatum,
                p.product_periode.einddatum,
                p.geleverd_volume,
                p.eenheid.value,
                p.product_tarief,
                regels.bedrag(p),
                ok,
                json.dumps(codes.get(id(p), [])),
                str(status),
            )
        )
    _voeg_in(rijen)

    trajecten = {t.traject_id for t in ctx.toewijzingen.values() if t.traject_id}
    _termijnen(bericht, trajecten, vandaag)
    return Afhandeling(fouten, behouden=True)


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


def _beoordeel(ctx: regels.Context, fout, codes: dict, oordeel: dict) -> None:
    """Every prestatie in the order of NOTES.md §7; credits first, so a credit and the new
    debet that replaces it may travel in one message (OP366)."""
    refs: set[str] = set()
    gecrediteerd: set[str] = set()
    open_nu: Counter = Counter(ctx.open_debets)
    extra: Counter = Counter()
    afgekeurde_clienten = set()
    for client in {id(c): c for c, _ in ctx.items}.values():
        f = regels.tr304_client_bekend(ctx, client)
        if f is not None:
            fout(f)
            afgekeurde_clienten.add(id(client))
    volgorde = sorted(ctx.items, key=lambda cp: not regels.is_credit(cp[1]))
    for client, p in volgorde:
        if id(client) in afgekeurde_clienten:
            if not codes.get(id(p)):  # not judged: the codec gives it 0233 in the 325 too
                codes[id(p)] = ["0233"]
            continue
        bsn = client.bsn
        credit = regels.is_credit(p)
        fout(regels.tr314_referentienummer_uniek(ctx, p, refs))
        refs.add(p.product_referentie.referentie_nummer)
        if credit:
            fout(regels.tr323_credit_heeft_debet(ctx, bsn, p))
            fout(regels.tr390_niet_dubbel_gecrediteerd(ctx, p, gecrediteerd))
        t = ctx.toewijzingen.get((bsn, p.toewijzing_nummer))
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
        ok = t is not None and not codes.get(id(p))
        oordeel[id(p)] = (t, ok)
        if ok:
            k = regels.sleutel(t, p)
            v = p.geleverd_volume * regels.factor(t, p.eenheid.value)
            teken = -1 if credit else 1
            open_nu[k] += teken
            extra[t.id] += teken * v
            extra[(t.id, p.product_periode.begindatum.replace(day=1))] += teken * v
            extra[("budget", t.id)] += regels.bedrag(p)
            if credit:
                gecrediteerd.add(p.product_referentie.vorig_referentie_nummer)


def _termijnen(bericht, trajecten: set[int], vandaag: dt.date) -> None:
    """The 325 termijn (Heusden: declaratie-antwoord-325, 10 werkdagen) of every traject this
    declaratie touches: started by the 323 and met by the 325 sent in this transaction."""
    if not trajecten:
        return
    from klantreis.routes.models import Traject

    for traject in Traject.objects.filter(pk__in=trajecten):
        termijnen.bij_bericht(traject, "323", vandaag)
        termijnen.bij_bericht(traject, "325", vandaag)
    if len(trajecten) == 1 and bericht.traject_id is None:
        bericht.traject_id = next(iter(trajecten))
