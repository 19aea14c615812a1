"""An open verzoek in the back office's work queue is due on the standard's term, on the Atw
calendar: a 301 or 319 within 5 werkdagen (OP274), the final answer within 8 weeks of the
request once it is "in onderzoek" (termijnen/standaard.yaml, decision 0014)."""

from datetime import date

import pytest

from klantreis.accounts.models import Rol
from klantreis.portal import werkvoorraad as wv
from klantreis.toewijzingen.models import Verzoek, VerzoekStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def kant(heusden):
    from klantreis.api.tests.conftest import _kant

    return _kant(heusden, "Zorgkracht Heusden", "Eigenaar", 1001)


def _uiterlijk(kant) -> date:
    backoffice = kant.traject.wie[Rol.BACKOFFICE]
    (item,) = [i for i in wv.werkvoorraad(backoffice, date(2026, 4, 23)) if i.soort == "verzoek"]
    return item.uiterlijk


def test_verzoek_uiterlijk_5_werkdagen_over_weekend_en_koningsdag(kant):
    # Thursday 23 April 2026: Fri 24, (weekend), Koningsdag Mon 27 does not count, Tue 28,
    # Wed 29, Thu 30, Fri 1 May is the 5th werkdag (5 calendar days would be Tue 28 April)
    Verzoek.objects.filter(pk=kant.verzoek.pk).update(dagtekening=date(2026, 4, 23))
    assert _uiterlijk(kant) == date(2026, 5, 1)


def test_verzoek_in_onderzoek_uiterlijk_8_weken_na_het_verzoek(kant):
    Verzoek.objects.filter(pk=kant.verzoek.pk).update(
        dagtekening=date(2026, 4, 23), status=VerzoekStatus.IN_ONDERZOEK
    )
    assert _uiterlijk(kant) == date(2026, 6, 18)


def test_verzoek_om_wijziging_5_werkdagen_over_hemelvaart(kant):
    # a 317 on Wednesday 13 May 2026: Hemelvaart (14) and the day after (15, by besluit) and
    # the weekend do not count: 18, 19, 20, 21, 22 May
    Verzoek.objects.filter(pk=kant.verzoek.pk).update(soort="vow", dagtekening=date(2026, 5, 13))
    assert _uiterlijk(kant) == date(2026, 5, 22)
