"""The declaratie and payment screens (issue 5 point 5): counts against a known 323, the
drill-down to the rule that rejected a prestatie, payment runs from the portal, and that a
provider sees only its own — on every new page."""

import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from klantreis.accounts.models import Rol
from klantreis.declaraties.models import Betaalopdracht, Betaalstatus, Prestatie
from klantreis.declaraties.tests.conftest import (
    MAAND,
    TARIEF,
    Omgeving,
    maak_toewijzing,
    maand,
    prestatie,
)
from klantreis.organisaties.models import Contract
from klantreis.tests.factories import AanbiederFactory, ClientFactory, user_met_rol


@pytest.fixture
def cap(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def wereld(omgeving, cap):
    """Provider A (omgeving) declares 4 prestaties: A1 and B1 approved, A2 rejected (TR338),
    B2 rejected (TR323). Provider Z, in the same gemeente, declares one approved prestatie."""
    a, b = omgeving.clienten
    omgeving.lever(
        omgeving.bericht(
            {
                a.bsn: [prestatie("A1"), prestatie("A2", nummer=2)],
                b.bsn: [
                    prestatie("B1", nummer=2, volume=4),
                    prestatie("B2", nummer=2, credit=True, vorig="ONBEKEND", volume=1),
                ],
            },
            nummer="MIX1",
        ),
        cap,
    )
    z = AanbiederFactory(agb_code="41000055", naam="Zorg Vlijmen")
    Contract.objects.create(
        aanbieder=z, gemeente=omgeving.gemeente, product=omgeving.product, tarief=TARIEF,
        ingangsdatum=dt.date(2023, 1, 1),
    )  # fmt: skip
    zc = ClientFactory(gemeente=omgeving.gemeente, wet="wmo", achternaam="Vlijmenaar")
    maak_toewijzing(omgeving.gemeente, z, zc, 7)
    andere = Omgeving(omgeving.gemeente, z, [zc], [], omgeving.product)
    andere.lever(andere.bericht({zc.bsn: [prestatie("Z1", nummer=7, volume=3)]}), cap)
    omgeving.z = z
    omgeving.zc = zc
    omgeving.backoffice = user_met_rol(Rol.BACKOFFICE, gemeente=omgeving.gemeente)
    omgeving.medewerker = user_met_rol(Rol.AANBIEDER, aanbieder=omgeving.aanbieder)
    omgeving.z_medewerker = user_met_rol(Rol.AANBIEDER, aanbieder=z)
    return omgeving


def test_backoffice_ziet_tellingen_per_aanbieder_en_periode(client, wereld):
    client.force_login(wereld.backoffice)
    response = client.get(reverse("portal:declaraties"))
    assert response.status_code == 200
    totaal = response.context["totaal"]
    assert (totaal["ingediend_n"], totaal["goedgekeurd_n"], totaal["afgekeurd_n"]) == (5, 3, 2)
    assert totaal["goedgekeurd_bedrag"] == (8 + 4 + 3) * TARIEF
    assert totaal["te_betalen_n"] == 3 and totaal["betaald_n"] == 0
    rijen = {r["aanbieder__agb_code"]: r for r in response.context["pagina"]}
    assert set(rijen) == {"41000044", "41000055"}
    assert (rijen["41000044"]["goedgekeurd_n"], rijen["41000044"]["afgekeurd_n"]) == (2, 2)
    assert rijen["41000044"]["declaratie__periode_begin"] == MAAND
    redenen = {r.uitleg.retourcode: (r.uitleg.regel, r.aantal) for r in response.context["redenen"]}
    assert redenen == {"9338": ("TR338", 1), "8017": ("TR323", 1)}
    html = response.content.decode()
    assert "Van deze credit prestatie is geen debet prestatie bekend." in html
    assert "<caption" in html and 'scope="col"' in html


def test_filter_op_aanbieder_en_onzin_breekt_niets(client, wereld):
    client.force_login(wereld.backoffice)
    response = client.get(reverse("portal:declaraties"), {"aanbieder": wereld.z.pk})
    assert response.context["totaal"]["ingediend_n"] == 1
    response = client.get(reverse("portal:declaraties"), {"van": "gisteren", "aanbieder": "x"})
    assert response.status_code == 200
    assert response.context["totaal"]["ingediend_n"] == 5  # an unknown value filters nothing


def test_aanbieder_ziet_alleen_de_eigen_declaraties(client, wereld):
    client.force_login(wereld.z_medewerker)
    response = client.get(reverse("portal:declaraties"))
    assert response.context["totaal"]["ingediend_n"] == 1
    assert {r["aanbieder__agb_code"] for r in response.context["pagina"]} == {"41000055"}
    assert "Begeleiding Oost" not in response.content.decode()
    eigen_a = reverse("portal:declaraties_aanbieder", args=[wereld.aanbieder.pk])
    assert client.get(eigen_a).status_code == 404
    a1 = Prestatie.objects.get(referentienummer="A1")
    assert client.get(reverse("portal:prestatie", args=[a1.pk])).status_code == 404


def test_consulent_ziet_geen_declaraties(client, wereld):
    consulent = user_met_rol(Rol.TOEGANG, gemeente=wereld.gemeente)
    client.force_login(consulent)
    assert client.get(reverse("portal:declaraties")).status_code == 403
    assert client.get(reverse("portal:betaalopdrachten")).status_code == 403


def test_doorklikken_naar_de_regel_die_afkeurde(client, wereld):
    client.force_login(wereld.medewerker)
    url = reverse("portal:declaraties_aanbieder", args=[wereld.aanbieder.pk])
    periodes = client.get(url)
    assert [r["declaratie__periode_begin"] for r in periodes.context["rijen"]] == [MAAND]
    clienten = client.get(url, {"periode": f"{MAAND:%Y-%m}"})
    per_bsn = {r["bsn"]: r for r in clienten.context["pagina"]}
    a, b = wereld.clienten
    assert (per_bsn[a.bsn]["goedgekeurd_n"], per_bsn[a.bsn]["afgekeurd_n"]) == (1, 1)
    assert per_bsn[b.bsn]["afgekeurd_bedrag"] == -TARIEF
    prestaties = client.get(url, {"periode": f"{MAAND:%Y-%m}", "bsn": a.bsn})
    html = prestaties.content.decode()
    assert [p.referentienummer for p in prestaties.context["pagina"]] == ["A1", "A2"]
    from klantreis.audit.models import Inzage

    assert Inzage.objects.filter(user=wereld.medewerker, client_bsn=a.bsn, aantal=2).exists()
    assert "9338" in html and "(TR338)" in html
    a2 = Prestatie.objects.get(referentienummer="A2")
    detail = client.get(reverse("portal:prestatie", args=[a2.pk])).content.decode()
    assert "Regel TR338: Toewijzing bestaat voor deze cliënt en aanbieder" in detail
    assert client.get(url, {"periode": "13-2026"}).status_code == 200  # bad period: overview


def test_aangehouden_telt_als_aangehouden(client, wereld, cap):
    wereld.gemeente.betaling_na_startbericht = True
    wereld.gemeente.save()
    wereld.declareer(
        [prestatie("H1", begin=maand(1), volume=1)], cap, nummer="HOLD1", periode=maand(1)
    )
    client.force_login(wereld.backoffice)
    totaal = client.get(reverse("portal:declaraties")).context["totaal"]
    assert (totaal["aangehouden_n"], totaal["aangehouden_bedrag"]) == (1, TARIEF)


def test_betaalopdracht_via_het_portaal(client, wereld):
    client.force_login(wereld.medewerker)
    assert client.post(reverse("portal:betaalopdrachten"), {"gemeente": "0797"}).status_code == 403
    assert not Betaalopdracht.objects.exists()
    client.force_login(wereld.backoffice)
    response = client.post(reverse("portal:betaalopdrachten"), {"gemeente": "0797"})
    opdracht = Betaalopdracht.objects.get()
    assert response.url == reverse("portal:betaalopdracht", args=[opdracht.pk])
    assert (opdracht.aantal, opdracht.totaal, opdracht.aangemaakt_door) == (
        3,
        15 * TARIEF,
        wereld.backoffice,
    )
    xlsx = client.get(reverse("portal:betaalopdracht_bestand", args=[opdracht.pk, "xlsx"]))
    assert xlsx["Content-Disposition"] == f'attachment; filename="{opdracht.kenmerk}.xlsx"'
    ws = load_workbook(io.BytesIO(xlsx.content))["Betaalregels"]
    assert [ws["B2"].value, ws["F2"].value, ws["G2"].value] == ["41000044", 2, 12 * TARIEF / 100]
    # no IBANs yet: the SEPA file is refused with the reason, not an error page
    sepa = client.get(reverse("portal:betaalopdracht_bestand", args=[opdracht.pk, "pain001"]))
    assert sepa.status_code == 302
    pagina = client.get(sepa.url).content.decode()
    assert "heeft geen IBAN" in pagina
    # the provider sees the run that paid it, with only its own lines, and cannot download
    client.force_login(wereld.z_medewerker)
    eigen = client.get(reverse("portal:betaalopdracht", args=[opdracht.pk]))
    assert [r.agb_code for r in eigen.context["regels"]] == ["41000055"]
    assert "Begeleiding Oost" not in eigen.content.decode()
    bestand = reverse("portal:betaalopdracht_bestand", args=[opdracht.pk, "csv"])
    assert client.get(bestand).status_code == 403
    assert (
        client.post(
            reverse("portal:betaalopdracht", args=[opdracht.pk]), {"actie": "bevestig"}
        ).status_code
        == 403
    )
    # the back office confirms
    client.force_login(wereld.backoffice)
    client.post(reverse("portal:betaalopdracht", args=[opdracht.pk]), {"actie": "bevestig"})
    assert set(
        Prestatie.objects.filter(goedgekeurd=True).values_list("betaalstatus", flat=True)
    ) == {Betaalstatus.BETAALD}
    totaal = client.get(reverse("portal:declaraties")).context["totaal"]
    assert (totaal["betaald_n"], totaal["te_betalen_n"]) == (3, 0)
    # paid: the SEPA file is not handed out again (the CSV stays available as a record)
    url = reverse("portal:betaalopdracht_bestand", args=[opdracht.pk, "pain001"])
    assert client.get(url).status_code == 302
    csv = client.get(reverse("portal:betaalopdracht_bestand", args=[opdracht.pk, "csv"]))
    assert csv.status_code == 200 and csv.content.decode().count("\n") == 3  # header + 2
    # a second run finds nothing
    response = client.post(reverse("portal:betaalopdrachten"), {"gemeente": "0797"}, follow=True)
    assert "niets te betalen" in response.content.decode()
    assert Betaalopdracht.objects.count() == 1


def test_hoofdaannemer_ziet_de_declaraties_van_zijn_onderaannemer(client, wereld):
    wereld.aanbieder.onderaannemers.add(wereld.z)
    client.force_login(wereld.medewerker)
    response = client.get(reverse("portal:declaraties"))
    assert {r["aanbieder__agb_code"] for r in response.context["pagina"]} == {
        "41000044",
        "41000055",
    }
    z1 = Prestatie.objects.get(referentienummer="Z1")
    assert client.get(reverse("portal:prestatie", args=[z1.pk])).status_code == 200
    # not the other way round: the onderaannemer does not see its hoofdaannemer's
    client.force_login(wereld.z_medewerker)
    a1 = Prestatie.objects.get(referentienummer="A1")
    assert client.get(reverse("portal:prestatie", args=[a1.pk])).status_code == 404
