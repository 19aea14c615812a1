"""Who may post to ``/ggk/`` and what (the outside review of 2026-12-05, docs/security.md
"Inkomende kanalen"): a certificate identity mapped to a party, the envelope's zender and
the message's Afzender bound to it, an Ontvanger served here, limits per sender. Whatever is
refused gets a Fo03 and is kept in quarantine; nothing reaches the exchange."""

import base64
import hashlib

import pytest

from klantreis.berichten import ggk_views
from klantreis.berichten.models import Bericht, Quarantaine
from klantreis.berichten.transports import ggk
from klantreis.tests.factories import AanbiederFactory

from .test_ggk_view import (  # noqa: F401  (gemeente_0384: the autouse fixture)
    GGK_CERT,
    JW315,
    NepOntvanger,
    _di01_jw315,
    _post,
    gemeente_0384,
    pytestmark,
)

ZORG_OOST = {  # a provider with a certificate of its own (settings/test.py): only 42420001
    "HTTP_X_SSL_CLIENT_S_DN": "CN=aanbieder.test, O=Zorg Oost",
    "HTTP_X_SSL_CLIENT_VERIFY": "SUCCESS",
}


@pytest.fixture
def ontvanger(monkeypatch):
    nep = NepOntvanger()
    monkeypatch.setattr(ggk_views, "ONTVANGER", nep)
    return nep


def _geweigerd(antwoord, code: str, status: int = 403):
    assert antwoord.status_code in (status, 500)  # 500: a SOAP fault
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert (fo03.berichtcode, fo03.code, fo03.plek) == ("Fo03", code, "client")
    return fo03


# --- authentication ------------------------------------------------------------------------


def test_zonder_certificaat_geweigerd_en_in_quarantaine_zonder_te_parsen(ontvanger):
    body = _di01_jw315()
    antwoord = _post(body, cert={}, REMOTE_ADDR="203.0.113.9")
    fo03 = _geweigerd(antwoord, "StUF052")
    assert antwoord.status_code == 403 and b"Envelope" not in antwoord.content  # bare: unparsed
    assert "clientcertificaat" in fo03.omschrijving
    assert ontvanger.aanroepen == []
    rij = Quarantaine.objects.get()
    assert (rij.reden_code, rij.adres, rij.identiteit, rij.peer) == (
        "niet_geauthenticeerd",
        "203.0.113.9",
        "",
        "",
    )
    assert bytes(rij.inhoud) == body and rij.sha256 == hashlib.sha256(body).hexdigest()


def test_onbekend_certificaat_geweigerd(ontvanger):
    cert = {**GGK_CERT, "HTTP_X_SSL_CLIENT_S_DN": "CN=iemand.test,O=Onbekend"}
    fo03 = _geweigerd(_post(_di01_jw315(), cert=cert), "StUF052")
    assert "CN=iemand.test" in fo03.omschrijving
    assert ontvanger.aanroepen == []
    assert Quarantaine.objects.get().identiteit == "CN=iemand.test,O=Onbekend"


def test_certificaat_dat_de_tls_terminator_niet_verifieerde_telt_niet(ontvanger):
    cert = {**GGK_CERT, "HTTP_X_SSL_CLIENT_VERIFY": "FAILED:self signed certificate"}
    _geweigerd(_post(_di01_jw315(), cert=cert), "StUF052")
    assert ontvanger.aanroepen == []


def test_kopregel_die_niet_is_ingesteld_wordt_niet_vertrouwd(ontvanger, settings):
    settings.KLANTREIS_INKOMEND = {**settings.KLANTREIS_INKOMEND, "cert_header": ""}
    _geweigerd(_post(_di01_jw315()), "StUF052")
    assert ontvanger.aanroepen == []


def test_wederzijdse_tls_van_de_wsgi_server_met_onderwerp(ontvanger, settings):
    """Served directly (mod_wsgi, uWSGI with client certificates): the server's environment."""
    settings.KLANTREIS_INKOMEND = {**settings.KLANTREIS_INKOMEND, "cert_header": ""}
    omgeving = {"SSL_CLIENT_VERIFY": "SUCCESS", "SSL_CLIENT_S_DN": "CN=ggk.test,O=VNG Realisatie"}
    assert _post(_di01_jw315(), cert=omgeving).status_code == 200
    assert len(ontvanger.aanroepen) == 1
    omgeving["SSL_CLIENT_VERIFY"] = "NONE"
    _geweigerd(_post(_di01_jw315(), cert=omgeving), "StUF052")
    assert len(ontvanger.aanroepen) == 1


def test_vingerafdruk_van_het_pem_certificaat_uit_de_kopregel(ontvanger, settings):
    """nginx passes $ssl_client_escaped_cert: the URL-encoded PEM; the peer map names its
    SHA-256 fingerprint (any spelling: colons, upper case)."""
    der = b"\x30\x82 een certificaat in DER " * 10
    pem = (
        "-----BEGIN CERTIFICATE-----\n"
        + base64.encodebytes(der).decode()
        + "-----END CERTIFICATE-----\n"
    )
    vinger = hashlib.sha256(der).hexdigest().upper()
    settings.KLANTREIS_INKOMEND = {
        **settings.KLANTREIS_INKOMEND,
        "peers": {":".join(vinger[i : i + 2] for i in range(0, 64, 2)): ["*"]},
    }
    escaped = pem.replace("\n", "%0A").replace(" ", "%20").replace("+", "%2B")
    cert = {"HTTP_X_SSL_CLIENT_S_DN": escaped, "HTTP_X_SSL_CLIENT_VERIFY": "SUCCESS"}
    assert _post(_di01_jw315(), cert=cert).status_code == 200
    assert len(ontvanger.aanroepen) == 1


# --- binding -------------------------------------------------------------------------------


def test_aanbieder_met_eigen_certificaat_zendt_alleen_als_zichzelf(ontvanger):
    """The review's spoof: a 315 'from' a real provider, sent by someone else."""
    assert _post(_di01_jw315(), cert=ZORG_OOST).status_code == 200
    fo03 = _geweigerd(_post(_di01_jw315(afzender="42420002"), cert=ZORG_OOST), "StUF052")
    assert "42420002 hoort niet bij het certificaat van Zorg Oost" in fo03.omschrijving
    assert len(ontvanger.aanroepen) == 1
    rij = Quarantaine.objects.get()
    assert (rij.reden_code, rij.afzender, rij.peer) == ("zender", "42420002", "Zorg Oost")


def test_envelop_van_a_met_een_bericht_van_b_geweigerd(ontvanger):
    """Sender A's envelope carrying a message signed by provider B (the JW315's Afzender is
    42420001)."""
    AanbiederFactory(agb_code="41000099")
    fo03 = _geweigerd(_post(_di01_jw315(afzender="41000099")), "StUF052")
    assert "Afzender in het bericht (42420001) is niet de zender 41000099" in fo03.omschrijving
    assert fo03.cross_refnummer == "ref-315"
    assert ontvanger.aanroepen == []
    assert Quarantaine.objects.get().reden_code == "afzender"


def test_hoofdaannemer_zendt_voor_zijn_onderaannemer(ontvanger):
    """Heusden stap 7: a hoofdaannemer sends the messages of its onderaannemers."""
    hoofd = AanbiederFactory(agb_code="41000099")
    hoofd.onderaannemers.add(AanbiederFactory(agb_code="42420001"))
    assert _post(_di01_jw315(afzender="41000099")).status_code == 200
    assert len(ontvanger.aanroepen) == 1


def test_bericht_voor_een_gemeente_die_hier_niet_wordt_bediend(ontvanger):
    inhoud = JW315.read_bytes().replace(b">0384<", b">0999<")
    fo03 = _geweigerd(_post(_di01_jw315(inhoud=inhoud, ontvanger="0999")), "StUF010")
    assert "Ontvanger 0999 wordt door deze installatie niet bediend" in fo03.omschrijving
    assert ontvanger.aanroepen == []
    assert Bericht.objects.count() == 0
    assert Quarantaine.objects.get().reden_code == "ontvanger"


def test_envelop_voor_de_ene_gemeente_met_een_bericht_voor_de_andere(ontvanger):
    from klantreis.tests.factories import GemeenteFactory

    GemeenteFactory(code="0797")
    fo03 = _geweigerd(_post(_di01_jw315(ontvanger="0797")), "StUF010")
    assert "niet de geadresseerde van de envelop" in fo03.omschrijving
    assert ontvanger.aanroepen == []


# --- limits --------------------------------------------------------------------------------


def test_te_veel_verzoeken_per_minuut_niet_gelezen_en_niet_bewaard(ontvanger, settings):
    settings.KLANTREIS_INKOMEND = {
        **settings.KLANTREIS_INKOMEND,
        "peers": {"CN=ggk.test,O=VNG Realisatie": {"partijen": ["*"], "max_per_minuut": 2}},
    }
    assert [_post(_di01_jw315()).status_code for _ in range(2)] == [200, 200]
    antwoord = _post(_di01_jw315())
    assert (antwoord.status_code, antwoord["Retry-After"]) == (429, "60")
    fo03 = ggk.lees_antwoord(antwoord.content)
    assert (fo03.code, fo03.plek) == ("StUF046", "server")  # the GGk offers it again later
    assert "maximaal 2 per minuut" in fo03.omschrijving
    assert len(ontvanger.aanroepen) == 2
    assert Quarantaine.objects.count() == 0


def test_te_veel_gegevens_per_uur(ontvanger, settings):
    body = _di01_jw315()
    settings.KLANTREIS_INKOMEND = {
        **settings.KLANTREIS_INKOMEND,
        "peers": {
            "CN=ggk.test,O=VNG Realisatie": {
                "partijen": ["*"],
                "max_mb_per_uur": 2.5 * len(body) / (1024 * 1024),
            }
        },
    }
    assert [_post(body).status_code for _ in range(3)] == [200, 200, 429]
    assert "MB per uur" in ggk.lees_antwoord(_post(body).content).omschrijving


def test_onbekende_zenders_vullen_de_quarantaine_niet_onbeperkt(ontvanger, settings):
    """The review's 200 junk envelopes: per IP address only so many are kept per minute."""
    settings.KLANTREIS_INKOMEND = {**settings.KLANTREIS_INKOMEND, "anoniem_per_minuut": 5}
    statussen = [_post(b"<rommel/>" * 100, cert={}).status_code for _ in range(20)]
    assert statussen == [403] * 5 + [429] * 15
    assert Quarantaine.objects.count() == 5


def test_grootte_per_partner(ontvanger, settings):
    settings.KLANTREIS_INKOMEND = {
        **settings.KLANTREIS_INKOMEND,
        "peers": {"CN=ggk.test,O=VNG Realisatie": {"partijen": ["*"], "max_bericht": 1000}},
    }
    antwoord = _post(_di01_jw315())
    assert antwoord.status_code == 413
    assert "maximaal 1000" in ggk.lees_antwoord(antwoord.content).omschrijving
    assert ontvanger.aanroepen == [] and Quarantaine.objects.count() == 0


# --- the beheerder looks --------------------------------------------------------------------


def test_quarantaine_is_alleen_te_lezen_in_het_beheer(admin_client, ontvanger):
    _post(_di01_jw315(), cert={})
    rij = Quarantaine.objects.get()
    lijst = admin_client.get("/admin/berichten/quarantaine/")
    assert lijst.status_code == 200 and lijst.context["cl"].result_count == 1
    detail = admin_client.get(f"/admin/berichten/quarantaine/{rij.pk}/change/")
    assert detail.status_code == 200
    assert "envelopHeenbericht-ggk_Di01" in detail.content.decode()
    assert admin_client.get("/admin/berichten/quarantaine/add/").status_code == 403
    assert admin_client.post(f"/admin/berichten/quarantaine/{rij.pk}/delete/").status_code == 403
    assert Quarantaine.objects.count() == 1
