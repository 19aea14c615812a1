"""The start page is each role's work queue: what waits, overdue first, with counts and
filters; the full list of trajects stays under /trajecten/."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.api.tests.conftest import Wereld
from klantreis.portal import views
from klantreis.portal import werkvoorraad as wv
from klantreis.routes import engine
from klantreis.tests.factories import ClientFactory, user_met_rol
from klantreis.tests.lopen import actoren, rond_af
from klantreis.toewijzingen.models import Verzoek, VerzoekStatus

from .conftest import start, zonder_klassen

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(heusden):
    from klantreis.api.tests.conftest import _kant

    eigen = _kant(heusden, "Zorgkracht Heusden", "Eigenaar", 1001)
    ander = _kant(heusden, "Thuishulp Maasland", "Anderman", 2002)
    return Wereld(eigen=eigen, ander=ander, consulent=eigen.traject.wie[Rol.TOEGANG])


def _pagina(client, user, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("portal:werkvoorraad"), params)
    assert response.status_code == 200
    return zonder_klassen(response.content.decode())


def _rijen(html: str) -> str:
    return html.split("<h2>Te doen</h2>")[1]


def test_startpagina_is_de_werkvoorraad_en_de_lijst_blijft(client, wereld: Wereld):
    client.force_login(wereld.consulent)
    assert ">Werkvoorraad</h1>" in client.get("/").content.decode()
    assert ">Trajecten</h1>" in client.get(reverse("portal:trajecten")).content.decode()


def test_consulent_eigen_trajecten_op_zijn_stap_en_verlopen_termijnen(
    client, heusden, wereld: Wereld
):
    consulent = wereld.consulent
    nieuw = start(heusden, wie=wereld.eigen.traject.wie, achternaam="Nieuwenhuis")
    assert nieuw.eigenaar == consulent and nieuw.stap.rol == Rol.TOEGANG
    later = start(heusden, wie=wereld.eigen.traject.wie, achternaam="Laatstra")
    termijn = later.termijnen.first()
    termijn.einddatum = timezone.localdate() - timedelta(days=3)
    termijn.save()
    rijen = _rijen(_pagina(client, consulent))
    assert "Nieuwenhuis" in rijen and "Laatstra" in rijen
    assert "Eigenaar" not in rijen  # own traject, but at the provider's step (4)
    assert "Anderman" not in rijen  # another consulent's traject
    # overdue first: the late termijn heads the list
    assert rijen.index("Te laat") < rijen.index("Nieuwenhuis")
    assert termijn.naam in rijen
    items = wv.werkvoorraad(consulent, timezone.localdate())
    # the step of that traject is due on the same overdue date: both head the list
    assert [(i.soort, i.client, i.verlopen) for i in items[:2]] == [
        ("stap", "Jan Laatstra", True),
        ("termijn", "Jan Laatstra", True),
    ]
    assert not any(i.verlopen for i in items if "Nieuwenhuis" in i.client)


def test_backoffice_berichten_verzoeken_en_filter_op_aanbieder(client, wereld: Wereld):
    backoffice = wereld.eigen.traject.wie[Rol.BACKOFFICE]
    html = _pagina(client, backoffice)
    assert "Verzoek om toewijzing (315)" in _rijen(html)
    assert '<th scope="row">Verzoek open</th><td>2</td>' in html
    assert "afgekeurd" not in _rijen(html)
    gefilterd = _pagina(client, backoffice, aanbieder=str(wereld.ander.aanbieder.pk))
    assert '<th scope="row">Verzoek open</th><td>1</td>' in gefilterd
    assert "Anderman" in _rijen(gefilterd) and "Eigenaar" not in _rijen(gefilterd)
    wereld.eigen.bericht.status = "afgekeurd"
    wereld.eigen.bericht.save()
    Verzoek.objects.filter(pk=wereld.ander.verzoek.pk).update(status=VerzoekStatus.TOEGEWEZEN)
    html = _pagina(client, backoffice)
    assert "(afgekeurd)" in _rijen(html)
    assert '<th scope="row">Verzoek open</th><td>1</td>' in html
    gefilterd = _pagina(client, backoffice, aanbieder=str(wereld.eigen.aanbieder.pk))
    assert '<th scope="row">Verzoek open</th><td>1</td>' in gefilterd


def test_aanbieder_nieuwe_toewijzingen_en_plannen_alleen_eigen(client, wereld: Wereld):
    from klantreis.berichten.models import Bericht
    from klantreis.toewijzingen.models import ZorgMelding

    medewerker = wereld.eigen.medewerker
    rijen = _rijen(_pagina(client, medewerker))
    assert "Toewijzing 1001" in rijen and "Toewijzing 2002" not in rijen
    assert "Stap 4:" in rijen and "Eigenaar" in rijen
    assert "Anderman" not in rijen
    # the toewijzing's ingangsdatum (5 January 2026) has passed without a 305: late
    assert "Te laat: 05-01-2026" in rijen
    xml = b"<305/>"
    toewijzing = wereld.eigen.toewijzing
    ZorgMelding.objects.create(
        soort="start",
        toewijzing=toewijzing,
        bsn=toewijzing.client.bsn,
        toewijzing_nummer=toewijzing.nummer,
        begindatum=toewijzing.ingangsdatum,
        status_aanlevering="1",
        bericht=Bericht.objects.create(
            richting="in",
            inhoud=xml,
            sha256=hashlib.sha256(xml).hexdigest(),
            status="verwerkt",
        ),
    )
    assert "Toewijzing 1001" not in _rijen(_pagina(client, medewerker))


def test_filter_op_stap_en_gemeente(client, heusden, wereld: Wereld):
    consulent = wereld.consulent
    start(heusden, wie=wereld.eigen.traject.wie, achternaam="Nieuwenhuis")
    assert "Nieuwenhuis" in _rijen(_pagina(client, consulent, stap="1"))
    assert "Nieuwenhuis" not in _rijen(_pagina(client, consulent, stap="9"))
    assert "Nieuwenhuis" in _rijen(_pagina(client, consulent, gemeente=str(heusden.pk)))


def test_stap_van_een_rol_alleen_in_de_gemeente_van_die_rol(heusden, doetinchem, wereld: Wereld):
    """A regional user sees every gemeente's trajects, but their back-office role is for
    Doetinchem only: Heusden's back-office step (6) is not their work. The set-based query
    keeps this rule of the per-traject loop it replaced (benchmarks/werkvoorraad.py)."""
    from klantreis.accounts.models import Roltoewijzing
    from klantreis.routes.models import Traject

    traject = wereld.eigen.traject
    Traject.objects.filter(pk=traject.pk).update(huidige_stap="6")  # Heusden stap 6: backoffice
    user = user_met_rol(Rol.REGIO)
    Roltoewijzing.objects.create(user=user, rol=Rol.BACKOFFICE, gemeente=doetinchem)
    vandaag = timezone.localdate()
    assert not [i for i in wv.werkvoorraad(user, vandaag) if i.soort == "stap"]
    Roltoewijzing.objects.create(user=user, rol=Rol.BACKOFFICE, gemeente=heusden)
    stappen = [i for i in wv.werkvoorraad(user, vandaag) if i.soort == "stap"]
    assert [(i.stap, i.client) for i in stappen] == [("6", traject.client.naam)]
    assert stappen[0].url == reverse("portal:traject", args=[traject.pk])


def test_de_tabel_toont_een_pagina_de_aantallen_tellen_alles(client, heusden, wereld, monkeypatch):
    consulent = wereld.consulent
    for naam in ("Aerts", "Bos", "Claes"):
        start(heusden, wie=wereld.eigen.traject.wie, achternaam=naam)
    alle = wv.werkvoorraad(consulent, timezone.localdate())
    assert len(alle) >= 3
    per_pagina = 2
    monkeypatch.setattr(views, "WERKVOORRAAD_PER_PAGINA", per_pagina)
    eerste = _pagina(client, consulent)
    tweede = _pagina(client, consulent, pagina=2)
    assert f"{len(alle)} items; 1 tot en met {per_pagina} hieronder." in eerste
    assert _rijen(eerste).count("<tr") - 1 == per_pagina  # minus the header row
    assert 'rel="next"' in eerste and "pagina=2" in eerste
    assert f"{per_pagina + 1} tot en met" in tweede
    # every item is on exactly one page
    getoond = _rijen(eerste) + _rijen(tweede)
    assert all(i.client in getoond for i in alle[: 2 * per_pagina])
    # the counts table covers all items, not the page
    aantal = sum(int(n) for n in re.findall(r"<td>(\d+)</td><td>\d+</td>", eerste))
    assert aantal == len(alle)


def test_route3_gi_ret_en_regio_zien_de_trajecten_op_hun_stap(client, doetinchem, heusden):
    """Achterhoek route 3: the jeugdbeschermer, the Regionale Expertisetafel and the regionale
    contactpersoon each find the case in their work queue when it stands at a step of theirs
    (the RET must discuss it within two weeks, stap B) — and not in another gemeente."""
    wie = actoren(doetinchem)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=doetinchem, wet="jeugdwet", achternaam="Wolters"),
        gemeente=doetinchem,
        route_id="achterhoek-route-3",
        door=wie[Rol.GI],
        rol=Rol.GI,
    )
    elders = user_met_rol(Rol.RET, gemeente=heusden)
    assert "Wolters" in _rijen(_pagina(client, wie[Rol.GI]))  # stap 1 is the GI's
    for naar in [None, None, None, "5", "A", "B"]:
        rond_af(traject, wie, naar=naar)
    assert traject.huidige_stap == "B"
    assert "Wolters" not in _rijen(_pagina(client, wie[Rol.GI]))
    rijen = _rijen(_pagina(client, wie[Rol.RET]))
    assert "Wolters" in rijen and "Stap B: Regionale Expertisetafel (RET)" in rijen
    # the RET's termijn (2 weeks) is the item's due date
    termijn = traject.termijnen.get(sleutel="ret-bespreking")
    assert f"{termijn.einddatum:%d-%m-%Y}" in rijen
    assert "Wolters" not in _pagina(client, elders)
    rond_af(traject, wie, naar="C")
    assert "Wolters" not in _rijen(_pagina(client, wie[Rol.RET]))
    assert "Stap C: Opschalen naar de regionale contactpersoon" in _rijen(
        _pagina(client, wie[Rol.REGIO])
    )
