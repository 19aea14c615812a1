"""The lifecycles of a Verzoek and a Toewijzing (toewijzingen/workflow.py): every pair of
states, allowed or refused, on real rows; and through the services, a request answered from a
stale screen is refused without a second 319/301, a deleted toewijzing stays deleted."""

import datetime as dt

import pytest

from klantreis.berichten.models import Bericht
from klantreis.tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory
from klantreis.tests.overgangen import controleer_paar, paren
from klantreis.toewijzingen import services, workflow
from klantreis.toewijzingen.models import Toewijzing, Verzoek, VerzoekStatus

pytestmark = pytest.mark.django_db

V = VerzoekStatus
VERZOEK_VERWACHT = {
    (V.ONTVANGEN, V.IN_ONDERZOEK),
    (V.ONTVANGEN, V.TOEGEWEZEN),
    (V.ONTVANGEN, V.AFGEWEZEN),
    (V.IN_ONDERZOEK, V.TOEGEWEZEN),
    (V.IN_ONDERZOEK, V.AFGEWEZEN),
}


def _toewijzing_verwacht(van: str, naar: str) -> bool:
    """CS335/CS336/OP033x1 as this test reads them: nothing leaves 13 (verwijderd) or 01
    (never used), nothing goes to 01 or back to 'no change yet'."""
    return van not in ("13", "01") and naar not in ("", "01")


@pytest.fixture
def partijen(db):
    gemeente = GemeenteFactory(code="0797", naam="Heusden")
    aanbieder = AanbiederFactory(agb_code="41000044")
    client = ClientFactory(gemeente=gemeente, wet="wmo")
    bericht = Bericht.objects.create(richting="in", inhoud=b"315", sha256="x", status="verwerkt")
    return gemeente, aanbieder, client, bericht


def _verzoek(partijen, status=V.ONTVANGEN, ref="REF-1") -> Verzoek:
    gemeente, aanbieder, client, bericht = partijen
    return Verzoek.objects.create(
        soort="vot",
        status=status,
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        referentie_aanbieder=ref,
        inhoud={},
        dagtekening=dt.date(2026, 11, 2),
        bericht=bericht,
    )


@pytest.mark.parametrize(("van", "naar"), paren(workflow.VERZOEK))
def test_verzoek_elk_paar(partijen, van, naar):
    controleer_paar(
        workflow.VERZOEK, _verzoek(partijen, van), van, naar, (van, naar) in VERZOEK_VERWACHT
    )


@pytest.mark.parametrize(("van", "naar"), paren(workflow.TOEWIJZING))
def test_toewijzing_elk_paar(partijen, van, naar):
    gemeente, aanbieder, client, _ = partijen
    t = Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        nummer=1,
        categorie="02",
        toewijzingsdatum=dt.date(2026, 11, 2),
        toewijzingstijd=dt.time(9),
        ingangsdatum=dt.date(2026, 11, 2),
        reden_wijziging=van,
    )
    controleer_paar(workflow.TOEWIJZING, t, van, naar, _toewijzing_verwacht(van, naar))


def test_de_toewijzing_kent_elke_reden_wijziging_en_begint_zonder():
    from klantreis.istandaarden.codes import RedenWijziging

    # every RedenWijziging but 01, which is never used (CS336)
    assert workflow.TOEWIJZING.statussen == {"", *(c.value for c in RedenWijziging)} - {"01"}
    assert workflow.TOEWIJZING.begin == {""}
    assert workflow.VERZOEK.statussen == set(VerzoekStatus.values)
    assert Verzoek._meta.get_field("status").default in workflow.VERZOEK.begin


# --- through the services ---------------------------------------------------------------------


def test_tweede_antwoord_vanaf_een_verouderd_scherm_wordt_geweigerd(keten):
    """Two clerks open the same request; the first rejects it (319). The second, whose copy
    still shows 'ontvangen', is refused, and no second 319 leaves (TR359/TR365)."""
    verzoek = _verzoek((keten.gemeente, keten.aanbieder, keten.client, _bericht()))
    scherm_b = Verzoek.objects.get(pk=verzoek.pk)
    services.wijs_verzoek_af(verzoek, reden="1")
    with pytest.raises(services.ToewijzingFout, match="intussen beantwoord"):
        services.zet_in_onderzoek(scherm_b)
    assert Bericht.objects.filter(richting="uit", berichtcode="319").count() == 1
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.reden_afwijzing) == (V.AFGEWEZEN, "1")


def test_een_verwijderde_toewijzing_komt_niet_terug_via_een_verouderde_kopie(keten):
    """CS335: deleted is final. A clerk with the toewijzing still open gives it a new end
    date after a colleague deleted it: refused, and no 301 carries the change."""
    begin = dt.date(2027, 1, 4)
    t = services.wijs_toe(
        client=keten.client,
        aanbieder=keten.aanbieder,
        gemeente=keten.gemeente,
        product=keten.product,
        ingangsdatum=begin,
        einddatum=begin + dt.timedelta(days=90),
        volume=2,
        frequentie="2",
        traject=keten.traject,
    )
    kopie = Toewijzing.objects.get(pk=t.pk)
    services.verwijder(t)
    n301 = Bericht.objects.filter(richting="uit", berichtcode="301").count()
    with pytest.raises(services.ToewijzingFout, match=r"verwijderd .* verandert niet meer"):
        services.wijzig_einddatum(kopie, begin + dt.timedelta(days=30))
    t.refresh_from_db()
    assert (t.reden_wijziging, t.einddatum) == ("13", begin)
    assert Bericht.objects.filter(richting="uit", berichtcode="301").count() == n301


def _bericht() -> Bericht:
    return Bericht.objects.create(richting="in", inhoud=b"315", sha256="y", status="verwerkt")
