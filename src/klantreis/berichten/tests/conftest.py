"""Fixtures of the exchange tests: real codec messages, a real directory transport under
tmp_path, and test doubles of the DOMAIN handlers only (the exchange itself is real)."""

from __future__ import annotations

import dataclasses
import datetime
import threading
from pathlib import Path

import pytest

from klantreis import istandaarden as ist
from klantreis.berichten import afhandeling, services, tasks, verwerking

VOORBEELDEN = Path("/work/shared/istandaarden/iwmo/3.2/examples")
VOORBEELDEN_JW = Path("/work/shared/istandaarden/ijw/3.2/examples")
_EIGEN_VOORBEELDEN = Path(__file__).parent / "voorbeelden"

AANBIEDER = "65656055"  # the sender in the example 305/315
GEMEENTE = "0363"


def voorbeeld(naam: str):
    """A message of the shared example files, parsed by the codec."""
    for map_ in (VOORBEELDEN, VOORBEELDEN_JW, _EIGEN_VOORBEELDEN):
        pad = map_ / naam
        if pad.exists():
            return ist.read(pad.read_bytes())
    pytest.skip(f"voorbeeldbericht {naam} niet aanwezig")


def met_header(message, *, identificatie: str, dagtekening: datetime.date | None = None):
    h = message.header
    bi = dataclasses.replace(
        h.bericht_identificatie,
        identificatie=identificatie,
        dagtekening=dagtekening or h.bericht_identificatie.dagtekening,
    )
    return dataclasses.replace(message, header=dataclasses.replace(h, bericht_identificatie=bi))


@pytest.fixture
def bericht305():
    """Bytes of a valid 305 (aanbieder 65656055 → gemeente 0363) with a given Identificatie."""
    basis = voorbeeld("WMO305.xml")

    def maak(identificatie: str = "A1", **client) -> bytes:
        m = met_header(basis, identificatie=identificatie)
        if client:
            m = dataclasses.replace(m, client=dataclasses.replace(m.client, **client))
        return ist.write(m)

    return maak


@pytest.fixture
def berichtenmap(tmp_path, settings) -> Path:
    """The real directory transport, rooted in tmp_path."""
    root = tmp_path / "berichten"
    settings.KLANTREIS_TRANSPORT = {
        "plugin": "directory",
        "opties": {"map": str(root)},
        "eigenaren": [GEMEENTE],
    }
    return root


def inbox(root: Path, partij: str) -> list[bytes]:
    """What waits in a party's inbox, from every sender's folder, in file-name order."""
    map_ = root / partij / "inbox"
    if not map_.exists():
        return []
    bestanden = [p for p in map_.rglob("*") if p.is_file() and not p.name.startswith(".")]
    return [p.read_bytes() for p in sorted(bestanden, key=lambda p: (p.name, str(p)))]


@pytest.fixture(autouse=True)
def zonder_domeinafhandelaars():
    """The exchange's tests do not run the domain handlers other apps register in ready();
    a test that needs one registers a double with ``afhandelaar``."""
    bewaard = dict(afhandeling._AFHANDELAARS)
    klassefouten = set(afhandeling._MET_KLASSEFOUTEN)
    afhandeling._AFHANDELAARS.clear()
    yield
    afhandeling._AFHANDELAARS.clear()
    afhandeling._AFHANDELAARS.update(bewaard)
    afhandeling._MET_KLASSEFOUTEN.clear()
    afhandeling._MET_KLASSEFOUTEN.update(klassefouten)


@pytest.fixture
def afhandelaar():
    """Register a test double of a domain handler (removed again by the fixture above)."""

    def registreer(berichtcode: str, fn):
        return afhandeling.registreer(berichtcode)(fn)

    return registreer


class Teller:
    """Records handler calls (thread-safe)."""

    def __init__(self, fouten=None):
        self.aanroepen: list[int] = []
        self._lock = threading.Lock()
        self.fouten = fouten

    def __call__(self, bericht, message):
        with self._lock:
            self.aanroepen.append(bericht.pk)
        return afhandeling.Afhandeling(fouten=list(self.fouten(message)) if self.fouten else [])


@pytest.fixture
def taken_staan_stil(monkeypatch):
    """No task runs after commit: as when the worker is down or killed before it started.
    Returns the ids each task was sent for."""
    verstuurd: dict[str, list[int]] = {"verwerk": [], "bezorg": []}
    monkeypatch.setattr(verwerking.verwerk, "delay", lambda pk: verstuurd["verwerk"].append(pk))
    monkeypatch.setattr(tasks.bezorg, "delay", lambda pk: verstuurd["bezorg"].append(pk))
    return verstuurd


@pytest.fixture
def lever(django_capture_on_commit_callbacks):
    """Receive bytes as the transport would, running what commits schedule (eager Celery)."""

    def ontvang(data: bytes, **kw):
        kw.setdefault("transport", "directory")
        with django_capture_on_commit_callbacks(execute=True):
            return services.ontvang(data, **kw)

    return ontvang
