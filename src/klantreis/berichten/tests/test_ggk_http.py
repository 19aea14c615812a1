"""``GgkTransport.verzend`` over real HTTP against a fake GGk on 127.0.0.1 (random port)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from klantreis.berichten.transports import TransportFout, Uitgaand, ggk, maak_transport

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "istandaarden"
WMO301 = SHARED / "iwmo" / "3.2" / "examples" / "WMO301.xml"
JW302 = SHARED / "ijw" / "3.2" / "examples" / "JW302.xml"

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt")


class NepGgk:
    """Records each request; ``antwoord(body) -> (status, bytes)`` decides the answer."""

    def __init__(self):
        self.verzoeken: list = []
        self.antwoord = self.bevestig
        self.vertraging = 0.0
        nep = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                nep.verzoeken.append((self.path, self.headers, body))
                if nep.vertraging:
                    time.sleep(nep.vertraging)
                status, inhoud = nep.antwoord(body)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "text/xml; charset=utf-8")
                    self.send_header("Content-Length", str(len(inhoud)))
                    self.end_headers()
                    self.wfile.write(inhoud)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (time-out test)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/ggk/ontvang"

    @staticmethod
    def bevestig(body: bytes) -> tuple[int, bytes]:
        envelop = ggk.lees_envelop(body)
        return 200, ggk.soap_envelop(ggk.bouw_bv03(envelop, applicatie="GGk"))


@pytest.fixture
def nep_ggk():
    nep = NepGgk()
    draad = threading.Thread(target=nep.server.serve_forever, daemon=True)
    draad.start()
    yield nep
    nep.server.shutdown()
    nep.server.server_close()


def _transport(url, **kw):
    return maak_transport("ggk", {"url": url, "gemeentecode": "0384", "timeout": 5, **kw})


def _wmo301(**kw):
    data = dict(
        inhoud=WMO301.read_bytes(),
        bestandsnaam="WMO301.xml",
        functie="WMO301",
        afzender="0384",
        ontvanger="42420001",
        identificatie="123456789012",
    )
    data.update(kw)
    return Uitgaand(**data)


def test_verzend_post_een_di01_in_soap_en_accepteert_de_bv03(nep_ggk):
    kenmerk = _transport(nep_ggk.url).verzend(_wmo301())
    [(pad, headers, body)] = nep_ggk.verzoeken
    assert pad == "/ggk/ontvang"
    assert headers.get("Content-Type") == "text/xml; charset=utf-8"
    assert headers.get("SOAPAction") == f'"{ggk.NS_GGK}/envelopHeenbericht-ggk_Di01"'
    assert body.startswith(b"<?xml") and b"<soap:Envelope" in body
    envelop = ggk.lees_envelop(body)
    assert envelop.berichtcode == "Di01"
    assert envelop.referentienummer == kenmerk
    assert envelop.zender.organisatie == "0384"
    assert envelop.ontvanger.organisatie == "42420001"
    assert envelop.inhoud == WMO301.read_bytes()


def test_retour_gaat_als_du01_met_crossrefnummer(nep_ggk):
    retour = _wmo301(
        inhoud=JW302.read_bytes(),
        functie="JW302",
        bestandsnaam="JW302.xml",
        identificatie="R1",
        referentie_heen="heen-ref-1",
    )
    kenmerk = _transport(nep_ggk.url, soap=False).verzend(retour)
    [(_, headers, body)] = nep_ggk.verzoeken
    assert headers.get("SOAPAction") == f'"{ggk.NS_GGK}/envelopRetourbericht-ggk_Du01"'
    assert body.startswith(b"<?xml") and b"soap:Envelope" not in body  # soap=False: bare
    envelop = ggk.lees_envelop(body)
    assert (envelop.berichtcode, envelop.cross_refnummer) == ("Du01", "heen-ref-1")
    assert envelop.referentienummer == kenmerk


def test_fo03_van_het_ggk_wordt_een_transportfout(nep_ggk):
    def weiger(body):
        envelop = ggk.lees_envelop(body)
        fo03 = ggk.bouw_fo03(
            "Ontvanger onbekend", code="StUF010", cross_refnummer=envelop.referentienummer
        )
        return 500, ggk.soap_envelop(fo03, fout=("Client", "Ontvanger onbekend"))

    nep_ggk.antwoord = weiger
    with pytest.raises(TransportFout, match=r"weigerde.*StUF010.*Ontvanger onbekend"):
        _transport(nep_ggk.url).verzend(_wmo301())


def test_bevestiging_van_een_ander_referentienummer_is_een_fout(nep_ggk):
    def verkeerd(body):
        envelop = ggk.lees_envelop(body)
        anders = ggk.Envelop(**{**envelop.__dict__, "referentienummer": "iets-anders"})
        return 200, ggk.bouw_bv03(anders)

    nep_ggk.antwoord = verkeerd
    with pytest.raises(TransportFout, match="bevestigde referentienummer 'iets-anders'"):
        _transport(nep_ggk.url).verzend(_wmo301())


@pytest.mark.parametrize(
    ("status", "inhoud", "melding"),
    [
        (500, b"", "HTTP 500"),
        (500, b"Internal Server Error", "Onleesbaar antwoord van het GGk"),
        (503, b"onderhoud", "HTTP 503"),
        (404, b"", "HTTP 404"),
        (200, b"<ok/>", "Onverwacht antwoord"),
    ],
)
def test_http_fouten_worden_transportfouten(nep_ggk, status, inhoud, melding):
    nep_ggk.antwoord = lambda body: (status, inhoud)
    with pytest.raises(TransportFout, match=melding):
        _transport(nep_ggk.url).verzend(_wmo301())


def test_time_out_wordt_een_transportfout(nep_ggk):
    nep_ggk.vertraging = 1.5
    begin = time.monotonic()
    with pytest.raises(TransportFout, match=r"niet binnen 0\.3 seconden"):
        _transport(nep_ggk.url, timeout=0.3).verzend(_wmo301())
    assert time.monotonic() - begin < 1.4


def test_onbereikbaar_ggk_is_een_transportfout(nep_ggk):
    url = nep_ggk.url
    nep_ggk.server.shutdown()
    nep_ggk.server.server_close()
    with pytest.raises(TransportFout, match="niet bereikbaar"):
        _transport(url).verzend(_wmo301())


def test_onbouwbaar_bericht_wordt_niet_verstuurd(nep_ggk):
    with pytest.raises(TransportFout, match="niet de gemeente 0384"):
        _transport(nep_ggk.url).verzend(_wmo301(afzender="0797"))
    with pytest.raises(TransportFout, match="1 tot 12 tekens"):
        _transport(nep_ggk.url).verzend(_wmo301(identificatie="1234567890123"))
    assert nep_ggk.verzoeken == []
