import pytest
from django.core.cache import cache

from klantreis.tests.factories import GemeenteFactory, RegioFactory


@pytest.fixture(autouse=True)
def _lege_cache():
    """The cache holds failed-login counts; no test inherits another's."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def heusden(db):
    return GemeenteFactory(code="0797", naam="Heusden", beschikkingsarm=True)


@pytest.fixture
def achterhoek(db):
    return RegioFactory(code="achterhoek", naam="Sociaal Domein Achterhoek")


@pytest.fixture
def doetinchem(achterhoek):
    return GemeenteFactory(code="0222", naam="Doetinchem", regio=achterhoek)


@pytest.fixture
def oude_ijsselstreek(achterhoek):
    return GemeenteFactory(code="1509", naam="Oude IJsselstreek", regio=achterhoek)


def pytest_collection_modifyitems(items):
    """The browser tests (``@pytest.mark.browser``) run last: their one Chromium and
    Playwright's event loop then live only at the end of the session, so no other test runs
    beside that loop (``portal/tests/browser/conftest.py``)."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
