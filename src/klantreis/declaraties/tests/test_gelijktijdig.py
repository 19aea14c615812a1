"""Two 323s of one provider processed by two workers at the same time: the second must see
what the first approved. Without the lock per provider both read an empty history and both
approve the same ReferentieNummer (TR314; its unique index then fails the second worker).
The barrier in ``regels.laad`` makes that race certain instead of rare: each worker waits
there for the other (2 s at most)."""

from __future__ import annotations

import contextlib
import threading

import pytest
from django.db import connection

from klantreis import istandaarden as ist
from klantreis.berichten import services as berichten
from klantreis.berichten import verwerking
from klantreis.berichten.models import Bericht
from klantreis.declaraties import regels
from klantreis.declaraties.models import Prestatie

from .conftest import prestatie


@pytest.mark.django_db(transaction=True)
def test_twee_workers_een_aanbieder_de_tweede_ziet_wat_de_eerste_goedkeurde(omgeving, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip(
            "Twee gelijktijdige schrijvers vragen PostgreSQL: de SQLite-testdatabase in het "
            "geheugen weigert een tweede verbinding die schrijft."
        )
    monkeypatch.setattr(verwerking.verwerk, "delay", lambda pk: None)  # the test is the worker
    ids = [
        berichten.ontvang(
            ist.write(omgeving.bericht({omgeving.bsn: [prestatie("REF1")]}, nummer=nummer)),
            transport="test",
            eigenaar=omgeving.gemeente.code,
        ).pk
        for nummer in ("DECLA", "DECLB")
    ]

    samen = threading.Barrier(2)
    laad = regels.laad

    def laad_samen(ctx):
        # a broken barrier: the other worker waits for the lock, as it should
        with contextlib.suppress(threading.BrokenBarrierError):
            samen.wait(timeout=2)
        return laad(ctx)

    monkeypatch.setattr(regels, "laad", laad_samen)
    fouten: list[BaseException] = []

    def worker(pk):
        try:
            verwerking.verwerk(pk)
        except BaseException as exc:  # reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(pk,)) for pk in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)

    assert fouten == []
    # Both judged and answered: one approved, the other rejected by TR314. Without the lock
    # the second either approves too or dies on the unique index, and has no 325.
    oordelen = sorted(
        Prestatie.objects.filter(referentienummer="REF1").values_list("goedgekeurd", flat=True)
    )
    assert oordelen == [False, True]
    assert Bericht.objects.filter(heen_id__in=ids, berichtcode="325").count() == 2
