"""Gemeenten (CBS code), aanbieders (AGB code, onderaannemers), their bank details, and
contracts: what a provider may deliver for a gemeente, and from when until when (the check
that a toewijzing is made against)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from klantreis.accounts.models import Rol
from klantreis.organisaties.bank import bic_bij, compact_iban
from klantreis.organisaties.models import Aanbieder, Contract, Gemeente
from klantreis.portal.forms_toewijzingen import gecontracteerde_producten, geldige_contracten
from klantreis.producten.models import Product, Segment
from klantreis.tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory, user_met_rol
from klantreis.toewijzingen import services as toewijzingen

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "goed"),
    [("0797", True), ("1509", True), ("797", False), ("07970", False), ("07a7", False)],
)
def test_gemeentecode_heeft_vier_cijfers(code, goed):
    gemeente = Gemeente(code=code, naam="Heusden")
    if goed:
        gemeente.full_clean()
    else:
        with pytest.raises(ValidationError) as exc:
            gemeente.full_clean()
        assert "Een gemeentecode (CBS) heeft 4 cijfers." in exc.value.message_dict["code"]


@pytest.mark.parametrize(
    ("agb", "goed"),
    [("41000044", True), ("00000001", True), ("4100004", False), ("4100004X", False)],
)
def test_agb_code_heeft_acht_cijfers(agb, goed):
    aanbieder = Aanbieder(agb_code=agb, naam="Begeleiding Oost")
    if goed:
        aanbieder.full_clean()
    else:
        with pytest.raises(ValidationError) as exc:
            aanbieder.full_clean()
        assert "Een AGB-code heeft 8 cijfers." in exc.value.message_dict["agb_code"]


def test_een_agb_code_hoort_bij_een_aanbieder():
    AanbiederFactory(agb_code="41000044")
    with pytest.raises(IntegrityError), transaction.atomic():
        AanbiederFactory(agb_code="41000044")
    assert Aanbieder.objects.filter(agb_code="41000044").count() == 1


def test_rekening_van_de_gemeente_wordt_compact_bewaard_en_gecontroleerd():
    g = GemeenteFactory(code="0797", naam="Heusden")
    g.iban, g.bic = "nl91 abna 0417 1643 00", "abna nl 2a"
    g.full_clean()
    assert (g.iban, g.bic) == ("NL91ABNA0417164300", "ABNANL2A")
    g.iban = "NL91ABNA0417164301"
    with pytest.raises(ValidationError) as exc:
        g.full_clean()
    assert "geen geldig IBAN" in exc.value.message_dict["iban"][0]


def test_bic_volgt_uit_de_iban_als_hij_ontbreekt():
    assert bic_bij("NL91ABNA0417164300") == "ABNANL2A"
    assert bic_bij("NL91ABNA0417164300", "rabo nl 2u") == "RABONL2U"  # given wins, normalised
    assert bic_bij("NL91ABNA0417164301") == ""  # invalid IBAN: SEPA goes without a BIC
    assert compact_iban("geen iban") == "geen iban"  # returned as typed, for the validator


def test_medewerker_van_de_hoofdaannemer_werkt_voor_de_onderaannemer_niet_andersom():
    """Heusden stap 7: the main contractor sends the messages for its onderaannemers."""
    hoofd, onder = AanbiederFactory(), AanbiederFactory()
    hoofd.onderaannemers.add(onder)
    assert list(onder.hoofdaannemers.all()) == [hoofd]
    van_hoofd = user_met_rol(Rol.AANBIEDER, aanbieder=hoofd)
    van_onder = user_met_rol(Rol.AANBIEDER, aanbieder=onder)
    assert van_hoofd.werkt_voor(onder) and van_hoofd.werkt_voor(hoofd)
    assert van_onder.werkt_voor(onder) and not van_onder.werkt_voor(hoofd)


# --- contracts --------------------------------------------------------------------------------

BEGIN, EINDE = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


@pytest.fixture
def contract(db):
    gemeente = GemeenteFactory(code="0797", naam="Heusden")
    segment = Segment.objects.create(code="WMO-BEG", naam="Begeleiding", wet="wmo")
    product = Product.objects.create(
        wet="wmo", segment=segment, categorie="02", code="02A01", naam="Begeleiding"
    )
    return Contract.objects.create(
        aanbieder=AanbiederFactory(naam="Begeleiding Oost"),
        gemeente=gemeente,
        product=product,
        tarief=6150,
        ingangsdatum=BEGIN,
        einddatum=EINDE,
    )


def test_een_contract_per_aanbieder_gemeente_product_en_ingangsdatum(contract):
    with pytest.raises(IntegrityError), transaction.atomic():
        Contract.objects.create(
            aanbieder=contract.aanbieder,
            gemeente=contract.gemeente,
            product=contract.product,
            tarief=7000,
            ingangsdatum=BEGIN,
        )
    # a new tariff from a later date is a new contract
    Contract.objects.create(
        aanbieder=contract.aanbieder,
        gemeente=contract.gemeente,
        product=contract.product,
        tarief=7000,
        ingangsdatum=EINDE + dt.timedelta(days=1),
    )
    assert contract.aanbieder.contracten.count() == 2


@pytest.mark.parametrize(
    ("op", "geldig"),
    [
        (BEGIN - dt.timedelta(days=1), False),
        (BEGIN, True),
        (EINDE, True),  # the end date is the last day it holds
        (EINDE + dt.timedelta(days=1), False),
    ],
)
def test_contract_geldig_van_ingangsdatum_tot_en_met_einddatum(contract, op, geldig):
    """The portal's product choice and the toewijzing's own check agree on every edge."""
    assert geldige_contracten(contract.gemeente, "wmo", op).exists() is geldig
    assert list(gecontracteerde_producten(contract.gemeente, "wmo", contract.aanbieder, op)) == (
        [contract.product] if geldig else []
    )
    assert not geldige_contracten(contract.gemeente, "jeugdwet", op).exists()
    client = ClientFactory(gemeente=contract.gemeente)
    maak = dict(
        client=client,
        aanbieder=contract.aanbieder,
        gemeente=contract.gemeente,
        product=contract.product,
        ingangsdatum=op,
        einddatum=op + dt.timedelta(days=30),
        volume=2,
        frequentie="2",
        versturen=False,
    )
    if geldig:
        assert toewijzingen.wijs_toe(**maak).product == contract.product
    else:
        with pytest.raises(toewijzingen.ToewijzingFout, match="geen contract"):
            toewijzingen.wijs_toe(**maak)


def test_zonder_einddatum_loopt_een_contract_door(contract):
    contract.einddatum = None
    contract.save()
    assert geldige_contracten(contract.gemeente, "wmo", dt.date(2040, 1, 1)).get() == contract
