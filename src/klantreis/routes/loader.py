"""Reads route definition files, validates them (JSON Schema + the checks a schema cannot
express), resolves gemeente variants onto their base route, and stores each version as an
immutable RouteVersie. Changing a route is changing a file; no code."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).parent / "schema" / "route.schema.json"
_schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
_validator = Draft202012Validator(_schema)
# The standard set of termijnen: a versie and termijnen shaped as a route's (same $defs),
# but only message moments: it has no steps or documents to name.
_standaard_validator = Draft202012Validator(
    {
        "type": "object",
        "required": ["versie", "termijnen"],
        "additionalProperties": False,
        "properties": {
            "versie": {"type": "integer", "minimum": 1},
            "termijnen": {
                "type": "array",
                "items": {
                    "allOf": [
                        {"$ref": "#/$defs/termijn"},
                        {
                            "properties": {
                                "start": {"required": ["bericht"]},
                                "einde": {"required": ["bericht"]},
                            }
                        },
                    ]
                },
            },
        },
        "$defs": _schema["$defs"],
    }
)
STANDAARD_PATH = Path(__file__).parent.parent / "termijnen" / "standaard.yaml"


class RouteFout(Exception):
    """A route file is invalid. The message says which file and what, in Dutch."""


@dataclass(frozen=True)
class RouteBestand:
    pad: Path
    data: dict


class _DateKeepingLoader(yaml.SafeLoader):
    """Keeps dates as ISO strings, so a YAML file and its JSON copy compare equal."""


_DateKeepingLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _lees_yaml(pad: Path, validator, schema: str, geheel: str, geen_object: str = ""):
    """The YAML of ``pad``, valid against ``validator``; a RouteFout naming the file and the
    first five faults (``geheel``: how a fault at the top level is named) otherwise, or
    ``geen_object`` when given and the file holds no mapping."""
    try:
        data = yaml.load(pad.read_text(encoding="utf-8"), Loader=_DateKeepingLoader)
    except yaml.YAMLError as exc:
        raise RouteFout(f"{pad.name}: geen geldige YAML ({exc}).") from exc
    if geen_object and not isinstance(data, dict):
        raise RouteFout(f"{pad.name}: {geen_object}")
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        details = "; ".join(
            f"{'/'.join(str(p) for p in e.absolute_path) or geheel}: {e.message}"
            for e in errors[:5]
        )
        raise RouteFout(f"{pad.name}: voldoet niet aan {schema} — {details}")
    return data


def lees_bestand(pad: Path) -> RouteBestand:
    data = _lees_yaml(
        pad,
        _validator,
        "het routeschema",
        "(route)",
        geen_object="een routedefinitie is een object met velden.",
    )
    return RouteBestand(pad=pad, data=data)


def lees_standaard(pad: Path = STANDAARD_PATH) -> dict:
    """The standard set of message termijnen (``termijnen/standaard.yaml``), validated."""
    data = _lees_yaml(
        pad, _standaard_validator, "het schema van de standaardtermijnen", "(bestand)"
    )
    sleutels = [t["sleutel"] for t in data["termijnen"]]
    dubbel = {s for s in sleutels if sleutels.count(s) > 1}
    if dubbel:
        raise RouteFout(f"{pad.name}: sleutels komen dubbel voor: {', '.join(sorted(dubbel))}.")
    return data


def lees_map(mappen: Iterable[Path]) -> list[RouteBestand]:
    bestanden = []
    for map_ in mappen:
        for pad in sorted(Path(map_).glob("*.yaml")) + sorted(Path(map_).glob("*.yml")):
            bestanden.append(lees_bestand(pad))
    return bestanden


def _pas_variant_toe(basis: dict, variant: dict, naam: str) -> dict:
    """A variant replaces steps by id, adds steps after ``na``, removes ``verwijder_stappen``,
    and replaces or adds termijnen by sleutel. Everything else comes from the base."""
    resultaat = copy.deepcopy(basis)
    for key in ("id", "naam", "versie", "ingangsdatum", "gemeenten", "bron", "toelichting"):
        if key in variant:
            resultaat[key] = variant[key]
    for key in ("wetten", "regie", "wijzigingen"):
        if key in variant:
            resultaat[key] = variant[key]
    resultaat["basis"] = variant["basis"]
    stappen = resultaat["stappen"]
    for stap in variant.get("stappen", []):
        stap = dict(stap)
        na = stap.pop("na", None)
        ids = [s["id"] for s in stappen]
        if stap["id"] in ids:
            stappen[ids.index(stap["id"])] = stap
        elif na is not None and na in ids:
            stappen.insert(ids.index(na) + 1, stap)
        else:
            raise RouteFout(
                f"{naam}: nieuwe stap {stap['id']!r} heeft 'na' nodig met een bestaande stap."
            )
    verwijderen = set(variant.get("verwijder_stappen", []))
    resultaat["stappen"] = [s for s in stappen if s["id"] not in verwijderen]
    termijnen = {t["sleutel"]: t for t in resultaat.get("termijnen", [])}
    for termijn in variant.get("termijnen", []):
        termijnen[termijn["sleutel"]] = termijn
    resultaat["termijnen"] = list(termijnen.values())
    return resultaat


def _controleer_samenhang(data: dict, naam: str) -> None:
    ids = [s["id"] for s in data["stappen"]]
    if not ids:
        raise RouteFout(f"{naam}: een route heeft minstens één stap.")
    dubbel = {i for i in ids if ids.count(i) > 1}
    if dubbel:
        raise RouteFout(f"{naam}: stap-id's komen dubbel voor: {', '.join(sorted(dubbel))}.")
    bekend = set(ids)
    for stap in data["stappen"]:
        for overgang in stap.get("overgangen", []):
            if overgang["naar"] not in bekend:
                raise RouteFout(
                    f"{naam}: stap {stap['id']} verwijst naar onbekende stap {overgang['naar']!r}."
                )
    for termijn in data.get("termijnen", []):
        for kant in ("start", "einde"):
            stap = termijn[kant].get("stap")
            if stap is not None and stap not in bekend:
                raise RouteFout(
                    f"{naam}: termijn {termijn['sleutel']} noemt onbekende stap {stap!r}."
                )
    if not any(s.get("einde") for s in data["stappen"]) and data["stappen"][-1].get("overgangen"):
        raise RouteFout(f"{naam}: geen stap sluit het traject af ('einde: true').")
    try:
        date.fromisoformat(data["ingangsdatum"])
    except ValueError as exc:
        raise RouteFout(f"{naam}: ongeldige ingangsdatum {data['ingangsdatum']!r}.") from exc


def los_op(bestanden: list[RouteBestand]) -> list[dict]:
    """Resolves variants and checks every route; returns complete definitions (dicts)."""
    basissen: dict[tuple[str, int], dict] = {}
    for bestand in bestanden:
        if "basis" not in bestand.data:
            sleutel = (bestand.data["id"], bestand.data["versie"])
            if sleutel in basissen:
                raise RouteFout(
                    f"{bestand.pad.name}: route {sleutel[0]} versie {sleutel[1]} staat dubbel."
                )
            basissen[sleutel] = bestand.data
    resultaat = []
    for bestand in bestanden:
        data = bestand.data
        if "basis" in data:
            versies = [v for (rid, v) in basissen if rid == data["basis"]]
            if not versies:
                raise RouteFout(f"{bestand.pad.name}: onbekende basisroute {data['basis']!r}.")
            # A variant patches the newest base version in force on its own ingangsdatum.
            ingang = data["ingangsdatum"]
            geldig = [
                v for v in versies if basissen[(data["basis"], v)]["ingangsdatum"] <= ingang
            ] or versies
            data = _pas_variant_toe(basissen[(data["basis"], max(geldig))], data, bestand.pad.name)
        _controleer_samenhang(data, bestand.pad.name)
        resultaat.append(data)
    return resultaat


def checksum(definitie: dict) -> str:
    canoniek = json.dumps(definitie, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canoniek.encode("utf-8")).hexdigest()
