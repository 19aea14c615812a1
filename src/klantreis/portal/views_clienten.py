"""The client's address and privacy consent in the portal. The 301 names the address (TR006:
a Contact has a house number with a postcode, or a telephone number), and a client who came in
by a 315 or a new traject has none yet. Consent (Heusden stap 3: "de toegang spreekt met de
cliënt af welke informatie gedeeld mag worden") is given or withdrawn on the traject page, per
kind of document for the traject's provider. Toegang and Backoffice of the client's gemeente
change both, through the same services as the API (``clients.services.wijzig_adres`` and
``leg_toestemming_vast``, written to the admin's history)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from klantreis.accounts.models import Rol
from klantreis.audit.services import Via, log_inzage
from klantreis.clients import services as clienten
from klantreis.clients.models import Client, Toestemming
from klantreis.documenten.models import DocumentSoort
from klantreis.documenten.services import VOOR_AANBIEDER, schrijvende_rollen
from klantreis.toegang.beleid import zichtbare_trajecten

GEEN_BEHEER = "Alleen Toegang of Backoffice van de gemeente van de cliënt mag het adres wijzigen."


class AdresForm(forms.Form):
    straat = forms.CharField(label="Straat", max_length=200, required=False)
    huisnummer = forms.CharField(
        label="Huisnummer", max_length=20, required=False, help_text="Met toevoeging, bijv. 12a."
    )
    postcode = forms.CharField(
        label="Postcode", max_length=7, required=False, help_text="Vier cijfers en twee letters."
    )
    woonplaats = forms.CharField(label="Woonplaats", max_length=200, required=False)


@login_required
def client_adres(request, pk: int):
    client = get_object_or_404(Client.objects.select_related("gemeente"), pk=pk)
    if not clienten.mag_beheren(request.user, client.gemeente):
        raise PermissionDenied(GEEN_BEHEER)
    volgende = request.GET.get("volgende") or request.POST.get("volgende") or ""
    if not url_has_allowed_host_and_scheme(
        volgende, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        volgende = ""
    beginwaarden = {veld: getattr(client, veld) for veld in clienten.ADRESVELDEN}
    form = AdresForm(request.POST or None, initial=beginwaarden)
    if request.method == "POST" and form.is_valid():
        try:
            clienten.wijzig_adres(client, door=request.user, **form.cleaned_data)
        except clienten.ClientFout as fout:
            veld = "postcode" if fout.code == "ongeldige_postcode" else None
            form.add_error(veld, fout.melding)
        else:
            messages.success(request, f"Het adres van {client.naam} is opgeslagen.")
            return redirect(volgende or "portal:werkvoorraad")
    log_inzage(request, client, via=Via.PORTAAL)
    return render(
        request,
        "portal/client_adres.html",
        {"client": client, "form": form, "volgende": volgende},
    )


# --- privacy consent (Heusden stap 3) ---------------------------------------------------------

GEEN_TOESTEMMING_BEHEER = (
    "Alleen Toegang of Backoffice van de gemeente van de cliënt mag toestemming vastleggen of "
    "intrekken."
)


def toestemming_soorten(traject) -> list[tuple[str, str]]:
    """The kinds of document of this traject's route that reach the provider only with the
    client's consent: not the kinds the provider writes itself, nor those made to be sent to
    it (``VOOR_AANBIEDER``) — the same rule as ``toegang.beleid.deelbaar``."""
    uit = []
    for soort, label in DocumentSoort.choices:
        rollen = schrijvende_rollen(traject, soort)
        if rollen and Rol.AANBIEDER not in rollen and soort not in VOOR_AANBIEDER:
            uit.append((soort, label))
    return uit


class ToestemmingForm(forms.Form):
    document_soort = forms.ChoiceField(label="Document")
    gegeven = forms.TypedChoiceField(
        label="Toestemming",
        choices=[("ja", "Toestemming geven"), ("nee", "Toestemming intrekken")],
        coerce=lambda waarde: waarde == "ja",
        widget=forms.RadioSelect,
        initial="ja",
    )

    def __init__(self, *args, soorten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document_soort"].choices = soorten


def toestemmingen_context(user, traject) -> dict:
    """The consent block of the traject page: per kind of document, what the client agreed to
    share with the traject's provider — given (when, recorded by whom), withdrawn (when), or
    never asked — and the form for Toegang and Backoffice of the client's gemeente."""
    if traject.aanbieder_id is None:
        return {"toestemmingen": None}
    soorten = toestemming_soorten(traject)
    alle = list(
        Toestemming.objects.filter(client=traject.client, aanbieder=traject.aanbieder)
        .select_related("vastgelegd_door")
        .order_by("-gegeven_op", "-pk")
    )
    nu = timezone.now()
    rijen = []
    for soort, label in soorten:
        eigen = [t for t in alle if t.document_soort == soort]
        geldig = next(
            (
                t
                for t in eigen
                if t.gegeven_op <= nu and (t.ingetrokken_op is None or t.ingetrokken_op > nu)
            ),
            None,
        )
        rijen.append(
            {
                "soort": soort,
                "label": label,
                "geldig": geldig,
                "laatste": eigen[0] if eigen else None,
            }
        )
    beheer = clienten.mag_beheren(user, traject.gemeente) and bool(soorten)
    return {
        "toestemmingen": rijen,
        "toestemming_form": ToestemmingForm(soorten=soorten, prefix="toestemming")
        if beheer
        else None,
    }


@login_required
@require_POST
def toestemming(request, pk: int):
    """Gives or withdraws the client's consent to share one kind of document with the
    traject's provider, through ``clients.services.leg_toestemming_vast`` (as the API does;
    the service writes who and when to the admin's history)."""
    traject = get_object_or_404(
        zichtbare_trajecten(request.user).select_related("client", "gemeente", "aanbieder"),
        pk=pk,
    )
    if not clienten.mag_beheren(request.user, traject.gemeente):
        raise PermissionDenied(GEEN_TOESTEMMING_BEHEER)
    terug = redirect(f"{reverse('portal:traject', args=[traject.pk])}#kop-toestemming")
    if traject.aanbieder is None:
        messages.error(request, "Kies eerst een aanbieder; toestemming geldt per aanbieder.")
        return terug
    form = ToestemmingForm(request.POST, soorten=toestemming_soorten(traject), prefix="toestemming")
    if not form.is_valid():
        messages.error(request, "Kies een document en of u toestemming geeft of intrekt.")
        return terug
    soort, gegeven = form.cleaned_data["document_soort"], form.cleaned_data["gegeven"]
    naam = DocumentSoort(soort).label
    try:
        clienten.leg_toestemming_vast(
            traject.client,
            door=request.user,
            aanbieder=traject.aanbieder,
            document_soort=soort,
            gegeven=gegeven,
        )
    except clienten.ClientFout as fout:
        messages.error(request, fout.melding)
    else:
        if gegeven:
            messages.success(
                request,
                f"Toestemming vastgelegd: {naam} mag gedeeld worden met {traject.aanbieder.naam}.",
            )
        else:
            messages.success(
                request,
                f"Toestemming ingetrokken: {naam} wordt niet meer gedeeld met "
                f"{traject.aanbieder.naam}.",
            )
    return terug
