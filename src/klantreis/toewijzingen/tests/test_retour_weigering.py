"""A provider's retour that refuses our message (decision 0013): a 320 on our 319, and the
simulated provider refusing a 301 over a transport. The 302 screens and the Heusden termijn
are in portal/tests/test_weigering_en_definitieve_stop.py."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from klantreis import istandaarden as ist
from klantreis.berichten import services as berichten
from klantreis.berichten.models import Bericht
from klantreis.berichten.transports import Ontvangen, Uitgaand
from klantreis.portal import werkvoorraad as wv
from klantreis.simulatie.aanbieder import SimAanbieder
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Verzoek, Weigering

from .conftest import VANDAAG
from .test_verzoeken import _315, jeugd  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _lever(keten, data: bytes, capture) -> Bericht:
    with capture(execute=True):
        bericht = berichten.ontvang(
            data, transport="test", bestandsnaam="in.xml", eigenaar=keten.gemeente.code
        )
    bericht.refresh_from_db()
    return bericht


def test_320_die_ons_319_weigert_geeft_werk_bij_het_verzoek(
    client,
    jeugd,  # noqa: F811 (a fixture)
    django_capture_on_commit_callbacks,
):
    jeugd.lever(_315(jeugd), django_capture_on_commit_callbacks)
    verzoek = Verzoek.objects.get()
    services.zet_in_onderzoek(verzoek)
    heen = Bericht.objects.get(berichtcode="319")
    bericht319 = ist.read(heen.bytes)
    fout = ist.Fout("AANBIEDER", "9365", "/Bericht/Antwoord", "Geweigerd", bericht319.antwoord)
    retour = ist.build_retour(
        bericht319,
        ist.CheckResult(
            bericht319.standaard, "319", False, ist.Niveau.HISTORIE, (fout,), bericht319
        ),
        identificatie="R320",
        dagtekening=VANDAAG,
    )
    ontvangen = _lever(jeugd, ist.write(retour), django_capture_on_commit_callbacks)
    assert (ontvangen.berichtcode, ontvangen.heen, ontvangen.status) == ("320", heen, "geweigerd")
    (w,) = Weigering.objects.all()
    assert (w.verzoek, w.toewijzing, w.retourcodes) == (verzoek, None, ["9365"])
    items = [i for i in wv.werkvoorraad(jeugd.wie["backoffice"], VANDAAG) if i.soort == "weigering"]
    assert [(i.titel, i.url) for i in items] == [
        (
            "Antwoord (319) afgewezen door aanbieder (320: 9365)",
            reverse("portal:verzoek", args=[verzoek.pk]),
        )
    ]
    client.force_login(jeugd.wie["backoffice"])
    pagina = client.get(items[0].url).content.decode()
    assert "Antwoord geweigerd door de aanbieder (320)" in pagina
    assert "9365 Er komt al een antwoordbericht met dezelfde ReferentieAanbieder" in pagina


@dataclass
class Postbus:
    """The provider's side of a channel, in memory: what the gemeente sent it, and what it
    sent back (delivered to the exchange by the test)."""

    inbox: list[Ontvangen] = field(default_factory=list)
    uit: list[Uitgaand] = field(default_factory=list)
    naam = "geheugen"

    def verzend(self, bericht: Uitgaand) -> str:
        self.uit.append(bericht)
        return bericht.identificatie

    def haal_op(self):
        return list(self.inbox)

    def bevestig(self, ontvangen: Ontvangen) -> None:
        self.inbox.remove(ontvangen)


def test_gesimuleerde_aanbieder_weigert_een_301_en_aanvaardt_de_volgende(
    keten, django_capture_on_commit_callbacks
):
    t = services.wijs_toe(
        client=keten.client,
        aanbieder=keten.aanbieder,
        gemeente=keten.gemeente,
        product=keten.product,
        ingangsdatum=VANDAAG + dt.timedelta(days=7),
        einddatum=VANDAAG + dt.timedelta(days=180),
        volume=2,
        frequentie="2",
        traject=keten.traject,
    )
    postbus = Postbus()
    sim = SimAanbieder(agb=keten.aanbieder.agb_code, transport=postbus, weigeren={t.nummer: "9332"})

    def wissel_uit() -> Bericht:
        heen = Bericht.objects.filter(richting="uit", berichtcode="301").latest("pk")
        postbus.inbox.append(Ontvangen(inhoud=heen.bytes, bestandsnaam="301.xml"))
        sim.verwerk_inbox()
        (antwoord,) = postbus.uit
        postbus.uit.clear()
        return _lever(keten, antwoord.inhoud, django_capture_on_commit_callbacks)

    geweigerd = wissel_uit()
    assert (geweigerd.berichtcode, geweigerd.status) == ("302", "geweigerd")
    assert Weigering.objects.get().open
    assert sim.weigeren == {}  # refused once
    services.wijzig_einddatum(t, VANDAAG + dt.timedelta(days=150))
    aanvaard = wissel_uit()
    assert (aanvaard.berichtcode, aanvaard.status, aanvaard.fouten) == ("302", "verwerkt", [])
    w = Weigering.objects.get()
    assert not w.open and w.opgelost_door == aanvaard
