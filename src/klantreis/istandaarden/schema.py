"""Where the XSDs live, what each message is called and how to load its schema (cached)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import etree

from klantreis.istandaarden.code import Standaard

XSD_DIR = Path(str(resources.files("klantreis.istandaarden") / "xsd"))

#: All message types of iWmo/iJw 3.2.
BERICHTEN: tuple[str, ...] = (
    "301", "302", "305", "306", "307", "308", "315", "316",
    "317", "318", "319", "320", "323", "325",
)  # fmt: skip
HEEN: tuple[str, ...] = ("301", "305", "307", "315", "317", "319", "323")
#: heenbericht -> its retourbericht (323 is answered by 325, OP: no separate retour).
RETOUR_VAN: dict[str, str] = {
    "301": "302",
    "305": "306",
    "307": "308",
    "315": "316",
    "317": "318",
    "319": "320",
    "323": "325",
}
NAMEN: dict[str, str] = {
    "301": "Toewijzing",
    "302": "Retour toewijzing",
    "305": "Start zorg/ondersteuning",
    "306": "Retour start",
    "307": "Stop zorg/ondersteuning",
    "308": "Retour stop",
    "315": "Verzoek om toewijzing",
    "316": "Retour verzoek om toewijzing",
    "317": "Verzoek om wijziging",
    "318": "Retour verzoek om wijziging",
    "319": "Antwoordbericht",
    "320": "Retour antwoordbericht",
    "323": "Declaratie",
    "325": "Declaratie-antwoord",
}
#: Maximum file size of a message: 25 MB (OP179).
MAX_BYTES = 25 * 1024 * 1024
#: The most elements a message may hold: a 25 MB 323 (25,000 prestaties) has about 394,000,
#: so this leaves room; 1,000,000 lxml nodes cost roughly 250 MB (docs/security.md,
#: "Berichten van buiten").
MAX_ELEMENTEN = 1_000_000
#: The most attributes a message may hold. The iWmo/iJw 3.2 XSDs declare none (namespace
#: declarations are not attributes), so every one is an XSD fault; 800,000 of them cost 12 s
#: and 1.4 GB in validation before this cap (benchmarks/vijandig_bericht.py).
MAX_ATTRIBUTEN = 1_000
#: The most XSD faults reported for one message; the rest are counted in one closing fault.
MAX_XSD_FOUTEN = 100


@cache
def spec() -> dict:
    """The plain-data description of both standards, generated from the XSDs."""
    path = resources.files("klantreis.istandaarden") / "_spec.json"
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class BerichtSoort:
    """One message type of one standard: namespaces, prefixes, fixed header values."""

    standaard: Standaard
    bericht: str
    namespace: str
    basis_namespace: str
    bericht_xsd_versie: str
    basisschema_xsd_versie: str

    @property
    def prefix(self) -> str:
        return ("wmo" if self.standaard is Standaard.IWMO else "jw") + self.bericht

    @property
    def naam(self) -> str:
        """``WMO301`` / ``JW323``."""
        return f"{self.standaard.prefix}{self.bericht}"

    @property
    def xsd_path(self) -> Path:
        return XSD_DIR / self.standaard.value / f"{self.prefix}.xsd"


@cache
def soort(standaard: Standaard | str, bericht: str) -> BerichtSoort:
    std = Standaard(standaard)
    s = spec()[std.value]
    b = s["berichten"][bericht]
    return BerichtSoort(
        standaard=std,
        bericht=bericht,
        namespace=b["namespace"],
        basis_namespace=s["basis_namespace"],
        bericht_xsd_versie=b["BerichtXsdVersie"],
        basisschema_xsd_versie=b["BasisschemaXsdVersie"],
    )


@cache
def _by_namespace() -> dict[str, BerichtSoort]:
    return {soort(std, b).namespace: soort(std, b) for std in Standaard for b in BERICHTEN}


def soort_voor_namespace(namespace: str | None) -> BerichtSoort | None:
    """The message type whose root namespace is ``namespace``, or ``None``."""
    return _by_namespace().get(namespace or "")


@cache
def xml_schema(standaard: Standaard | str, bericht: str) -> etree.XMLSchema:
    """The compiled XSD of one message (loaded from the package, no network)."""
    s = soort(standaard, bericht)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(s.xsd_path), parser))
