"""Not eager: the tasks go through a broker to a real Celery worker (in a thread), as in
production. Receipt → verwerk → retour → bezorg, all by the worker after commit."""

from __future__ import annotations

import time

import pytest
from celery.contrib.testing.worker import start_worker

from klantreis.berichten import services
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status
from klantreis.celery import app

from .conftest import AANBIEDER, Teller, inbox


@pytest.fixture
def echte_worker():
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            yield
    finally:
        app.conf.task_always_eager = eager


def _wacht_tot(voorwaarde, seconden: float = 20) -> bool:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if voorwaarde():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_worker_verwerkt_en_bezorgt_na_commit(bericht305, berichtenmap, afhandelaar, echte_worker):
    handler = afhandelaar("305", Teller())
    bericht = services.ontvang(bericht305("WORKER1"), transport="directory")

    def klaar():
        return Bericht.objects.filter(
            richting=Richting.UIT, heen=bericht, status=Status.VERZONDEN
        ).exists()

    assert _wacht_tot(klaar), "de worker heeft het bericht niet verwerkt en beantwoord"
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    assert handler.aanroepen == [bericht.pk]
    retour = Bericht.objects.get(richting=Richting.UIT)
    assert inbox(berichtenmap, AANBIEDER) == [retour.bytes]
