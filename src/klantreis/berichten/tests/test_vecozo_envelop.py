"""The VECOZO "berichtuitwisseling v3" IndienenBericht: reading the recorded example, building
one with the same structure, round trips, ZIP-bomb and hardened-XML refusals."""

import base64
import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from klantreis.berichten.transports import OptieFout, Uitgaand, maak_transport, vecozo

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "istandaarden"
VOORBEELD = SHARED / "vecozo" / "examples" / "IndienenBericht_JW315.xml"
JW315 = SHARED / "ijw" / "3.2" / "examples" / "JW315.xml"
WMO305 = SHARED / "iwmo" / "3.2" / "examples" / "WMO305.xml"

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt")


def _jw315(**kw):
    data = dict(
        inhoud=JW315.read_bytes(),
        bestandsnaam="JW315_AB12.xml",
        functie="JW315",
        afzender="22227338",
        ontvanger="0344",
        identificatie="AB12",
    )
    data.update(kw)
    return Uitgaand(**data)


def _paden(xml: bytes) -> list[str]:
    """Every element's path by namespace URI + local name, in document order."""
    root = etree.fromstring(xml)
    uit = []
    for el in root.iter(etree.Element):
        stappen = []
        while el is not None:
            q = etree.QName(el)
            stappen.append(f"{{{q.namespace}}}{q.localname}")
            el = el.getparent()
        uit.append("/".join(reversed(stappen)))
    return uit


def test_het_opgenomen_voorbeeld_wordt_gelezen():
    indiening = vecozo.lees_indiening(VOORBEELD.read_bytes())
    assert indiening.afzender == "22227338"
    assert indiening.geadresseerde == "0344"
    assert (indiening.berichttype, indiening.berichtsubtype) == ("JW", "JW315")
    assert (indiening.berichtversie, indiening.berichtsubversie) == ("3", "0")
    assert indiening.actie == "VerzoekToewijzing"
    assert indiening.conversatie_id == "fc6d5c90-5630-4270-aba2-bc1be7936502"
    assert indiening.referentie_id == "35999dce-1f8d-4aa7-b075-176dc618afa0"
    assert indiening.bestandsnaam == "87c27d25-9063-4683-9d8e-8c10e766b050.xml"
    bericht = etree.fromstring(indiening.inhoud)
    assert bericht.findtext("{*}Header/{*}BerichtCode") == "446"
    assert bericht.findtext("{*}Header/{*}Afzender") == "22227338"
    ontvangen = vecozo.lees_indienen(VOORBEELD.read_bytes())
    assert ontvangen.inhoud == indiening.inhoud
    assert ontvangen.kanaal_referentie == "fc6d5c90-5630-4270-aba2-bc1be7936502"
    assert ontvangen.afzender == "22227338"


def test_gebouwd_bericht_heeft_dezelfde_structuur_als_het_voorbeeld():
    gebouwd = vecozo.bouw_indienen(_jw315())
    assert _paden(gebouwd) == _paden(VOORBEELD.read_bytes())
    root = etree.fromstring(gebouwd)
    bericht = root.find(f".//{{{vecozo.NS_MSG}}}Bericht")
    assert bericht.get("{http://www.w3.org/2001/XMLSchema-instance}type").endswith(":DataBinary")


def test_heen_en_terug_met_routering_uit_het_bericht():
    indiening = vecozo.lees_indiening(vecozo.bouw_indienen(_jw315()))
    assert indiening.inhoud == JW315.read_bytes()
    assert indiening.bestandsnaam == "JW315_AB12.xml"
    assert (indiening.afzender, indiening.geadresseerde) == ("22227338", "0344")
    assert (indiening.berichttype, indiening.berichtsubtype) == ("JW", "JW315")
    assert (indiening.berichtversie, indiening.berichtsubversie) == ("3", "2")  # iJw 3.2
    assert indiening.actie == "VerzoekToewijzing"
    root = etree.fromstring(vecozo.bouw_indienen(_jw315()))
    rollen = [el.text for el in root.iter(f"{{{vecozo.NS_TYP}}}Rol")]
    assert rollen == ["Instelling", "Gemeente"]


def test_wmo_bericht_en_actie_uit_de_tabel_of_de_opties():
    uit = _jw315(inhoud=WMO305.read_bytes(), functie="WMO305", bestandsnaam="WMO305.xml")
    assert vecozo.lees_indiening(vecozo.bouw_indienen(uit)).berichttype == "WMO"
    assert vecozo.lees_indiening(vecozo.bouw_indienen(uit)).actie == "StartZorg"
    anders = vecozo.bouw_indienen(uit, acties={"305": "Aanvang"})
    assert vecozo.lees_indiening(anders).actie == "Aanvang"


def test_retour_houdt_de_conversatie_van_de_heen_aan():
    indiening = vecozo.lees_indiening(vecozo.bouw_indienen(_jw315(referentie_heen="conv-1")))
    assert indiening.conversatie_id == "conv-1"
    assert indiening.traceer_id and indiening.traceer_id != "conv-1"


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"functie": "XX315"}, "Onbekende functie"),
        ({"functie": "JW399"}, "Geen VECOZO-Actie"),
        ({"afzender": "AGB"}, "geen gemeentecode of AGB-code"),
        ({"inhoud": b"<x"}, "geen leesbare XML"),
    ],
)
def test_onbouwbaar_bericht(wijziging, melding):
    with pytest.raises(vecozo.VecozoFout, match=melding):
        vecozo.bouw_indienen(_jw315(**wijziging))


# --- refusals -------------------------------------------------------------------------------


def _met_data(zipdata: bytes) -> bytes:
    root = etree.fromstring(vecozo.bouw_indienen(_jw315()))
    root.find(f".//{{{vecozo.NS_MSG}}}Data").text = base64.b64encode(zipdata).decode()
    return etree.tostring(root)


def _zip(*bestanden: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in bestanden:
            zf.writestr(naam, inhoud)
    return buffer.getvalue()


def test_zip_bom_wordt_geweigerd():
    bom = _zip(("bom.xml", b"\0" * (30 * 1024 * 1024)))
    assert len(bom) < 100_000
    with pytest.raises(vecozo.VecozoFout, match="te groot"):
        vecozo.lees_indiening(_met_data(bom))
    kleine_bom = _zip(("bom.xml", b"<a>" + b" " * (5 * 1024 * 1024) + b"</a>"))
    with pytest.raises(vecozo.VecozoFout, match="zip-bom"):
        vecozo.lees_indiening(_met_data(kleine_bom))


@pytest.mark.parametrize(
    ("zipdata", "melding"),
    [
        (_zip(("a.xml", b"<a/>"), ("b.xml", b"<b/>")), "precies één bestand"),
        (_zip(), "precies één bestand"),
        (b"PK\x03\x04 dit is geen zip", "geen geldig ZIP"),
    ],
)
def test_ongeldige_zip(zipdata, melding):
    with pytest.raises(vecozo.VecozoFout, match=melding):
        vecozo.lees_indiening(_met_data(zipdata))


def test_kapotte_envelop_geeft_nederlandse_fouten():
    with pytest.raises(vecozo.VecozoFout, match="DOCTYPE"):
        vecozo.lees_indiening(b'<!DOCTYPE x [<!ENTITY e "x">]><x>&e;</x>')
    with pytest.raises(vecozo.VecozoFout, match="Geen SOAP"):
        vecozo.lees_indiening(b"<x/>")
    zonder_afzender = VOORBEELD.read_bytes().replace(b"<ns3:Code>22227338</ns3:Code>", b"")
    with pytest.raises(vecozo.VecozoFout, match="Code"):
        vecozo.lees_indiening(zonder_afzender)
    root = etree.fromstring(VOORBEELD.read_bytes())
    root.find(f".//{{{vecozo.NS_MSG}}}Data").text = "@@@"
    with pytest.raises(vecozo.VecozoFout, match="geen geldige base64"):
        vecozo.lees_indiening(etree.tostring(root))


# --- options --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        ({"url": "https://vecozo.test/", "agb_code": "0344"}, "AGB-code"),
        ({"url": "vecozo", "agb_code": "22227338"}, "http"),
        ({"url": "https://vecozo.test/", "agb_code": "22227338", "timeout": -1}, "timeout"),
        ({"url": "https://vecozo.test/", "agb_code": "22227338", "key": __file__}, "'key'"),
        ({"url": "https://vecozo.test/", "agb_code": "22227338", "acties": {"x": "y"}}, "acties"),
    ],
)
def test_ongeldige_opties(opties, melding):
    with pytest.raises(OptieFout, match=melding):
        maak_transport("vecozo", opties)


def test_afzender_moet_de_eigen_agb_code_zijn():
    transport = maak_transport("vecozo", {"url": "https://vecozo.test/", "agb_code": "22227338"})
    assert list(transport.haal_op()) == []
    with pytest.raises(vecozo.VecozoFout, match="niet de AGB-code 22227338"):
        transport.bouw(_jw315(afzender="11111111"))
