"""Routes are versioned data: a traject keeps the version it started under, a new version
applies to new trajects from its ingangsdatum, a changed version is refused, and an invalid
file is refused with a Dutch message."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.routes.loader import RouteFout
from klantreis.routes.services import laad_routes
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import actoren, rond_af

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")
HEUSDEN = settings.SRC_DIR / "routes" / "definities" / "heusden-stappenplan.yaml"


def _heusden_v2(tmp_path: Path, **wijzig) -> Path:
    data = yaml.safe_load(HEUSDEN.read_text(encoding="utf-8"))
    data.update(versie=2, ingangsdatum="2027-01-01", **wijzig)
    data["stappen"][0]["naam"] = "Keukentafelgesprek en IVA"
    pad = tmp_path / "heusden-stappenplan-v2.yaml"
    pad.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return pad


def test_nieuwe_versie_geldt_voor_nieuwe_trajecten_vanaf_ingangsdatum(heusden, tmp_path):
    wie = actoren(heusden)
    oud = engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
        op=datetime(2026, 12, 1, 9, tzinfo=AMS),
    )
    _heusden_v2(tmp_path)
    laad_routes([*settings.KLANTREIS_ROUTE_DIRS, tmp_path])
    voor = engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
        op=datetime(2026, 12, 31, 9, tzinfo=AMS),
    )
    na = engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
        op=datetime(2027, 1, 4, 9, tzinfo=AMS),
    )
    assert (oud.route_versie.versie, voor.route_versie.versie, na.route_versie.versie) == (1, 1, 2)
    assert na.stap.naam == "Keukentafelgesprek en IVA"
    # the old traject keeps walking on version 1
    rond_af(oud, wie)
    oud.refresh_from_db()
    assert oud.route_versie.versie == 1 and oud.huidige_stap == "2"


def test_gewijzigde_versie_wordt_geweigerd(db, tmp_path):
    data = yaml.safe_load(HEUSDEN.read_text(encoding="utf-8"))
    data["stappen"][0]["naam"] = "Stilletjes gewijzigd"
    (tmp_path / "heusden.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RouteFout) as exc:
        laad_routes([tmp_path])
    assert "is gewijzigd na het laden. Verhoog het versienummer" in str(exc.value)


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ({"versie": "twee"}, "voldoet niet aan het routeschema"),
        ({"gemeenten": ["797"]}, "voldoet niet aan het routeschema"),
        ({"onbekend_veld": 1}, "voldoet niet aan het routeschema"),
    ],
)
def test_ongeldig_routebestand_wordt_geweigerd(db, tmp_path, wijziging, melding):
    data = yaml.safe_load(HEUSDEN.read_text(encoding="utf-8"))
    data.update(wijziging)
    (tmp_path / "kapot.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RouteFout) as exc:
        laad_routes([tmp_path])
    assert melding in str(exc.value) and "kapot.yaml" in str(exc.value)


def test_overgang_naar_onbekende_stap_wordt_geweigerd(db, tmp_path):
    data = yaml.safe_load(HEUSDEN.read_text(encoding="utf-8"))
    data["id"] = "kapotte-route"
    data["stappen"][2]["overgangen"] = [{"naar": "99"}]
    (tmp_path / "kapot.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RouteFout) as exc:
        laad_routes([tmp_path])
    assert "verwijst naar onbekende stap '99'" in str(exc.value)


def test_routes_json_geeft_elke_route_met_zijn_stappen(db, capsys):
    import json

    call_command("routes", "--json")
    routes = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(routes) == {
        "heusden-stappenplan",
        "achterhoek-route-1",
        "achterhoek-route-1-oude-ijsselstreek",
        "achterhoek-route-2",
        "achterhoek-route-3",
        "achterhoek-route-4",
    }
    heusden = routes["heusden-stappenplan"]
    assert {k for k in heusden} >= {"id", "naam", "gemeenten", "versie", "ingangsdatum", "stappen"}
    assert heusden["gemeenten"] == ["0797"] and heusden["ingangsdatum"] == "2023-01-01"
    assert [s["id"] for s in heusden["stappen"]] == [str(n) for n in range(1, 11)]
    assert "1509" in routes["achterhoek-route-1-oude-ijsselstreek"]["gemeenten"]
    assert "1509" not in routes["achterhoek-route-1"]["gemeenten"]


@pytest.mark.parametrize(("formaat", "begin"), [("mermaid", "flowchart TD"), ("dot", "digraph")])
def test_routes_graph(db, capsys, formaat, begin):
    call_command("routes", "graph", "achterhoek-route-3", "--formaat", formaat)
    uit = capsys.readouterr().out
    assert uit.startswith(begin)
    assert "Bestuurlijke escalatie" in uit and "s_C" in uit and "s_bestuurlijk" in uit
