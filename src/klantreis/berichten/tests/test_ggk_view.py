"""``POST /ggk/``: the GGk pushes Di01/Du01 envelopes; the view hands the unwrapped XML to the
exchange (a fake receiver here, via ``ggk_views.ONTVANGER``) and answers Bv03 or Fo03.

Every request presents the test GGk's certificate subject in the header the test settings
trust (``KLANTREIS_INKOMEND``); test_ggk_inkomend.py tests who else may post."""

import logging
from pathlib import Path

import pytest
from django.test import Client

from klantreis.berichten import ggk_views
from klantreis.berichten.transports import Uitgaand, ggk

#: the shared material beside the checkout, or the machine's /work/shared (a worktree)
SHARED = (
    next(
        (
            p
            for p in (Path(__file__).resolve().parents[4].parent / "shared", Path("/work/shared"))
            if p.exists()
        ),
        Path("/work/shared"),
    )
    / "istandaarden"
)
GGK_MAP = SHARED / "ggk" / "ggk0310_v2.1.03"
VOORBEELD_DI01 = GGK_MAP / "voorbeeldberichten" / "envelopHeenbericht-ggk_Di01_v21.xml"
VOORBEELD_DU01 = GGK_MAP / "ggk0310_21" / "ggkberichten" / "ggk_Du01.xml"
JW315 = SHARED / "ijw" / "3.2" / "examples" / "JW315.xml"

pytestmark = [
    pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt"),
    pytest.mark.django_db,
]

#: the test GGk's certificate, as the TLS terminator passes it (settings/test.py)
GGK_CERT = {
    "HTTP_X_SSL_CLIENT_S_DN": "CN=ggk.test,O=VNG Realisatie",
    "HTTP_X_SSL_CLIENT_VERIFY": "SUCCESS",
}


class NepOntvanger:
    def __init__(self, fout: Exception | None = None):
        self.aanroepen = []
        self.fout = fout

    def __call__(self, data, **kw):
        self.aanroepen.append((data, kw))
        if self.fout:
            raise self.fout
        return object()


@pytest.fixture(autouse=True)
def gemeente_0384():
    """The gemeente of the JW315 example is served here; the rate counters start at 0."""
    from django.core.cache import cache

    from klantreis.tests.factories import GemeenteFactory

    cache.clear()
    return GemeenteFactory(code="0384", naam="Brakel")


@pytest.fixture
def ontvanger(monkeypatch):
    nep = NepOntvanger()
    monkeypatch.setattr(ggk_views, "ONTVANGER", nep)
    return nep


def _post(data: bytes, content_type="text/xml; charset=utf-8", cert=GGK_CERT, **extra):
    # enforce_csrf_checks: the GGk has no CSRF token, the view must not need one
    return Client(enforce_csrf_checks=True).post(
        "/ggk/", data=data, content_type=content_type, **cert, **extra
    )


def _di01_jw315(
    *, soap: bool = True, inhoud: bytes | None = None, afzender="42420001", ontvanger="0384"
) -> bytes:
    uit = Uitgaand(
        inhoud=JW315.read_bytes() if inhoud is None else inhoud,
        bestandsnaam="JW315_42420001.xml",
        functie="JW315",
        afzender=afzender,
        ontvanger=ontvanger,
        identificatie="AB12",
    )
    di01 = ggk.bouw_di01(uit, applicatie="GGk", referentienummer="ref-315")
    return ggk.soap_envelop(di01) if soap else di01


def test_di01_in_soap_gaat_naar_de_uitwisseling_en_krijgt_een_bv03(ontvanger):
    antwoord = _post(_di01_jw315())
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/xml")
    assert b"soap:Envelope" in antwoord.content
    bv03 = ggk.lees_antwoord(antwoord.content)
    assert bv03.goed and bv03.berichtcode == "Bv03"
    assert bv03.cross_refnummer == "ref-315"
    [(data, kw)] = ontvanger.aanroepen
    assert data == JW315.read_bytes()
    assert kw == {
        "transport": "ggk",
        "bestandsnaam": "JW315_42420001.xml",
        "kanaal_referentie": "ref-315",
        "eigenaar": "0384",
    }


def test_kale_di01_krijgt_een_kale_bv03(ontvanger):
    antwoord = _post(_di01_jw315(soap=False))
    assert antwoord.status_code == 200
    assert antwoord.content.lstrip().startswith(b"<?xml") and b"Envelope" not in antwoord.content
    assert ggk.lees_antwoord(antwoord.content).cross_refnummer == "ref-315"
    [(data, kw)] = ontvanger.aanroepen
    assert data == JW315.read_bytes() and kw["eigenaar"] == "0384"


@pytest.mark.parametrize(
    "voorbeeld, referentie",
    [
        (VOORBEELD_DI01, "9c0f7b90-5c69-11e5-a837-0800200c9a66"),
        (VOORBEELD_DU01, "b6e9f182-bc44-4f27-9863-9a5ccc1e1cf0"),
    ],
)
def test_vng_voorbeelden_met_tekst_in_plaats_van_een_bericht_gaan_in_quarantaine(
    ontvanger, voorbeeld, referentie
):
    """VNG's examples carry plain text ("Hier staat het heenbericht"): no Afzender to bind
    to the sender, so nothing goes to the exchange; what arrived is kept."""
    from klantreis.berichten.models import Quarantaine

    antwoord = _post(voorbeeld.read_bytes(), content_type="application/xml")
    assert antwoord.status_code == 403
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert (fo03.berichtcode, fo03.code, fo03.plek) == ("Fo03", "StUF055", "client")
    assert fo03.cross_refnummer == referentie
    assert "niet te lezen" in fo03.omschrijving
    assert ontvanger.aanroepen == []
    rij = Quarantaine.objects.get()
    assert (rij.kanaal, rij.reden_code, rij.kanaal_referentie) == ("ggk", "onleesbaar", referentie)
    assert bytes(rij.inhoud) == voorbeeld.read_bytes()
    assert rij.peer == "GGk (test)"


def test_onleesbare_envelop_krijgt_fo03_in_soap_fault_en_wordt_gelogd(ontvanger, caplog):
    with caplog.at_level(logging.WARNING, logger="klantreis.berichten.ggk_views"):
        antwoord = _post(b"dit is geen xml maar wel een lang verhaal " * 200)
    assert antwoord.status_code == 500  # SOAP 1.1: a fault travels with HTTP 500
    assert b"<faultcode>soap:Client</faultcode>" in antwoord.content
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert (fo03.berichtcode, fo03.code, fo03.plek) == ("Fo03", "StUF055", "client")
    assert "geen goed gevormde XML" in fo03.omschrijving
    assert ontvanger.aanroepen == []
    [record] = [r for r in caplog.records if "onleesbare envelop" in r.getMessage()]
    assert record.levelno == logging.WARNING
    assert "dit is geen xml" in record.getMessage()
    assert len(record.getMessage()) < ggk_views.LOG_MAX + 500  # truncated
    from klantreis.berichten.models import Quarantaine

    assert Quarantaine.objects.get().reden_code == "onleesbaar"


def test_schema_ongeldige_kale_envelop_krijgt_kale_fo03_met_crossref(ontvanger):
    data = VOORBEELD_DI01.read_bytes().replace(b"<StUF:functie>WMO301</StUF:functie>", b"")
    antwoord = _post(data)
    assert antwoord.status_code == 400
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert fo03.berichtcode == "Fo03" and "GGk-schema" in fo03.omschrijving
    assert fo03.cross_refnummer == "9c0f7b90-5c69-11e5-a837-0800200c9a66"
    assert ontvanger.aanroepen == []


def test_geen_ggk_envelop_krijgt_stuf022(ontvanger):
    antwoord = _post(ggk.soap_envelop(b"<Bericht/>"))
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert (antwoord.status_code, fo03.code) == (500, "StUF022")


def test_opslaan_mislukt_geeft_fo03_server_zodat_het_ggk_het_opnieuw_aanbiedt(monkeypatch, caplog):
    nep = NepOntvanger(fout=RuntimeError("database weg"))
    monkeypatch.setattr(ggk_views, "ONTVANGER", nep)
    with caplog.at_level(logging.ERROR, logger="klantreis.berichten.ggk_views"):
        antwoord = _post(_di01_jw315())
    assert antwoord.status_code == 500
    assert b"<faultcode>soap:Server</faultcode>" in antwoord.content
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert (fo03.code, fo03.plek, fo03.cross_refnummer) == ("StUF046", "server", "ref-315")
    assert len(nep.aanroepen) == 1
    assert any("niet opgeslagen" in r.getMessage() for r in caplog.records)


def test_verkeerd_content_type_en_methode(ontvanger):
    antwoord = _post(VOORBEELD_DI01.read_bytes(), content_type="application/json")
    assert antwoord.status_code == 415
    assert "niet ondersteund" in ggk.lees_antwoord(antwoord.content).omschrijving
    assert Client().get("/ggk/", **GGK_CERT).status_code == 405
    assert ontvanger.aanroepen == []


def test_te_groot_wordt_geweigerd_zonder_te_lezen(ontvanger):
    antwoord = _post(VOORBEELD_DI01.read_bytes(), CONTENT_LENGTH=str(ggk.MAX_ENVELOP + 1))
    assert antwoord.status_code == 413
    assert "te groot" in ggk.lees_antwoord(antwoord.content).omschrijving
    assert ontvanger.aanroepen == []


def test_envelop_groter_dan_djangos_geheugengrens_komt_door(ontvanger, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024  # Django's default is 2.5 MB
    data = _di01_jw315()
    assert len(data) > 1024
    antwoord = _post(data)
    assert antwoord.status_code == 200
    assert ontvanger.aanroepen[0][0] == JW315.read_bytes()
