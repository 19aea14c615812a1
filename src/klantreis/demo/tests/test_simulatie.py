"""Every route runs from first to last step through the real exchange and the directory
transport with a simulated provider; every message written validates against the official
XSDs in ../shared/istandaarden (not the copies shipped in the package)."""

import json
from functools import cache
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from lxml import etree

from klantreis.demo.simulatie import simuleer
from klantreis.routes.models import RouteVersie, Traject, TrajectStatus

SHARED = settings.PROJECT_DIR.parent / "shared" / "istandaarden"
ROUTES = [
    "heusden-stappenplan",
    "achterhoek-route-1",
    "achterhoek-route-1-oude-ijsselstreek",
    "achterhoek-route-2",
    "achterhoek-route-3",
    "achterhoek-route-4",
]


@cache
def _officieel_schema(standaard: str, code: str) -> etree.XMLSchema:
    map_ = SHARED / ("iwmo" if standaard == "WMO" else "ijw") / "3.2"
    kandidaten = sorted(map_.glob(f"*{code}*.xsd"))
    assert kandidaten, f"geen officiële XSD voor {standaard}{code} in {map_}"
    return etree.XMLSchema(etree.parse(str(kandidaten[0])))


def _valideer_officieel(pad: Path) -> None:
    naam = pad.name.split("_")[1]  # e.g. WMO301 / JW315
    prefix = "WMO" if naam.startswith("WMO") else "JW"
    code = naam[len(prefix) :]
    schema = _officieel_schema(prefix, code)
    doc = etree.parse(str(pad))
    assert schema.validate(doc), f"{pad.name}: {schema.error_log}"


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/istandaarden ontbreekt")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("route_id", ROUTES)
def test_simulatie_doorloopt_de_route_en_berichten_zijn_xsd_geldig(route_id, tmp_path, settings):
    settings.KLANTREIS_TRANSPORT = dict(settings.KLANTREIS_TRANSPORT)  # restored afterwards
    verslag = simuleer(route_id, tmp_path / "uit", tmp_path / "berichten")
    traject = Traject.objects.get()
    assert traject.status == TrajectStatus.AFGESLOTEN
    route = RouteVersie.objects.get(route_id=route_id).route
    bezocht = [s["naar"] for s in verslag.stappen if s["naar"]]
    assert bezocht[0] == route.eerste_stap.id
    assert route.stap(bezocht[-1]).einde  # ended on the route's last step
    codes = [b["bericht"] for b in verslag.berichten]
    assert {"301", "302", "305", "306", "307", "308"} <= set(codes)
    if route_id in ("achterhoek-route-2", "achterhoek-route-3"):
        assert codes[:2] == ["315", "316"]
    assert all(b["status"] in ("verwerkt", "verzonden") for b in verslag.berichten)
    bestanden = sorted((tmp_path / "uit").glob("*.xml"))
    assert len(bestanden) == len(codes)
    for pad in bestanden:
        _valideer_officieel(pad)
    assert verslag.termijnen and all(t["gehaald"] for t in verslag.termijnen)


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/istandaarden ontbreekt")
def test_simulatie_commando_json_op_een_verse_tenant(tmp_path, capsys):
    call_command(
        "simulatie", "--route", "achterhoek-route-2", "--berichten", str(tmp_path), "--json"
    )
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"stappen", "berichten", "termijnen"}
    assert [b["bericht"] for b in data["berichten"]][:3] == ["315", "316", "301"]
    assert all(Path(b["bestand"]).exists() for b in data["berichten"])
    assert all({"naam", "einddatum", "gehaald"} <= set(t) for t in data["termijnen"])
