"""The product catalogue: hoofd- and subsegmenten (Achterhoek inkoop), products with their
iWmo/iJw productcategorie and productcode (one per wet, categorie and code), and the codes
taken from the standard's lists (WJ756 eenheid)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from klantreis.istandaarden import codes
from klantreis.organisaties.models import Contract
from klantreis.producten.models import Eenheid, Product, Segment, Uitvoeringsvariant, Wet
from klantreis.tests.factories import AanbiederFactory, GemeenteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def begeleiding():
    return Segment.objects.create(code="WMO-BEG", naam="Begeleiding", wet=Wet.WMO)


def _product(segment, **anders) -> Product:
    velden = dict(wet=Wet.WMO, segment=segment, categorie="02", code="02A01", naam="Begeleiding")
    velden.update(anders)
    return Product.objects.create(**velden)


def test_subsegment_hoort_bij_een_hoofdsegment(begeleiding):
    sub = Segment.objects.create(
        code="WMO-BEG-IND", naam="Individueel", wet=Wet.WMO, hoofdsegment=begeleiding
    )
    assert sub.is_subsegment and not begeleiding.is_subsegment
    assert list(begeleiding.subsegmenten.all()) == [sub]
    with pytest.raises(ProtectedError):
        begeleiding.delete()  # its subsegment would lose its place


def test_een_product_per_wet_categorie_en_code(begeleiding):
    _product(begeleiding)
    with pytest.raises(IntegrityError), transaction.atomic():
        _product(begeleiding, naam="Dubbel")
    # the same code under the other wet is another product
    jeugd = Segment.objects.create(code="JW-AMB", naam="Ambulant", wet=Wet.JEUGDWET)
    _product(jeugd, wet=Wet.JEUGDWET)
    # an aspecifiek product (no code) once per categorie
    _product(begeleiding, code="", naam="Begeleiding aspecifiek")
    with pytest.raises(IntegrityError), transaction.atomic():
        _product(begeleiding, code="", naam="Nog eens aspecifiek")
    assert Product.objects.count() == 3


def test_standaardwaarden_en_weergave(begeleiding):
    p = _product(begeleiding)
    assert (p.uitvoeringsvariant, p.eenheid) == (Uitvoeringsvariant.INSPANNINGSGERICHT, "04")
    assert str(p) == "0202A01 Begeleiding"
    assert str(_product(begeleiding, code="", naam="Aspecifiek")) == "02 Aspecifiek"


def test_eenheden_zijn_die_van_de_standaard_wj756():
    """The catalogue offers exactly the codes of the codec's list, with its meaning."""
    assert {e.value: e.label for e in Eenheid} == {e.value: e.omschrijving for e in codes.Eenheid}


def test_een_eenheid_buiten_de_lijst_wordt_geweigerd(begeleiding):
    p = Product(wet=Wet.WMO, segment=begeleiding, categorie="02", code="X", naam="X", eenheid="99")
    with pytest.raises(ValidationError) as exc:
        p.full_clean()
    assert "eenheid" in exc.value.message_dict


def test_een_product_met_contract_of_in_een_segment_blijft_bestaan(begeleiding):
    p = _product(begeleiding)
    Contract.objects.create(
        aanbieder=AanbiederFactory(),
        gemeente=GemeenteFactory(code="0797"),
        product=p,
        tarief=6150,
        ingangsdatum="2026-01-01",
    )
    with pytest.raises(ProtectedError):
        p.delete()
    with pytest.raises(ProtectedError):
        begeleiding.delete()
    assert Product.objects.filter(pk=p.pk).exists()
