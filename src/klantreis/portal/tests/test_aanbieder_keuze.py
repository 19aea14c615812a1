"""Provider choice on the traject page: the contracted providers with their measured waiting
time, shortest first, "geen gegevens" last; a named subsegment narrows the list."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from klantreis.organisaties.models import Contract
from klantreis.producten.models import Product, Segment
from klantreis.tests.factories import AanbiederFactory
from klantreis.tests.lopen import rond_af
from klantreis.toewijzingen.tests.test_wachttijden import _toewijzing
from klantreis.toewijzingen.wachttijden import benodigde_producten

from .conftest import contract, zonder_klassen

pytestmark = pytest.mark.django_db


def _keuze(client, traject) -> str:
    response = client.get(reverse("portal:traject", args=[traject.pk]))
    assert response.status_code == 200
    return (
        zonder_klassen(response.content.decode())
        .split("<h3>Aanbieder kiezen</h3>")[1]
        .split("</form>")[0]
    )


def _dag(n: int):
    return timezone.localdate() - timedelta(days=n)


def test_aanbieders_op_wachttijd_gesorteerd(client, traject, consulent):
    rond_af(traject, traject.wie)
    rond_af(traject, traject.wie)
    assert traject.huidige_stap == "3"
    traag, snel, onbekend = (
        AanbiederFactory(naam="Traag Zorg"),
        AanbiederFactory(naam="Snel Zorg"),
        AanbiederFactory(naam="Aaa Nieuw"),
    )
    for aanbieder in (traag, snel, onbekend):
        contract(aanbieder, traject.gemeente)
    _toewijzing(traject.gemeente, traag, _dag(90), _dag(30))  # 60 days
    _toewijzing(traject.gemeente, snel, _dag(90), _dag(83))  # 7 days
    _toewijzing(traject.gemeente, snel, _dag(60), _dag(51))  # 9 days
    client.force_login(consulent)
    keuze = _keuze(client, traject)
    tabel = keuze.split("<tbody>")[1].split("</tbody>")[0]
    assert tabel.index("Snel Zorg") < tabel.index("Traag Zorg") < tabel.index("Aaa Nieuw")
    assert "8 dagen (mediaan van 2)" in tabel
    assert "60 dagen (mediaan van 1)" in tabel
    assert "geen gegevens" in tabel.split("Aaa Nieuw")[1]
    select = keuze.split("<select")[1]
    assert select.index("Snel Zorg") < select.index("Traag Zorg") < select.index("Aaa Nieuw")
    assert "Snel Zorg — wachttijd 8 dagen" in select


def test_genoemd_subsegment_beperkt_de_keuze(client, traject, consulent):
    rond_af(traject, traject.wie)
    rond_af(traject, traject.wie)
    begeleider = AanbiederFactory(naam="Begeleiding BV")
    contract(begeleider, traject.gemeente)  # segment "Begeleiding"
    huishouden = AanbiederFactory(naam="Schoon Huis")
    segment = Segment.objects.create(code="WMO-HH", naam="Huishoudelijke hulp", wet="wmo")
    product = Product.objects.create(
        wet="wmo", categorie="01", code="01A01", naam="Huishoudelijke hulp", segment=segment
    )
    Contract.objects.create(
        aanbieder=huishouden,
        gemeente=traject.gemeente,
        product=product,
        tarief=3000,
        ingangsdatum=_dag(400),
    )
    client.force_login(consulent)
    keuze = _keuze(client, traject)
    assert "Begeleiding BV" in keuze and "Schoon Huis" in keuze  # nothing named yet
    document = traject.documenten.create(soort="ondersteuningsplan")
    document.versies.create(
        nummer=1,
        inhoud={"subsegment": "huishoudelijke hulp"},
        gemaakt_door=consulent,
        rol="toegang",
    )
    assert benodigde_producten(traject) == [product]
    keuze = _keuze(client, traject)
    assert "Schoon Huis" in keuze and "Begeleiding BV" not in keuze
    assert "voor Huishoudelijke hulp" in keuze


def test_route3_netwerk_draagt_over_aan_een_andere_aanbieder_die_de_315_stuurt(
    client, doetinchem, django_capture_on_commit_callbacks
):
    """Achterhoek route 3 stap A: the network finds another provider; the first passes the
    case on (the bepaling and the aanmeldformulier go with it) and the new one sends the 315,
    which continues this traject (A → 4 → 6) instead of opening a second one. Before the
    escalation ("Passende hulp?") the provider cannot hand the case over."""
    import datetime as dt

    from klantreis import istandaarden as ist
    from klantreis.accounts.models import Rol
    from klantreis.berichten import services as berichten
    from klantreis.routes import engine
    from klantreis.routes.models import Traject
    from klantreis.simulatie.aanbieder import Aanvraag, Persoon, bouw_315
    from klantreis.tests.factories import ClientFactory
    from klantreis.tests.lopen import actoren

    segment = Segment.objects.create(code="JW-AMB-GEZ", naam="Gezinsbehandeling", wet="jeugdwet")
    product = Product.objects.create(
        wet="jeugdwet", segment=segment, categorie="45", code="45A03", naam="Gezinsbehandeling"
    )
    eerste = AanbiederFactory(naam="Jeugdhulp Achterhoek")
    tweede = AanbiederFactory(naam="Gezinsbehandeling IJsselkracht")
    for aanbieder in (eerste, tweede):
        Contract.objects.create(
            aanbieder=aanbieder,
            gemeente=doetinchem,
            product=product,
            tarief=9875,
            ingangsdatum=dt.date(2022, 1, 1),
        )
    wie = actoren(doetinchem, eerste)
    jeugdige = ClientFactory(
        gemeente=doetinchem,
        wet="jeugdwet",
        geboortedatum=dt.date(2013, 9, 2),
        straat="Grutbroek",
        huisnummer="12",
        postcode="7001AB",
        woonplaats="Doetinchem",
    )
    traject = engine.start_traject(
        client=jeugdige,
        gemeente=doetinchem,
        route_id="achterhoek-route-3",
        door=wie[Rol.GI],
        rol=Rol.GI,
    )
    for _ in range(3):  # 1, 2 (bepaling, aanmeldformulier), 3 (the first provider named)
        rond_af(traject, wie)
    assert (traject.huidige_stap, traject.aanbieder) == ("passend", eerste)
    client.force_login(wie[Rol.AANBIEDER])
    pagina = reverse("portal:traject", args=[traject.pk])
    assert "<h3>Aanbieder kiezen</h3>" not in zonder_klassen(client.get(pagina).content.decode())
    rond_af(traject, wie, naar="5")
    rond_af(traject, wie, naar="A")

    keuze = _keuze(client, traject)
    assert "Gezinsbehandeling IJsselkracht" in keuze
    response = client.post(
        reverse("portal:aanbieder_kiezen", args=[traject.pk]),
        {"aanbieder": tweede.pk, "rol": Rol.AANBIEDER, "reden": "Gevonden via het netwerk"},
        follow=True,
    )
    assert "Gezinsbehandeling IJsselkracht is gekozen als aanbieder." in response.content.decode()
    # the first provider no longer sees the case: its work queue, not a "Niet gevonden" page
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse("portal:werkvoorraad")
    assert "Het traject is overgedragen" in response.content.decode()
    traject.refresh_from_db()
    assert (traject.huidige_stap, traject.aanbieder) == ("A", tweede)

    # the new provider's software sends its verzoek om toewijzing
    aanvraag = Aanvraag(
        referentie="IJK-1",
        categorie="45",
        code="45A03",
        ingangsdatum=timezone.localdate() + timedelta(days=7),
        einddatum=timezone.localdate() + timedelta(days=180),
        volume=3,
        eenheid="04",
        frequentie="2",
        verwijzer="04",
    )
    persoon = Persoon(
        bsn=jeugdige.bsn,
        geboortedatum=jeugdige.geboortedatum,
        geslacht=jeugdige.geslacht,
        achternaam=jeugdige.achternaam,
        voorletters="J",
    )
    header = ist.nieuwe_header(
        ist.Standaard.IJW,
        "315",
        afzender=tweede.agb_code,
        ontvanger=doetinchem.code,
        dagtekening=timezone.localdate(),
        identificatie=ist.GeheugenIdentificatieGenerator(prefix="T"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        berichten.ontvang(
            ist.write(bouw_315(ist.Standaard.IJW, header, persoon, [aanvraag])),
            transport="test",
            bestandsnaam="315.xml",
            eigenaar=doetinchem.code,
        )
    assert Traject.objects.filter(client=jeugdige).count() == 1
    traject.refresh_from_db()
    assert traject.huidige_stap == "6"
    assert list(traject.gebeurtenissen.exclude(naar_stap="").values_list("naar_stap", flat=True))[
        -3:
    ] == ["A", "4", "6"]
