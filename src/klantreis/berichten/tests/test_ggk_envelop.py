"""The StUF-GGk envelope: reading VNG's example envelopes, building Di01/Du01 that validate
against the GGk XSD, round trips, hardened parsing and the Bv03/Fo03 answers."""

import base64
import hashlib
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from klantreis.berichten.transports import OptieFout, Uitgaand, ggk, maak_transport

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "istandaarden"
GGK_MAP = SHARED / "ggk" / "ggk0310_v2.1.03"
VOORBEELD_DI01 = GGK_MAP / "voorbeeldberichten" / "envelopHeenbericht-ggk_Di01_v21.xml"
VOORBEELD_DU01 = GGK_MAP / "ggk0310_21" / "ggkberichten" / "ggk_Du01.xml"
VOORBEELD_DU01_KAPOT = GGK_MAP / "voorbeeldberichten" / "envelopRetourbericht-ggk_Du01-v21.xml"
WMO301 = SHARED / "iwmo" / "3.2" / "examples" / "WMO301.xml"
JW302 = SHARED / "ijw" / "3.2" / "examples" / "JW302.xml"

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt")

NS = {"GGK": ggk.NS_GGK, "StUF": ggk.NS_STUF, "xmime": ggk.NS_XMIME}


def _uitgaand(**kw):
    data = dict(
        inhoud=WMO301.read_bytes(),
        bestandsnaam="WMO301_123456789012.xml",
        functie="WMO301",
        afzender="0384",
        ontvanger="42420001",
        identificatie="123456789012",
    )
    data.update(kw)
    return Uitgaand(**data)


def _xpath(xml: bytes, pad: str) -> str:
    return etree.fromstring(xml).xpath(f"string({pad})", namespaces=NS)


# --- the published examples -----------------------------------------------------------------


def test_voorbeeld_di01_van_vng_wordt_gelezen():
    envelop = ggk.lees_envelop(VOORBEELD_DI01.read_bytes())
    assert envelop.berichtcode == "Di01"
    assert envelop.zender == ggk.Systeem("0548", "Wmo Applicatie")
    assert envelop.ontvanger == ggk.Systeem("CAK", "GGk")
    assert envelop.referentienummer == "9c0f7b90-5c69-11e5-a837-0800200c9a66"
    assert envelop.functie == "WMO301"
    assert envelop.referentienummer_bericht == "123456789012"
    # VNG's example carries a short text instead of a real WMO301
    assert envelop.inhoud == b"Hier staat het heenbericht"
    ontvangen = ggk.lees_di01(VOORBEELD_DI01.read_bytes())
    assert ontvangen.bestandsnaam == "WMO301.txt"
    assert ontvangen.kanaal_referentie == "9c0f7b90-5c69-11e5-a837-0800200c9a66"
    assert ontvangen.afzender == "0548"


def test_voorbeeld_du01_verwijst_naar_de_di01():
    envelop = ggk.lees_envelop(VOORBEELD_DU01.read_bytes())
    assert envelop.berichtcode == "Du01"
    assert envelop.functie == "WMO302"
    assert envelop.cross_refnummer == ggk.lees_di01(VOORBEELD_DI01.read_bytes()).kanaal_referentie
    assert envelop.cross_refnummer_bericht == "123456789012"
    assert ggk.lees_du01(VOORBEELD_DU01.read_bytes()).inhoud == b"Hier staat het retourbericht"


def test_het_misvormde_voorbeeld_geeft_een_nederlandse_fout():
    with pytest.raises(ggk.GgkFout, match="geen goed gevormde XML"):
        ggk.lees_envelop(VOORBEELD_DU01_KAPOT.read_bytes())


def test_di01_waar_du01_verwacht_wordt_is_een_fout():
    with pytest.raises(ggk.GgkFout, match="Verwacht Du01, ontvangen Di01") as fout:
        ggk.lees_du01(VOORBEELD_DI01.read_bytes())
    assert fout.value.code == "StUF022"


def test_meegeleverde_xsds_zijn_gelijk_aan_de_bron():
    eigen = Path(ggk.__file__).with_name("xsd") / "ggk"
    bestanden = sorted(p.relative_to(eigen) for p in eigen.rglob("*.xsd"))
    assert len(bestanden) == 5
    for rel in bestanden:
        assert (
            hashlib.sha256((eigen / rel).read_bytes()).digest()
            == hashlib.sha256((GGK_MAP / rel).read_bytes()).digest()
        ), rel


# --- building -------------------------------------------------------------------------------


def test_di01_uit_een_wmo301_is_geldig_volgens_het_ggk_schema():
    moment = datetime(2026, 3, 2, 9, 30, 15, tzinfo=UTC)
    di01 = ggk.bouw_di01(_uitgaand(), moment=moment)
    # validated independently against the schemas in shared/, not the packaged copy
    schema = etree.XMLSchema(
        etree.parse(str(GGK_MAP / "ggk0310_21" / "ggkberichten" / "ggk0310_msg.xsd"))
    )
    assert schema.validate(etree.fromstring(di01)), schema.error_log
    assert etree.fromstring(di01).tag == f"{{{ggk.NS_GGK}}}envelopHeenbericht-ggk_Di01"
    s = "/GGK:envelopHeenbericht-ggk_Di01/GGK:stuurgegevens/StUF:"
    assert _xpath(di01, s + "berichtcode") == "Di01"
    assert _xpath(di01, s + "zender/StUF:organisatie") == "0384"
    assert _xpath(di01, s + "zender/StUF:applicatie") == "klantreis"
    assert _xpath(di01, s + "ontvanger/StUF:organisatie") == "42420001"
    assert _xpath(di01, s + "ontvanger/StUF:applicatie") == "GGk"
    assert uuid.UUID(_xpath(di01, s + "referentienummer"))
    assert _xpath(di01, s + "tijdstipBericht") == "20260302103015"  # Amsterdam, UTC+1
    assert _xpath(di01, s + "functie") == "WMO301"
    p = "/GGK:envelopHeenbericht-ggk_Di01/GGK:parameters/GGK:"
    assert _xpath(di01, p + "referentienummerBericht") == "123456789012"
    assert _xpath(di01, p + "functieVersie") == "0003"
    assert _xpath(di01, p + "functieSubversie") == "0002"
    assert _xpath(di01, p + "bericht/@StUF:bestandsnaam") == "WMO301_123456789012.xml"
    assert _xpath(di01, p + "bericht/@xmime:contentType") == "application/xml"
    assert base64.b64decode(_xpath(di01, p + "bericht")) == WMO301.read_bytes()


def test_di01_heen_en_terug():
    uit = _uitgaand()
    di01 = ggk.bouw_di01(uit, referentienummer="ref-1")
    ontvangen = ggk.lees_di01(di01)
    assert ontvangen.inhoud == uit.inhoud
    assert ontvangen.bestandsnaam == uit.bestandsnaam
    assert ontvangen.kanaal_referentie == "ref-1"
    assert ontvangen.afzender == "0384"


def test_du01_voor_een_retour_draagt_de_referentie_van_de_heen():
    retour = _uitgaand(
        inhoud=JW302.read_bytes(),
        bestandsnaam="JW302.xml",
        functie="JW302",
        afzender="42420001",
        ontvanger="0384",
        identificatie="R1",
        referentie_heen="9c0f7b90-5c69-11e5-a837-0800200c9a66",
    )
    du01 = ggk.bouw_du01(retour, cross_refnummer_bericht="123456789012")
    envelop = ggk.lees_envelop(du01)
    assert envelop.berichtcode == "Du01"
    assert envelop.cross_refnummer == "9c0f7b90-5c69-11e5-a837-0800200c9a66"
    assert envelop.cross_refnummer_bericht == "123456789012"
    assert envelop.functie == "JW302"
    assert envelop.inhoud == JW302.read_bytes()
    with pytest.raises(ggk.GgkFout, match="referentienummer van de Di01"):
        ggk.bouw_du01(_uitgaand())


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"identificatie": "1234567890123"}, "1 tot 12 tekens"),
        ({"identificatie": ""}, "1 tot 12 tekens"),
        ({"functie": "Di01"}, "Onbekende functie"),
        ({"ontvanger": "aanbieder"}, "geen gemeentecode, AGB-code"),
        ({"inhoud": b"geen xml"}, "BerichtVersie"),
    ],
)
def test_onbouwbare_envelop_geeft_een_nederlandse_fout(wijziging, melding):
    with pytest.raises(ggk.GgkFout, match=melding):
        ggk.bouw_di01(_uitgaand(**wijziging))


# --- hardened reading -----------------------------------------------------------------------


def _envelop_met(oud: bytes, nieuw: bytes) -> bytes:
    data = VOORBEELD_DI01.read_bytes()
    assert oud in data
    return data.replace(oud, nieuw)


def test_entiteiten_en_doctype_worden_geweigerd(tmp_path):
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{geheim}">]><x>&e;</x>'
    ).encode()
    lach = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "hahahahahahaha">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<l>&c;</l>"
    )
    for data in (xxe, lach):
        with pytest.raises(ggk.GgkFout, match="DOCTYPE") as fout:
            ggk.lees_envelop(data)
        assert "GEHEIM" not in str(fout.value)


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        (b"", "leeg"),
        (b"niet eens xml", "geen goed gevormde XML"),
        (b"<a><b></a>", "geen goed gevormde XML"),
        (b"<Bericht/>", "Geen GGk-envelop"),
    ],
)
def test_onleesbare_invoer_geeft_een_nederlandse_fout(data, melding):
    with pytest.raises(ggk.GgkFout, match=melding):
        ggk.lees_envelop(data)


def test_schemafout_ongeldige_base64_en_lege_inhoud_worden_geweigerd():
    zonder_functie = _envelop_met(b"<StUF:functie>WMO301</StUF:functie>", b"")
    with pytest.raises(ggk.GgkFout, match="GGk-schema"):
        ggk.lees_envelop(zonder_functie)
    with pytest.raises(ggk.GgkFout, match="geen geldige base64"):
        ggk.lees_envelop(_envelop_met(b"SGllciBzdGFhdCBoZXQgaGVlbmJlcmljaHQ=", b"@@@@"))
    with pytest.raises(ggk.GgkFout, match="leeg"):
        ggk.lees_envelop(_envelop_met(b"SGllciBzdGFhdCBoZXQgaGVlbmJlcmljaHQ=", b""))


def test_te_grote_envelop_wordt_niet_geparst(monkeypatch):
    data = VOORBEELD_DI01.read_bytes()
    with pytest.raises(ggk.GgkFout, match="te groot"):
        ggk.veilig_parsen(data, max_grootte=len(data) - 1)
    monkeypatch.setattr(ggk, "MAX_BERICHT", 10)
    with pytest.raises(ggk.GgkFout, match="te groot"):
        ggk.lees_envelop(data)  # decoded payload is 26 bytes


def test_envelop_in_soap_wordt_ook_gelezen():
    data = ggk.soap_envelop(VOORBEELD_DI01.read_bytes())
    assert ggk.lees_di01(data).inhoud == b"Hier staat het heenbericht"


def test_groot_bericht_past_ondanks_de_libxml2_tekstgrens():
    # one base64 text node of ~14 MB, above libxml2's 10 MB default
    inhoud = WMO301.read_bytes().replace(
        b"</wmo301:Bericht>", b"<!--" + b"x" * 10_500_000 + b"--></wmo301:Bericht>"
    )
    ontvangen = ggk.lees_di01(ggk.bouw_di01(_uitgaand(inhoud=inhoud)))
    assert ontvangen.inhoud == inhoud


# --- synchronous answers --------------------------------------------------------------------


def test_bv03_bevestigt_het_referentienummer_en_is_geldig():
    envelop = ggk.lees_envelop(VOORBEELD_DI01.read_bytes())
    bv03 = ggk.bouw_bv03(envelop)
    assert _xpath(bv03, "/StUF:Bv03Bericht/StUF:stuurgegevens/StUF:crossRefnummer") == (
        envelop.referentienummer
    )
    assert _xpath(bv03, "//StUF:zender/StUF:organisatie") == "CAK"
    assert _xpath(bv03, "//StUF:ontvanger/StUF:organisatie") == "0548"
    antwoord = ggk.lees_antwoord(ggk.soap_envelop(bv03))
    assert antwoord.goed
    assert antwoord.cross_refnummer == envelop.referentienummer


def test_fo03_in_een_soap_fault_wordt_gelezen():
    fo03 = ggk.bouw_fo03("Envelop onleesbaar", code="StUF055", cross_refnummer="abc")
    antwoord = ggk.lees_antwoord(ggk.soap_envelop(fo03, fout=("Client", "Envelop onleesbaar")))
    assert not antwoord.goed
    assert (antwoord.berichtcode, antwoord.code, antwoord.plek) == ("Fo03", "StUF055", "client")
    assert antwoord.omschrijving == "Envelop onleesbaar"
    assert antwoord.cross_refnummer == "abc"


def test_ander_antwoord_dan_bv_of_fo_is_een_fout():
    with pytest.raises(ggk.GgkFout, match="Onverwacht antwoord"):
        ggk.lees_antwoord(VOORBEELD_DI01.read_bytes())


# --- options --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opties", "melding"),
    [
        ({"url": "ftp://x", "gemeentecode": "0797"}, "http"),
        ({"url": "https://ggk.test/", "gemeentecode": "797"}, "gemeentecode"),
        ({"url": "https://ggk.test/", "gemeentecode": "0797", "timeout": 0}, "timeout"),
        ({"url": "https://ggk.test/", "gemeentecode": "0797", "timeout": "snel"}, "timeout"),
        ({"url": "https://ggk.test/", "gemeentecode": "0797", "applicatie": "ab"}, "3 tot 50"),
        ({"url": "https://ggk.test/", "gemeentecode": "0797", "cert": "/nergens.pem"}, "bestaat"),
        ({"url": "http://ggk.test/", "gemeentecode": "0797", "ca": __file__}, "https"),
        (
            {"url": "https://ggk.test/", "gemeentecode": "0797", "applicatie_versie": "1"},
            "4 cijfers",
        ),
    ],
)
def test_ongeldige_opties(opties, melding):
    with pytest.raises(OptieFout, match=melding):
        maak_transport("ggk", opties)


def test_geldige_opties_en_geen_ophalen():
    transport = maak_transport("ggk", {"url": "https://ggk.test/ontvang", "gemeentecode": "0797"})
    assert transport.naam == "ggk"
    assert transport.timeout == 30
    assert list(transport.haal_op()) == []
    assert re.fullmatch(r"https://.*", transport.url)


def test_bestandsnaam_uit_de_envelop_wordt_onschadelijk_gemaakt():
    data = _envelop_met(b'StUF:bestandsnaam="WMO301.txt"', b'StUF:bestandsnaam="../../etc/a b.xml"')
    assert ggk.lees_di01(data).bestandsnaam == "a_b.xml"
    zonder = _envelop_met(b'StUF:bestandsnaam="WMO301.txt" ', b"")
    assert ggk.lees_di01(zonder).bestandsnaam == "WMO301_9c0f7b90-5c69-11e5-a837-0800200c9a66.xml"


def test_fo03_kan_elke_tekst_dragen():
    fo03 = ggk.bouw_fo03("Content-Type a\x00b\x1fc niet ondersteund", details="\ud800x")
    antwoord = ggk.lees_antwoord(fo03)
    assert antwoord.omschrijving == "Content-Type a?b?c niet ondersteund"
