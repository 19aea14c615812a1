"""The standard message termijnen (``termijnen/standaard.yaml``) read as lengths, for the
work queue's answer-by date of a request. Here, beside the loader that reads and validates the
file, and not in ``termijnen``: routes depend on termijnen, never the other way (decision
0016)."""

from __future__ import annotations

from datetime import date
from functools import cache

from klantreis.termijnen.kalender import Berekening, Kalender

from .loader import lees_standaard


@cache
def _standaard_duur() -> dict[str, str]:
    return {t["sleutel"]: t["duur"] for t in lees_standaard()["termijnen"]}


def verzoek_uiterlijk(
    dagtekening: date, *, berichtcode: str, in_onderzoek: bool, kalender: Kalender | None = None
) -> Berekening:
    """When the gemeente must answer a request (OP274/OP346), on the Atw calendar: a 301 or
    319 within 5 werkdagen of a 315/317; once answered "in onderzoek", the final answer within
    8 weeks of the request's dagtekening. The lengths come from the standard set
    (``termijnen/standaard.yaml``), so the work queue and the traject's termijnen agree."""
    duur = _standaard_duur()
    if in_onderzoek:
        lengte = duur["definitief-antwoord-op-315"]
    else:
        lengte = duur["antwoord-op-317" if berichtcode == "317" else "antwoord-op-315"]
    return (kalender or Kalender()).bereken(dagtekening, lengte)
