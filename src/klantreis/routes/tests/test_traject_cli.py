"""``klantreis traject``: the same engine from the command line, as a named user."""

import json

import pytest
from django.core.management import CommandError, call_command

from klantreis.accounts.models import Rol
from klantreis.routes.models import Traject
from klantreis.tests.factories import ClientFactory, user_met_rol
from klantreis.tests.lopen import actoren, schrijf_en_stel_vast

pytestmark = pytest.mark.django_db


def test_consulent_start_en_zet_verder_via_de_cli(heusden, capsys):
    consulent = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="consulent.test")
    client = ClientFactory(gemeente=heusden)
    call_command(
        "traject",
        "start",
        "--bsn",
        client.bsn,
        "--route",
        "heusden-stappenplan",
        "--gebruiker",
        "consulent.test",
        "--rol",
        "toegang",
    )
    traject = Traject.objects.get(client=client)
    assert "stap 1" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Integrale vraaganalyse \\(IVA\\) ontbreekt"):
        call_command(
            "traject",
            "verder",
            str(traject.pk),
            "--gebruiker",
            "consulent.test",
            "--rol",
            "toegang",
        )
    wie = actoren(heusden)
    wie.users[Rol.TOEGANG] = consulent
    schrijf_en_stel_vast(traject, "iva", wie)
    call_command(
        "traject",
        "verder",
        str(traject.pk),
        "--gebruiker",
        "consulent.test",
        "--rol",
        "toegang",
        "--reden",
        "IVA besproken",
    )
    traject.refresh_from_db()
    assert traject.huidige_stap == "2"
    capsys.readouterr()
    call_command("traject", "toon", str(traject.pk), "--json")
    data = json.loads(capsys.readouterr().out)
    assert [g["soort"] for g in data["geschiedenis"]] == ["gestart", "stap_voltooid"]
    assert data["geschiedenis"][1]["door"] == "consulent.test"
    assert data["geschiedenis"][1]["reden"] == "IVA besproken"
    assert data["termijnen"][0]["naam"] == "IVA, IPA en keuze aanbieder"


def test_cli_weigert_onbekende_gebruiker(heusden):
    with pytest.raises(CommandError, match="Onbekende gebruiker"):
        call_command(
            "traject",
            "start",
            "--bsn",
            "999999990",
            "--route",
            "x",
            "--gebruiker",
            "niemand",
            "--rol",
            "toegang",
        )
