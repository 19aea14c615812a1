"""Document forms built from the JSON Schema, vaststellen, and akkoorden."""

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.documenten.models import Akkoord, DocumentStatus, DocumentVersie
from klantreis.portal.schemaform import InhoudForm, schemafouten
from klantreis.tests.lopen import schrijf_en_stel_vast

from .conftest import zonder_klassen

pytestmark = pytest.mark.django_db


def _url(traject, soort):
    return reverse("portal:document", args=[traject.pk, soort])


def test_consulent_schrijft_iva_via_het_formulier(client, traject, consulent):
    client.force_login(consulent)
    formulier = client.get(_url(traject, "iva")).content.decode()
    assert '<select name="leefdomeinen-0-leefdomein"' in formulier
    assert '<input type="number" name="leefdomeinen-0-zelfredzaamheid"' in formulier
    response = client.post(
        _url(traject, "iva"),
        {
            "leefdomeinen-0-leefdomein": "financien",
            "leefdomeinen-0-problemen": "Schulden",
            "leefdomeinen-0-zelfredzaamheid": "2",
            "leefdomeinen-1-problemen": "",
            "samenvatting": "Hulp bij de administratie.",
            "vaststellen": "1",
        },
    )
    assert response.status_code == 302
    versie = DocumentVersie.objects.get(document__traject=traject)
    assert versie.inhoud == {
        "leefdomeinen": [
            {"leefdomein": "financien", "problemen": "Schulden", "zelfredzaamheid": 2}
        ],
        "samenvatting": "Hulp bij de administratie.",
    }
    assert versie.gemaakt_door == consulent
    assert versie.rol == Rol.TOEGANG
    assert versie.document.status == DocumentStatus.VASTGESTELD


def test_formulier_is_gevuld_met_de_laatste_versie(client, traject, consulent):
    schrijf_en_stel_vast(traject, "ipa", traject.wie)
    client.force_login(consulent)
    html = client.get(_url(traject, "ipa")).content.decode()
    assert "Cliënt houdt zelf de administratie bij.\nCliënt neemt wekelijks deel" in html
    assert "Een nieuwe versie heropent het document" in html


def test_ongeldige_inhoud_geeft_nederlandse_fouten_en_geen_versie(client, traject, consulent):
    client.force_login(consulent)
    response = client.post(
        _url(traject, "iva"),
        {"leefdomeinen-0-problemen": "Schulden", "leefdomeinen-0-zelfredzaamheid": "9"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Het document is niet opgeslagen" in html
    assert "Zorg ervoor dat deze waarde hoogstens 5 is." in html
    assert not DocumentVersie.objects.exists()

    response = client.post(_url(traject, "iva"), {"leefdomeinen-0-problemen": "Schulden"})
    fout = response.content.decode().split('id="id_leefdomeinen-0-leefdomein_fout"')[1]
    assert fout.startswith(">Dit veld is verplicht.</div>")
    response = client.post(_url(traject, "iva"), {"samenvatting": "Nog niets"})
    assert "Vul er minstens één in." in response.content.decode()
    assert not DocumentVersie.objects.exists()


@pytest.mark.parametrize(
    ("soort", "inhoud", "fout"),
    [
        ("zorgplan", {}, (["omvang"], "Dit veld is verplicht.")),
        (
            "ipa",
            {"resultaten": [], "aard": "x"},
            (["aard"], "Kies een van: ondersteuning, activering, monitoring."),
        ),
        (
            "evaluatieformulier",
            {"voortgang": "", "advies": "continueren", "tevredenheid_client": 11},
            (["tevredenheid_client"], "De waarde mag hoogstens 10 zijn."),
        ),
    ],
)
def test_schemafouten_zijn_nederlands(soort, inhoud, fout):
    assert fout in schemafouten(soort, inhoud)


def test_elk_documentsoort_heeft_een_formulier(client, traject, consulent):
    from klantreis.documenten.inhoud import SCHEMAS
    from klantreis.documenten.services import schrijvende_rollen

    client.force_login(consulent)
    for soort in SCHEMAS:
        assert InhoudForm(soort).fields  # every kind gets a form from its schema
        if schrijvende_rollen(traject, soort):
            assert client.get(_url(traject, soort)).status_code == 200, soort
    # a document of another route (youth protection) is not offered on a Heusden traject
    response = client.post(_url(traject, "bepaling_jeugdhulp"), {"duur": "x"}, follow=True)
    assert "U mag dit document niet schrijven." in response.content.decode()
    assert not traject.documenten.filter(soort="bepaling_jeugdhulp").exists()


def test_zorgaanbieder_mag_de_iva_niet_schrijven(client, heusden, traject):
    from klantreis.tests.lopen import rond_af

    for _ in range(3):
        rond_af(traject, traject.wie)
    client.force_login(traject.wie[Rol.AANBIEDER])
    response = client.post(_url(traject, "iva"), {"samenvatting": "x"}, follow=True)
    assert "U mag dit document niet schrijven." in response.content.decode()
    response = client.get(_url(traject, "iva"), follow=True)  # no prefill from the IVA either
    assert "Overzicht over post en huishouden" not in response.content.decode()
    assert not traject.documenten.filter(soort="iva", versies__inhoud__samenvatting="x").exists()


def test_consulent_stelt_document_vast(client, traject, consulent):
    client.force_login(consulent)
    client.post(
        _url(traject, "iva"),
        {"leefdomeinen-0-leefdomein": "huisvesting", "leefdomeinen-0-zelfredzaamheid": "3"},
    )
    document = traject.documenten.get(soort="iva")
    assert document.status == DocumentStatus.CONCEPT
    response = client.post(
        reverse("portal:vaststellen", args=[traject.pk, document.pk]), follow=True
    )
    assert "Integrale vraaganalyse (IVA) is vastgesteld." in response.content.decode()
    document.refresh_from_db()
    assert document.status == DocumentStatus.VASTGESTELD
    response = client.post(
        reverse("portal:vaststellen", args=[traject.pk, document.pk]), follow=True
    )
    assert "Een document met status vastgesteld kan niet worden vastgesteld." in (
        response.content.decode()
    )


def test_akkoord_namens_de_client_wordt_vastgelegd(client, traject, consulent):
    document = schrijf_en_stel_vast(traject, "ipa", traject.wie)
    client.force_login(consulent)
    html = client.get(reverse("portal:traject", args=[traject.pk])).content.decode()
    assert "Cliënt (vastgelegd namens de cliënt)" in html
    prefix = f"doc{document.pk}"
    response = client.post(
        reverse("portal:akkoord", args=[traject.pk, document.pk]),
        {
            f"{prefix}-rol": "client",
            f"{prefix}-akkoord": "nee",
            f"{prefix}-toelichting": "Te weinig",
        },
        follow=True,
    )
    assert "Vastgelegd: cliënt is niet akkoord met integraal plan van aanpak (IPA)." in (
        response.content.decode()
    )
    akkoord = Akkoord.objects.get(versie__document=document)
    assert (akkoord.rol, akkoord.akkoord, akkoord.door) == (Rol.CLIENT, False, consulent)
    assert akkoord.namens == traject.client.naam
    assert akkoord.toelichting == "Te weinig"
    html = client.get(reverse("portal:traject", args=[traject.pk])).content.decode()
    assert '<span class="nee">Niet akkoord</span>' in html


def test_aanbieder_ziet_alleen_documenten_waarvoor_de_client_toestemming_gaf(client, traject):
    from klantreis.clients.models import Toestemming
    from klantreis.tests.lopen import rond_af

    for _ in range(4):  # IVA, IPA, keuze aanbieder, ondersteuningsplan (by the provider)
        rond_af(traject, traject.wie)
    client.force_login(traject.wie[Rol.AANBIEDER])
    pagina = reverse("portal:traject", args=[traject.pk])
    html = zonder_klassen(client.get(pagina).content.decode())
    assert "<h3>Ondersteuningsplan" in html  # its own document
    assert "<h3>Integrale vraaganalyse (IVA)" not in html
    assert "geen toestemming voor gaf: Integraal plan van aanpak (IPA), Integrale" in html
    Toestemming.objects.create(
        client=traject.client, aanbieder=traject.aanbieder, document_soort="iva"
    )
    html = zonder_klassen(client.get(pagina).content.decode())
    assert "<h3>Integrale vraaganalyse (IVA)" in html
    assert "<h3>Integraal plan van aanpak (IPA)" not in html
    client.force_login(traject.wie[Rol.TOEGANG])  # the gemeente sees every document
    html = zonder_klassen(client.get(pagina).content.decode())
    assert "<h3>Integraal plan van aanpak (IPA)" in html


def test_route3_aanbieder_leest_bepaling_en_aanmeldformulier_die_de_gi_hem_stuurt(
    client, doetinchem
):
    """Achterhoek route 3 stap 3: the jeugdbeschermer sends the bepaling jeugdhulp and the
    aanmeldformulier to the provider, which needs them to answer "Passende hulp?"; no separate
    consent is asked (a child-protection measure). Other documents stay unshared, and the
    portal and the API agree (``deelbaar`` and ``zichtbare_documenten``)."""
    from klantreis.routes import engine
    from klantreis.tests.factories import ClientFactory
    from klantreis.tests.lopen import actoren, rond_af
    from klantreis.toegang.beleid import zichtbare_documenten

    wie = actoren(doetinchem)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=doetinchem, wet="jeugdwet"),
        gemeente=doetinchem,
        route_id="achterhoek-route-3",
        door=wie[Rol.GI],
        rol=Rol.GI,
    )
    for _ in range(3):  # 1, 2 (bepaling + aanmeldformulier), 3 (the provider named)
        rond_af(traject, wie)
    assert traject.huidige_stap == "passend"
    # a document the route does not send to the provider: a beschikking of the back office
    schrijf_en_stel_vast(traject, "beschikking", wie, Rol.BACKOFFICE)
    zorg = wie[Rol.AANBIEDER]
    client.force_login(zorg)
    html = zonder_klassen(client.get(reverse("portal:traject", args=[traject.pk])).content.decode())
    assert "<h3>Bepaling jeugdhulp" in html
    assert "<h3>Eenduidig aanmeldformulier" in html
    assert "<h3>Beschikking" not in html
    assert "geen toestemming voor gaf: Beschikking." in html
    assert set(zichtbare_documenten(zorg).values_list("soort", flat=True)) == {
        "bepaling_jeugdhulp",
        "aanmeldformulier",
    }
