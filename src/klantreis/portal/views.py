"""The portal: the trajecten list, a traject with what this user may do now, document forms
and starting a traject. Views only read and call the engine or a service; a refusal
(``EngineError``, ``DocumentFout``) becomes a Dutch message on the page, never an error page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Case, F, Min, Q, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from klantreis.accounts.models import Rol
from klantreis.audit.services import Via, log_inzage, schone_toelichting
from klantreis.clients import services as clienten
from klantreis.clients.models import Client
from klantreis.documenten import services as documenten
from klantreis.documenten.inhoud import SCHEMAS
from klantreis.documenten.models import Document, DocumentSoort, DocumentStatus
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.routes import engine
from klantreis.routes.engine import klein as _klein
from klantreis.routes.models import RouteVersie, Traject, TrajectStatus
from klantreis.termijnen.models import TermijnStatus
from klantreis.toegang.beleid import (
    deelbaar,
    gemeenten_van,
    heeft_taak,
    is_backoffice,
    mag_doorbreken,
    zichtbare_trajecten,
)
from klantreis.toewijzingen.wachttijden import benodigde_producten, wachttijden

from . import paginering
from . import werkvoorraad as wv
from .forms import (
    AanbiederForm,
    ActieForm,
    AkkoordForm,
    FilterForm,
    NieuwTrajectForm,
    WerkvoorraadFilter,
)
from .schemaform import InhoudForm, leesbaar
from .views_clienten import toestemmingen_context

PER_PAGINA = 25
WERKVOORRAAD_PER_PAGINA = 50


def rolnaam(rol: str) -> str:
    return Rol(rol).label if rol in Rol.values else rol


def _traject_of_404(request, pk: int) -> Traject:
    return get_object_or_404(
        zichtbare_trajecten(request.user).select_related(
            "client", "gemeente", "route_versie", "eigenaar", "aanbieder"
        ),
        pk=pk,
    )


def _routekeuzes(trajecten) -> list[tuple[str, str]]:
    """One choice per route among these trajects; a gemeente variant is filed under its base
    route (and named after it when the base is among them)."""
    keuzes: dict[str, str] = {}
    for rv in RouteVersie.objects.filter(pk__in=trajecten.values("route_versie")):
        sleutel = rv.basis_route_id or rv.route_id
        if sleutel not in keuzes or not rv.basis_route_id:
            keuzes[sleutel] = rv.naam
    return sorted(keuzes.items(), key=lambda keuze: keuze[1])


# --- the work queue (start page) ---------------------------------------------------------------


@login_required
def werkvoorraad(request):
    vandaag = timezone.localdate()
    alle = wv.werkvoorraad(request.user, vandaag)
    filters = WerkvoorraadFilter(request.GET or None, items=alle)
    # a value no item has (a step nobody waits at now) is not an error: it shows nothing
    gevraagd = {naam: request.GET.get(naam, "").strip() for naam in filters.fields}
    items = wv.filter_items(alle, **gevraagd)
    # the counts cover everything; the table shows one page (a consulent can have thousands)
    pagina = paginering.pagina(request, items, WERKVOORRAAD_PER_PAGINA)
    log_inzage(request, via=Via.PORTAAL, model="werkvoorraad", aantal=len(pagina.object_list))
    return render(
        request,
        "portal/werkvoorraad.html",
        {
            "items": items,
            "pagina": pagina,
            "querystring": paginering.querystring(request),
            "filters": filters,
            "tellingen": wv.tellingen(items),
            "verlopen": sum(i.verlopen for i in items),
            "kan_starten": bool(startbare_gemeenten(request.user)),
        },
    )


# --- the list ---------------------------------------------------------------------------------


@login_required
def trajecten(request):
    vandaag = timezone.localdate()
    lopend = Q(termijnen__voldaan_op__isnull=True, termijnen__vervallen=False)
    basis = zichtbare_trajecten(request.user)
    gemeenten = Gemeente.objects.filter(pk__in=basis.values("gemeente")).order_by("naam")
    filters = FilterForm(request.GET or None, gemeenten=gemeenten, routes=_routekeuzes(basis))
    qs = basis.select_related("client", "gemeente", "route_versie", "aanbieder").annotate(
        volgende_termijn=Min("termijnen__einddatum", filter=lopend)
    )
    if filters.is_valid():
        data = filters.cleaned_data
        if data["gemeente"]:
            qs = qs.filter(gemeente_id=data["gemeente"])
        if data["route"]:
            qs = qs.filter(
                Q(route_versie__route_id=data["route"])
                | Q(route_versie__basis_route_id=data["route"])
            )
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["verlopen"]:
            qs = qs.filter(volgende_termijn__lt=vandaag)
    qs = qs.order_by(F("volgende_termijn").asc(nulls_last=True), "-gestart_op", "-pk")
    pagina = paginering.pagina(request, qs, PER_PAGINA)
    for traject in pagina:
        traject.verlopen = (
            traject.volgende_termijn is not None and traject.volgende_termijn < vandaag
        )
        traject.stapnaam = traject.route.stap(traject.huidige_stap).naam
    log_inzage(request, via=Via.PORTAAL, model="traject", aantal=len(pagina.object_list))
    return render(
        request,
        "portal/trajecten.html",
        {
            "pagina": pagina,
            "filters": filters,
            "querystring": paginering.querystring(request),
            "kan_starten": bool(startbare_gemeenten(request.user)),
        },
    )


# --- one traject ------------------------------------------------------------------------------


def _stappen(traject: Traject) -> list[dict]:
    bezocht = set(engine.bezochte_stappen(traject))
    overgeslagen = set(
        traject.gebeurtenissen.filter(soort="stap_overgeslagen").values_list("van_stap", flat=True)
    )
    afgesloten = traject.status == TrajectStatus.AFGESLOTEN
    uit = []
    for stap in traject.route.stappen:
        if stap.id == traject.huidige_stap and not afgesloten:
            staat, tekst = "huidig", "huidige stap"
        elif stap.id in overgeslagen:
            staat, tekst = "overgeslagen", "overgeslagen"
        elif stap.id in bezocht:
            staat, tekst = "gedaan", "doorlopen"
        else:
            staat, tekst = "komend", "nog niet bereikt"
        uit.append({"stap": stap, "staat": staat, "tekst": tekst, "rol": rolnaam(stap.rol)})
    return uit


def _acties(traject: Traject, user) -> dict:
    """The engine's actions for this user, grouped for the page: moving on (advance, skip,
    resume), regie (suspend, close) and the steps it can be returned to (one form)."""
    acties = engine.available_actions(traject, user)
    for actie in acties:
        actie.rolnaam = rolnaam(actie.rol)
        actie.reden_verplicht = actie.soort in ("skip", "return_to", "suspend", "close")
    terug = [a for a in acties if a.soort == "return_to"]
    for actie in terug:
        actie.stapnaam = traject.route.stap(actie.naar).naam
    return {
        "vooruit": [a for a in acties if a.soort in ("advance", "skip", "resume")],
        "regie": [a for a in acties if a.soort in ("suspend", "close")],
        "terug": terug,
        "aantal": len(acties),
    }


def _zoekt_andere_aanbieder(traject: Traject, stap) -> bool:
    """A step of an escalation path that may end with another provider's verzoek om
    toewijzing: reached by an escalation and leading to the step the 315 completes (Achterhoek
    route 3 stap A, B, C and the bestuurlijke escalatie: "lukt het via het netwerk een
    zorgaanbieder te vinden …, dan stuurt de zorgaanbieder de bepaling jeugdhulp en het
    aanmeldformulier door naar deze zorgaanbieder", which then sends the 315)."""
    route = traject.route
    naar_315 = any(route.stap(o.naar).bericht == "315" for o in route.overgangen(stap.id))
    if not naar_315 or stap.bericht == "315":
        return False
    return any(
        o.naar == stap.id and o.soort == "escalatie"
        for eerder in route.stappen
        for o in route.overgangen(eerder.id)
    )


def _aanbieder_keuze(traject: Traject, rollen: list[str]):
    """The provider choice form, when the current step asks for a provider, or hands the case
    over to another provider found in the network (``_zoekt_andere_aanbieder``), and the user
    holds the step's role or a regie role."""
    if traject.status != TrajectStatus.ACTIEF:
        return None
    stap = traject.stap
    vraagt = any(v.soort == "aanbieder_gekozen" for v in stap.voorwaarden)
    if not vraagt and not _zoekt_andere_aanbieder(traject, stap):
        return None
    mogelijk = [r for r in (stap.rol, *traject.route.regie) if r in rollen]
    if not mogelijk:
        return None
    gecontracteerd = Aanbieder.objects.filter(contracten__gemeente=traject.gemeente)
    producten = benodigde_producten(traject)
    if producten and gecontracteerd.filter(contracten__product__in=producten).exists():
        gecontracteerd = gecontracteerd.filter(contracten__product__in=producten)
    else:
        producten = None
    ids = list(gecontracteerd.values_list("pk", flat=True).distinct())
    tijden = wachttijden(traject.gemeente, producten)
    namen = dict(Aanbieder.objects.filter(pk__in=ids).values_list("pk", "naam"))
    volgorde = sorted(
        ids, key=lambda pk: (pk not in tijden, tijden[pk].dagen if pk in tijden else 0, namen[pk])
    )
    aanbieders = Aanbieder.objects.filter(pk__in=ids).order_by(
        Case(*[When(pk=pk, then=plek) for plek, pk in enumerate(volgorde)], default=len(ids))
    )
    labels = {
        pk: f"{namen[pk]} — wachttijd {tijden[pk].tekst if pk in tijden else 'geen gegevens'}"
        for pk in ids
    }
    form = AanbiederForm(
        aanbieders=aanbieders,
        labels=labels,
        initial={"rol": mogelijk[0], "aanbieder": traject.aanbieder_id},
    )
    form.wachttijden = [(namen[pk], tijden.get(pk)) for pk in volgorde]
    form.producten = producten
    return form


def _schrijfbare_soorten(traject: Traject, rollen: list[str]) -> list[tuple[str, str]]:
    if traject.status == TrajectStatus.AFGESLOTEN:
        return []
    uit = []
    for soort, label in DocumentSoort.choices:
        if soort in SCHEMAS and set(rollen) & documenten.schrijvende_rollen(traject, soort):
            uit.append((soort, label))
    return uit


def _akkoord_rollen(traject: Traject, rollen: list[str]) -> list[tuple[str, str]]:
    keuzes = [(r, rolnaam(r)) for r in rollen if r != Rol.FUNCTIONEEL_BEHEER]
    if set(rollen) & documenten.NAMENS_CLIENT and Rol.CLIENT not in rollen:
        keuzes.append((Rol.CLIENT, "Cliënt (vastgelegd namens de cliënt)"))
    return keuzes


@login_required
def traject(request, pk: int):
    try:
        traject = _traject_of_404(request, pk)
    except Http404:
        # beyond the role's reach: only with the permission, and a reason first (0016)
        buiten = Traject.objects.filter(pk=pk).first()
        if buiten is not None and mag_doorbreken(request.user, buiten):
            return redirect("portal:doorbreken", pk=pk)
        raise
    rollen = engine.rollen_van(traject, request.user)
    vandaag = timezone.localdate()
    termijnen = list(traject.termijnen.order_by("einddatum", "pk"))
    for termijn in termijnen:
        status = termijn.status_op(vandaag)
        termijn.status_label = TermijnStatus(status).label
        termijn.status_code = status
    docs = list(
        traject.documenten.prefetch_related(
            "versies__gemaakt_door", "versies__akkoorden__door"
        ).order_by("aangemaakt_op", "pk")
    )
    niet_gedeeld = [d for d in docs if not deelbaar(traject, rollen, d.soort)]
    docs = [d for d in docs if d not in niet_gedeeld]
    akkoord_rollen = _akkoord_rollen(traject, rollen)
    for document in docs:
        document.alle_versies = list(document.versies.all())
        for versie in document.alle_versies:
            versie.rolnaam = rolnaam(versie.rol)
            versie.velden = list(leesbaar(SCHEMAS.get(document.soort, {}), versie.inhoud).items())
            for akkoord in versie.akkoorden.all():
                akkoord.rolnaam = rolnaam(akkoord.rol)
        document.mag_schrijven = (
            traject.status != TrajectStatus.AFGESLOTEN
            and document.status != DocumentStatus.VERVALLEN
            and bool(set(rollen) & documenten.schrijvende_rollen(traject, document.soort))
        )
        document.akkoord_form = (
            AkkoordForm(rollen=akkoord_rollen, prefix=f"doc{document.pk}")
            if akkoord_rollen
            and document.alle_versies
            and document.status != DocumentStatus.VERVALLEN
            and traject.status != TrajectStatus.AFGESLOTEN
            else None
        )
    gebeurtenissen = list(traject.gebeurtenissen.select_related("door").order_by("op", "pk"))
    for gebeurtenis in gebeurtenissen:
        gebeurtenis.rolnaam = rolnaam(gebeurtenis.rol)
    stap = traject.stap
    # a user with access but no task here (a colleague's traject) may say why they look
    zonder_taak = not heeft_taak(request.user, traject)
    toelichting = schone_toelichting(request.GET.get("toelichting")) if zonder_taak else ""
    inzage = log_inzage(request, traject, via=Via.PORTAAL, toelichting=toelichting)
    for document in docs:
        log_inzage(request, document, via=Via.PORTAAL, toelichting=toelichting)
    return render(
        request,
        "portal/traject.html",
        {
            "traject": traject,
            "route": traject.route,
            "stap": stap,
            "stappen": _stappen(traject),
            "ontbrekend": engine.ontbrekend(traject, stap)
            if traject.status == TrajectStatus.ACTIEF
            else [],
            "termijnen": termijnen,
            "documenten": docs,
            "niet_gedeeld": sorted({d.get_soort_display() for d in niet_gedeeld}),
            "gebeurtenissen": gebeurtenissen,
            "acties": _acties(traject, request.user),
            "aanbieder_form": _aanbieder_keuze(traject, rollen),
            "schrijfbaar": _schrijfbare_soorten(traject, rollen),
            "stapdocumenten": [
                (s, DocumentSoort(s).label) for s in stap.documenten if s in SCHEMAS
            ],
            "rollen": [rolnaam(r) for r in rollen],
            "zonder_taak": zonder_taak,
            "adres_wijzigen": clienten.mag_beheren(request.user, traject.gemeente),
            "grondslag": inzage.reden if inzage else "",
            "toelichting": toelichting,
            **_toewijzingen_context(request.user, traject),
            **toestemmingen_context(request.user, traject),
        },
    )


def _toewijzingen_context(user, traject: Traject) -> dict:
    """The traject page's toewijzingen section (``views_toewijzingen``)."""
    from . import views_toewijzingen as vt

    backoffice = is_backoffice(user, traject.gemeente)
    return {
        "toewijzingen": vt.toewijzingen_van_traject(user, traject),
        "backoffice": backoffice,
        "toewijzen_mogelijk": backoffice and vt.toewijzen_mogelijk(traject),
    }


def _kies_rol(traject: Traject, user, soort: str, naar: str | None, gevraagd: str) -> str:
    """The role to act in: the one the engine offered for this action, else the one asked."""
    for actie in engine.available_actions(traject, user):
        if actie.soort == soort and (actie.naar or "") == (naar or ""):
            return actie.rol
    return gevraagd


@login_required
@require_POST
def actie(request, pk: int):
    traject = _traject_of_404(request, pk)
    form = ActieForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Deze actie is niet volledig ingevuld.")
        return redirect("portal:traject", pk=traject.pk)
    data = form.cleaned_data
    if data["versie"] is not None and data["versie"] != traject.versie:
        messages.error(
            request,
            "Iemand anders heeft dit traject intussen gewijzigd. Bekijk de nieuwe stand en "
            "probeer het zo nodig opnieuw.",
        )
        return redirect("portal:traject", pk=traject.pk)
    soort, naar, reden = data["soort"], data["naar"] or None, data["reden"].strip()
    rol = _kies_rol(traject, request.user, soort, naar, data["rol"])
    kwargs = {"door": request.user, "rol": rol}
    try:
        if soort == "advance":
            engine.advance(traject, naar=naar, reden=reden, **kwargs)
            if traject.status == TrajectStatus.AFGESLOTEN:
                melding = "De laatste stap is afgerond; het traject is afgesloten."
            else:
                melding = (
                    f"Het traject staat nu op stap {traject.huidige_stap}: {traject.stap.naam}."
                )
        elif soort == "skip":
            engine.skip(traject, reden=reden, **kwargs)
            melding = f"Stap overgeslagen; het traject staat nu op stap {traject.huidige_stap}."
        elif soort == "return_to":
            engine.return_to(traject, naar=naar or "", reden=reden, **kwargs)
            melding = f"Het traject is teruggezet naar stap {traject.huidige_stap}."
        elif soort == "suspend":
            engine.suspend(traject, reden=reden, **kwargs)
            melding = "Het traject is opgeschort."
        elif soort == "resume":
            engine.resume(traject, reden=reden, **kwargs)
            melding = "Het traject is hervat; lopende termijnen zijn verschoven."
        else:
            engine.close(traject, reden=reden, **kwargs)
            melding = "Het traject is afgesloten."
    except engine.EngineError as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, melding)
    return redirect("portal:traject", pk=traject.pk)


@login_required
@require_POST
def aanbieder_kiezen(request, pk: int):
    traject = _traject_of_404(request, pk)
    form = _aanbieder_keuze(traject, engine.rollen_van(traject, request.user))
    if form is None:
        messages.error(request, "In deze stap kunt u geen aanbieder kiezen.")
        return redirect("portal:traject", pk=traject.pk)
    form = AanbiederForm(request.POST, aanbieders=form.fields["aanbieder"].queryset)
    if not form.is_valid():
        messages.error(request, "Kies een aanbieder met een contract voor deze gemeente.")
        return redirect("portal:traject", pk=traject.pk)
    data = form.cleaned_data
    try:
        engine.kies_aanbieder(
            traject, data["aanbieder"], door=request.user, rol=data["rol"], reden=data["reden"]
        )
    except engine.EngineError as fout:
        messages.error(request, fout.melding)
    else:
        messages.success(request, f"{data['aanbieder'].naam} is gekozen als aanbieder.")
        # a provider that handed the case over in the network (route 3 stap A) no longer sees
        # it: back to its work queue rather than to a page it may not open
        if not zichtbare_trajecten(request.user).filter(pk=traject.pk).exists():
            messages.info(request, "Het traject is overgedragen; u heeft er geen toegang meer toe.")
            return redirect("portal:werkvoorraad")
    return redirect("portal:traject", pk=traject.pk)


# --- documents --------------------------------------------------------------------------------


@login_required
def document(request, pk: int, soort: str):
    traject = _traject_of_404(request, pk)
    if soort not in SCHEMAS:
        raise Http404("Onbekende documentsoort.")
    rollen = engine.rollen_van(traject, request.user)
    rol = documenten.schrijfrol(traject, rollen, soort)
    bestaand = (
        traject.documenten.filter(soort=soort)
        .exclude(status=DocumentStatus.VERVALLEN)
        .order_by("-aangemaakt_op", "-pk")
        .first()
    )
    if rol is None:
        messages.error(request, "U mag dit document niet schrijven.")
        return redirect("portal:traject", pk=traject.pk)
    if traject.status == TrajectStatus.AFGESLOTEN:
        messages.error(request, "Dit traject is afgesloten; de documenten liggen vast.")
        return redirect("portal:traject", pk=traject.pk)
    laatste = bestaand.laatste_versie if bestaand else None
    vorige = laatste.inhoud if laatste else None
    if request.method == "POST":
        form = InhoudForm(soort, request.POST, vorige=vorige)
        if form.is_valid():
            try:
                versie = documenten.schrijf_versie(
                    traject, soort, form.inhoud(), door=request.user, rol=rol
                )
                if request.POST.get("vaststellen"):
                    documenten.stel_vast(versie.document, door=request.user, rol=rol)
            except documenten.DocumentFout as fout:
                messages.error(request, str(fout))
            else:
                wat = (
                    "opgeslagen en vastgesteld" if request.POST.get("vaststellen") else "opgeslagen"
                )
                messages.success(
                    request, f"{DocumentSoort(soort).label}: versie {versie.nummer} {wat}."
                )
                return redirect("portal:traject", pk=traject.pk)
        else:
            messages.error(
                request, "Het document is niet opgeslagen; verbeter de gemarkeerde velden."
            )
    else:
        form = InhoudForm(soort, vorige=vorige)
    log_inzage(request, bestaand or traject, via=Via.PORTAAL)
    return render(
        request,
        "portal/document.html",
        {
            "traject": traject,
            "soort": soort,
            "soortnaam": DocumentSoort(soort).label,
            "form": form,
            "groepen": form.getekende_groepen(),
            "laatste": laatste,
            "document": bestaand,
            "rol": rolnaam(rol),
        },
    )


def _document_of_404(request, pk: int, document_pk: int) -> Document:
    traject = _traject_of_404(request, pk)
    return get_object_or_404(traject.documenten.select_related("traject"), pk=document_pk)


@login_required
@require_POST
def vaststellen(request, pk: int, document_pk: int):
    document = _document_of_404(request, pk, document_pk)
    traject = document.traject
    rol = documenten.schrijfrol(traject, engine.rollen_van(traject, request.user), document.soort)
    try:
        if rol is None:
            raise documenten.DocumentFout("U mag dit document niet vaststellen.")
        documenten.stel_vast(document, door=request.user, rol=rol)
    except documenten.DocumentFout as fout:
        messages.error(request, str(fout))
    else:
        messages.success(request, f"{document.get_soort_display()} is vastgesteld.")
    return redirect("portal:traject", pk=pk)


@login_required
@require_POST
def akkoord(request, pk: int, document_pk: int):
    document = _document_of_404(request, pk, document_pk)
    traject = document.traject
    rollen = engine.rollen_van(traject, request.user)
    form = AkkoordForm(
        request.POST, rollen=_akkoord_rollen(traject, rollen), prefix=f"doc{document.pk}"
    )
    if not form.is_valid():
        messages.error(request, "Kies wiens akkoord het is en of het akkoord of niet akkoord is.")
        return redirect("portal:traject", pk=pk)
    data = form.cleaned_data
    rol = data["rol"]
    door_rol = rol
    if rol == Rol.CLIENT:
        namens = [r for r in rollen if r in documenten.NAMENS_CLIENT]
        door_rol = traject.stap.rol if traject.stap.rol in namens else namens[0]
    try:
        documenten.geef_akkoord(
            document,
            rol=rol,
            akkoord=data["akkoord"],
            door=request.user,
            door_rol=door_rol,
            namens=data["namens"],
            toelichting=data["toelichting"],
        )
    except documenten.DocumentFout as fout:
        messages.error(request, str(fout))
    else:
        oordeel = "akkoord" if data["akkoord"] else "niet akkoord"
        messages.success(
            request,
            f"Vastgelegd: {_klein(rolnaam(rol))} is {oordeel} met "
            f"{_klein(document.get_soort_display())}.",
        )
    return redirect("portal:traject", pk=pk)


# --- a new traject ----------------------------------------------------------------------------


def _startbare_routes(user, gemeente) -> list[RouteVersie]:
    return [
        rv
        for rv in engine.routes_voor_gemeente(gemeente, timezone.localdate())
        if engine.startrollen(user, gemeente, rv.route)
    ]


def startbare_gemeenten(user):
    return [g for g in gemeenten_van(user) if _startbare_routes(user, g)]


@login_required
def nieuw_traject(request):
    gemeenten = startbare_gemeenten(request.user)
    if not gemeenten:
        messages.error(request, "U heeft geen rol waarmee u een traject kunt starten.")
        return redirect("portal:trajecten")
    gekozen_pk = request.POST.get("gemeente") or request.GET.get("gemeente")
    gemeente = next((g for g in gemeenten if str(g.pk) == gekozen_pk), gemeenten[0])
    routes = _startbare_routes(request.user, gemeente)
    keuzes = [(rv.basis_route_id or rv.route_id, rv.naam) for rv in routes]
    gemeente_qs = gemeenten_van(request.user).filter(pk__in=[g.pk for g in gemeenten])
    if request.method == "POST":
        form = NieuwTrajectForm(request.POST, gemeenten=gemeente_qs, routes=keuzes)
        if form.is_valid():
            data = form.cleaned_data
            rv = next(r for r in routes if (r.basis_route_id or r.route_id) == data["route"])
            rol = engine.startrollen(request.user, gemeente, rv.route)[0]
            try:
                with transaction.atomic():
                    client = form.client or Client.objects.create(
                        bsn=data["bsn"],
                        voornamen=data["voornamen"],
                        voorvoegsel=data["voorvoegsel"],
                        achternaam=data["achternaam"],
                        geboortedatum=data["geboortedatum"],
                        wet=data["wet"],
                        gemeente=gemeente,
                    )
                    nieuw = engine.start_traject(
                        client=client,
                        gemeente=gemeente,
                        route_id=data["route"],
                        door=request.user,
                        rol=rol,
                        reden=data["reden"],
                    )
            except engine.EngineError as fout:
                messages.error(request, fout.melding)
            else:
                messages.success(
                    request, f"Traject gestart voor {client.naam}: {nieuw.route_versie.naam}."
                )
                return redirect("portal:traject", pk=nieuw.pk)
    else:
        form = NieuwTrajectForm(
            gemeenten=gemeente_qs, routes=keuzes, initial={"gemeente": gemeente.pk}
        )
    return render(
        request,
        "portal/nieuw_traject.html",
        {"form": form, "gemeente": gemeente, "gemeenten": gemeenten},
    )
