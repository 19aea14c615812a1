"""Test helpers: the shared examples and a way to change one field deep inside a message."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import klantreis.istandaarden as ist

REPO_ROOT = Path(__file__).resolve().parents[4]
SHARED = REPO_ROOT.parent / "shared" / "istandaarden"
VOORBEELDEN = sorted(SHARED.glob("*/3.2/examples/*.xml"))
ONGELDIG = {"JW315.xml", "JW318.xml"}  # broken as published (NOTES.md, SOURCES.md)


def voorbeeld_bytes(naam: str) -> bytes:
    """An official example from ../shared; a module that needs one at import time is skipped
    (with this reason) on a machine that does not have the shared material beside the repo."""
    import pytest

    if not SHARED.exists():
        pytest.skip(f"{SHARED} ontbreekt: de officiële voorbeeldberichten", allow_module_level=True)
    std = "iwmo" if naam.startswith("WMO") else "ijw"
    return (SHARED / std / "3.2" / "examples" / f"{naam}.xml").read_bytes()


def voorbeeld(naam: str) -> Any:
    return ist.read(voorbeeld_bytes(naam))


_TOKEN = re.compile(r"(\w+)(?:\[(\d+)\])?")


def zet(obj: Any, pad: str, waarde: Any) -> Any:
    """Return a copy of ``obj`` with the attribute at ``pad`` replaced.

    ``pad`` is dotted with tuple indexes: ``client.toegewezen_producten[0].omvang``.
    """
    naam, _, rest = pad.partition(".")
    m = _TOKEN.fullmatch(naam)
    attr, index = m.group(1), m.group(2)
    huidig = getattr(obj, attr)
    if index is None:
        nieuw = zet(huidig, rest, waarde) if rest else waarde
    else:
        i = int(index)
        item = zet(huidig[i], rest, waarde) if rest else waarde
        nieuw = (*huidig[:i], item, *huidig[i + 1 :])
    return dataclasses.replace(obj, **{attr: nieuw})


def codes_van(fouten) -> list[str]:
    return [f.regel for f in fouten]
