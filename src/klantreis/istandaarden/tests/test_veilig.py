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


def test_commentaar_en_pi_binnen_een_waarde():
    """Valid XML: the value is the text around the comment/PI, as the XSD sees it."""
    data = GOED.replace(b"<wmo323:Bsn>999900006<", b"<wmo323:Bsn>9999<!-- c -->000<?pi x?>06<", 1)
    assert data != GOED
    msg = ist.read(data)
    assert msg.declaratie.clienten[0].bsn == "999900006"
    assert msg == ist.read(GOED)


def test_ongedeclareerde_prefix_is_eigen_fout():
    data = GOED.replace(b"<wmo323:Bericht ", b"<w-x:Bericht ", 1).replace(
        b"</wmo323:Bericht>", b"</w-x:Bericht>"
    )
    with pytest.raises(ist.CodecError):
        ist.read(data)
    with pytest.raises(ist.CodecError):
        list(ist.iter_prestaties(data))
    assert not ist.check(data).geldig


# --- the outside review of 2026-12-05 (docs/security.md, "Berichten van buiten") ---------


@pytest.mark.parametrize("codering", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_zonder_bom_die_utf8_belooft_geweigerd(codering):
    """The declaration still says UTF-8; libxml2 alone would read it as UTF-16."""
    data = GOED.decode("utf-8").encode(codering)
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert b'encoding="UTF-8"'.decode().encode(codering) in data
    assert "NUL-byte" in _xml_fout(data).melding


def test_nul_byte_in_een_waarde_geweigerd():
    data = GOED.replace(b"<wmo323:Bsn>999900006<", b"<wmo323:Bsn>9999\x0000006<", 1)
    assert "NUL-byte" in _xml_fout(data).melding


def _met_attributen(n: int) -> bytes:
    """GOED with ``n`` attributes on its Header (the XSDs declare no attributes)."""
    attributen = b"".join(b' a%d="1"' % i for i in range(n))
    return GOED.replace(b"<wmo323:Header", b"<wmo323:Header" + attributen, 1)


def test_te_veel_attributen_geweigerd_voor_het_parsen():
    data = _met_attributen(ist.MAX_ATTRIBUTEN + 1)
    assert "attributen" in _xml_fout(data).melding


def test_xsd_fouten_worden_afgekapt_met_een_telling():
    n = ist.MAX_XSD_FOUTEN + 150  # one XSD fault per attribute, below the attribute cap
    assert n < ist.MAX_ATTRIBUTEN
    res = ist.check(_met_attributen(n))
    assert res.niveau is ist.Niveau.XSD
    assert len(res.fouten) == ist.MAX_XSD_FOUTEN + 1
    assert res.fouten[-1].melding.startswith(f"En nog {n - ist.MAX_XSD_FOUTEN} XSD-fout(en)")
    with pytest.raises(ist.XsdFout) as exc:
        ist.read(_met_attributen(n))
    assert len(exc.value.fouten) == ist.MAX_XSD_FOUTEN + 1


def test_is_tekens_in_tekst_tellen_niet_als_attributen():
    """'=' alone is no attribute: a comment full of them passes the pre-scan."""
    data = GOED.replace(b"?>", b"?>\n<!-- " + b"a = b; " * (ist.MAX_ATTRIBUTEN * 3) + b"-->", 1)
    assert ist.read(data) == ist.read(GOED)


def test_te_veel_elementen_geweigerd_voor_het_parsen():
    data = GOED.replace(b"<wmo323:Header>", b"<wmo323:Header>" + b"<a/>" * ist.MAX_ELEMENTEN, 1)
    assert len(data) < ist.MAX_BYTES
    assert "elementen" in _xml_fout(data).melding


def test_commentaar_telt_niet_als_element():
    """Many comments (each a '<') are no reason to refuse: only start tags count."""
    commentaar = b"<!---->" * (ist.MAX_ELEMENTEN + 10)
    data = GOED.replace(b"?>", b"?>\n" + commentaar, 1)
    assert ist.read(data) == ist.read(GOED)
