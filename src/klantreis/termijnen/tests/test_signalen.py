"""Every deadline breach is signalled once to the traject's owner, and counted in a report."""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.termijnen.signalen import rapport, signaleer_verlopen
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import actoren

pytestmark = pytest.mark.django_db


@pytest.fixture
def verlopen_traject(doetinchem):
    wie = actoren(doetinchem)
    wie[Rol.GI].email = "jeugdbeschermer@example.nl"
    wie[Rol.GI].save()
    return engine.start_traject(
        client=ClientFactory(gemeente=doetinchem, wet="jeugdwet", achternaam="Visser"),
        gemeente=doetinchem,
        route_id="achterhoek-route-3",
        door=wie[Rol.GI],
        rol=Rol.GI,
        eigenaar=wie[Rol.GI],
        op=datetime(2026, 3, 2, 9, tzinfo=ZoneInfo("Europe/Amsterdam")),
    )


def test_verlopen_termijn_wordt_een_keer_gemeld_aan_de_eigenaar(verlopen_traject):
    assert signaleer_verlopen(date(2026, 3, 9)) == 0  # due that day: not yet overdue
    assert signaleer_verlopen(date(2026, 3, 10)) == 1
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["jeugdbeschermer@example.nl"]
    assert "Visser" in bericht.body and "uiterlijk 09-03-2026" in bericht.body
    assert signaleer_verlopen(date(2026, 3, 11)) == 0  # signalled once
    assert len(mail.outbox) == 1


def test_rapport_telt_per_gemeente_route_en_termijn(verlopen_traject, capsys):
    regels = rapport(vandaag=date(2026, 3, 10))
    assert [(r.gemeente, r.route, r.termijn, r.open, r.verlopen) for r in regels] == [
        (
            "Doetinchem",
            "achterhoek-route-3",
            "Afstemming GI met Lokale Toegang en zorgaanbieder",
            0,
            1,
        ),
    ]
    verlopen_traject.termijnen.update(voldaan_op=date(2026, 3, 12))
    regel = rapport(vandaag=date(2026, 3, 20))[0]
    assert (regel.te_laat, regel.gehaald, regel.percentage_op_tijd) == (1, 0, 0.0)
    call_command("termijnen", "rapport", "--gemeente", "0222", "--json")
    assert json.loads(capsys.readouterr().out)[0]["te_laat"] == 1
