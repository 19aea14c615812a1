"""Two workers sweep the same inbox at the same time: every message is handled exactly once.

Each thread has its own database connection and really commits (transaction=True), so the
exclusive claim is the database's conditional UPDATE, not a lock in Python.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from klantreis import istandaarden as ist
from klantreis.berichten import services, tasks
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status

from .conftest import AANBIEDER, Teller, inbox

AANTAL = 12


@pytest.mark.django_db(transaction=True)
def test_twee_workers_verwerken_elk_bericht_precies_eenmaal(
    bericht305, berichtenmap, afhandelaar, taken_staan_stil
):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:"):
        pytest.skip(
            "SQLite's in-memory test database (shared cache) refuses a second connection "
            "while one writes ('database table is locked', no busy wait): tried, it fails "
            "in the database, not in the claim. Run with DATABASE_URL=postgres://… ."
        )
    handler = afhandelaar("305", Teller())
    ids = [services.ontvang(bericht305(f"PAR{i}"), transport="directory").pk for i in range(AANTAL)]
    assert taken_staan_stil["verwerk"] == ids  # stored; no worker ran yet

    start = threading.Barrier(2)
    fouten: list[BaseException] = []
    uitkomsten: list[dict] = []

    def worker():
        try:
            start.wait()
            uitkomsten.append(tasks.verwerk_achterstand())
        except BaseException as exc:  # reported below, not swallowed
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert fouten == []
    assert sorted(handler.aanroepen) == sorted(ids)  # each once, none twice
    assert sum(u["verwerkt"] for u in uitkomsten) == AANTAL
    assert set(Bericht.objects.filter(richting=Richting.IN).values_list("status", flat=True)) == {
        Status.VERWERKT
    }
    retouren = Bericht.objects.filter(richting=Richting.UIT)
    assert retouren.count() == AANTAL
    assert sorted(retouren.values_list("heen_id", flat=True)) == sorted(ids)
    # every retour has its own IdentificatieRetour (the counter under concurrency)
    idents = {ist.read(b.bytes).header.identificatie_retour for b in retouren}
    assert len(idents) == AANTAL
    assert set(retouren.values_list("status", flat=True)) == {Status.VERZONDEN}
    assert len(inbox(berichtenmap, AANBIEDER)) == AANTAL  # delivered once each
