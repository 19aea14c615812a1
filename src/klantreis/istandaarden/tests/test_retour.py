"""Retour messages: header-only when fine, 0001 on level 2, per-class codes on content faults."""

from __future__ import annotations

import datetime

import pytest

import klantreis.istandaarden as ist
from klantreis.istandaarden.historie import GeheugenHistorie, Tr056IdentificatieUniek
from klantreis.istandaarden.tests.helpers import voorbeeld, voorbeeld_bytes, zet

DAG = datetime.date(2026, 11, 24)


def _retour(msg, res=None):
    res = res or ist.check(ist.write(msg))
    retour = ist.build_retour(msg, res, identificatie="R1", dagtekening=DAG)
    assert ist.read(ist.write(retour)) == retour  # XSD-valid and round-trips
    controle = ist.check(ist.write(retour))
    assert controle.geldig, controle.fouten  # and passes the level-2 rules of the retour
    return retour


@pytest.mark.parametrize(
    ("naam", "retour"),
    [("WMO301", "302"), ("JW305", "306"), ("WMO307", "308"), ("WMO315", "316"),
     ("WMO317", "318"), ("JW319", "320")],
)  # fmt: skip
def test_alles_goed_alleen_header_zonder_retourcodes(naam, retour):
    msg = voorbeeld(naam)
    r = _retour(msg)
    assert r.bericht == retour
    assert r.standaard == msg.standaard
    assert r.header.retour_codes == ()
    assert r.header.afzender == msg.header.afzender  # copied unchanged (IV028)
    assert r.header.ontvanger == msg.header.ontvanger
    assert r.header.bericht_identificatie == msg.header.bericht_identificatie
    assert (r.header.identificatie_retour, r.header.dagtekening_retour) == ("R1", DAG)
    body = [f for f in ("client", "antwoord") if getattr(r, f, None) is not None]
    assert body == []


def test_niveau_2_fout_geeft_header_met_0001():
    msg = zet(voorbeeld("WMO301"), "client.bsn", "123456789")
    r = _retour(msg)
    assert [c.value for c in r.header.retour_codes] == ["0001"]
    assert r.client is None


def test_historie_fout_alleen_client_met_fout_en_0200_elders():
    """OP065: a content fault on one product: the client comes back, every class coded."""
    msg = voorbeeld("WMO301")
    product = msg.client.toegewezen_producten[0]

    class Tr332:
        code, retourcode, berichten = "TR332", "9332", frozenset({"301"})

        def __call__(self, bericht):
            yield ist.Fout(
                "TR332", "9332", "/Bericht/Client/ToegewezenProducten", "dubbel", product
            )

    res = ist.check(ist.write(msg), history=[Tr332()])
    assert (res.geldig, res.niveau) == (False, ist.Niveau.HISTORIE)
    # the fault refers to the object of the *checked* message
    res = ist.CheckResult(
        res.standaard, res.bericht, False, res.niveau,
        (ist.Fout("TR332", "9332", "", "dubbel", product),), msg,
    )  # fmt: skip
    r = _retour(msg, res)
    assert [c.value for c in r.header.retour_codes] == ["0200"]
    assert [c.value for c in r.client.retour_codes] == ["0200"]
    assert [c.value for c in r.client.toegewezen_producten[0].retour_codes] == ["9332"]
    assert r.client.bsn == msg.client.bsn
    assert all(c.retour_codes[0].value == "0200" for c in r.client.contactgegevens)


def test_tr056_identificatie_uniek_met_historie():
    data = voorbeeld_bytes("WMO305")
    msg = ist.read(data)
    hist = GeheugenHistorie()
    regel = Tr056IdentificatieUniek(hist)
    assert ist.check(data, history=[regel]).geldig
    h = msg.header
    hist.gezien.add((h.afzender, "305", h.bericht_identificatie.identificatie))
    res = ist.check(data, history=[regel])
    assert [(f.regel, f.retourcode) for f in res.fouten] == [("TR056", "9056")]
    r = ist.build_retour(res.message, res, identificatie="R2", dagtekening=DAG)
    assert [c.value for c in r.header.retour_codes] == ["9056"]
    assert r.client is None


def test_geen_retour_bij_xsd_fout():
    res = ist.check(b"<x/>")
    with pytest.raises(ValueError):
        ist.build_retour(voorbeeld("WMO301"), res, identificatie="R", dagtekening=DAG)


def test_325_alles_goed_8001_en_toegekend_is_ingediend():
    msg = voorbeeld("WMO323")
    r = _retour(msg)
    assert r.bericht == "325"
    assert [c.value for c in r.header.retour_codes] == ["0200"]
    assert (r.header.afzender, r.header.ontvanger) == (msg.header.ontvanger, msg.header.afzender)
    assert r.header.declaratie_identificatie == msg.header.bericht_identificatie
    a = r.declaratie_antwoord
    assert [c.value for c in a.retour_codes] == ["8001"]
    assert a.totaal_toegekend_bedrag == a.totaal_ingediend_bedrag
    assert a.clienten == ()


def test_325_bij_niveau_2_alleen_header_0001():
    msg = zet(voorbeeld("WMO323"), "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 1)
    r = _retour(msg)
    assert [c.value for c in r.header.retour_codes] == ["0001"]
    assert r.declaratie_antwoord is None


def test_325_alleen_afgewezen_prestaties_tr346():
    msg = voorbeeld("WMO323")
    msg = zet(msg, "declaratie.clienten[1].prestaties[1].ingediend_bedrag.bedrag", 24500)
    msg = zet(msg, "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 58500)
    r = _retour(msg)
    a = r.declaratie_antwoord
    assert [c.bsn for c in a.clienten] == ["999900018"]
    [p] = a.clienten[0].prestaties
    assert p.product_referentie.referentie_nummer == "RN004"
    assert [c.value for c in p.retour_codes] == ["9346"]
    assert a.totaal_toegekend_bedrag.totaal_bedrag == 58500 - 24500
    assert a.totaal_ingediend_bedrag.totaal_bedrag == 58500


def _doel(msg):
    """The object a content fault points at: a product line, or the Antwoord."""
    c = getattr(msg, "client", None)
    if msg.bericht == "319":
        return msg.antwoord, None
    for veld in ("toegewezen_producten", "start_producten", "stop_producten",
                 "aangevraagde_producten"):  # fmt: skip
        if c is not None and getattr(c, veld, ()):
            return getattr(c, veld)[0], veld
    return c.verzoek.te_wijzigen_producten[0], "verzoek"


@pytest.mark.parametrize("naam", ["JW301", "JW305", "WMO307", "WMO315", "WMO317", "JW319"])
def test_inhoudelijke_fout_in_elke_retoursoort(naam):
    msg = voorbeeld(naam)
    doel, veld = _doel(msg)
    res = ist.CheckResult(
        msg.standaard, msg.bericht, False, ist.Niveau.HISTORIE,
        (ist.Fout("TR999", "9019", "", "test", doel),), msg,
    )  # fmt: skip
    r = ist.build_retour(msg, res, identificatie="R9", dagtekening=DAG)
    xml = ist.write(r)  # XSD-valid
    assert ist.read(xml) == r
    assert b"<" + r.header.__class__.__name__.encode() not in xml  # sanity: real XML names
    codes = xml.count(b">9019</")
    assert codes == 1
    assert xml.count(b">0200</") >= 2  # header and the other classes
    if veld == "verzoek":
        assert r.client.verzoek.te_wijzigen_producten[0].retour_codes[0].value == "9019"
    elif veld:
        assert getattr(r.client, veld)[0].retour_codes[0].value == "9019"
    else:
        assert r.antwoord.retour_codes[0].value == "9019"


class _Tr338:
    """A stand-in history rule: rejects the prestaties of one ToewijzingNummer (9338)."""

    code, retourcode, berichten = "TR338", "9338", frozenset({"323"})

    def __init__(self, nummer):
        self.nummer = nummer
        self.aangeroepen = 0

    def __call__(self, bericht):
        self.aangeroepen += 1
        for c in bericht.declaratie.clienten:
            for p in c.prestaties:
                if p.toewijzing_nummer == self.nummer:
                    yield ist.Fout("TR338", "9338", "", "geen toewijzing", p)


def test_per_prestatie_code_en_historie_samen_in_325():
    """TR346 (9346) rejects one prestatie but not the message: history still judges the rest."""
    msg = voorbeeld("WMO323")
    msg = zet(msg, "declaratie.clienten[1].prestaties[1].ingediend_bedrag.bedrag", 24500)
    msg = zet(msg, "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 58500)
    regel = _Tr338(20072)
    res = ist.check(ist.write(msg), history=[regel])
    assert regel.aangeroepen == 1
    assert sorted(f.regel for f in res.fouten) == ["TR338", "TR346"]
    assert res.niveau is ist.Niveau.BERICHT
    r = ist.build_retour(res.message, res, identificatie="R5", dagtekening=DAG)
    afgewezen = {
        p.product_referentie.referentie_nummer: [c.value for c in p.retour_codes]
        for c in r.declaratie_antwoord.clienten
        for p in c.prestaties
    }
    assert afgewezen == {"RN001": ["9338"], "RN004": ["9346"]}
    assert r.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 58500 - 5000 - 24500


def test_0001_stopt_de_historie():
    msg = zet(voorbeeld("WMO323"), "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 1)
    regel = _Tr338(20072)
    res = ist.check(ist.write(msg), history=[regel])
    assert regel.aangeroepen == 0
    assert [f.regel for f in res.fouten] == ["TR358"]


def test_325_fout_op_client_geeft_0233_op_haar_prestaties():
    msg = voorbeeld("WMO323")
    client = msg.declaratie.clienten[0]
    fout = ist.Fout("TR304", "8187", "", "prestatie hoort niet bij deze cliënt", client)
    res = ist.CheckResult(msg.standaard, "323", False, ist.Niveau.HISTORIE, (fout,), msg)
    r = _retour(msg, res)
    [c] = r.declaratie_antwoord.clienten
    assert [x.value for x in c.retour_codes] == ["8187"]
    assert [[x.value for x in p.retour_codes] for p in c.prestaties] == [["0233"], ["0233"]]
    assert r.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 58000 - 29000


def test_tr135_dagtekening_in_de_toekomst_geeft_8848_in_header():
    from klantreis.istandaarden.historie import Tr135DagtekeningNietInToekomst

    data = voorbeeld_bytes("WMO305")  # Dagtekening 2025-…
    msg = ist.read(data)
    dag = msg.header.bericht_identificatie.dagtekening
    assert ist.check(data, history=[Tr135DagtekeningNietInToekomst(lambda: dag)]).geldig
    regel = Tr135DagtekeningNietInToekomst(lambda: dag - datetime.timedelta(days=1))
    res = ist.check(data, history=[regel])
    assert [(f.regel, f.retourcode) for f in res.fouten] == [("TR135", "8848")]
    r = _retour(res.message, res)
    assert [c.value for c in r.header.retour_codes] == ["8848"]
    assert r.client is None
