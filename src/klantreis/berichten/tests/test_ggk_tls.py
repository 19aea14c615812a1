"""The ``cert``/``key``/``ca`` options: mutual TLS against a fake GGk on 127.0.0.1 that demands
a client certificate, with a throw-away CA made by the openssl command line."""

import shutil
import ssl
import subprocess
import threading
from pathlib import Path

import pytest

from klantreis.berichten.tests.test_ggk_http import NepGgk
from klantreis.berichten.transports import OptieFout, TransportFout, Uitgaand, maak_transport

SHARED = Path(__file__).resolve().parents[4].parent / "shared" / "istandaarden"
WMO301 = SHARED / "iwmo" / "3.2" / "examples" / "WMO301.xml"

pytestmark = [
    pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt"),
    pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl ontbreekt"),
]


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


def _ca(map_: Path, naam: str):
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", f"{naam}.key", "-out", f"{naam}.pem", "-days", "2", "-subj", f"/CN={naam}",
        cwd=map_,
    )  # fmt: skip


def _certificaat(map_: Path, naam: str, ca: str, san: str | None = None):
    _openssl(
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", f"{naam}.key", "-out", f"{naam}.csr", "-subj", f"/CN={naam}",
        cwd=map_,
    )  # fmt: skip
    extra = []
    if san:
        (map_ / f"{naam}.ext").write_text(f"subjectAltName={san}\n")
        extra = ["-extfile", f"{naam}.ext"]
    _openssl(
        "x509", "-req", "-in", f"{naam}.csr", "-CA", f"{ca}.pem", "-CAkey", f"{ca}.key",
        "-CAcreateserial", "-out", f"{naam}.pem", "-days", "2", *extra,
        cwd=map_,
    )  # fmt: skip


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("pki")
    _ca(map_, "test-ca")
    _ca(map_, "andere-ca")
    _certificaat(map_, "ggk-server", "test-ca", san="IP:127.0.0.1")
    _certificaat(map_, "gemeente-0384", "test-ca")
    _certificaat(map_, "indringer", "andere-ca")
    return map_


@pytest.fixture
def tls_ggk(pki):
    nep = NepGgk()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki / "ggk-server.pem", pki / "ggk-server.key")
    context.load_verify_locations(pki / "test-ca.pem")
    context.verify_mode = ssl.CERT_REQUIRED  # the GGk demands a client certificate
    nep.server.socket = context.wrap_socket(nep.server.socket, server_side=True)
    nep.url = nep.url.replace("http://", "https://")
    draad = threading.Thread(target=nep.server.serve_forever, daemon=True)
    draad.start()
    yield nep
    nep.server.shutdown()
    nep.server.server_close()


def _wmo301():
    return Uitgaand(
        inhoud=WMO301.read_bytes(),
        bestandsnaam="WMO301.xml",
        functie="WMO301",
        afzender="0384",
        ontvanger="42420001",
        identificatie="123456789012",
    )


def _transport(url, **kw):
    return maak_transport("ggk", {"url": url, "gemeentecode": "0384", "timeout": 5, **kw})


def test_wederzijds_tls_met_clientcertificaat(tls_ggk, pki):
    transport = _transport(
        tls_ggk.url,
        cert=str(pki / "gemeente-0384.pem"),
        key=str(pki / "gemeente-0384.key"),
        ca=str(pki / "test-ca.pem"),
    )
    kenmerk = transport.verzend(_wmo301())
    assert len(tls_ggk.verzoeken) == 1
    assert kenmerk.encode() in tls_ggk.verzoeken[0][2]


def test_zonder_clientcertificaat_weigert_het_ggk(tls_ggk, pki):
    with pytest.raises(TransportFout, match="TLS-verbinding met het GGk mislukt"):
        _transport(tls_ggk.url, ca=str(pki / "test-ca.pem")).verzend(_wmo301())
    assert tls_ggk.verzoeken == []


def test_certificaat_van_een_andere_ca_wordt_geweigerd(tls_ggk, pki):
    transport = _transport(
        tls_ggk.url,
        cert=str(pki / "indringer.pem"),
        key=str(pki / "indringer.key"),
        ca=str(pki / "test-ca.pem"),
    )
    with pytest.raises(TransportFout, match="TLS-verbinding"):
        transport.verzend(_wmo301())
    assert tls_ggk.verzoeken == []


def test_onbekende_servercertificaat_wordt_niet_vertrouwd(tls_ggk, pki):
    transport = _transport(
        tls_ggk.url,
        cert=str(pki / "gemeente-0384.pem"),
        key=str(pki / "gemeente-0384.key"),
        ca=str(pki / "andere-ca.pem"),
    )
    with pytest.raises(TransportFout, match=r"TLS-verbinding.*CERTIFICATE_VERIFY_FAILED"):
        transport.verzend(_wmo301())
    assert tls_ggk.verzoeken == []


def test_sleutel_die_niet_bij_het_certificaat_hoort(pki):
    with pytest.raises(OptieFout, match="niet te laden"):
        _transport(
            "https://127.0.0.1:1/",
            cert=str(pki / "gemeente-0384.pem"),
            key=str(pki / "indringer.key"),
        )
