"""The shared lifecycle mechanism (decision 0019): a conditional UPDATE along a table of
edges, and no code that writes a state field around it."""

from __future__ import annotations

import ast
import pathlib
import uuid

import pytest

from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import BERICHT, Richting, Status
from klantreis.levenscyclus import Levenscyclus, OngeldigeOvergang

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _bericht(status: str, richting: str = Richting.IN) -> Bericht:
    return Bericht.objects.create(
        richting=richting, inhoud=b"x", sha256=uuid.uuid4().hex, status=status
    )


def test_een_overgang_zonder_reden_wordt_niet_aangenomen():
    with pytest.raises(ValueError, match="zonder reden"):
        Levenscyclus("X.status", {("a", "b"): "  "})


def test_naar_een_status_zonder_bronnen_wordt_geweigerd():
    cyclus = Levenscyclus("X.status", {("a", "b"): "omdat"})
    with pytest.raises(OngeldigeOvergang, match="geen overgang naar a"):
        cyclus.zet(Bericht.objects.none(), "a")
    with pytest.raises(OngeldigeOvergang, match="b → a bestaat niet"):
        cyclus.controleer("b", "a")
    assert cyclus.statussen == {"a", "b"}


@pytest.mark.django_db
def test_zet_beweegt_alleen_rijen_in_een_bronstatus_en_zet_het_tijdveld():
    klaar = _bericht(Status.VERWERKT)
    wachtend = [_bericht(Status.ONTVANGEN) for _ in range(3)]
    oud = wachtend[0].bijgewerkt_op
    n = BERICHT.zet(Bericht.objects.all(), Status.IN_VERWERKING)
    assert n == 3
    assert set(Bericht.objects.values_list("status", flat=True)) == {
        Status.VERWERKT,
        Status.IN_VERWERKING,
    }
    klaar.refresh_from_db()
    wachtend[0].refresh_from_db()
    assert klaar.status == Status.VERWERKT
    assert wachtend[0].bijgewerkt_op >= oud


@pytest.mark.django_db
def test_zet_object_van_een_verouderde_kopie_doet_niets():
    b = _bericht(Status.ONTVANGEN)
    kopie = Bericht.objects.get(pk=b.pk)
    assert BERICHT.zet_object(b, Status.IN_VERWERKING)
    assert b.status == Status.IN_VERWERKING
    assert BERICHT.zet_object(b, Status.VERWERKT, laatste_fout="")
    # the copy still says ontvangen: the claim is not made a second time
    assert not BERICHT.zet_object(kopie, Status.IN_VERWERKING)
    assert kopie.status == Status.ONTVANGEN
    b.refresh_from_db()
    assert b.status == Status.VERWERKT


@pytest.mark.django_db
def test_voorwaarde_over_een_join_blijft_buiten_de_statustest(heusden):
    """A queryset filtered across a join is moved through a pk subquery with the state test
    in the UPDATE's own WHERE (PostgreSQL re-checks only that one on a concurrent change)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from klantreis.declaraties.models import Prestatie
    from klantreis.declaraties.workflow import PRESTATIE

    qs = Prestatie.objects.filter(declaratie__gemeente=heusden)
    with CaptureQueriesContext(connection) as q:
        assert PRESTATIE.zet(qs, "te_betalen", van="aangehouden") == 0
    sql = q.captured_queries[-1]["sql"]
    assert sql.startswith("UPDATE")
    # the subquery names its table U0; the state test names the updated table itself
    assert 'U1."gemeente_id"' in sql
    assert '"declaraties_prestatie"."betaalstatus" IN' in sql


# --- nothing else writes a state --------------------------------------------------------------

#: State fields of the records with a lifecycle; ``reden_wijziging`` is the Toewijzing's.
VELDEN = {"status", "betaalstatus", "reden_wijziging"}
#: The mechanism itself, and the route engine, the one mover of a Traject (decision 0019).
TOEGESTAAN = {"levenscyclus.py", "routes/engine.py"}


def _schrijvers(pad: pathlib.Path, rel: str) -> list[str]:
    gevonden = []
    for n in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            doelen = n.targets if isinstance(n, ast.Assign) else [n.target]
            for e in (e for d in doelen for e in ast.walk(d)):
                # a state assigned on an object in memory (a save would write it); the
                # Toewijzing's reason is assigned first and stored through its lifecycle
                if (
                    isinstance(e, ast.Attribute)
                    and e.attr in VELDEN - {"reden_wijziging"}
                    and not (isinstance(e.value, ast.Name) and e.value.id == "self")
                ):
                    gevonden.append(f"{rel}:{n.lineno} {e.attr} =")
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute):
            if n.func.attr in ("update", "bulk_update", "update_or_create"):
                gevonden += [
                    f"{rel}:{n.lineno} update({k.arg}=…)" for k in n.keywords if k.arg in VELDEN
                ]
            if n.func.attr == "save":
                for k in n.keywords:
                    if k.arg == "update_fields":
                        gevonden += [
                            f"{rel}:{n.lineno} save(update_fields=[{e.value!r}])"
                            for e in ast.walk(k.value)
                            if isinstance(e, ast.Constant) and e.value in VELDEN
                        ]
    return gevonden


def test_alleen_de_levenscyclus_schrijft_een_status():
    gevonden = []
    for pad in sorted(ROOT.rglob("*.py")):
        rel = pad.relative_to(ROOT).as_posix()
        if "/tests/" in f"/{rel}" or "/migrations/" in rel or rel in TOEGESTAAN:
            continue
        gevonden += _schrijvers(pad, rel)
    assert gevonden == [], "een status verandert alleen via workflow.py (decision 0019)"


def test_de_controle_vindt_een_directe_toewijzing(tmp_path):
    pad = tmp_path / "x.py"
    pad.write_text(
        "verzoek.status = 'toegewezen'\n"
        "verzoek.save(update_fields=['status'])\n"
        "Prestatie.objects.filter(pk=1).update(betaalstatus='betaald')\n"
        "self.status = 1\n"
    )
    assert _schrijvers(pad, "x.py") == [
        "x.py:1 status =",
        "x.py:2 save(update_fields=['status'])",
        "x.py:3 update(betaalstatus=…)",
    ]
