"""Declaratie and payment screens (issue 5 points 4–5): per provider and per period the
prestaties submitted, approved, rejected (per retourcode, with its Dutch text and rule),
held, in a payment file and paid; drill down provider → period → client → prestatie; payment
runs with their files (CSV, XLSX, SEPA pain.001) for the back office.

Every figure is one SQL aggregate over the prestaties the user may see
(``toegang.beleid``); the drill-down lists are paginated. Views only read and call
``declaraties.betaalopdracht``; a refusal is a Dutch message, never an error page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from klantreis.audit.services import Via, log_inzage
from klantreis.declaraties import betaalopdracht as bo
from klantreis.declaraties import overzicht
from klantreis.declaraties.bestanden import csv_bestand, xlsx_bestand
from klantreis.declaraties.models import Betaalstatus, OpdrachtStatus
from klantreis.declaraties.sepa import controleer, pain001
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.toegang import beleid as toegang

from . import paginering
from .forms_declaraties import BetaalopdrachtForm, DeclaratieFilter, maand

PER_PAGINA = 50


def _mag_declaraties_zien(user) -> None:
    rollen = set(user.roltoewijzingen.values_list("rol", flat=True))
    if not rollen & toegang.DECLARATIE_ROLLEN:
        raise PermissionDenied("Declaraties zijn er voor de backoffice en de zorgaanbieder.")


def _periodes(declaraties) -> list:
    return list(
        declaraties.order_by("-periode_begin").values_list("periode_begin", flat=True).distinct()
    )


@login_required
def declaraties(request):
    """The overview: per provider and period, and the reasons for rejection."""
    _mag_declaraties_zien(request.user)
    zichtbaar = toegang.zichtbare_declaraties(request.user)
    filters = DeclaratieFilter(
        request.GET or None,
        gemeenten=Gemeente.objects.filter(pk__in=zichtbaar.values("gemeente")).order_by("naam"),
        aanbieders=Aanbieder.objects.filter(pk__in=zichtbaar.values("aanbieder")).order_by("naam"),
        periodes=_periodes(zichtbaar),
    )
    qs = toegang.zichtbare_prestaties(request.user)
    if filters.is_valid():  # a value that is not offered is ignored, not an error
        d = filters.cleaned_data
        if d["gemeente"]:
            qs = qs.filter(declaratie__gemeente__code=d["gemeente"])
        if d["aanbieder"]:
            qs = qs.filter(aanbieder_id=d["aanbieder"])
        if d["wet"]:
            qs = qs.filter(wet=d["wet"])
        if van := maand(d["van"]):
            qs = qs.filter(declaratie__periode_begin__gte=van)
        if tot := maand(d["tot"]):
            qs = qs.filter(declaratie__periode_begin__lte=tot)
    return render(
        request,
        "portal/declaraties/overzicht.html",
        {
            "filters": filters,
            "pagina": paginering.pagina(
                request, overzicht.per_aanbieder_en_periode(qs), PER_PAGINA
            ),
            "totaal": overzicht.totaal(qs),
            "redenen": overzicht.afkeur_per_retourcode(qs),
            "querystring": paginering.querystring(request),
            "kan_betalen": toegang.betaalgemeenten(request.user).exists(),
        },
    )


@login_required
def declaraties_aanbieder(request, pk: int):
    """Drill-down of one provider: its periods; with ``?periode=`` that period's clients;
    with ``&bsn=`` that client's prestaties."""
    _mag_declaraties_zien(request.user)
    zichtbaar = toegang.zichtbare_declaraties(request.user).filter(aanbieder_id=pk)
    aanbieder = get_object_or_404(Aanbieder.objects.filter(pk__in=zichtbaar.values("aanbieder")))
    qs = toegang.zichtbare_prestaties(request.user).filter(aanbieder=aanbieder)
    periode = maand(request.GET.get("periode", ""))
    bsn = request.GET.get("bsn", "").strip()
    context = {"aanbieder": aanbieder, "periode": periode}
    if request.GET.get("periode") and periode is None:
        messages.warning(request, "Die periode bestaat niet; hieronder alle periodes.")
    if periode is None:
        context.update(
            niveau="periodes",
            rijen=overzicht.per_periode(qs),
            totaal=overzicht.totaal(qs),
            redenen=overzicht.afkeur_per_retourcode(qs),
        )
        return render(request, "portal/declaraties/aanbieder.html", context)
    qs = qs.filter(declaratie__periode_begin=periode)
    if not bsn:
        pagina = paginering.pagina(request, overzicht.per_client(qs), PER_PAGINA)
        bsns = [r["bsn"] for r in pagina]
        # names only of clients the user may see (a rejected, unknown BSN stays a number)
        clients = {c.bsn: c for c in toegang.zichtbare_clients(request.user).filter(bsn__in=bsns)}
        for r in pagina:
            r["client"] = clients.get(r["bsn"])
        log_inzage(request, via=Via.PORTAAL, model="prestatie", aantal=len(bsns))
        context.update(
            niveau="clienten",
            pagina=pagina,
            totaal=overzicht.totaal(qs),
            redenen=overzicht.afkeur_per_retourcode(qs),
            querystring=paginering.querystring(request),
        )
        return render(request, "portal/declaraties/aanbieder.html", context)
    qs = qs.filter(bsn=bsn).select_related("declaratie", "betaalopdracht")
    client = toegang.zichtbare_clients(request.user).filter(bsn=bsn).first()
    pagina = paginering.pagina(
        request, qs.order_by("periode_begin", "referentienummer", "pk"), PER_PAGINA
    )
    if client is not None:
        log_inzage(request, client, via=Via.PORTAAL, aantal=len(pagina))
    else:  # a BSN the user may not see by name: the path (with the BSN) is the reason
        log_inzage(request, via=Via.PORTAAL, model="prestatie", aantal=len(pagina))
    context.update(
        niveau="prestaties",
        bsn=bsn,
        client=client,
        pagina=pagina,
        totaal=overzicht.totaal(qs),
        querystring=paginering.querystring(request),
    )
    return render(request, "portal/declaraties/aanbieder.html", context)


@login_required
def prestatie(request, pk: int):
    p = get_object_or_404(
        toegang.zichtbare_prestaties(request.user).select_related(
            "declaratie__gemeente", "declaratie__bericht", "aanbieder", "toewijzing",
            "betaalopdracht",
        ),
        pk=pk,
    )  # fmt: skip
    berichten = toegang.zichtbare_berichten(request.user)
    heen = berichten.filter(pk=p.declaratie.bericht_id).defer("gegevens").first()
    retour = (
        berichten.filter(heen_id=p.declaratie.bericht_id).defer("gegevens").first()
        if heen
        else None
    )
    client = toegang.zichtbare_clients(request.user).filter(bsn=p.bsn).first()
    log_inzage(request, p, via=Via.PORTAAL)
    return render(
        request,
        "portal/declaraties/prestatie.html",
        {
            "p": p,
            "client": client,
            "heen": heen,
            "retour": retour,
            "redenen": [overzicht.uitleg(c, p.wet) for c in p.retourcodes],
            "declaratie_redenen": [
                overzicht.uitleg(c, p.wet) for c in p.declaratie.retourcodes or []
            ],
            "opdracht_zichtbaar": p.betaalopdracht_id
            and toegang.zichtbare_betaalopdrachten(request.user)
            .filter(pk=p.betaalopdracht_id)
            .exists(),
        },
    )


# --- payment runs -----------------------------------------------------------------------------


def _betaalgemeenten(user):
    return toegang.betaalgemeenten(user).order_by("naam")


@login_required
def betaalopdrachten(request):
    """The runs the user sees; for the back office also what is payable now, and the form
    that makes a run (POST)."""
    _mag_declaraties_zien(request.user)
    gemeenten = list(_betaalgemeenten(request.user))
    periodes = sorted(
        {
            p.replace(day=1)
            for p in toegang.zichtbare_prestaties(request.user)
            .filter(betaalstatus=Betaalstatus.TE_BETALEN)
            .values_list("periode_begin", flat=True)
            .distinct()[:500]
        },
        reverse=True,
    )
    form = BetaalopdrachtForm(
        request.POST if request.method == "POST" else None, gemeenten=gemeenten, periodes=periodes
    )
    if request.method == "POST":
        if not gemeenten:
            raise PermissionDenied("Alleen de backoffice maakt betaalopdrachten.")
        if form.is_valid():
            d = form.cleaned_data
            gemeente = next(g for g in gemeenten if g.code == d["gemeente"])
            opdracht = bo.maak_betaalopdracht(
                gemeente,
                tot_en_met=maand(d["tot_en_met"]),
                uitvoerdatum=d["uitvoerdatum"],
                door=request.user,
            )
            if opdracht is None:
                messages.info(request, f"Er is niets te betalen voor {gemeente.naam}.")
                return redirect("portal:betaalopdrachten")
            messages.success(
                request,
                f"Betaalopdracht {opdracht.kenmerk} is gemaakt: {opdracht.aantal} prestaties. "
                "Download het bestand en bevestig na uitvoering door de bank.",
            )
            return redirect("portal:betaalopdracht", pk=opdracht.pk)
    te_betalen = [
        {
            "gemeente": g,
            **bo.te_betalen(g).aggregate(
                **{k: v for k, v in overzicht.TELLINGEN.items() if k.startswith("te_betalen")}
            ),
            "aangehouden": overzicht.totaal(
                toegang.zichtbare_prestaties(request.user).filter(
                    declaratie__gemeente=g, betaalstatus=Betaalstatus.AANGEHOUDEN
                )
            ),
            "zonder_iban": Aanbieder.objects.filter(
                pk__in=bo.te_betalen(g).values("aanbieder"), iban=""
            ).order_by("naam"),
            "gemeente_zonder_iban": not g.iban,
        }
        for g in gemeenten
    ]
    return render(
        request,
        "portal/declaraties/betaalopdrachten.html",
        {
            "form": form if gemeenten else None,
            "te_betalen": te_betalen,
            "pagina": paginering.pagina(
                request,
                toegang.zichtbare_betaalopdrachten(request.user).select_related("gemeente"),
                25,
            ),
        },
    )


def _opdracht_of_404(request, pk: int):
    return get_object_or_404(
        toegang.zichtbare_betaalopdrachten(request.user).select_related(
            "gemeente", "aangemaakt_door", "afgehandeld_door"
        ),
        pk=pk,
    )


def _mag_betalen(user, opdracht) -> bool:
    return toegang.betaalgemeenten(user).filter(pk=opdracht.gemeente_id).exists()


@login_required
def betaalopdracht(request, pk: int):
    opdracht = _opdracht_of_404(request, pk)
    beheer = _mag_betalen(request.user, opdracht)
    if request.method == "POST":
        if not beheer:
            raise PermissionDenied("Alleen de backoffice bevestigt of trekt een opdracht in.")
        actie = request.POST.get("actie")
        try:
            if actie == "bevestig":
                bo.bevestig(opdracht, door=request.user)
                messages.success(request, f"{opdracht.kenmerk} is bevestigd als betaald.")
            elif actie == "intrekken":
                n = bo.trek_in(opdracht, door=request.user)
                messages.success(
                    request,
                    f"{opdracht.kenmerk} is ingetrokken; {n} prestaties zijn weer te betalen.",
                )
            else:
                messages.error(request, "Onbekende actie.")
        except bo.BetaalFout as exc:
            messages.error(request, str(exc))
        return redirect("portal:betaalopdracht", pk=opdracht.pk)
    # a provider's staff see only their own lines of the run
    prestaties = toegang.zichtbare_prestaties(request.user).filter(betaalopdracht=opdracht)
    if opdracht.status == OpdrachtStatus.INGETROKKEN:
        prestaties = prestaties.none()
    regels = bo.regels_van(prestaties)
    problemen = (
        controleer(opdracht, bo.overboekingen(regels))
        if beheer and opdracht.status == OpdrachtStatus.AANGEMAAKT
        else []
    )
    return render(
        request,
        "portal/declaraties/betaalopdracht.html",
        {
            "opdracht": opdracht,
            "regels": regels,
            "overboekingen": bo.overboekingen(regels),
            "beheer": beheer,
            "problemen": problemen,
            "totaal": sum(r.bedrag for r in regels),
            "aantal": sum(r.aantal for r in regels),
        },
    )


BESTANDEN = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    "pain001": ("application/xml", "xml"),
}


@login_required
def betaalopdracht_bestand(request, pk: int, formaat: str):
    """Download of a run's file: back office and functioneel beheer of its gemeente only."""
    opdracht = _opdracht_of_404(request, pk)
    if not _mag_betalen(request.user, opdracht):
        raise PermissionDenied("Alleen de backoffice downloadt betaalbestanden.")
    if formaat not in BESTANDEN or opdracht.status == OpdrachtStatus.INGETROKKEN:
        messages.error(request, "Dit bestand bestaat niet (meer) voor deze opdracht.")
        return redirect("portal:betaalopdracht", pk=opdracht.pk)
    if formaat == "pain001" and opdracht.status != OpdrachtStatus.AANGEMAAKT:
        # a confirmed run is paid: its bank file is not handed out again
        messages.error(request, "Deze opdracht is al betaald; het SEPA-bestand is niet meer nodig.")
        return redirect("portal:betaalopdracht", pk=opdracht.pk)
    regels = bo.regels_van(opdracht.prestaties.all())
    if formaat == "pain001":
        try:
            data = pain001(opdracht)
        except bo.BetaalFout as exc:
            messages.error(request, str(exc))
            return redirect("portal:betaalopdracht", pk=opdracht.pk)
    elif formaat == "xlsx":
        data = xlsx_bestand(regels, kenmerk=opdracht.kenmerk, titel=str(opdracht))
    else:
        data = csv_bestand(regels, opdracht.kenmerk).encode()
    soort, extensie = BESTANDEN[formaat]
    response = HttpResponse(data, content_type=soort)
    response["Content-Disposition"] = f'attachment; filename="{opdracht.kenmerk}.{extensie}"'
    return response
