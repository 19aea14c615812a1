"""No import cycle between contexts (decision 0016). Every ``import`` of a module under
``src/klantreis/<context>/`` — at the top or inside a function, where imports used to hide
cycles from import time — is an edge from its context to the one it names; tests and
migrations do not count (they may reach anywhere). The graph must have no cycle, and the
access policy (``toegang``) is asked only by the layers above the domain."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import klantreis

ROOT = Path(klantreis.__file__).parent

#: Who may import the access policy: the portal, the API and the audit log (its grondslag).
#: A domain context that asked it would put "who may see what" back at the bottom.
TOEGANG_GEBRUIKERS = {"api", "audit", "portal"}


def _contexten() -> set[str]:
    return {p.name for p in ROOT.iterdir() if p.is_dir() and (p / "__init__.py").exists()}


def _doelen(node: ast.AST, context: str, pad: Path) -> list[str]:
    """The klantreis modules an import node names, absolute (relative ones resolved)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        pakket = pad.relative_to(ROOT.parent).with_suffix("").parts[: -node.level]
        basis = ".".join(pakket)
        return [f"{basis}.{node.module}" if node.module else basis]
    if node.module == "klantreis":
        return [f"klantreis.{a.name}" for a in node.names]
    return [node.module or ""]


def import_graaf() -> dict[str, dict[str, list[str]]]:
    """context → imported context → the places (``path:line``) that import it."""
    contexten = _contexten()
    graaf: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for context in sorted(contexten):
        for pad in sorted((ROOT / context).rglob("*.py")):
            delen = pad.relative_to(ROOT).parts
            if "tests" in delen or "migrations" in delen:
                continue
            for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
                for module in _doelen(node, context, pad):
                    naam = module.split(".")
                    if len(naam) < 2 or naam[0] != "klantreis" or naam[1] not in contexten:
                        continue
                    if naam[1] != context:
                        plaats = f"{pad.relative_to(ROOT)}:{node.lineno}"
                        graaf[context][naam[1]].append(plaats)
    return graaf


def kringen(graaf) -> list[list[str]]:
    """The strongly connected components with more than one context (Tarjan)."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uitkomst: list[list[str]] = []

    def bezoek(v: str) -> None:
        index[v] = laag[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in graaf.get(v, {}):
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            deel = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                deel.append(w)
                if w == v:
                    break
            if len(deel) > 1:
                uitkomst.append(sorted(deel))

    for v in sorted(graaf):
        if v not in index:
            bezoek(v)
    return uitkomst


def _beschrijf(graaf, kring: list[str]) -> str:
    regels = [" ↔ ".join(kring)]
    for van in kring:
        for naar in kring:
            for plaats in graaf.get(van, {}).get(naar, []):
                regels.append(f"  {van} → {naar}: {plaats}")
    return "\n".join(regels)


def test_geen_importkring_tussen_contexten():
    graaf = import_graaf()
    gevonden = kringen(graaf)
    assert not gevonden, "Importkringen tussen contexten:\n" + "\n".join(
        _beschrijf(graaf, k) for k in gevonden
    )


def test_toegangsbeleid_alleen_boven_het_domein():
    graaf = import_graaf()
    gebruikers = {van for van, naar in graaf.items() if "toegang" in naar}
    te_veel = gebruikers - TOEGANG_GEBRUIKERS
    assert not te_veel, {v: graaf[v]["toegang"] for v in sorted(te_veel)}


def test_de_graaf_ziet_imports_in_functies_en_relatieve_imports():
    """The scanner itself: a cycle hidden in a function, or written relatively, is found."""
    code = "def f():\n    from klantreis.routes import engine\n"
    boom = ast.parse(code)
    node = next(n for n in ast.walk(boom) if isinstance(n, ast.ImportFrom))
    assert _doelen(node, "termijnen", ROOT / "termijnen" / "services.py") == ["klantreis.routes"]
    relatief = ast.parse("from ..routes.models import Traject").body[0]
    assert _doelen(relatief, "termijnen", ROOT / "termijnen" / "services.py") == [
        "klantreis.routes.models"
    ]
    assert kringen({"a": {"b": ["x"]}, "b": {"c": ["y"]}, "c": {"a": ["z"]}}) == [["a", "b", "c"]]
    assert kringen({"a": {"b": ["x"]}, "b": {}}) == []
