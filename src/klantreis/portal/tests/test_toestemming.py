"""Privacy consent on the traject page (Heusden stap 3: "de toegang spreekt met de cliënt af
welke informatie gedeeld mag worden"): the consulent gives and withdraws it per kind of
document for the chosen provider, the page shows the current state, and the provider sees
exactly the documents consented to."""

from __future__ import annotations

from django.contrib.admin.models import LogEntry
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.clients.models import Toestemming, mag_delen
from klantreis.tests.lopen import rond_af

from .conftest import zonder_klassen


def _tot_stap_4(traject):
    for _ in range(3):  # IVA, IPA, keuze aanbieder: the provider is chosen
        rond_af(traject, traject.wie)
    traject.refresh_from_db()
    assert traject.aanbieder is not None
    return traject


def _post(client, traject, soort: str, gegeven: bool):
    return client.post(
        reverse("portal:toestemming", args=[traject.pk]),
        {"toestemming-document_soort": soort, "toestemming-gegeven": "ja" if gegeven else "nee"},
        follow=True,
    )


def test_consulent_geeft_toestemming_en_de_aanbieder_ziet_het_document(client, traject):
    _tot_stap_4(traject)
    pagina = reverse("portal:traject", args=[traject.pk])
    client.force_login(traject.wie[Rol.AANBIEDER])
    html = zonder_klassen(client.get(pagina).content.decode())
    assert "<h3>Integrale vraaganalyse (IVA)" not in html
    assert "Toestemming vastleggen of intrekken" not in html  # the provider has no form

    consulent = traject.wie[Rol.TOEGANG]
    client.force_login(consulent)
    html = zonder_klassen(client.get(pagina).content.decode())
    assert '<h2 id="kop-toestemming">Toestemming om te delen</h2>' in html
    assert "Toestemming vastleggen of intrekken" in html
    assert "<td>Integrale vraaganalyse (IVA)</td>\n      <td><span>Geen toestemming</span>" in html
    # the provider's own document needs no consent and is not offered
    assert '<option value="ondersteuningsplan"' not in html

    response = _post(client, traject, "iva", True)
    tekst = response.content.decode()
    assert "Toestemming vastgelegd: Integrale vraaganalyse (IVA) mag gedeeld worden met " in tekst
    t = Toestemming.objects.get()
    assert (t.client, t.aanbieder, t.document_soort, t.vastgelegd_door) == (
        traject.client,
        traject.aanbieder,
        "iva",
        consulent,
    )
    assert mag_delen(traject.client, traject.aanbieder, "iva")
    assert not mag_delen(traject.client, traject.aanbieder, "ipa")
    html = zonder_klassen(tekst)
    rij = html.split("<td>Integrale vraaganalyse (IVA)</td>")[1].split("</tr>")[0]
    assert "Gedeeld" in rij
    assert t.gegeven_op.astimezone().strftime("%d-%m-%Y") in rij
    assert (consulent.get_full_name() or consulent.username) in rij
    # written to the admin's history with who did it (the service's log_wijziging)
    assert LogEntry.objects.filter(user=consulent, change_message__contains="Toestemming gegeven")

    client.force_login(traject.wie[Rol.AANBIEDER])
    html = zonder_klassen(client.get(pagina).content.decode())
    assert "<h3>Integrale vraaganalyse (IVA)" in html
    assert "<h3>Integraal plan van aanpak (IPA)" not in html


def test_toestemming_intrekken_verbergt_het_document_weer(client, traject):
    _tot_stap_4(traject)
    consulent = traject.wie[Rol.TOEGANG]
    client.force_login(consulent)
    _post(client, traject, "ipa", True)
    _post(client, traject, "ipa", True)  # already valid: nothing new
    assert Toestemming.objects.count() == 1
    response = _post(client, traject, "ipa", False)
    assert "Toestemming ingetrokken: Integraal plan van aanpak (IPA) wordt niet meer gedeeld" in (
        response.content.decode()
    )
    t = Toestemming.objects.get()
    assert t.ingetrokken_op is not None
    assert not mag_delen(traject.client, traject.aanbieder, "ipa")
    html = zonder_klassen(response.content.decode())
    rij = html.split("<td>Integraal plan van aanpak (IPA)</td>")[1].split("</tr>")[0]
    assert "Ingetrokken" in rij
    assert t.ingetrokken_op.astimezone().strftime("%d-%m-%Y %H:%M") in rij
    assert LogEntry.objects.filter(change_message__contains="Toestemming ingetrokken")

    client.force_login(traject.wie[Rol.AANBIEDER])
    html = zonder_klassen(client.get(reverse("portal:traject", args=[traject.pk])).content.decode())
    assert "<h3>Integraal plan van aanpak (IPA)" not in html
    assert "geen toestemming voor gaf: Integraal plan van aanpak (IPA)" in html


def test_backoffice_mag_toestemming_vastleggen(client, traject):
    _tot_stap_4(traject)
    client.force_login(traject.wie[Rol.BACKOFFICE])
    _post(client, traject, "iva", True)
    assert mag_delen(traject.client, traject.aanbieder, "iva")


def test_aanbieder_legt_geen_toestemming_vast(client, traject):
    _tot_stap_4(traject)
    client.force_login(traject.wie[Rol.AANBIEDER])
    url = reverse("portal:toestemming", args=[traject.pk])
    response = client.post(url, {"toestemming-document_soort": "iva", "toestemming-gegeven": "ja"})
    assert response.status_code == 403
    assert not Toestemming.objects.exists()


def test_zonder_aanbieder_nog_geen_toestemming(client, traject):
    consulent = traject.wie[Rol.TOEGANG]
    client.force_login(consulent)
    html = client.get(reverse("portal:traject", args=[traject.pk])).content.decode()
    assert "Nog geen aanbieder gekozen. Toestemming geldt per aanbieder" in html
    response = _post(client, traject, "iva", True)
    assert "Kies eerst een aanbieder" in response.content.decode()
    assert not Toestemming.objects.exists()


def test_onbekende_documentsoort_wordt_geweigerd(client, traject):
    _tot_stap_4(traject)
    client.force_login(traject.wie[Rol.TOEGANG])
    response = _post(client, traject, "ondersteuningsplan", True)  # the provider's own
    assert "Kies een document en of u toestemming geeft of intrekt." in response.content.decode()
    assert not Toestemming.objects.exists()
