import re
from datetime import date

import pytest

from klantreis.accounts.models import Rol
from klantreis.declaraties.tests.conftest import omgeving  # noqa: F401 (a fixture)
from klantreis.organisaties.models import Contract
from klantreis.producten.models import Product, Segment
from klantreis.routes import engine
from klantreis.tests.factories import AanbiederFactory, ClientFactory
from klantreis.tests.lopen import actoren


def start(gemeente, route_id="heusden-stappenplan", *, wie=None, op=None, **client):
    wie = wie or actoren(gemeente)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=gemeente, **client),
        gemeente=gemeente,
        route_id=route_id,
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
        op=op,
    )
    traject.wie = wie
    return traject


@pytest.fixture
def traject(heusden):
    """A Heusden traject at step 1, with one user per role (``traject.wie``)."""
    return start(heusden, voornamen="Anna", achternaam="Bakker")


@pytest.fixture
def consulent(traject):
    return traject.wie[Rol.TOEGANG]


def contract(aanbieder, gemeente):
    segment, _ = Segment.objects.get_or_create(
        code="WMO-BEG", defaults={"naam": "Begeleiding", "wet": "wmo"}
    )
    product, _ = Product.objects.get_or_create(
        wet="wmo",
        categorie="02",
        code="02A01",
        defaults={"naam": "Begeleiding", "segment": segment},
    )
    return Contract.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        product=product,
        tarief=6150,
        ingangsdatum=date(2023, 1, 1),
    )


@pytest.fixture
def andere_aanbieder(db):
    return AanbiederFactory(naam="Thuishulp Maasland")


def zonder_klassen(html: str) -> str:
    """The page without class attributes: tests that read structure (a heading, a table row)
    do not break when the styling classes (NL Design System) change."""
    return re.sub(r' class="[^"]*"', "", html)
