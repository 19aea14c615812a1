"""A real worker process is killed (SIGKILL) between receipt and retour: after a restart the
message is processed, once, and nothing of the killed attempt remains."""

from __future__ import annotations

import datetime
import os
import signal
import subprocess
import sys
import textwrap

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from klantreis.berichten import services, tasks
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status
from klantreis.organisaties.models import Gemeente

from .conftest import AANBIEDER, Teller, inbox

WORKER = textwrap.dedent(
    """
    import datetime, os, signal, sys
    import django, time_machine
    # the worker's clock is the test's (which runs at 10:00 of its day, klantreis.tests.tijdreis),
    # so "16 minutes after the claim" means the same moment in both processes
    time_machine.travel(datetime.datetime.fromisoformat(sys.argv[2]), tick=True).start()
    django.setup()
    from klantreis.berichten import afhandeling, verwerking
    from klantreis.organisaties.models import Gemeente

    @afhandeling.registreer("305")
    def verwerk_305(bericht, message):
        Gemeente.objects.create(code="9995", naam="Werk van de gedode worker")
        os.kill(os.getpid(), signal.SIGKILL)  # the OOM killer, a deploy, a power cut

    verwerking.verwerk(int(sys.argv[1]))
    """
)


@pytest.mark.django_db(transaction=True)
def test_worker_proces_gedood_tussen_ontvangst_en_retour(
    bericht305, berichtenmap, afhandelaar, taken_staan_stil
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs a database a second process can open (PostgreSQL); "
            "the in-process variant runs on SQLite too"
        )
    bericht = services.ontvang(bericht305("SIGKILL1"), transport="directory")

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "klantreis.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
        f"{db['PORT']}/{db['NAME']}",
    }
    proces = subprocess.run(
        [sys.executable, "-c", WORKER, str(bericht.pk), timezone.now().isoformat()],
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert proces.returncode == -signal.SIGKILL, proces.stderr.decode()[-2000:]

    bericht.refresh_from_db()
    assert bericht.status == Status.IN_VERWERKING  # the claim was committed, nothing else
    assert not Bericht.objects.filter(richting=Richting.UIT).exists()
    assert not Gemeente.objects.filter(code="9995").exists()

    handler = afhandelaar("305", Teller())  # the restarted worker, with the fixed handler
    assert tasks.verwerk_achterstand()["verwerkt"] == 0  # not before the limit
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=16), tick=False):
        assert tasks.verwerk_achterstand() == {"verwerkt": 1, "bezorgd": 1, "mislukt": 0}
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    assert handler.aanroepen == [bericht.pk]
    retour = Bericht.objects.get(richting=Richting.UIT)
    assert inbox(berichtenmap, AANBIEDER) == [retour.bytes]
