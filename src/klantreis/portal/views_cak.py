"""The back office's CAK notices (Heusden stap 7, Achterhoek 8a): what the CAK was told and
when, what is still waiting, a button to deliver the waiting ones now — the same
``toewijzingen.cak`` function as the daily Celery run and ``klantreis cak exporteer`` — and an
earlier delivery's file again. Back office of the notices' gemeente only: the files hold BSNs."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from klantreis.audit.services import Via, log_inzage
from klantreis.toegang.beleid import backoffice_gemeenten
from klantreis.toewijzingen import cak
from klantreis.toewijzingen.models import CakMelding

from . import paginering

PER_PAGINA = 50
NIET_BACKOFFICE = "Alleen de backoffice van de gemeente ziet en levert de CAK-meldingen."
STATUSSEN = {
    "wachtend": "Wachten op levering",
    "geleverd": "Geleverd",
    "vervallen": "Vervallen vóór levering",
}


def _gemeenten(user):
    gemeenten = backoffice_gemeenten(user)
    if not gemeenten.exists():
        raise PermissionDenied(NIET_BACKOFFICE)
    return gemeenten


def _stand(m: CakMelding) -> str:
    if m.geexporteerd_op is not None:
        return "geleverd"
    if m.melding.actueel or cak.is_correctie(m):
        return "wachtend"
    return "vervallen"


@login_required
def cak_meldingen(request):
    gemeenten = _gemeenten(request.user)
    if request.method == "POST":
        geleverd = cak.exporteer_per_gemeente(gemeenten)
        for waar in geleverd:
            aantal = CakMelding.objects.filter(exportbestand=waar).count()
            messages.success(request, f"{aantal} CAK-melding(en) geleverd: {Path(waar).name}.")
        if not geleverd:
            messages.info(request, "Er wachten geen CAK-meldingen op levering.")
        return redirect("portal:cak")
    alle = CakMelding.objects.filter(toewijzing__gemeente__in=gemeenten)
    tellingen = alle.aggregate(
        wachtend=Count("pk", filter=cak.WACHTEND),
        geleverd=Count("pk", filter=Q(geexporteerd_op__isnull=False)),
    )
    status = request.GET.get("status", "")
    qs = alle.select_related(
        "toewijzing__client",
        "toewijzing__gemeente",
        "toewijzing__aanbieder",
        "toewijzing__product",
        "melding",
    )
    if status == "wachtend":
        qs = qs.filter(cak.WACHTEND)
    elif status == "geleverd":
        qs = qs.filter(geexporteerd_op__isnull=False)
    elif status == "vervallen":
        qs = qs.filter(cak.VERVALLEN)
    else:
        status = ""
    qs = qs.order_by("-aangemaakt_op", "-pk")
    pagina = paginering.pagina(request, qs, PER_PAGINA)
    for m in pagina:
        m.stand = _stand(m)
        m.correctie = cak.is_correctie(m)
        m.ingetrokken = not m.correctie and not m.melding.actueel
        m.bestandsnaam = Path(m.exportbestand).name if m.exportbestand else ""
    log_inzage(request, via=Via.PORTAAL, model="cakmelding", aantal=len(pagina.object_list))
    return render(
        request,
        "portal/cak.html",
        {
            "pagina": pagina,
            "querystring": paginering.querystring(request),
            "status": status,
            "statussen": STATUSSEN,
            "tellingen": tellingen,
        },
    )


@login_required
def cak_bestand(request, pk: int):
    """An earlier delivery's file again, made from its notices (``cak.geleverd_bestand``):
    only when every notice in it belongs to a gemeente whose back office this user is."""
    gemeenten = _gemeenten(request.user)
    melding = get_object_or_404(
        CakMelding.objects.filter(toewijzing__gemeente__in=gemeenten), pk=pk
    )
    if not melding.exportbestand:
        messages.error(request, "Deze CAK-melding is nog niet geleverd; er is nog geen bestand.")
        return redirect("portal:cak")
    in_bestand = CakMelding.objects.filter(exportbestand=melding.exportbestand)
    if in_bestand.exclude(toewijzing__gemeente__in=gemeenten).exists():
        raise PermissionDenied("Dit bestand bevat ook meldingen van een andere gemeente.")
    naam, inhoud = cak.geleverd_bestand(melding.exportbestand)
    log_inzage(request, via=Via.PORTAAL, model="cakmelding", aantal=in_bestand.count())
    response = HttpResponse(inhoud.encode(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{naam}"'
    return response
