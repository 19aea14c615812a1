"""Two things the back office must not miss (decision 0013): a provider that refuses our 301
with a 302 carrying retourcodes (the 302 is on time, so the Heusden termijn is met, but the
toewijzing is not accepted), and a provider's final stop (307) after which the gemeente ends
the toewijzing itself on the stop date. Through the real exchange: the 302 and 307 are
delivered to ``berichten.ontvang`` and processed as any message."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from klantreis import istandaarden as ist
from klantreis.accounts.models import Rol
from klantreis.berichten import services as berichten
from klantreis.berichten.models import Bericht
from klantreis.portal import werkvoorraad as wv
from klantreis.producten.models import Product
from klantreis.simulatie.aanbieder import Persoon, bouw_305, bouw_307, weiger_301
from klantreis.tests.factories import AanbiederFactory
from klantreis.tests.lopen import rond_af
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Weigering

from .conftest import contract, start, zonder_klassen

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


@pytest.fixture
def toegewezen(heusden):
    """A Heusden traject whose toewijzing (301) the back office just sent (stap 6 → 7)."""
    aanbieder = AanbiederFactory(naam="Zorgkracht Heusden", agb_code="41001001")
    contract(aanbieder, heusden)
    traject = start(heusden, voornamen="Anna", achternaam="Bakker")
    traject.wie.aanbieder = aanbieder
    while traject.huidige_stap != "6":
        rond_af(traject, traject.wie)
    traject.refresh_from_db()
    t = services.wijs_toe(
        client=traject.client,
        aanbieder=aanbieder,
        gemeente=heusden,
        product=Product.objects.get(code="02A01"),
        ingangsdatum=VANDAAG() + timedelta(days=7),
        einddatum=VANDAAG() + timedelta(days=200),
        volume=3,
        frequentie="2",
        traject=traject,
        door=traject.wie[Rol.BACKOFFICE],
    )
    t.bo = traject.wie[Rol.BACKOFFICE]
    return t


def _laatste_301() -> tuple[Bericht, object]:
    heen = Bericht.objects.filter(richting="uit", berichtcode="301").latest("pk")
    return heen, ist.read(heen.bytes)


def _lever(message, eigenaar: str, capture) -> Bericht:
    with capture(execute=True):
        bericht = berichten.ontvang(
            ist.write(message), transport="test", bestandsnaam="in.xml", eigenaar=eigenaar
        )
    bericht.refresh_from_db()
    return bericht


_teller = iter(range(1, 10_000))


def _302(weigeren: dict[int, str] | None = None):
    """The provider's retour on our latest 301: refusing (``weigeren``) or accepting."""
    _, bericht301 = _laatste_301()
    kwargs = {"identificatie": f"R{next(_teller)}", "dagtekening": VANDAAG()}
    if weigeren:
        return weiger_301(bericht301, weigeren, **kwargs)
    return ist.build_retour(bericht301, ist.check(ist.write(bericht301)), **kwargs)


def _termijn_302(t):
    return t.traject.termijnen.get(sleutel="retour-302")


def _tekst(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return html.unescape(zonder_klassen(response.content.decode()))


def _items(user, soort: str) -> list:
    return [i for i in wv.werkvoorraad(user, VANDAAG()) if i.soort == soort]


# --- 302 --------------------------------------------------------------------------------------


def test_302_met_0200_blijft_verwerkt_zonder_werk(toegewezen, django_capture_on_commit_callbacks):
    t = toegewezen
    ontvangen = _lever(_302(), t.gemeente.code, django_capture_on_commit_callbacks)
    assert (ontvangen.berichtcode, ontvangen.status, ontvangen.fouten) == ("302", "verwerkt", [])
    assert ontvangen.heen == _laatste_301()[0]
    assert _termijn_302(t).voldaan_op == VANDAAG()
    assert not Weigering.objects.exists()
    assert not _items(t.bo, "weigering")
    from klantreis.portal.views_toewijzingen import toewijzing_status

    t.refresh_from_db()
    assert toewijzing_status(t) == "Toegewezen"


def test_302_die_de_301_weigert_is_zichtbaar_en_de_termijn_is_gehaald(
    client, toegewezen, django_capture_on_commit_callbacks
):
    t = toegewezen
    heen, _ = _laatste_301()
    ontvangen = _lever(
        _302({t.nummer: "9332"}), t.gemeente.code, django_capture_on_commit_callbacks
    )
    # the message: paired with our 301, processed, and marked as a refusal
    assert ontvangen.heen == heen and ontvangen.status == "geweigerd"
    assert [f["retourcode"] for f in ontvangen.fouten] == ["9332"]
    # the provider answered in time: the Heusden termijn (3 dagen) is met
    assert _termijn_302(t).voldaan_op == VANDAAG()
    (w,) = Weigering.objects.all()
    assert (w.toewijzing, w.bericht, w.heen, w.retourcodes, w.open) == (
        t,
        ontvangen,
        heen,
        ["9332"],
        True,
    )
    client.force_login(t.bo)
    # the back office's queue: one item, linking to the toewijzing page
    (item,) = _items(t.bo, "weigering")
    assert item.titel == f"Toewijzing {t.nummer} afgewezen door aanbieder (302: 9332)"
    assert item.url == reverse("portal:toewijzing", args=[t.pk])
    assert item.client == t.client.naam and item.aanbieder == t.aanbieder
    startpagina = _tekst(client, reverse("portal:werkvoorraad"))
    assert f"Toewijzing {t.nummer} afgewezen door aanbieder (302: 9332)" in startpagina
    # the toewijzing page and the traject's list say it was refused, with the code's text
    pagina = _tekst(client, item.url)
    assert "Geweigerd door aanbieder (302)" in pagina
    assert "9332 Toewijzing heeft geen uniek nummer binnen wettelijk domein." in pagina
    assert reverse("portal:bericht", args=[ontvangen.pk]) in pagina
    traject = _tekst(client, reverse("portal:traject", args=[t.traject_id]))
    assert "Geweigerd door aanbieder (302)" in traject
    # the message screens: a status of its own, among the messages waiting for action
    detail = _tekst(client, reverse("portal:bericht", args=[ontvangen.pk]))
    assert "Verwerkt, ons bericht geweigerd" in detail
    assert f"weigert hiermee ons bericht 301 {heen.identificatie}" in detail
    wachtend = _tekst(client, reverse("portal:berichten") + "?status=wachtend")
    assert reverse("portal:bericht", args=[ontvangen.pk]) in wachtend


def test_geweigerde_toewijzing_gecorrigeerd_en_aanvaard_werk_verdwijnt(
    client, toegewezen, django_capture_on_commit_callbacks
):
    t = toegewezen
    weigering = _lever(
        _302({t.nummer: "9332"}), t.gemeente.code, django_capture_on_commit_callbacks
    )
    # the back office corrects it: a new 301 with the same nummer
    services.wijzig_einddatum(t, t.einddatum - timedelta(days=30), door=t.bo)
    aanvaard = _lever(_302(), t.gemeente.code, django_capture_on_commit_callbacks)
    assert aanvaard.status == "verwerkt" and aanvaard.fouten == []
    w = Weigering.objects.get()
    assert not w.open and w.opgelost_door == aanvaard and w.bericht == weigering
    assert not _items(t.bo, "weigering")
    client.force_login(t.bo)
    pagina = _tekst(client, reverse("portal:toewijzing", args=[t.pk]))
    assert "Geweigerd door aanbieder (302)" not in pagina.split("</h1>")[0]
    assert "afgehandeld" in pagina  # the history stays on the page


@pytest.mark.parametrize(
    ("weigeren", "verwacht"),
    [
        # level 2 (0001): a header-only retour, and every toewijzing carries its code
        ({0: "0001"}, {"eerste": ["0001"], "tweede": ["0001"]}),
        # a code on one product rejects the whole 301 (NOTES §3): the other, marked 0200
        # only, is refused with the message's codes
        ({"tweede": "9332"}, {"eerste": ["9332"], "tweede": ["9332"]}),
    ],
)
def test_302_weigert_alle_toewijzingen_van_de_301(
    toegewezen, django_capture_on_commit_callbacks, weigeren, verwacht
):
    t = toegewezen
    tweede = services.wijs_toe(
        client=t.client,
        aanbieder=t.aanbieder,
        gemeente=t.gemeente,
        product=None,
        ingangsdatum=t.einddatum + timedelta(days=1),
        einddatum=t.einddatum + timedelta(days=90),
        budget=50_000,
        traject=t.traject,
        door=t.bo,
    )
    _, bericht301 = _laatste_301()
    assert {p.toewijzing_nummer for p in bericht301.client.toegewezen_producten} == {
        t.nummer,
        tweede.nummer,
    }  # OP087: one 301 with both
    nummer = {"eerste": t.nummer, "tweede": tweede.nummer, 0: 0}
    ontvangen = _lever(
        _302({nummer[k]: v for k, v in weigeren.items()}),
        t.gemeente.code,
        django_capture_on_commit_callbacks,
    )
    assert ontvangen.status == "geweigerd"
    codes = {w.toewijzing.nummer: w.retourcodes for w in Weigering.objects.all()}
    assert codes == {nummer[k]: v for k, v in verwacht.items()}
    assert sorted(i.titel for i in _items(t.bo, "weigering")) == sorted(
        f"Toewijzing {nummer[k]} afgewezen door aanbieder (302: {', '.join(v)})"
        for k, v in verwacht.items()
    )


def test_weigering_alleen_in_de_werkvoorraad_van_de_eigen_backoffice(
    toegewezen, django_capture_on_commit_callbacks
):
    from klantreis.tests.factories import GemeenteFactory, user_met_rol

    t = toegewezen
    _lever(_302({t.nummer: "9332"}), t.gemeente.code, django_capture_on_commit_callbacks)
    ander = user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0796"))
    assert not _items(ander, "weigering")
    assert not _items(t.traject.wie[Rol.TOEGANG], "weigering")


# --- final 307 ----------------------------------------------------------------------------------


def _persoon(t) -> Persoon:
    c = t.client
    return Persoon(
        bsn=c.bsn, geboortedatum=c.geboortedatum, geslacht=c.geslacht, achternaam=c.achternaam
    )


def _header(t, code: str):
    return ist.nieuwe_header(
        ist.Standaard.IWMO,
        code,
        afzender=t.aanbieder.agb_code,
        ontvanger=t.gemeente.code,
        dagtekening=VANDAAG(),
        identificatie=ist.GeheugenIdentificatieGenerator(prefix=f"S{code}"),
    )


def _gestart(t, capture):
    start305 = bouw_305(
        ist.Standaard.IWMO, _header(t, "305"), _persoon(t), [(t.nummer, t.ingangsdatum, "1")]
    )
    assert _lever(start305, t.gemeente.code, capture).status == "verwerkt"


def _stop(t, einddatum, reden: str, capture) -> Bericht:
    stop307 = bouw_307(
        ist.Standaard.IWMO,
        _header(t, "307"),
        _persoon(t),
        [(t.nummer, t.ingangsdatum, einddatum, reden, "1")],
    )
    bericht = _lever(stop307, t.gemeente.code, capture)
    assert bericht.status == "verwerkt", bericht.fouten
    return bericht


def test_definitieve_stop_geeft_werk_en_een_ingevuld_formulier_tot_de_einddatum_gezet_is(
    client, toegewezen, django_capture_on_commit_callbacks
):
    t = toegewezen
    _gestart(t, django_capture_on_commit_callbacks)
    stopdatum = t.ingangsdatum + timedelta(days=40)
    _stop(t, stopdatum, "02", django_capture_on_commit_callbacks)  # overlijden
    t.refresh_from_db()
    assert t.einddatum > stopdatum  # not ended automatically: the gemeente decides
    (item,) = _items(t.bo, "beeindigen")
    assert item.titel == (
        f"Toewijzing {t.nummer} beëindigen per stopdatum {stopdatum:%d-%m-%Y} (307)"
    )
    assert item.url == reverse("portal:toewijzing", args=[t.pk])
    client.force_login(t.bo)
    assert item.titel in _tekst(client, reverse("portal:werkvoorraad"))
    pagina = _tekst(client, item.url)
    assert f"definitief gestopt per {stopdatum:%d-%m-%Y} (307, reden 02 Overlijden)" in pagina
    # the form stands on the stop date, with the RedenWijziging that fits: cliënt overleden
    assert f'name="einde-einddatum" value="{stopdatum.isoformat()}"' in pagina
    assert '<option value="02" selected>02 Client overleden</option>' in pagina
    response = client.post(
        item.url,
        {
            "actie": "einddatum",
            "einde-einddatum": stopdatum.isoformat(),
            "einde-reden_wijziging": "02",
        },
    )
    assert response.status_code == 302
    t.refresh_from_db()
    assert (t.einddatum, t.reden_wijziging) == (stopdatum, "02")
    _, bericht301 = _laatste_301()
    (product,) = bericht301.client.toegewezen_producten
    assert (product.einddatum, product.reden_wijziging.value) == (stopdatum, "02")
    assert not _items(t.bo, "beeindigen")
    assert "Definitieve stop: toewijzing beëindigen" not in _tekst(client, item.url)


def test_tijdelijke_stop_geeft_geen_beeindigingswerk(
    toegewezen, django_capture_on_commit_callbacks
):
    t = toegewezen
    _gestart(t, django_capture_on_commit_callbacks)
    _stop(t, t.ingangsdatum + timedelta(days=40), "20", django_capture_on_commit_callbacks)
    assert not _items(t.bo, "beeindigen")


def test_definitieve_stop_na_een_eerdere_einddatum_geeft_geen_werk(
    toegewezen, django_capture_on_commit_callbacks
):
    t = toegewezen
    _gestart(t, django_capture_on_commit_callbacks)
    services.wijzig_einddatum(t, t.ingangsdatum + timedelta(days=30), door=t.bo)
    _stop(t, t.ingangsdatum + timedelta(days=30), "19", django_capture_on_commit_callbacks)
    assert not _items(t.bo, "beeindigen")


@pytest.mark.parametrize(
    ("wet", "reden", "verwacht"),
    [
        ("wmo", "02", "02"),  # overlijden → cliënt overleden
        ("wmo", "31", "07"),  # verhuizing → verhuizing naar een andere gemeente
        ("jeugdwet", "31", "05"),  # Jw 31 is "volgens plan": verkorting
        ("wmo", "38", "09"),
        ("jeugdwet", "39", "06"),
        ("wmo", "22", "12"),
        ("jeugdwet", "33", "12"),
        ("wmo", "19", "05"),
        ("jeugdwet", "35", "05"),
    ],
)
def test_reden_wijziging_bij_stop(wet, reden, verwacht):
    assert services.reden_wijziging_bij_stop(wet, reden) == verwacht


@pytest.mark.parametrize("reden", ["13", "01", "99"])
def test_einddatum_met_reden_13_01_of_onbekend_geweigerd_cs335_cs336(toegewezen, reden):
    t = toegewezen
    with pytest.raises(services.ToewijzingFout, match="CS33"):
        services.wijzig_einddatum(t, t.einddatum - timedelta(days=1), reden_wijziging=reden)
