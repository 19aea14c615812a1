"""A message with very many faults stores at most MAX_OPGESLAGEN_FOUTEN of them one by one
and says how many more there were (the outside review saw 168 MB written into one row's
``fouten``); the retour still carries the codes."""

import pytest
from django.urls import reverse

from klantreis import istandaarden as ist
from klantreis.berichten import verwerking
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status

pytestmark = pytest.mark.django_db


def test_opgeslagen_fouten_afgekapt_met_een_telling_per_regel(
    bericht305, lever, berichtenmap, afhandelaar, monkeypatch
):
    monkeypatch.setattr(verwerking, "MAX_OPGESLAGEN_FOUTEN", 10)

    def verwerk_305(bericht, message):
        product = message.client.start_producten[0]
        fout = [
            ist.Fout(
                "TR019", "9019", "/Bericht/Client/StartProducten/StartProduct", f"f{i}", product
            )
            for i in range(25)
        ]
        ander = [ist.Fout("TR135", "8848", "/Bericht/Client", "g", message.client)] * 3
        return verwerking.Afhandeling(fouten=fout + ander)

    afhandelaar("305", verwerk_305)
    bericht = lever(bericht305("VEEL1"))
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    assert [f["melding"] for f in bericht.fouten[:10]] == [f"f{i}" for i in range(10)]
    samenvatting = bericht.fouten[10:]
    assert [(f["regel"], f["retourcode"], f["aantal"]) for f in samenvatting] == [
        ("TR019", "9019", 15),
        ("TR135", "8848", 3),
    ]
    assert all(f["afgekapt"] and "Afgekapt" in f["melding"] for f in samenvatting)
    retour = Bericht.objects.get(richting=Richting.UIT, heen=bericht)
    codes = {c.value for p in ist.read(retour.bytes).client.start_producten for c in p.retour_codes}
    assert "9019" in codes


def test_portaal_telt_de_afgekapte_fouten_mee(client, bericht305, lever, berichtenmap):
    """The message page's summary per rule counts what the capped list no longer holds."""
    bericht = lever(bericht305("VEEL2"))
    Bericht.objects.filter(pk=bericht.pk).update(
        fouten=[
            {"regel": "TR019", "retourcode": "9019", "pad": "", "melding": "f"},
            {
                "regel": "TR019",
                "retourcode": "9019",
                "pad": "",
                "melding": "En nog 41 keer deze fout.",
                "aantal": 41,
                "afgekapt": True,
            },
        ]
    )
    from klantreis.accounts.models import Rol
    from klantreis.tests.factories import AanbiederFactory, GemeenteFactory
    from klantreis.tests.lopen import actoren

    client.force_login(actoren(GemeenteFactory(code="0363"), AanbiederFactory())[Rol.BACKOFFICE])
    antwoord = client.get(reverse("portal:bericht", args=[bericht.pk]))
    assert antwoord.status_code == 200
    [regel] = antwoord.context["samenvatting"]
    assert (regel["regel"], regel["aantal"]) == ("TR019", 42)
