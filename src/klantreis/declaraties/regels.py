"""The history rules of a 323 (NOTES.md §7), each a function named after its code.

Everything the rules need is loaded by :func:`laad` set-based: one query per lookup per
declaratie (split in chunks of ``DEEL`` keys, the parameter limits of SQLite and PostgreSQL),
never one per prestatie. The rules then read plain dicts. A rule returns a ``Fout`` with
``klasse`` = the ``Prestatie323`` (or ``Client323`` / ``Declaratie``) it is about, so the
codec's ``build_retour`` puts its code on that class in the 325.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import BigIntegerField, Case, F, Max, Sum, Value, When

from klantreis.istandaarden import Fout
from klantreis.organisaties.models import Contract
from klantreis.toewijzingen.models import Toewijzing

from .models import Declaratie, DeclaratieStatus, Prestatie

DEEL = 5000
# From this many keys on, a lookup reads the aanbieder's whole scope at the gemeente in one
# query instead of an IN list: building and binding thousands of parameters costs more.
HEEL = 1000
PAD = "/Bericht/Client/Prestaties/Prestatie"
CREDIT = "C"


def _delen(waarden: Iterable, grootte: int = DEEL) -> Iterable[list]:
    lijst = list(waarden)
    for i in range(0, len(lijst), grootte):
        yield lijst[i : i + grootte]


@functools.lru_cache(maxsize=4096)
def laatste_dag(d: dt.date) -> dt.date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def is_credit(p) -> bool:
    # ``_value_``, not ``.value``: the enum property costs more than the comparison, and
    # this runs several times per prestatie
    return p.ingediend_bedrag.debet_credit._value_ == CREDIT


def bedrag(p) -> int:
    b = p.ingediend_bedrag.bedrag
    return -b if is_credit(p) else b


class Tw(NamedTuple):
    """The toewijzing fields the rules read (a named tuple: 25,000 of them per declaratie
    are made from query rows, and a frozen dataclass costs several times more to build)."""

    id: int
    traject_id: int | None
    categorie: str
    code: str
    ingangsdatum: dt.date
    einddatum: dt.date | None
    reden_wijziging: str
    volume: int | None
    eenheid: str
    frequentie: str
    budget: int | None


@dataclass
class Context:
    """What the rules of one declaratie read; filled by :func:`laad`."""

    gemeente: Any
    aanbieder: Any
    wet: str
    declaratie: Any  # the message's Declaratie
    items: list[tuple[Any, Any]]  # (Client323, Prestatie323) in message order
    toewijzingen: dict[tuple[str, int], Tw] = field(default_factory=dict)
    bekende_bsns: set[str] = field(default_factory=set)
    nummer_bekend: bool = False
    laatste_periode: dt.date | None = None
    # TR314: ReferentieNummers of this message already approved earlier
    eerdere_referenties: set[str] = field(default_factory=set)
    # TR323: approved earlier debets a credit of this message points at, by ReferentieNummer
    debets: dict[str, dict] = field(default_factory=dict)
    # TR390: earlier debets that already have an approved credit
    gecrediteerd: set[str] = field(default_factory=set)
    # TR389: approved debets minus approved credits per (toewijzing, begin, categorie, code)
    open_debets: Counter = field(default_factory=Counter)
    # TR322/TR369: approved volume (in the toewijzing's unit base) and amount
    volume_per_periode: Counter = field(default_factory=Counter)  # (toewijzing_id, maand)
    volume_totaal: Counter = field(default_factory=Counter)  # toewijzing_id
    bedrag_totaal: Counter = field(default_factory=Counter)  # toewijzing_id
    # TR418: (categorie, code) -> [(ingangsdatum, einddatum, tarief, eenheid)]
    contracten: dict[tuple[str, str], list] = field(default_factory=dict)


def laad(ctx: Context) -> Context:
    g, a, w = ctx.gemeente, ctx.aanbieder, ctx.wet
    decl = ctx.declaratie
    # TR333 and TR318: one query each
    eerder = Declaratie.objects.filter(
        gemeente=g, aanbieder=a, wet=w, status=DeclaratieStatus.VERWERKT
    )
    ctx.nummer_bekend = eerder.filter(nummer=decl.declaratie_nummer).exists()
    ctx.laatste_periode = eerder.aggregate(m=Max("periode_begin"))["m"]
    # TR304, TR338 …: every toewijzing of this aanbieder at this gemeente for the clients of
    # the message, one query (per 5,000 clients)
    bsns = {c.bsn for c, _ in ctx.items}
    scope = Toewijzing.objects.filter(gemeente=g, aanbieder=a, wet=w)
    delen = [None] if len(bsns) >= HEEL else _delen(sorted(bsns))
    maak = Tw._make
    for deel in delen:
        qs = scope if deel is None else scope.filter(client__bsn__in=deel)
        rijen = qs.values_list(
            "client__bsn",
            "nummer",
            "id",
            "traject_id",
            "categorie",
            "code",
            "ingangsdatum",
            "einddatum",
            "reden_wijziging",
            "volume",
            "eenheid",
            "frequentie",
            "budget",
        )
        for bsn, nummer, *rest in rijen:
            if bsn in bsns:
                ctx.toewijzingen[(bsn, nummer)] = maak(rest)
                ctx.bekende_bsns.add(bsn)
    goed = Prestatie.objects.filter(aanbieder=a, wet=w, goedgekeurd=True)
    # TR314: earlier approved ReferentieNummers among ours
    refs = {p.product_referentie.referentie_nummer for _, p in ctx.items}
    ctx.eerdere_referenties = _bekende_referenties(a.pk, w, refs)
    # TR323/TR390: the debets our credits point at, and their earlier credits
    vorige = {
        p.product_referentie.vorig_referentie_nummer
        for _, p in ctx.items
        if p.product_referentie.vorig_referentie_nummer
    }
    for deel in _delen(sorted(vorige)):
        for rij in goed.filter(referentienummer__in=deel, bedrag__gte=0).values(
            "referentienummer",
            "bsn",
            "toewijzing_nummer",
            "categorie",
            "code",
            "periode_begin",
            "periode_eind",
        ):
            ctx.debets[rij["referentienummer"]] = rij
        ctx.gecrediteerd.update(
            goed.filter(vorig_referentienummer__in=deel)
            .exclude(vorig_referentienummer="")  # the condition of index prest_tr390_credits
            .values_list("vorig_referentienummer", flat=True)
        )
    # TR389, TR322, TR369: approved prestaties per toewijzing and period, aggregated in SQL
    _laad_volumes(ctx, goed)
    # TR418: the contract tariffs of this aanbieder at this gemeente, one query
    for cat, code, begin, eind, tarief, eenheid in Contract.objects.filter(
        gemeente=g, aanbieder=a, product__wet=w
    ).values_list(
        "product__categorie",
        "product__code",
        "ingangsdatum",
        "einddatum",
        "tarief",
        "product__eenheid",
    ):
        ctx.contracten.setdefault((cat, code), []).append((begin, eind, tarief, eenheid))
    return ctx


def _laad_volumes(ctx: Context, goed) -> None:
    """TR389 and TR322 per period read only the months this message declares (a provider
    declares month after month, so the history of other months is never read for them);
    the totals over the whole toewijzing (TR322 with Frequentie 6, TR369's budget) are read
    only for the toewijzingen that have such a limit."""
    g = ctx.gemeente
    per_id = {t.id: t for t in ctx.toewijzingen.values()}
    if not per_id:
        return
    maanden = {p.product_periode.begindatum.replace(day=1) for _, p in ctx.items}
    ids = sorted(per_id)
    delen = [None] if len(ids) >= HEEL else _delen(ids)
    for deel in delen:
        qs = (
            goed.filter(toewijzing__gemeente=g)
            if deel is None
            else goed.filter(toewijzing_id__in=deel)
        )
        rijen = qs.filter(
            periode_begin__gte=min(maanden), periode_begin__lte=laatste_dag(max(maanden))
        ).values("toewijzing_id", "periode_begin", "categorie", "code", "eenheid")
        for r in _saldi(rijen):
            tid = r["toewijzing_id"]
            maand = r["periode_begin"].replace(day=1)
            if tid not in per_id or maand not in maanden:
                continue
            ctx.open_debets[(tid, r["periode_begin"], r["categorie"], r["code"])] += r["debets"]
            v = r["volume"] * factor(per_id[tid], r["eenheid"])
            ctx.volume_per_periode[(tid, maand)] += v
    totaal = sorted(t.id for t in per_id.values() if t.frequentie == "6" or t.budget is not None)
    delen = [None] if len(totaal) >= HEEL else _delen(totaal)
    for deel in delen if totaal else ():
        qs = (
            goed.filter(toewijzing__gemeente=g)
            if deel is None
            else goed.filter(toewijzing_id__in=deel)
        )
        for r in _saldi(qs.values("toewijzing_id", "eenheid")):
            tid = r["toewijzing_id"]
            if tid not in per_id:
                continue
            ctx.volume_totaal[tid] += r["volume"] * factor(per_id[tid], r["eenheid"])
            ctx.bedrag_totaal[tid] += r["bedrag"]


def _saldi(qs):
    """Per group: approved debets minus approved credits, the volume (credits negative) and
    the amount (credits are already negative)."""
    return qs.annotate(
        debets=Sum(
            Case(
                When(bedrag__gte=0, then=Value(1)),
                default=Value(-1),
                output_field=BigIntegerField(),
            )
        ),
        volume=Sum(
            Case(
                When(bedrag__lt=0, then=-F("volume")),
                default=F("volume"),
                output_field=BigIntegerField(),
            )
        ),
        bedrag=Sum("bedrag"),
    )


def _bekende_referenties(aanbieder_id: int, wet: str, refs: set[str]) -> set[str]:
    """TR314's lookup in plain SQL: with thousands of keys Django's per-parameter handling
    of ``__in`` costs more than the query. The bare ``goedgekeurd`` repeats the condition of
    the partial index tr314_referentie_uniek word for word: SQLite uses a partial index only
    then (``goedgekeurd = 1`` made it scan the whole table). PostgreSQL gets all keys as one
    array parameter instead of thousands of literals."""
    if not refs:
        return set()
    tabel = connection.ops.quote_name(Prestatie._meta.db_table)
    waar = (
        f"aanbieder_id = %s AND wet = %s AND {connection.ops.quote_name('goedgekeurd')} "
        "AND referentienummer"
    )
    gevonden: set[str] = set()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT referentienummer FROM {tabel} WHERE {waar} = ANY(%s)",
                [aanbieder_id, wet, sorted(refs)],
            )
            return {r[0] for r in cursor.fetchall()}
        for deel in _delen(sorted(refs)):
            plekken = ", ".join(["%s"] * len(deel))
            cursor.execute(
                f"SELECT referentienummer FROM {tabel} WHERE {waar} IN ({plekken})",
                [aanbieder_id, wet, *deel],
            )
            gevonden.update(r[0] for r in cursor.fetchall())
    return gevonden


def factor(t: Tw, eenheid: str) -> int:
    """Volumes are compared in the toewijzing's unit; hours declared in minutes (TR341) are
    compared in minutes, so an hour counts 60."""
    if t.eenheid == "04":
        return 1 if eenheid == "01" else 60
    return 1


# --- declaratie level -------------------------------------------------------------------


def tr333_declaratienummer_uniek(ctx: Context) -> Fout | None:
    if ctx.nummer_bekend:
        return Fout(
            "TR333",
            "9333",
            "/Bericht/Declaratie/DeclaratieNummer",
            f"DeclaratieNummer {ctx.declaratie.declaratie_nummer} is al eerder ingediend.",
            klasse=ctx.declaratie,
        )
    return None


def tr318_periode_niet_voor_laatste(ctx: Context) -> Fout | None:
    """TR318/IV090: the DeclaratiePeriode follows the last one; gaps are allowed, the same
    month again (a correction of the last period) too, an earlier month is not (OP354 allows
    late prestaties in a later declaratie, not an earlier DeclaratiePeriode)."""
    begin = ctx.declaratie.declaratie_periode.begindatum
    if ctx.laatste_periode is not None and begin < ctx.laatste_periode:
        return Fout(
            "TR318",
            "8214",
            "/Bericht/Declaratie/DeclaratiePeriode/Begindatum",
            f"DeclaratiePeriode {begin:%m-%Y} ligt voor de laatst ingediende periode "
            f"{ctx.laatste_periode:%m-%Y}.",
            klasse=ctx.declaratie,
        )
    return None


# --- client level -----------------------------------------------------------------------


def tr304_client_bekend(ctx: Context, client) -> Fout | None:
    if client.bsn not in ctx.bekende_bsns:
        return Fout(
            "TR304",
            "8187",
            "/Bericht/Client/Bsn",
            f"Bsn {client.bsn} hoort niet bij een cliënt met een toewijzing bij deze aanbieder.",
            klasse=client,
        )
    return None


# --- prestatie level --------------------------------------------------------------------


def _fout(regel: str, code: str, p, veld: str, melding: str) -> Fout:
    return Fout(regel, code, f"{PAD}/{veld}", melding, klasse=p)


def tr314_referentienummer_uniek(ctx: Context, p, in_bericht: set[str]) -> Fout | None:
    ref = p.product_referentie.referentie_nummer
    if ref in ctx.eerdere_referenties or ref in in_bericht:
        return _fout(
            "TR314", "8021", p, "ProductReferentie/ReferentieNummer",
            f"ReferentieNummer {ref} is al eerder aangeleverd.",
        )  # fmt: skip
    return None


def tr323_credit_heeft_debet(ctx: Context, bsn: str, p) -> Fout | None:
    if not is_credit(p):
        return None
    vorig = p.product_referentie.vorig_referentie_nummer
    d = ctx.debets.get(vorig)
    if d is None or (
        d["bsn"],
        d["toewijzing_nummer"],
        d["categorie"],
        d["code"],
        d["periode_begin"],
        d["periode_eind"],
    ) != (
        bsn,
        p.toewijzing_nummer,
        p.product_categorie.value,
        p.product_code,
        p.product_periode.begindatum,
        p.product_periode.einddatum,
    ):
        return _fout(
            "TR323", "8017", p, "ProductReferentie/VorigReferentieNummer",
            f"Geen goedgekeurde debetprestatie {vorig} met dezelfde sleutelvelden.",
        )  # fmt: skip
    return None


def tr390_niet_dubbel_gecrediteerd(ctx: Context, p, in_bericht: set[str]) -> Fout | None:
    if not is_credit(p):
        return None
    vorig = p.product_referentie.vorig_referentie_nummer
    if vorig in ctx.gecrediteerd or vorig in in_bericht:
        return _fout(
            "TR390", "9390", p, "IngediendBedrag/DebetCredit",
            f"Prestatie {vorig} is al gecrediteerd.",
        )  # fmt: skip
    return None


def sleutel(t: Tw, p) -> tuple:
    return (t.id, p.product_periode.begindatum, p.product_categorie.value, p.product_code)


def tr389_geen_dubbel_debet(ctx: Context, t: Tw, p, open_nu: Counter) -> Fout | None:
    """A debet only when no earlier debet for this toewijzing, period and product is still
    open (not credited). ``open_nu`` = ``ctx.open_debets`` plus this message's approved
    debets and credits so far."""
    if is_credit(p):
        return None
    if open_nu[sleutel(t, p)] > 0:
        return _fout(
            "TR389", "9389", p, "IngediendBedrag/DebetCredit",
            "Er is al een debetprestatie voor deze toewijzing, periode en product.",
        )  # fmt: skip
    return None


def tr338_toewijzing_bestaat(ctx: Context, bsn: str, p) -> Fout | None:
    if (bsn, p.toewijzing_nummer) not in ctx.toewijzingen:
        return _fout(
            "TR338", "9338", p, "ToewijzingNummer",
            f"Geen toewijzing {p.toewijzing_nummer} voor deze cliënt en aanbieder.",
        )  # fmt: skip
    return None


def tr384_niet_verwijderd(t: Tw, p) -> Fout | None:
    if t.reden_wijziging == "13":
        return _fout(
            "TR384", "9384", p, "ToewijzingNummer",
            f"Toewijzing {p.toewijzing_nummer} is verwijderd (RedenWijziging 13).",
        )  # fmt: skip
    return None


def tr339_categorie(t: Tw, p) -> Fout | None:
    if t.categorie and t.categorie != p.product_categorie.value:
        return _fout(
            "TR339", "9339", p, "ProductCategorie",
            f"ProductCategorie {p.product_categorie.value} wijkt af van de toewijzing "
            f"({t.categorie}).",
        )  # fmt: skip
    return None


def tr340_code(t: Tw, p) -> Fout | None:
    if t.code and t.code != p.product_code:
        return _fout(
            "TR340", "9340", p, "ProductCode",
            f"ProductCode {p.product_code} wijkt af van de toewijzing ({t.code}).",
        )  # fmt: skip
    return None


def tr341_eenheid(t: Tw, p) -> Fout | None:
    e = p.eenheid.value
    if t.eenheid and e != t.eenheid and not (t.eenheid == "04" and e == "01"):
        return _fout(
            "TR341", "9341", p, "Eenheid",
            f"Eenheid {e} past niet bij de toewijzing (eenheid {t.eenheid}).",
        )  # fmt: skip
    return None


def tr307_niet_voor_toewijzing(t: Tw, p) -> Fout | None:
    if p.product_periode.begindatum < t.ingangsdatum:
        return _fout(
            "TR307", "9307", p, "ProductPeriode/Begindatum",
            f"ProductPeriode begint voor de toewijzing ({t.ingangsdatum:%d-%m-%Y}).",
        )  # fmt: skip
    return None


def tr308_niet_na_toewijzing(t: Tw, p) -> Fout | None:
    if t.einddatum is not None and p.product_periode.einddatum > t.einddatum:
        return _fout(
            "TR308", "9308", p, "ProductPeriode/Einddatum",
            f"ProductPeriode eindigt na de toewijzing ({t.einddatum:%d-%m-%Y}).",
        )  # fmt: skip
    return None


def tr387_begin_van_maand(t: Tw, p) -> Fout | None:
    begin = p.product_periode.begindatum
    verwacht = max(begin.replace(day=1), t.ingangsdatum)
    if begin != verwacht:
        return _fout(
            "TR387", "9387", p, "ProductPeriode/Begindatum",
            f"ProductPeriode Begindatum moet {verwacht:%d-%m-%Y} zijn.",
        )  # fmt: skip
    return None


def tr388_eind_van_maand(t: Tw, p) -> Fout | None:
    begin, eind = p.product_periode.begindatum, p.product_periode.einddatum
    verwacht = laatste_dag(begin)
    if t.einddatum is not None and t.einddatum < verwacht:
        verwacht = t.einddatum
    if eind != verwacht:
        return _fout(
            "TR388", "9388", p, "ProductPeriode/Einddatum",
            f"ProductPeriode Einddatum moet {verwacht:%d-%m-%Y} zijn.",
        )  # fmt: skip
    return None


def weken(begin: dt.date, eind: dt.date) -> int:
    """IV076/IV077: the number of (partial) calendar weeks (Monday–Sunday) in the period;
    the delivery date decides the month, so a week split over two months counts in both."""
    eerste_maandag = begin - dt.timedelta(days=begin.weekday())
    return (eind - eerste_maandag).days // 7 + 1


def maximum(t: Tw, p) -> int | None:
    """The toegewezen volume for this prestatie's period, in the unit base of ``factor``;
    None when the toewijzing has no volume (budget or aspecifiek)."""
    if t.volume is None:
        return None
    begin, eind = p.product_periode.begindatum, p.product_periode.einddatum
    per = {"1": (eind - begin).days + 1, "2": weken(begin, eind), "4": 1, "6": 1}
    return t.volume * per.get(t.frequentie, 1) * factor(t, t.eenheid)


def tr321_volume_per_prestatie(t: Tw, p) -> Fout | None:
    m = maximum(t, p)
    if m is not None and not is_credit(p) and p.geleverd_volume * factor(t, p.eenheid.value) > m:
        return _fout(
            "TR321", "9321", p, "GeleverdVolume",
            f"GeleverdVolume {p.geleverd_volume} is meer dan toegewezen.",
        )  # fmt: skip
    return None


def tr322_volume_som(ctx: Context, t: Tw, p, extra: Counter) -> Fout | None:
    """The approved volume so far (earlier declaraties and this one) plus this prestatie
    stays within the toegewezen omvang: per month for per dag/week/maand, over the whole
    toewijzing for Frequentie 6 (totaal)."""
    m = maximum(t, p)
    if m is None or is_credit(p):
        return None
    v = p.geleverd_volume * factor(t, p.eenheid.value)
    if t.frequentie == "6":
        al = ctx.volume_totaal[t.id] + extra[t.id]
    else:
        k = (t.id, p.product_periode.begindatum.replace(day=1))
        al = ctx.volume_per_periode[k] + extra[k]
    if al + v > m:
        return _fout(
            "TR322", "9322", p, "GeleverdVolume",
            "De som van de gedeclareerde volumes is meer dan de toegewezen omvang.",
        )  # fmt: skip
    return None


def tr369_binnen_budget(ctx: Context, t: Tw, p, extra: Counter) -> Fout | None:
    if t.budget is None or is_credit(p):
        return None
    if ctx.bedrag_totaal[t.id] + extra[("budget", t.id)] + bedrag(p) > t.budget:
        return _fout(
            "TR369", "9369", p, "IngediendBedrag/Bedrag",
            f"Het bedrag overschrijdt het budget van de toewijzing ({t.budget / 100:.2f}).",
        )  # fmt: skip
    return None


def contracttarief(ctx: Context, p) -> int | None:
    """The tariff per the prestatie's unit on its start date; minutes against an hourly
    contract: uurtarief / 60 rounded (IV081)."""
    begin = p.product_periode.begindatum
    for van, tot, tarief, eenheid in ctx.contracten.get(
        (p.product_categorie.value, p.product_code), []
    ):
        if van <= begin and (tot is None or begin <= tot):
            if eenheid == "04" and p.eenheid.value == "01":
                return round(tarief / 60)
            return tarief
    return None


def tr418_contracttarief(ctx: Context, p) -> Fout | None:
    if p.product_tarief is None:  # Eenheid 83 (euro's): no tarief (CD087)
        return None
    tarief = contracttarief(ctx, p)
    if tarief != p.product_tarief:
        wat = "geen contract" if tarief is None else f"contracttarief {tarief / 100:.2f}"
        return _fout(
            "TR418", "0611", p, "ProductTarief",
            f"ProductTarief {p.product_tarief / 100:.2f} wijkt af ({wat}).",
        )  # fmt: skip
    return None
