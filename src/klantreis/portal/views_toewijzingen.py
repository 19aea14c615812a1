"""The back office's screens: sending a toewijzing (301) at the route step that names it,
changing or withdrawing one, and answering the providers' verzoeken (315/317) with a 301 or
a 319. Only a back-office role of the record's gemeente may act (``toegang.is_backoffice``);
a record the user does not see is a 404, a page that is not theirs a 403. Every change goes
through ``toewijzingen.services``; its refusals become Dutch errors on the form."""

from __future__ import annotations

import logging
import re

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from klantreis.audit.services import Via, log_inzage
from klantreis.documenten.models import DocumentSoort, DocumentStatus
from klantreis.istandaarden import codes
from klantreis.producten.models import Eenheid
from klantreis.routes.models import TrajectStatus
from klantreis.toegang.beleid import (
    backoffice_gemeenten,
    is_backoffice,
    zichtbare_toewijzingen,
    zichtbare_verzoeken,
)
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Toewijzing, VerzoekSoort, VerzoekStatus

from . import paginering
from .forms_toewijzingen import (
    AfwijzenForm,
    EinddatumForm,
    HonoreerForm,
    OmvangForm,
    ToewijzingForm,
    geldige_contracten,
    omschrijving,
    verzoek_beginwaarden,
)
from .views import PER_PAGINA, _traject_of_404

log = logging.getLogger(__name__)

NIET_BACKOFFICE = "Alleen de backoffice van de gemeente mag toewijzen en verzoeken beantwoorden."
ONVERWACHT = (
    "Het bericht kon niet worden opgesteld met deze gegevens; er is niets verstuurd. "
    "Controleer de gegevens van de cliënt en de toewijzing."
)


def _eis_backoffice(user, gemeente) -> None:
    if not is_backoffice(user, gemeente):
        raise PermissionDenied(NIET_BACKOFFICE)


def _leeg():
    """A form without fields, bound and valid: it carries a refusal for a button-only
    action (intrekken, in onderzoek zetten, a VOW as a whole)."""
    form = forms.Form({})
    form.is_valid()
    return form


def _voer_uit(form, actie) -> object | None:
    """Runs a service call; a refusal becomes the form's error (shown above its fields)
    and None is returned. Nothing was changed then: each service is one transaction."""
    try:
        return actie()
    except services.ToewijzingFout as fout:
        form.add_error(None, str(fout))
    except services.OPSTELFOUTEN:  # input the codec cannot write: no 500
        log.exception("Toewijzing niet opgesteld")
        form.add_error(None, ONVERWACHT)
    return None


def toewijzen_mogelijk(traject) -> bool:
    """The traject stands at the step its route completes with a 301 (Heusden stap 6,
    Achterhoek stap 5, and later steps such as 8c): read from the route, never a step id."""
    return traject.status == TrajectStatus.ACTIEF and traject.stap.bericht == "301"


# --- a new toewijzing on the traject ---------------------------------------------------------


@login_required
def toewijzing_nieuw(request, pk: int):
    traject = _traject_of_404(request, pk)
    _eis_backoffice(request.user, traject.gemeente)
    if not toewijzen_mogelijk(traject):
        messages.error(
            request,
            "In deze stap wordt geen toewijzing verstuurd; dat kan bij de stap die met een "
            "toewijzing (301) wordt afgerond.",
        )
        return redirect("portal:traject", pk=traject.pk)
    client = traject.client
    kwargs = {"gemeente": traject.gemeente, "wet": client.wet}
    if request.method == "POST":
        form = ToewijzingForm(request.POST, **kwargs)
        if form.is_valid():
            data = form.cleaned_data
            beschikking = (
                traject.documenten.filter(soort=DocumentSoort.BESCHIKKING)
                .exclude(status=DocumentStatus.VERVALLEN)
                .order_by("-aangemaakt_op", "-pk")
                .first()
            )
            toewijzing = _voer_uit(
                form,
                lambda: services.wijs_toe(
                    client=client,
                    aanbieder=data["aanbieder"],
                    gemeente=traject.gemeente,
                    product=data["product"],
                    ingangsdatum=data["ingangsdatum"],
                    einddatum=data["einddatum"],
                    volume=data["volume"],
                    frequentie=data["frequentie"] if data["volume"] is not None else "",
                    budget=data["budget"],
                    commentaar=data["commentaar"],
                    traject=traject,
                    beschikking=beschikking,
                    door=request.user,
                ),
            )
            if toewijzing is not None:
                messages.success(
                    request,
                    f"Toewijzing {toewijzing.nummer} is verstuurd aan "
                    f"{toewijzing.aanbieder.naam} (301).",
                )
                return redirect("portal:toewijzing", pk=toewijzing.pk)
        if form.errors:
            messages.error(
                request, "De toewijzing is niet verstuurd; verbeter wat hieronder staat."
            )
    else:
        form = ToewijzingForm(
            initial={"aanbieder": traject.aanbieder, "ingangsdatum": timezone.localdate()},
            **kwargs,
        )
    log_inzage(request, traject, via=Via.PORTAAL)
    return render(
        request,
        "portal/toewijzingen/nieuw.html",
        {"traject": traject, "stap": traject.stap, "form": form},
    )


# --- one toewijzing: its 301s and 305/307, and the back office's changes ----------------------


def berichten_301(toewijzing):
    """The 301s this gemeente sent this provider on or after the toewijzing was made, for
    its traject when it has one (a 301 carries all of a client's toewijzingen, OP087)."""
    from klantreis.berichten.models import Bericht

    qs = Bericht.objects.filter(
        berichtcode="301",
        afzender=toewijzing.gemeente.code,
        ontvanger=toewijzing.aanbieder.agb_code,
        aangemaakt_op__date__gte=toewijzing.toewijzingsdatum,
    )
    if toewijzing.traject_id:
        qs = qs.filter(traject_id=toewijzing.traject_id)
    # the bytes are in a table of their own (BerichtInhoud): not read here
    return qs.defer("gegevens").order_by("aangemaakt_op", "pk")


def toewijzing_status(t: Toewijzing, vandaag=None) -> str:
    """A word for the list: ingetrokken, beëindigd, gestart (305), or toegewezen."""
    vandaag = vandaag or timezone.localdate()
    if t.verwijderd:
        return "Ingetrokken"
    if t.reden_wijziging == "01":
        return "Vervallen"
    if any(w.open for w in t.weigeringen.all()):
        return "Geweigerd door aanbieder (302)"
    meldingen = list(t.meldingen.all())
    if any(m.soort == "stop" and m.actueel for m in meldingen):
        return "Gestopt (307)"
    if t.einddatum is not None and t.einddatum < vandaag:
        return "Beëindigd"
    if any(m.soort == "start" and m.actueel for m in meldingen):
        return "Zorg gestart (305)"
    return "Toegewezen" if t.verzonden_op else "Nog niet verstuurd"


def reden_beeindiging_tekst(wet: str, reden: str) -> str:
    lijst = codes.WmoRedenBeeindiging if wet == "wmo" else codes.JwRedenBeeindiging
    return f"{reden} {omschrijving(lijst, reden)}"


def weigeringen_met_uitleg(record) -> list:
    """The provider's refusals (302/320) of the 301s that carried this toewijzing, or of the
    319s that answered this verzoek, newest first, each code with its Dutch text from the
    codelist."""
    from klantreis.declaraties.overzicht import uitleg

    wet = "jw" if record.wet == "jeugdwet" else "wmo"
    lijst = list(
        record.weigeringen.select_related("bericht", "heen").order_by("-ontvangen_op", "-pk")
    )
    for w in lijst:
        w.uitleg = [uitleg(c, wet) for c in w.retourcodes]
    return lijst


def omvang_tekst(t: Toewijzing) -> str:
    if t.volume is not None:
        eenheid = Eenheid(t.eenheid).label.lower() if t.eenheid in Eenheid.values else t.eenheid
        frequentie = omschrijving(codes.Frequentie, t.frequentie).lower()
        return f"{t.volume} × {eenheid}, {frequentie}"
    if t.budget is not None:
        return f"budget € {t.budget / 100:,.2f}".replace(",", " ").replace(".", ",")
    return "—"


def toewijzingen_van_traject(user, traject) -> list[Toewijzing]:
    """The client's toewijzingen of this gemeente the user sees (a provider only its own),
    for the traject page."""
    lijst = list(
        zichtbare_toewijzingen(user)
        .filter(client=traject.client, gemeente=traject.gemeente)
        .select_related("aanbieder", "product")
        .prefetch_related("meldingen", "weigeringen")
        .order_by("-ingangsdatum", "-nummer")
    )
    for t in lijst:
        t.status_tekst = toewijzing_status(t)
        t.omvang_tekst = omvang_tekst(t)
    return lijst


@login_required
def toewijzing(request, pk: int):
    t = get_object_or_404(
        zichtbare_toewijzingen(request.user).select_related(
            "gemeente", "aanbieder", "client", "traject", "product"
        ),
        pk=pk,
    )
    _eis_backoffice(request.user, t.gemeente)
    stop = (
        Toewijzing.objects.met_open_definitieve_stop()
        .filter(pk=t.pk)
        .values("stopdatum", "stop_reden")
        .first()
    )
    einde_form = EinddatumForm(
        prefix="einde",
        # after a final 307 the clerk ends it on the stop date, with a fitting reason
        initial={
            "einddatum": stop["stopdatum"],
            "reden_wijziging": services.reden_wijziging_bij_stop(t.wet, stop["stop_reden"]),
        }
        if stop
        else {"einddatum": t.einddatum},
    )
    omvang_form = OmvangForm(
        prefix="omvang", initial={"volume": t.volume, "frequentie": t.frequentie}
    )
    intrekken_form = None
    if request.method == "POST":
        actie = request.POST.get("actie")
        klaar = None
        if actie == "einddatum":
            einde_form = EinddatumForm(request.POST, prefix="einde")
            if einde_form.is_valid():
                klaar = (
                    _voer_uit(
                        einde_form,
                        lambda: services.wijzig_einddatum(
                            t,
                            einde_form.cleaned_data["einddatum"],
                            reden_wijziging=einde_form.cleaned_data["reden_wijziging"],
                            door=request.user,
                        ),
                    )
                    and f"De einddatum is gewijzigd; toewijzing {t.nummer} is opnieuw verstuurd "
                    "(301)."
                )
        elif actie == "omvang":
            omvang_form = OmvangForm(request.POST, prefix="omvang")
            if omvang_form.is_valid():
                data = omvang_form.cleaned_data
                nieuw = _voer_uit(
                    omvang_form,
                    lambda: services.wijzig_omvang(
                        t,
                        per=data["per"],
                        volume=data["volume"],
                        frequentie=data["frequentie"],
                        door=request.user,
                    ),
                )
                if nieuw is not None:
                    messages.success(
                        request,
                        "De omvang is gewijzigd"
                        + (
                            f"; toewijzing {nieuw.nummer} vervangt deze vanaf "
                            f"{data['per']:%d-%m-%Y}"
                            if nieuw.pk != t.pk
                            else ""
                        )
                        + " (301).",
                    )
                    return redirect("portal:toewijzing", pk=nieuw.pk)
        elif actie == "intrekken":
            intrekken_form = _leeg()
            klaar = (
                _voer_uit(intrekken_form, lambda: services.verwijder(t, door=request.user))
                and f"Toewijzing {t.nummer} is ingetrokken (301 met reden 13)."
            )
        else:
            messages.error(request, "Onbekende actie.")
            return redirect("portal:toewijzing", pk=t.pk)
        if klaar:
            messages.success(request, klaar)
            return redirect("portal:toewijzing", pk=t.pk)
        t.refresh_from_db()  # a refused change left the record as it was
        messages.error(
            request, "De wijziging is niet doorgevoerd; zie de melding bij het formulier."
        )
    t.status_tekst = toewijzing_status(t)
    t.omvang_tekst = omvang_tekst(t)
    log_inzage(request, t, via=Via.PORTAAL)
    return render(
        request,
        "portal/toewijzingen/toewijzing.html",
        {
            "t": t,
            "meldingen": list(t.meldingen.select_related("bericht").order_by("ontvangen_op")),
            "berichten": list(berichten_301(t)),
            "einde_form": einde_form,
            "omvang_form": omvang_form,
            "intrekken_form": intrekken_form,
            "wijzigbaar": not t.verwijderd,
            "stop": stop,
            "stop_reden": stop and reden_beeindiging_tekst(t.wet, stop["stop_reden"]),
            "reden_wijziging": omschrijving(codes.RedenWijziging, t.reden_wijziging),
            "weigeringen": weigeringen_met_uitleg(t),
        },
    )


# --- verzoeken (315/317) -----------------------------------------------------------------------


@login_required
def verzoeken(request):
    gemeenten = backoffice_gemeenten(request.user)
    if not gemeenten.exists():
        raise PermissionDenied(NIET_BACKOFFICE)
    open_eerst = Case(
        When(status__in=[VerzoekStatus.ONTVANGEN, VerzoekStatus.IN_ONDERZOEK], then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    qs = (
        zichtbare_verzoeken(request.user)
        .filter(gemeente__in=gemeenten)
        .select_related("gemeente", "aanbieder", "client")
        .order_by(open_eerst, "dagtekening", "pk")
    )
    status = request.GET.get("status", "")
    if status == "open":
        qs = qs.filter(status__in=[VerzoekStatus.ONTVANGEN, VerzoekStatus.IN_ONDERZOEK])
    pagina = paginering.pagina(request, qs, PER_PAGINA)
    log_inzage(request, via=Via.PORTAAL, model="verzoek", aantal=len(pagina.object_list))
    return render(
        request,
        "portal/toewijzingen/verzoeken.html",
        {
            "pagina": pagina,
            "alleen_open": status == "open",
            "querystring": paginering.querystring(request),
        },
    )


@login_required
def verzoek(request, pk: int):
    v = get_object_or_404(
        zichtbare_verzoeken(request.user).select_related(
            "gemeente", "aanbieder", "client", "traject", "bericht"
        ),
        pk=pk,
    )
    _eis_backoffice(request.user, v.gemeente)
    is_vot = v.soort == VerzoekSoort.VOT
    honoreer_form = HonoreerForm(prefix="honoreer", verzoek=v, initial=verzoek_beginwaarden(v))
    afwijzen_form = AfwijzenForm(prefix="afwijzen")
    onderzoek_form = None
    if request.method == "POST":
        actie = request.POST.get("actie")
        klaar = None
        if actie == "onderzoek":
            onderzoek_form = _leeg()
            klaar = (
                _voer_uit(onderzoek_form, lambda: services.zet_in_onderzoek(v, door=request.user))
                and "Het verzoek staat in onderzoek; de aanbieder krijgt een 319."
            )
        elif actie == "honoreren" and is_vot:
            honoreer_form = HonoreerForm(request.POST, prefix="honoreer", verzoek=v)
            if honoreer_form.is_valid():
                data = honoreer_form.cleaned_data
                t = _voer_uit(
                    honoreer_form,
                    lambda: services.honoreer_vot(
                        v,
                        product=data["product"],
                        door=request.user,
                        ingangsdatum=data["ingangsdatum"],
                        einddatum=data["einddatum"],
                        volume=data["volume"],
                        frequentie=data["frequentie"] if data["volume"] is not None else "",
                        budget=None if data["volume"] is not None else _budget(v),
                    ),
                )
                klaar = t and f"Het verzoek is toegewezen: toewijzing {t.nummer} (301)."
        elif actie == "honoreren":
            honoreer_form = _leeg()
            nieuw = _voer_uit(honoreer_form, lambda: services.honoreer_vow(v, door=request.user))
            klaar = nieuw is not None and (
                "Het verzoek om wijziging is toegewezen"
                + (f": toewijzing {', '.join(str(n.nummer) for n in nieuw)}" if nieuw else "")
                + " (301)."
            )
        elif actie == "afwijzen":
            afwijzen_form = AfwijzenForm(request.POST, prefix="afwijzen")
            if afwijzen_form.is_valid():
                reden = afwijzen_form.cleaned_data["reden"]
                woonplaats = afwijzen_form.cleaned_data["woonplaats"]
                klaar = _voer_uit(
                    afwijzen_form,
                    lambda: services.wijs_verzoek_af(
                        v, reden=reden, door=request.user, woonplaats=woonplaats
                    ),
                ) and (
                    "Het verzoek is afgewezen (319): "
                    f"{omschrijving(codes.RedenAfwijzingVerzoek, reden).lower()}."
                )
        else:
            messages.error(request, "Onbekende actie.")
            return redirect("portal:verzoek", pk=v.pk)
        if klaar:
            messages.success(request, klaar)
            return redirect("portal:verzoek", pk=v.pk)
        v.refresh_from_db()
        messages.error(request, "Het verzoek is niet beantwoord; zie de melding bij het formulier.")
    log_inzage(request, v, via=Via.PORTAAL)
    return render(
        request,
        "portal/toewijzingen/verzoek.html",
        {
            "v": v,
            "is_vot": is_vot,
            "inhoud": leesbaar_verzoek(v.inhoud),
            "reden_afwijzing": omschrijving(codes.RedenAfwijzingVerzoek, v.reden_afwijzing),
            "weigeringen": weigeringen_met_uitleg(v),
            "honoreer_form": honoreer_form,
            "afwijzen_form": afwijzen_form,
            "onderzoek_form": onderzoek_form,
            # a provider without a contract (route 2 stap I): the clerk decides, e.g. 319 reason 3
            "zonder_contract": v.open
            and not geldige_contracten(v.gemeente, v.wet).filter(aanbieder=v.aanbieder).exists(),
            "toewijzingen": list(
                zichtbare_toewijzingen(request.user)
                .filter(referentie_aanbieder=v.referentie_aanbieder, aanbieder=v.aanbieder)
                .order_by("nummer")
            ),
        },
    )


# The 315/317 field names (``naar_json`` of the codec's dataclasses) in a clerk's words.
VELDNAMEN = {
    "referentie_aanbieder": "Referentie aanbieder",
    "beschikking_nummer": "Beschikkingnummer",
    "product": "Product",
    "categorie": "Productcategorie",
    "code": "Productcode",
    "beschikking_ingangsdatum": "Ingangsdatum beschikking",
    "toewijzing_ingangsdatum": "Gewenste ingangsdatum",
    "toewijzing_einddatum": "Gewenste einddatum",
    "gewenste_ingangsdatum": "Gewenste ingangsdatum",
    "einddatum": "Einddatum",
    "omvang": "Omvang",
    "volume": "Volume",
    "eenheid": "Eenheid",
    "frequentie": "Frequentie",
    "budget": "Budget (eurocent)",
    "verwijzer": "Verwijzer",
    "raamcontract": "Raamcontract",
    "commentaar": "Commentaar",
    "reden_verzoek": "Reden verzoek",
    "toewijzing_nummer": "Toewijzingnummer",
    "ongewijzigde_producten": "Ongewijzigde producten",
    "te_wijzigen_producten": "Te wijzigen producten",
    "nieuwe_producten": "Nieuwe producten",
}
CODELIJSTEN = {
    "eenheid": codes.Eenheid,
    "frequentie": codes.Frequentie,
    "reden_verzoek": codes.RedenVerzoek,
}
ISO_DATUM = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def leesbaar_verzoek(waarde, sleutel: str = ""):
    """A request's content for reading: Dutch names, codes with their meaning, dates as
    dd-mm-jjjj; what it does not know it shows as it came (the content is from outside)."""
    if isinstance(waarde, dict):
        return {
            VELDNAMEN.get(str(k), str(k)): leesbaar_verzoek(v, str(k))
            for k, v in waarde.items()
            if v not in (None, "", [], {})
        }
    if isinstance(waarde, list):
        return [leesbaar_verzoek(w) for w in waarde]
    if sleutel in CODELIJSTEN and isinstance(waarde, str | int):
        betekenis = omschrijving(CODELIJSTEN[sleutel], str(waarde))
        return f"{waarde} ({betekenis.lower()})" if betekenis != str(waarde) else waarde
    if isinstance(waarde, str) and (datum := ISO_DATUM.match(waarde)):
        return f"{datum[3]}-{datum[2]}-{datum[1]}"
    return waarde


def _budget(verzoek) -> int | None:
    inhoud = verzoek.inhoud if isinstance(verzoek.inhoud, dict) else {}
    budget = inhoud.get("budget")
    return budget if isinstance(budget, int) and budget > 0 else None
