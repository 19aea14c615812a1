"""Hostile or surprising input is refused before or while parsing, with a Dutch message."""

from __future__ import annotations

import pytest

import klantreis.istandaarden as ist
from klantreis.istandaarden.tests.helpers import voorbeeld_bytes

GOED = voorbeeld_bytes("WMO323")

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol3;</lolz>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<r>&x;</r>"""


def _xml_fout(data) -> ist.XmlFout:
    with pytest.raises(ist.XmlFout) as exc:
        ist.read(data)
    assert exc.value.niveau is ist.Niveau.XML
    res = ist.check(data)
    assert (res.geldig, res.niveau) == (False, ist.Niveau.XML)
    assert res.fouten[0].regel == "XML"
    return exc.value


def test_billion_laughs_geweigerd():
    assert "DOCTYPE" in _xml_fout(BILLION_LAUGHS).melding


def test_externe_entiteit_geweigerd():
    assert "ENTITY" in _xml_fout(XXE).melding


def test_doctype_in_geldig_bericht_geweigerd():
    data = GOED.replace(b"?>", b"?>\n<!DOCTYPE Bericht>", 1)
    _xml_fout(data)


def test_te_groot_bestand_geweigerd_zonder_te_lezen():
    data = GOED + b" " * (ist.MAX_BYTES + 1 - len(GOED))
    assert len(data) == ist.MAX_BYTES + 1
    assert "OP179" in _xml_fout(data).melding


def test_precies_25_mb_is_toegestaan():
    commentaar = b"<!--" + b"x" * 1017 + b"-->\n"  # 1 KiB, many small nodes
    n, rest = divmod(ist.MAX_BYTES - len(GOED), len(commentaar))
    data = GOED + commentaar * n + b" " * rest
    assert len(data) == ist.MAX_BYTES
    assert ist.read(data).bericht == "323"


def test_andere_encoding_in_declaratie_geweigerd():
    data = GOED.replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"', 1)
    assert "ISO-8859-1" in _xml_fout(data).melding


def test_ongeldige_utf8_bytes_geweigerd():
    data = GOED.replace(b"DN001", b"DN\xe9\x01", 1)
    assert "UTF-8" in _xml_fout(data).melding


def test_utf16_geweigerd():
    data = GOED.decode("utf-8").replace('encoding="UTF-8"', "").encode("utf-16")
    assert "UTF-8" in _xml_fout(data).melding


def test_utf8_bom_is_toegestaan():
    assert ist.read(b"\xef\xbb\xbf" + GOED).bericht == "323"


def test_tekst_in_plaats_van_bytes_geweigerd():
    _xml_fout(GOED.decode("utf-8"))


def test_leeg_bestand_geweigerd():
    assert "leeg" in _xml_fout(b"  \n").melding


def test_niet_welgevormd_geweigerd():
    assert "welgevormd" in _xml_fout(GOED[:-40]).melding


def test_onbekende_namespace_op_xsd_niveau():
    data = b'<?xml version="1.0" encoding="UTF-8"?><Bericht xmlns="urn:iets"/>'
    with pytest.raises(ist.OnbekendBerichtFout):
        ist.read(data)
    res = ist.check(data)
    assert (res.standaard, res.bericht, res.niveau) == (None, None, ist.Niveau.XSD)
