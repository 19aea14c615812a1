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
