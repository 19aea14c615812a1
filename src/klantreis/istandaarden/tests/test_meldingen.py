"""XSD messages reach people in Dutch, with the element and the offending value."""

from __future__ import annotations

import pytest

import klantreis.istandaarden as ist
from klantreis.istandaarden.meldingen import xsd_melding
from klantreis.istandaarden.tests.helpers import voorbeeld_bytes

GOED = voorbeeld_bytes("WMO323")


GEVALLEN = [
    (
        b">04</wmo323:Eenheid>",
        b">99</wmo323:Eenheid>",
        "Eenheid: de waarde '99' staat niet in de codelijst",
    ),
    (
        b">01A03</",
        b">01A03XX</",
        "ProductCode: de waarde is 7 tekens lang; maximaal 5 toegestaan",
    ),
    (
        b"<wmo323:Bsn>999900006<",
        b"<wmo323:Bsn>99990000<",
        "voldoet niet aan het patroon '[0-9]{9}'",
    ),
    (
        b"<wmo323:Eenheid>04</wmo323:Eenheid>",
        b"",
        "ProductTarief: dit element wordt hier niet verwacht; verwacht is: Eenheid",
    ),
    (
        b">4</wmo323:GeleverdVolume>",
        b">-1</wmo323:GeleverdVolume>",
        "de waarde -1 is kleiner dan het minimum 0",
    ),
]


@pytest.mark.parametrize(("oud", "nieuw", "verwacht"), GEVALLEN)
def test_xsd_fout_in_het_nederlands(oud, nieuw, verwacht):
    data = GOED.replace(oud, nieuw, 1)
    assert data != GOED
    res = ist.check(data)
    assert res.niveau is ist.Niveau.XSD
    assert verwacht in res.fouten[0].melding, res.fouten[0].melding
    assert "http://" not in res.fouten[0].melding


def test_onbekende_melding_blijft_behouden():
    assert xsd_melding("Element '{urn:x}A': iets nieuws.") == (
        "A: (melding van libxml2) iets nieuws."
    )
