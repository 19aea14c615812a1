"""The Bericht lifecycle (workflow.py): only the listed edges, each one conditional."""

from __future__ import annotations

import datetime
import uuid

import pytest
import time_machine
from django.utils import timezone

from klantreis.berichten import services, verwerking, workflow
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import OVERGANGEN, Richting, Status
from klantreis.tests.overgangen import controleer_paar, paren

pytestmark = pytest.mark.django_db


def _bericht(status: str, richting: str = Richting.IN) -> Bericht:
    return Bericht.objects.create(
        richting=richting, inhoud=b"x", sha256=uuid.uuid4().hex, status=status
    )


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (Status.VERWERKT, Status.ONTVANGEN),  # would run the domain handler twice
        (Status.VERWERKT, Status.AFGEKEURD),
        (Status.ONTVANGEN, Status.VERWERKT),  # never without a claim
        (Status.VERZONDEN, Status.MISLUKT),
        (Status.TE_VERZENDEN, Status.ONTVANGEN),
        (Status.GEWEIGERD, Status.ONTVANGEN),  # a refusal was processed: no second run
    ],
)
def test_overgang_die_niet_bestaat_wordt_geweigerd(van, naar):
    b = _bericht(van)
    assert (van, naar) not in OVERGANGEN
    assert workflow.zet(Bericht.objects.filter(pk=b.pk), naar) == 0
    with pytest.raises(workflow.OngeldigeOvergang):
        workflow.zet(Bericht.objects.filter(pk=b.pk), naar, van=van)
    b.refresh_from_db()
    assert b.status == van


def test_elke_overgang_heeft_een_reden():
    assert all(reden.strip() for reden in OVERGANGEN.values())
    statussen = {s for edge in OVERGANGEN for s in edge}
    assert statussen == set(Status.values)


def test_verouderde_claim_wordt_overgenomen_en_de_eerste_worker_schrijft_niets(
    bericht305, taken_staan_stil, berichtenmap, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.ontvang(bericht305("OVER1"), transport="directory")
    eerste = verwerking._claim(bericht.pk)
    assert eerste is not None
    assert verwerking._claim(bericht.pk) is None  # still held
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        tweede = verwerking._claim(bericht.pk)
    assert tweede is not None and tweede != eerste

    # the first (slow, not dead) worker finishes late: its work is rolled back
    with pytest.raises(verwerking._Overgenomen):
        verwerking._verwerk(Bericht.objects.get(pk=bericht.pk), eerste)
    assert not Bericht.objects.filter(richting=Richting.UIT).exists()
    assert verwerking._verwerk(Bericht.objects.get(pk=bericht.pk), tweede) == Status.VERWERKT
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 1


#: The edges this test expects, written out apart from the table (decision 0019).
VERWACHT = {
    (Status.ONTVANGEN, Status.IN_VERWERKING),
    (Status.IN_VERWERKING, Status.IN_VERWERKING),
    (Status.IN_VERWERKING, Status.VERWERKT),
    (Status.IN_VERWERKING, Status.AFGEKEURD),
    (Status.IN_VERWERKING, Status.GEWEIGERD),
    (Status.IN_VERWERKING, Status.ONTVANGEN),
    (Status.AFGEKEURD, Status.ONTVANGEN),
    (Status.TE_VERZENDEN, Status.VERZONDEN),
    (Status.TE_VERZENDEN, Status.MISLUKT),
    (Status.MISLUKT, Status.TE_VERZENDEN),
    (Status.VERZONDEN, Status.TE_VERZENDEN),
}


@pytest.mark.parametrize(("van", "naar"), paren(workflow.BERICHT))
def test_elk_paar_statussen(van, naar):
    b = _bericht(van)
    controleer_paar(workflow.BERICHT, b, van, naar, (van, naar) in VERWACHT)


def test_een_nieuw_bericht_begint_ontvangen_of_te_verzenden():
    assert workflow.BERICHT.begin == {Status.ONTVANGEN, Status.TE_VERZENDEN}
