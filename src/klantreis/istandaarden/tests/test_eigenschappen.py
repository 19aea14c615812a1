"""Property-based: random messages of every type validate and survive read(write(x)) == x;
the reader never raises anything but the codec's own error on random or mutated bytes."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import klantreis.istandaarden as ist
from klantreis.istandaarden.tests.helpers import VOORBEELDEN
from klantreis.istandaarden.tests.strategieen import bericht

SOORTEN = [(std, b) for std in ("iwmo", "ijw") for b in ist.BERICHTEN]
INSTELLINGEN = settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.mark.parametrize(("std", "code"), SOORTEN, ids=[f"{s}{b}" for s, b in SOORTEN])
@INSTELLINGEN
@given(data=st.data())
def test_willekeurig_bericht_is_xsd_geldig_en_rondreis_gelijk(std, code, data):
    msg = data.draw(bericht(std, code))
    xml = ist.write(msg)  # validates against the XSD before it returns
    terug = ist.read(xml)
    assert terug == msg
    assert ist.write(terug) == xml  # deterministic
    res = ist.check(xml)
    assert res.niveau not in (ist.Niveau.XML, ist.Niveau.XSD)
    assert all(f.regel != "INTERN" for f in res.fouten), res.fouten
    if code in ist.RETOUR_VAN:  # whatever the level-2 outcome, the retour is XSD-valid
        r = ist.build_retour(res.message, res, identificatie="R1", dagtekening=DAG)
        assert r.bericht == ist.RETOUR_VAN[code]
        assert ist.read(ist.write(r)) == r


DAG = datetime.date(2026, 11, 24)
VOORBEELD_BYTES = [p.read_bytes() for p in VOORBEELDEN]


def _mutaties():
    @st.composite
    def muteer(draw):
        data = bytearray(draw(st.sampled_from(VOORBEELD_BYTES)))
        for _ in range(draw(st.integers(1, 6))):
            soort = draw(st.sampled_from(["flip", "wis", "voeg", "kap", "dup"]))
            i = draw(st.integers(0, max(len(data) - 1, 0)))
            if soort == "flip" and data:
                data[i] = draw(st.integers(0, 255))
            elif soort == "wis":
                del data[i : i + draw(st.integers(1, 50))]
            elif soort == "voeg":
                data[i:i] = draw(
                    st.sampled_from(
                        [b"<", b">", b"&", b"&amp;", b"<!DOCTYPE x>", b"\x00", b"\xff\xfe",
                         b"<![CDATA[x]]>", b"<?pi x?>", b"<!-- c -->", b"xmlns:a='b'", b"\xc3"]
                    )
                )  # fmt: skip
            elif soort == "kap":
                del data[i:]
            else:
                j = draw(st.integers(0, max(len(data) - 1, 0)))
                data[j:j] = data[i : i + 200]
        return bytes(data)

    return muteer()


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=400), _mutaties()))
def test_fuzz_lezer_geeft_alleen_eigen_fouten(data):
    try:
        msg = ist.read(data)
    except ist.CodecError as exc:
        assert exc.fouten and exc.niveau in (ist.Niveau.XML, ist.Niveau.XSD)
    else:
        assert ist.read(ist.write(msg)) == msg
    res = ist.check(data)  # never raises
    assert res.geldig == (not res.fouten)
    assert all(f.regel != "INTERN" for f in res.fouten), res.fouten
    try:
        for _bsn, prestatie in ist.iter_prestaties(data):
            assert isinstance(prestatie, ist.modellen.Prestatie323)
    except ist.CodecError:
        pass
