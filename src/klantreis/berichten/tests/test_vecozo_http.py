"""``VecozoTransport.verzend`` over real HTTP against a fake VECOZO on 127.0.0.1."""

import threading
import time
from pathlib import Path

import pytest

from klantreis.berichten.tests.test_ggk_http import NepGgk
from klantreis.berichten.transports import TransportFout, Uitgaand, maak_transport, vecozo

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "istandaarden"
JW315 = SHARED / "ijw" / "3.2" / "examples" / "JW315.xml"

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt")

ANTWOORD = """<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
<IndienenBerichtResponse xmlns="http://schemas.vecozo.nl/berichtuitwisseling/v3">
<IndienenBerichtResult>
<ConversatieId xmlns="http://schemas.vecozo.nl/berichtuitwisseling/messages/v3">{c}</ConversatieId>
<TraceerId xmlns="http://schemas.vecozo.nl/berichtuitwisseling/messages/v3">{t}</TraceerId>
</IndienenBerichtResult></IndienenBerichtResponse></s:Body></s:Envelope>"""

FAULT = b"""<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><s:Fault>
<faultcode>s:Client</faultcode><faultstring>Geadresseerde onbekend</faultstring>
</s:Fault></s:Body></s:Envelope>"""


def _neem_aan(body: bytes) -> tuple[int, bytes]:
    indiening = vecozo.lees_indiening(body)
    return 200, ANTWOORD.format(c=indiening.conversatie_id, t="traceer-1").encode()


@pytest.fixture
def nep_vecozo():
    nep = NepGgk()
    nep.antwoord = _neem_aan
    draad = threading.Thread(target=nep.server.serve_forever, daemon=True)
    draad.start()
    yield nep
    nep.server.shutdown()
    nep.server.server_close()


def _transport(url, **kw):
    return maak_transport("vecozo", {"url": url, "agb_code": "22227338", "timeout": 5, **kw})


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


def test_verzend_dient_het_bericht_in_en_geeft_de_conversatie_terug(nep_vecozo):
    kenmerk = _transport(nep_vecozo.url).verzend(_jw315())
    [(pad, headers, body)] = nep_vecozo.verzoeken
    assert pad == "/ggk/ontvang"  # the fake's path; VECOZO's own is configuration
    assert headers.get("SOAPAction") == f'"{vecozo.SOAP_ACTION}"'
    assert headers.get("Content-Type") == "text/xml; charset=utf-8"
    indiening = vecozo.lees_indiening(body)
    assert indiening.inhoud == JW315.read_bytes()
    assert (indiening.afzender, indiening.geadresseerde) == ("22227338", "0344")
    assert kenmerk == indiening.conversatie_id


def test_retour_gebruikt_de_conversatie_van_de_heen(nep_vecozo):
    kenmerk = _transport(nep_vecozo.url, soap_action="urn:test").verzend(
        _jw315(referentie_heen="conv-heen")
    )
    [(_, headers, body)] = nep_vecozo.verzoeken
    assert headers.get("SOAPAction") == '"urn:test"'
    assert vecozo.lees_indiening(body).conversatie_id == "conv-heen"
    assert kenmerk == "conv-heen"


@pytest.mark.parametrize(
    ("status", "inhoud", "melding"),
    [
        (500, FAULT, "VECOZO weigerde het bericht: Geadresseerde onbekend"),
        (500, b"", "HTTP 500"),
        (502, b"bad gateway", "HTTP 502"),
        (200, b"<geen-soap/>", "Onverwacht antwoord"),
    ],
)
def test_fouten_worden_transportfouten(nep_vecozo, status, inhoud, melding):
    nep_vecozo.antwoord = lambda body: (status, inhoud)
    with pytest.raises(TransportFout, match=melding):
        _transport(nep_vecozo.url).verzend(_jw315())


def test_time_out_wordt_een_transportfout(nep_vecozo):
    nep_vecozo.vertraging = 1.5
    begin = time.monotonic()
    with pytest.raises(TransportFout, match="VECOZO antwoordde niet binnen"):
        _transport(nep_vecozo.url, timeout=0.3).verzend(_jw315())
    assert time.monotonic() - begin < 1.4
