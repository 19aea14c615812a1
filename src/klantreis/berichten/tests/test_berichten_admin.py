"""The admin: read the exchange, and the two actions an administrator needs."""

from __future__ import annotations

import pytest

from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status

from .conftest import Teller

pytestmark = pytest.mark.django_db


def test_overzicht_filtert_en_toont_de_xml_als_tekst(admin_client, bericht305, lever, berichtenmap):
    bericht = lever(bericht305("ADM1"))
    lever(b"<geen-istandaard/>", eigenaar="0363")
    antwoord = admin_client.get("/admin/berichten/bericht/", {"status__exact": "afgekeurd"})
    assert antwoord.status_code == 200
    assert antwoord.context["cl"].result_count == 1
    antwoord = admin_client.get(f"/admin/berichten/bericht/{bericht.pk}/change/")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "&lt;wmo305:Identificatie&gt;ADM1" in html or "&lt;iwmo:Identificatie&gt;ADM1" in html


def test_opnieuw_verwerken_na_afkeuren(
    admin_client, bericht305, lever, berichtenmap, afhandelaar, django_capture_on_commit_callbacks
):
    afgekeurd = lever(b"kapot", eigenaar="0363")
    verwerkt = lever(bericht305("ADM2"))
    handler = afhandelaar("305", Teller())
    afgekeurd.refresh_from_db()
    eerder = afgekeurd.verwerkt_op
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/berichten/bericht/",
            {"action": "opnieuw_verwerken", "_selected_action": [afgekeurd.pk, verwerkt.pk]},
        )
    afgekeurd.refresh_from_db()
    verwerkt.refresh_from_db()
    assert afgekeurd.status == Status.AFGEKEURD  # processed again (still garbage)
    assert afgekeurd.verwerkt_op > eerder
    assert afgekeurd.laatste_fout == ""
    assert verwerkt.status == Status.VERWERKT
    assert handler.aanroepen == []  # a verwerkt message is never handled twice
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 1
