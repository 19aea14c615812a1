"""Message screens (issue 6 "messages exchanged"; the back office's "messages waiting"): the
berichten a user may see (``toegang.beleid.zichtbare_berichten``: a provider only its own),
filterable and paginated; a detail page with the header, the retour pair (heen ↔ retour), the
rule outcomes with the Dutch text of every retourcode, and the raw XML as a download."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from lxml import etree

from klantreis.audit.services import Via, log_inzage
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Status
from klantreis.declaraties.overzicht import uitleg
from klantreis.toegang import beleid as toegang

from . import paginering
from .forms_declaraties import WACHTEND, BerichtFilter

PER_PAGINA = 50
#: states in which a message waits for someone: not yet handled, refused (by us or, for a
#: retour, ours by the provider), or not delivered
WACHTENDE_STATUSSEN = [
    Status.ONTVANGEN,
    Status.IN_VERWERKING,
    Status.AFGEKEURD,
    Status.GEWEIGERD,  # our 301/319 refused by the provider: work for the back office
    Status.TE_VERZENDEN,
    Status.MISLUKT,
]
MAX_FOUTEN = 200  # a 323 may carry thousands; the page shows a summary and the first ones


def _wet(bericht) -> str:
    return "jw" if (bericht.standaard or "").lower() == "ijw" else "wmo"


@login_required
def berichten(request):
    basis = toegang.zichtbare_berichten(request.user)
    codes = sorted(
        c for c in basis.order_by().values_list("berichtcode", flat=True).distinct() if c
    )
    filters = BerichtFilter(request.GET or None, codes=codes)
    qs = basis.defer("gegevens", "fouten")  # the bytes are in a table of their own
    if filters.is_valid():
        d = filters.cleaned_data
        if d["richting"]:
            qs = qs.filter(richting=d["richting"])
        if d["berichtcode"]:
            qs = qs.filter(berichtcode=d["berichtcode"])
        if d["status"] == WACHTEND:
            qs = qs.filter(status__in=WACHTENDE_STATUSSEN)
        elif d["status"]:
            qs = qs.filter(status=d["status"])
        if d["partij"]:
            qs = qs.filter(Q(afzender=d["partij"]) | Q(ontvanger=d["partij"]))
        if d["van"]:
            qs = qs.filter(aangemaakt_op__date__gte=d["van"])
        if d["tot"]:
            qs = qs.filter(aangemaakt_op__date__lte=d["tot"])
    traject = None
    if (nummer := request.GET.get("traject", "")).isdigit() and int(nummer) < 2**63:
        # the messages of one traject the user may see (the traject page links here)
        traject = toegang.zichtbare_trajecten(request.user).filter(pk=nummer).first()
        qs = qs.filter(traject=traject) if traject else qs.none()
    pagina = paginering.pagina(request, qs.order_by("-aangemaakt_op", "-pk"), PER_PAGINA)
    codes_per_bericht = _retourcodes([b.pk for b in pagina])
    for b in pagina:
        b.retourcodes = codes_per_bericht.get(b.pk, [])
    log_inzage(request, via=Via.PORTAAL, model="bericht", aantal=len(pagina))
    return render(
        request,
        "portal/berichten/lijst.html",
        {
            "filters": filters,
            "pagina": pagina,
            "querystring": paginering.querystring(request),
            "traject": traject,
        },
    )


def _retourcodes(pks: list[int]) -> dict[int, list[str]]:
    """The distinct retourcodes in ``fouten`` of these messages, computed by the database:
    a 323 with thousands of rejected prestaties has as many fouten, which the list need not
    carry to Python to show a handful of codes."""
    if not pks:
        return {}
    tabel = connection.ops.quote_name(Bericht._meta.db_table)
    if connection.vendor == "postgresql":
        sql = (
            f"SELECT b.id, e ->> 'retourcode' FROM {tabel} b,"
            " jsonb_array_elements(b.fouten) e WHERE b.id = ANY(%s)"
            " GROUP BY b.id, e ->> 'retourcode'"
        )
        params = [list(pks)]
    else:  # SQLite's JSON1
        plekken = ", ".join(["%s"] * len(pks))
        sql = (
            f"SELECT b.id, json_extract(e.value, '$.retourcode') FROM {tabel} b,"
            f" json_each(b.fouten) e WHERE b.id IN ({plekken}) GROUP BY 1, 2"
        )
        params = list(pks)
    uit: dict[int, list[str]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for pk, code in cursor.fetchall():
            if code:
                uit.setdefault(pk, []).append(code)
    return {pk: sorted(codes) for pk, codes in uit.items()}


def _retourcodes_in_xml(inhoud: bytes) -> list[str]:
    """Every RetourCode in a message (a retour such as the 325), in document order."""
    try:
        root = etree.fromstring(inhoud)
    except etree.XMLSyntaxError:
        return []
    return [
        el.text or ""
        for el in root.iter()
        if isinstance(el.tag, str) and etree.QName(el).localname == "RetourCode"
    ]


@login_required
def bericht(request, pk: int):
    b = get_object_or_404(toegang.zichtbare_berichten(request.user), pk=pk)
    zichtbaar = toegang.zichtbare_berichten(request.user).defer("gegevens", "fouten")
    heen = zichtbaar.filter(pk=b.heen_id).first() if b.heen_id else None
    retouren = list(zichtbaar.filter(heen=b).order_by("aangemaakt_op", "pk"))
    wet = _wet(b)
    fouten = b.fouten or []
    per_regel: Counter = Counter()
    for f in fouten:  # a capped list counts the faults it no longer holds one by one
        per_regel[(f.get("regel") or "", f.get("retourcode") or "")] += f.get("aantal", 1)
    inhoud = b.bytes
    codes_in_bericht = Counter(_retourcodes_in_xml(bytes(inhoud))) if b.heen_id else Counter()
    declaraties = toegang.zichtbare_declaraties(request.user).filter(bericht=b)
    log_inzage(request, b, via=Via.PORTAAL)
    return render(
        request,
        "portal/berichten/detail.html",
        {
            "b": b,
            "heen": heen,
            "retouren": retouren,
            "samenvatting": [
                {"regel": r, "uitleg": uitleg(c, wet) if c else None, "aantal": n}
                for (r, c), n in per_regel.most_common()
            ],
            "fouten": [
                {**f, "uitleg": uitleg(f["retourcode"], wet) if f.get("retourcode") else None}
                for f in fouten[:MAX_FOUTEN]
            ],
            "meer_fouten": max(0, len(fouten) - MAX_FOUTEN),
            "codes_in_bericht": [
                {"uitleg": uitleg(c, wet), "aantal": n} for c, n in sorted(codes_in_bericht.items())
            ],
            "declaraties": declaraties,
            "grootte": len(inhoud),
        },
    )


@login_required
def bericht_xml(request, pk: int):
    b = get_object_or_404(toegang.zichtbare_berichten(request.user).defer("gegevens"), pk=pk)
    log_inzage(request, b, via=Via.PORTAAL, reden="download van het bericht (XML)")
    naam = b.bestandsnaam or f"{b.berichtcode or 'bericht'}-{b.identificatie or b.pk}.xml"
    naam = "".join(c for c in naam if c.isalnum() or c in "-_.") or f"bericht-{b.pk}.xml"
    response = HttpResponse(bytes(b.inhoud), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
