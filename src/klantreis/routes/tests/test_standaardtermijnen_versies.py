"""The standard termijnen (termijnen/standaard.yaml) are versioned with the route versions
(decision 0014): a stored route version keeps the set it was stored with, a new route version
takes the current set, the same standard versie with other content is refused, and a version
stored before the standard existed takes it once. The route's own definitie (and its checksum)
never changes."""

from pathlib import Path

import pytest
import yaml
from django.conf import settings

from klantreis.routes.loader import STANDAARD_PATH, RouteFout, checksum
from klantreis.routes.models import RouteVersie
from klantreis.routes.services import laad_routes

pytestmark = pytest.mark.django_db
DEFINITIES = settings.SRC_DIR / "routes" / "definities"
HEUSDEN = DEFINITIES / "heusden-stappenplan.yaml"


def _standaard(tmp_path: Path, versie: int, stop_307: str) -> Path:
    data = yaml.safe_load(STANDAARD_PATH.read_text(encoding="utf-8"))
    data["versie"] = versie
    next(t for t in data["termijnen"] if t["sleutel"] == "stopbericht-307")["duur"] = stop_307
    pad = tmp_path / "standaard.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def _duur(versie: RouteVersie, sleutel: str) -> str:
    return next(t.duur for t in versie.route.termijnen if t.sleutel == sleutel)


def test_opgeslagen_versie_houdt_haar_standaard_nieuwe_versie_krijgt_de_nieuwe(tmp_path):
    oud = RouteVersie.objects.get(route_id="heusden-stappenplan", versie=1)
    assert (oud.standaard_versie, _duur(oud, "stopbericht-307")) == (1, "5 werkdagen")
    routes = tmp_path / "routes"
    routes.mkdir()
    data = yaml.safe_load(HEUSDEN.read_text(encoding="utf-8"))
    data.update(versie=2, ingangsdatum="2027-01-01")
    (routes / "heusden-v2.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")

    laad_routes([DEFINITIES, routes], standaard=_standaard(tmp_path, 2, "6 werkdagen"))

    oud = RouteVersie.objects.get(pk=oud.pk)
    assert (oud.standaard_versie, _duur(oud, "stopbericht-307")) == (1, "5 werkdagen")
    assert oud.checksum == checksum(oud.definitie)
    nieuw = RouteVersie.objects.get(route_id="heusden-stappenplan", versie=2)
    assert (nieuw.standaard_versie, _duur(nieuw, "stopbericht-307")) == (2, "6 werkdagen")
    assert _duur(nieuw, "retour-302") == "3 dagen"  # the route's own still wins


def test_gewijzigde_standaard_met_hetzelfde_versienummer_wordt_geweigerd(tmp_path):
    with pytest.raises(RouteFout, match="versie 1 zijn gewijzigd na het laden"):
        laad_routes(standaard=_standaard(tmp_path, 1, "6 werkdagen"))
    oud = RouteVersie.objects.get(route_id="achterhoek-route-1", versie=1)
    assert _duur(oud, "stopbericht-307") == "5 werkdagen"


def test_versie_van_voor_de_standaard_krijgt_hem_eenmaal():
    RouteVersie.objects.filter(route_id="achterhoek-route-1").update(
        standaard_versie=None, standaard_termijnen=[]
    )
    voor = RouteVersie.objects.get(route_id="achterhoek-route-1", versie=1)
    assert "startbericht-305" not in {t.sleutel for t in voor.route.termijnen}
    laad_routes()
    na = RouteVersie.objects.get(pk=voor.pk)
    assert na.standaard_versie == 1 and na.definitie == voor.definitie
    assert _duur(na, "startbericht-305") == "5 werkdagen"


def test_standaard_noemt_alleen_berichten(tmp_path):
    data = yaml.safe_load(STANDAARD_PATH.read_text(encoding="utf-8"))
    data["versie"] = 9
    data["termijnen"][0]["start"] = {"stap": "5", "moment": "begin"}
    pad = tmp_path / "standaard.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RouteFout, match="schema van de standaardtermijnen"):
        laad_routes(standaard=pad)
