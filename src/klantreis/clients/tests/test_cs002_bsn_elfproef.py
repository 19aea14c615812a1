"""CS002: a BSN passes the 11-proef. The check (``clients.bsn``) is shared by the codec, the
forms, the API and the model; a typo in one digit or two swapped digits never passes."""

import pytest
from django.core.exceptions import ValidationError

from klantreis.clients.bsn import is_valid_bsn
from klantreis.clients.models import Client, validate_bsn
from klantreis.tests.factories import GemeenteFactory

# worked by hand: 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 − 3 = 66 = 6·11
GELDIG = ["111222333", "123456782", "999990019"]


def _som(bsn: str) -> int:
    return sum(w * int(c) for w, c in zip((9, 8, 7, 6, 5, 4, 3, 2, -1), bsn, strict=True))


@pytest.mark.parametrize("bsn", GELDIG)
def test_cs002_geldig_bsn(bsn):
    assert _som(bsn) % 11 == 0  # the examples are right by the rule itself
    assert is_valid_bsn(bsn)
    validate_bsn(bsn)  # no error


@pytest.mark.parametrize(
    "bsn",
    [
        "123456789",  # sum 147: 11-proef fails
        "000000000",  # passes the sum, but is no number anyone has
        "12345678",  # too short
        "1234567820",  # too long
        "12345678a",
        " 23456782",
        "１２３４５６７８２",  # full-width digits: isdigit() but not ASCII
        "",
    ],
)
def test_cs002_ongeldig_bsn(bsn):
    assert not is_valid_bsn(bsn)
    with pytest.raises(ValidationError, match="11-proef"):
        validate_bsn(bsn)


@pytest.mark.parametrize("bsn", GELDIG)
def test_cs002_elke_tikfout_in_een_cijfer_valt_op(bsn):
    for i in range(9):
        for cijfer in "0123456789":
            if cijfer != bsn[i]:
                fout = bsn[:i] + cijfer + bsn[i + 1 :]
                assert not is_valid_bsn(fout), fout


@pytest.mark.parametrize("bsn", GELDIG)
def test_cs002_twee_verwisselde_buren_vallen_op(bsn):
    for i in range(8):
        if bsn[i] != bsn[i + 1]:
            fout = bsn[:i] + bsn[i + 1] + bsn[i] + bsn[i + 2 :]
            assert not is_valid_bsn(fout), fout


@pytest.mark.django_db
def test_het_model_weigert_een_ongeldig_bsn():
    client = Client(
        bsn="123456789",
        achternaam="Jansen",
        geboortedatum="1950-03-14",
        gemeente=GemeenteFactory(),
        wet="wmo",
    )
    with pytest.raises(ValidationError) as exc:
        client.full_clean()
    assert exc.value.message_dict["bsn"] == [
        "Dit BSN is ongeldig: het voldoet niet aan de 11-proef."
    ]
    client.bsn = "123456782"
    client.full_clean()
