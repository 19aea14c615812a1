"""The client's address in the portal: the 301 names it (TR006: a Contact has a house
number with a postcode, or a telephone number), and a client who came in by a 315 or a new
traject has none yet. Toegang and Backoffice of the client's gemeente change it, through
the same service as the API (``clients.services.wijzig_adres``, logged)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme

from klantreis.audit.services import Via, log_inzage
from klantreis.clients import services as clienten
from klantreis.clients.models import Client

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
