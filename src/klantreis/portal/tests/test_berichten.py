"""The message screens (issue 6): list, filter, detail with the retour pair and the rule
outcomes, XML download — a provider sees only its own messages."""

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.berichten.models import Bericht
from klantreis.declaraties.tests.conftest import prestatie
from klantreis.tests.factories import user_met_rol


@pytest.fixture
def cap(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def heen(omgeving, cap):
    a = omgeving.clienten[0]
    bericht, _ = omgeving.lever(
        omgeving.bericht({a.bsn: [prestatie("A1"), prestatie("A2", nummer=2)]}), cap
    )
    return bericht


def test_backoffice_ziet_de_323_met_zijn_325_en_de_regels(client, omgeving, heen):
    client.force_login(user_met_rol(Rol.BACKOFFICE, gemeente=omgeving.gemeente))
    lijst = client.get(reverse("portal:berichten"))
    codes = [b.berichtcode for b in lijst.context["pagina"]]
    assert sorted(codes) == ["323", "325"]
    rij = next(b for b in lijst.context["pagina"] if b.berichtcode == "323")
    assert rij.retourcodes == ["9338"]
    retour = Bericht.objects.get(heen=heen)
    detail = client.get(reverse("portal:bericht", args=[heen.pk]))
    html = detail.content.decode()
    assert detail.context["retouren"] == [retour]
    assert [
        (s["regel"], s["uitleg"].retourcode, s["aantal"]) for s in detail.context["samenvatting"]
    ] == [("TR338", "9338", 1)]
    assert "Niet iedere prestatie in een declaratiebericht" in html
    terug = client.get(reverse("portal:bericht", args=[retour.pk]))
    assert terug.context["heen"] == heen
    assert {c["uitleg"].retourcode for c in terug.context["codes_in_bericht"]} >= {"9338", "0200"}
    xml = client.get(reverse("portal:bericht_xml", args=[heen.pk]))
    assert xml.content == bytes(heen.inhoud)
    assert xml["Content-Type"] == "application/xml"
    assert xml["Content-Disposition"].startswith("attachment;")


def test_filters(client, omgeving, heen):
    client.force_login(user_met_rol(Rol.BACKOFFICE, gemeente=omgeving.gemeente))
    url = reverse("portal:berichten")
    assert [b.berichtcode for b in client.get(url, {"richting": "uit"}).context["pagina"]] == [
        "325"
    ]
    assert [b.berichtcode for b in client.get(url, {"berichtcode": "323"}).context["pagina"]] == [
        "323"
    ]
    assert list(client.get(url, {"status": "wachtend"}).context["pagina"]) == []
    Bericht.objects.filter(pk=heen.pk).update(status="afgekeurd")
    assert [b.pk for b in client.get(url, {"status": "wachtend"}).context["pagina"]] == [heen.pk]
    assert client.get(url, {"van": "geen datum", "pagina": "x"}).status_code == 200


def test_aanbieder_ziet_alleen_de_eigen_berichten(client, omgeving, heen):
    andere = user_met_rol(Rol.AANBIEDER, aanbieder=type(omgeving.aanbieder).objects.create(
        agb_code="41000099", naam="Ander"
    ))  # fmt: skip
    client.force_login(andere)
    assert list(client.get(reverse("portal:berichten")).context["pagina"]) == []
    for naam in ("portal:bericht", "portal:bericht_xml"):
        assert client.get(reverse(naam, args=[heen.pk])).status_code == 404
    client.force_login(user_met_rol(Rol.AANBIEDER, aanbieder=omgeving.aanbieder))
    assert {b.berichtcode for b in client.get(reverse("portal:berichten")).context["pagina"]} == {
        "323",
        "325",
    }
    assert client.get(reverse("portal:bericht_xml", args=[heen.pk])).status_code == 200


def test_werkvoorraad_backoffice_linkt_naar_de_berichtpagina(client, omgeving, heen):
    Bericht.objects.filter(pk=heen.pk).update(status="afgekeurd")
    client.force_login(user_met_rol(Rol.BACKOFFICE, gemeente=omgeving.gemeente))
    html = client.get(reverse("portal:werkvoorraad")).content.decode()
    assert f'href="{reverse("portal:bericht", args=[heen.pk])}"' in html


def test_berichten_van_een_traject(client, traject):
    """The traject page links to the list of its messages; another traject's are not in it,
    and a traject the user may not see shows nothing."""
    from klantreis.berichten.models import Bericht as B

    def bericht(t, code):
        return B.objects.create(
            richting="in", berichtcode=code, afzender="41000044", ontvanger=t.gemeente.code,
            inhoud=b"<x/>", sha256=code * 16, status="verwerkt", traject=t,
        )  # fmt: skip

    eigen = bericht(traject, "305")
    from .conftest import start

    bericht(start(traject.gemeente, wie=traject.wie, achternaam="Ander"), "307")
    consulent = traject.wie[Rol.TOEGANG]
    client.force_login(consulent)
    pagina = client.get(reverse("portal:traject", args=[traject.pk])).content.decode()
    lijst_url = f"{reverse('portal:berichten')}?traject={traject.pk}"
    assert f'href="{lijst_url}"' in pagina
    response = client.get(reverse("portal:berichten"), {"traject": traject.pk})
    assert [b.pk for b in response.context["pagina"]] == [eigen.pk]
    vreemd = client.get(reverse("portal:berichten"), {"traject": 10**12})
    assert list(vreemd.context["pagina"]) == []


def test_retourcodes_van_de_lijst_uit_de_database_elk_een_keer(client, omgeving, heen):
    """The list shows each message's distinct retourcodes, computed by the database (a 323
    with thousands of fouten is not carried to Python for it)."""
    from klantreis.portal.views_berichten import _retourcodes

    fouten = [{"retourcode": c} for c in ("9338", "8001", "9338", None)] + [{}]
    Bericht.objects.filter(pk=heen.pk).update(fouten=fouten)
    retour = Bericht.objects.get(heen=heen)
    Bericht.objects.filter(pk=retour.pk).update(fouten=[])
    assert _retourcodes([heen.pk, retour.pk]) == {heen.pk: ["8001", "9338"]}
    assert _retourcodes([]) == {}

    client.force_login(user_met_rol(Rol.BACKOFFICE, gemeente=omgeving.gemeente))
    pagina = client.get(reverse("portal:berichten")).context["pagina"]
    assert {b.pk: b.retourcodes for b in pagina} == {heen.pk: ["8001", "9338"], retour.pk: []}
