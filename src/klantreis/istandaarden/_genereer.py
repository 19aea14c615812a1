"""Generate ``codes.py``, ``modellen.py`` and ``_spec.py`` from the XSDs shipped in ``xsd/``.

Run ``python -m klantreis.istandaarden._genereer`` after replacing an XSD. A test
(``test_genereer.py``) fails when the committed files differ from what this produces, so the
typed model can never drift from the schemas it claims to bind.

The XSDs of iWmo/iJw 3.2 use a small subset of XML Schema: named complex types with a plain
``xs:sequence`` of elements (no choice, no attributes, no mixed content) and simple types that
restrict ``xs:string``, ``xs:integer``, ``xs:date`` or ``xs:time`` with facets and
enumerations. This generator supports exactly that subset and fails loudly on anything else.
"""

from __future__ import annotations

import json
import keyword
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
HIER = Path(__file__).parent
STANDAARDEN = {"iwmo": "wmo", "ijw": "jw"}
BERICHTEN = ("301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "319", "320")
BERICHTEN += ("323", "325")


def _q(tag: str) -> str:
    return f"{{{XS}}}{tag}"


def _doc(el) -> str:
    d = el.find(f"{_q('annotation')}/{_q('documentation')}")
    return " ".join((d.text or "").split()) if d is not None else ""


def _local(qname: str) -> tuple[str, str]:
    prefix, _, name = qname.rpartition(":")
    return prefix, name


def _simple_from_restriction(restr, simple: dict) -> dict:
    base_prefix, base = _local(restr.get("base"))
    if base_prefix == "xs":
        kind = {"string": "str", "integer": "int", "date": "date", "time": "time"}[base]
        st: dict = {"kind": kind}
    else:
        st = dict(simple[base])
        st.pop("fixed", None)
        st["base"] = base
    enums = []
    for child in restr:
        if not isinstance(child.tag, str):
            continue
        facet = etree.QName(child).localname
        value = child.get("value")
        if facet == "enumeration":
            enums.append((value, _doc(child)))
        elif facet == "pattern":
            st.setdefault("patterns", [])
            st["patterns"] = [*st["patterns"], value]
        elif facet in ("minLength", "maxLength", "length", "minInclusive", "maxInclusive"):
            st[facet] = int(value)
        else:
            raise ValueError(f"facet {facet} niet ondersteund")
    if enums:
        st["kind"] = "enum"
        st["enum"] = enums
    pats = st.get("patterns", [])
    if pats and re.fullmatch(r"[0-9]+", pats[-1]) and base_prefix != "xs":
        st["fixed"] = pats[-1]
    return st


def lees_standaard(std: str) -> dict:
    """Read one standard's XSDs into a plain-data description."""
    d = HIER / "xsd" / std
    basis = etree.parse(str(d / "basisschema.xsd")).getroot()
    simple: dict = {}
    complex_: dict = {}
    for st in basis.iterfind(_q("simpleType")):
        restr = st.find(_q("restriction"))
        simple[st.get("name")] = _simple_from_restriction(restr, simple) | {"doc": _doc(st)}
    for st in simple.values():
        st.pop("base", None)

    def seq(ct, scope: str) -> list:
        if ct.find(_q("sequence")) is None or len([c for c in ct if isinstance(c.tag, str)]) > 2:
            raise ValueError(f"complexType {ct.get('name')} niet ondersteund")
        out = []
        for el in ct.find(_q("sequence")).iterfind(_q("element")):
            name = el.get("name")
            mn = int(el.get("minOccurs", "1"))
            mx_raw = el.get("maxOccurs", "1")
            mx = -1 if mx_raw == "unbounded" else int(mx_raw)
            if el.get("type"):
                prefix, tname = _local(el.get("type"))
                if tname in simple:
                    tref = "s:" + tname
                elif prefix in STANDAARDEN or prefix == std:
                    tref = "c:basis:" + tname
                else:
                    tref = f"c:{scope}:{tname}"
            else:
                inline = el.find(_q("simpleType"))
                if inline is None:
                    raise ValueError(f"element {name} zonder type")
                key = f"{scope}:{ct.get('name')}/{name}"
                simple[key] = _simple_from_restriction(inline.find(_q("restriction")), simple)
                simple[key].pop("base", None)
                tref = "s:" + key
            out.append((name, tref, mn, mx, _doc(el)))
        return out

    for ct in basis.iterfind(_q("complexType")):
        complex_["basis:" + ct.get("name")] = {"doc": _doc(ct), "els": seq(ct, "basis")}
    versies = {}
    for code in BERICHTEN:
        root = etree.parse(str(d / f"{STANDAARDEN[std]}{code}.xsd")).getroot()
        app = root.find(f"{_q('annotation')}/{_q('appinfo')}")
        info = {etree.QName(c).localname: c.text for c in app if isinstance(c.tag, str)}
        versies[code] = {
            "namespace": root.get("targetNamespace"),
            "BerichtXsdVersie": info["BerichtXsdVersie"],
            "BasisschemaXsdVersie": info["BasisschemaXsdVersie"],
        }
        for ct in root.iterfind(_q("complexType")):
            complex_[f"{code}:{ct.get('name')}"] = {"doc": _doc(ct), "els": seq(ct, code)}
    basis_app = basis.find(f"{_q('annotation')}/{_q('appinfo')}")
    basis_info = {etree.QName(c).localname: c.text for c in basis_app if isinstance(c.tag, str)}
    return {
        "basis_namespace": basis.get("targetNamespace"),
        "basis_versie": basis_info["BasisschemaXsdVersie"],
        "berichten": versies,
        "simple": simple,
        "complex": complex_,
    }


def _snake(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()
    return s + "_" if keyword.iskeyword(s) else s


def _ident(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_").upper()
    if not t or t[0].isdigit():
        t = "C_" + t
    return t[:48].rstrip("_")


def _is_wrapper(spec: dict, tref: str) -> str | None:
    """A complex type holding exactly one repeated element becomes a tuple field."""
    if not tref.startswith("c:"):
        return None
    els = spec["complex"][tref[2:]]["els"]
    if len(els) == 1 and els[0][3] == -1:
        return els[0][0]
    return None


def _structure(spec: dict, key: str) -> tuple:
    return tuple((n, t, mn, mx) for n, t, mn, mx, _ in spec["complex"][key]["els"])


def genereer() -> dict[str, str]:
    specs = {std: lees_standaard(std) for std in STANDAARDEN}
    # ---- codes -------------------------------------------------------------------------
    enum_names: dict[tuple[str, str], str] = {}  # (std, simple type) -> enum class name
    enum_src: list[str] = []
    base_names = sorted(
        {
            n
            for s in specs.values()
            for n, st in s["simple"].items()
            if "enum" in st and ":" not in n
        }
    )
    for name in base_names:
        cls = name.removeprefix("LDT_")
        variants = {std: specs[std]["simple"][name]["enum"] for std in STANDAARDEN}
        if variants["iwmo"] == variants["ijw"]:
            targets = [(cls, variants["iwmo"], "iwmo", "ijw")]
        else:
            targets = [
                (f"Wmo{cls}", variants["iwmo"], "iwmo", None),
                (f"Jw{cls}", variants["ijw"], "ijw", None),
            ]
        for cname, values, std1, std2 in targets:
            for std in (std1, std2):
                if std:
                    enum_names[(std, name)] = cname
            doc = specs[std1]["simple"][name]["doc"] or cname
            enum_src.append(f"\n\nclass {cname}(Code):\n    {_docstring(doc, 4)}\n")
            seen: set[str] = set()
            for value, vdoc in values:
                ident = _ident(vdoc) if vdoc else f"C_{value}"
                if ident in seen or ident in ("NAME", "VALUE"):
                    ident = f"{ident}_{value}"
                seen.add(ident)
                enum_src.append(f"    {ident} = {value!r}, {vdoc!r}\n")
        if (enum_names[("iwmo", name)]) != enum_names[("ijw", name)]:
            enum_src.append(f"\n\n{cls} = Wmo{cls} | Jw{cls}\n")
    # Inline enumerations (none in 3.2) would need their own class: fail loudly.
    for std, s in specs.items():
        for n, st in s["simple"].items():
            if ":" in n and "enum" in st:
                raise ValueError(f"inline enumeratie {std} {n} niet ondersteund")

    # ---- classes -----------------------------------------------------------------------
    # Group complex types (over both standards) by scope and name, then by structure.
    all_keys = sorted(
        {k for s in specs.values() for k in s["complex"]},
        key=lambda k: (k.split(":")[0] != "basis", k),
    )
    # structure per key, merged over the standards: element list as union, in order.
    merged: dict[str, list] = {}
    for key in all_keys:
        lists = [s["complex"][key]["els"] for s in specs.values() if key in s["complex"]]
        els: list = []
        for lst in lists:
            for e in lst:
                if e[0] not in [x[0] for x in els]:
                    pos = lst.index(e)
                    prev = lst[pos - 1][0] if pos else None
                    idx = next((i + 1 for i, x in enumerate(els) if x[0] == prev), 0)
                    els.insert(idx, e)
        merged[key] = [(n, t, mn, mx) for n, t, mn, mx, _ in els]
    class_names: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    for key in all_keys:
        scope, name = key.split(":")
        if scope == "basis":
            class_names[key] = name.removeprefix("CDT_")
            continue
        if name == "Root":
            class_names[key] = f"Bericht{scope}"
            continue
        by_name.setdefault(name, []).append(key)

    def sig(key: str) -> tuple:
        out = []
        for n, t, mn, mx in merged[key]:
            if t.startswith("c:") and not t.startswith("c:basis"):
                t = "c:" + sig(t[2:]).__repr__()
            elif t.startswith("s:"):
                st = specs["ijw"]["simple"].get(t[2:]) or specs["iwmo"]["simple"][t[2:]]
                if "fixed" in st:
                    t = "fixed"
                elif st["kind"] == "enum":
                    t = t.rsplit("/", 1)[-1]
                else:
                    t = st["kind"]
            out.append((n, t, mn, mx))
        return tuple(out)

    for name, keys in by_name.items():
        groups: dict[tuple, list[str]] = {}
        for k in keys:
            groups.setdefault(sig(k), []).append(k)
        for members in groups.values():
            cname = name if len(groups) == 1 else name + members[0].split(":")[0]
            for k in members:
                class_names[k] = cname
    # ---- model source ------------------------------------------------------------------
    model_src: list[str] = []
    done: set[str] = set()
    ordered = sorted(all_keys, key=lambda k: (not k.startswith("basis"), _num(k)))
    for key in ordered:
        cname = class_names[key]
        if cname in done or _wrapper_key(specs, key):
            continue
        done.add(cname)
        doc = next(s["complex"][key]["doc"] for s in specs.values() if key in s["complex"])
        stds = [std for std, s in specs.items() if key in s["complex"]]
        users = sorted({k.split(":")[0] for k, v in class_names.items() if v == cname})
        lines = [f"\n\n@dataclass(frozen=True, slots=True, kw_only=True)\nclass {cname}:\n"]
        if key.endswith(":Root"):
            doc = doc or f"Bericht {key.split(':')[0]}."
        lines.append(f"    {_docstring(doc or cname + '.', 4)}\n\n")
        if key.endswith(":Root"):
            lines.append(f"    bericht: ClassVar[str] = {key.split(':')[0]!r}\n")
            lines.append("    standaard: Standaard\n")
        elif "basis" not in users:
            lines.append(f"    # XML type {key.split(':')[1]} in bericht {', '.join(users)}\n")
        for n, t, mn, mx in merged[key]:
            fname = _snake(n)
            py, default = _pytype(specs, enum_names, class_names, t, mn, mx)
            if py is None:
                continue
            only = [
                std for std in stds if n not in [e[0] for e in specs[std]["complex"][key]["els"]]
            ]
            comment = f"  # alleen {'iwmo' if 'ijw' in only else 'ijw'}" if only else ""
            field_line = f"    {fname}: {py}{default}{comment}\n"
            if len(field_line) > 101:
                field_line = f"    {fname}: (\n        {py}\n    ){default}{comment}\n"
            lines.append(field_line)
        model_src.append("".join(lines))
    # ---- spec data ---------------------------------------------------------------------
    spec_out: dict = {}
    for std, s in specs.items():
        simple_out = {}
        for n, st in s["simple"].items():
            st2 = {k: v for k, v in st.items() if k not in ("doc", "enum")}
            if "enum" in st:
                st2["enum"] = enum_names[(std, n)] if ":" not in n else None
                st2["codes"] = [v for v, _ in st["enum"]]
            simple_out[n] = st2
        complex_out = {}
        for key, c in s["complex"].items():
            complex_out[key] = {
                "klasse": class_names[key],
                "els": [(n, t, mn, mx) for n, t, mn, mx, _ in c["els"]],
            }
        spec_out[std] = {
            "basis_namespace": s["basis_namespace"],
            "basis_versie": s["basis_versie"],
            "berichten": s["berichten"],
            "simple": simple_out,
            "complex": complex_out,
        }
    header = (
        '# ruff: noqa: E501\n"""GEGENEREERD door ``python -m klantreis.istandaarden._genereer`` '
        'uit ``xsd/``: niet bewerken."""\n'
    )
    codes_py = (
        header.replace('"""\n', ' Codelijsten."""\n', 1)
        + "\nfrom klantreis.istandaarden.code import Code\n"
        + "".join(enum_src)
    )
    enums_used = sorted(
        {n for n in enum_names.values() if not n.startswith(("Wmo", "Jw"))}
        | {n.removeprefix("Wmo") for n in enum_names.values() if n.startswith("Wmo")}
    )
    modellen_py = (
        header.replace('"""\n', ' Berichtklassen."""\n', 1)
        + "\nfrom __future__ import annotations\n\nimport datetime\n"
        + "from dataclasses import dataclass\nfrom typing import ClassVar\n\n"
        + "from klantreis.istandaarden.code import Standaard\n"
        + "from klantreis.istandaarden.codes import (\n"
        + "".join(f"    {e},\n" for e in enums_used)
        + ")\n"
        + "".join(model_src)
    )
    spec_json = json.dumps(spec_out, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return {
        "codes.py": _ruff_format(codes_py),
        "modellen.py": _ruff_format(modellen_py),
        "_spec.json": spec_json,
    }


def _ruff_format(src: str) -> str:
    ruff = Path(sys.executable).parent / "ruff"
    out = subprocess.run(
        [str(ruff), "format", "--line-length", "100", "-"],
        input=src.encode(),
        capture_output=True,
        check=True,
    )
    return out.stdout.decode()


def _num(key: str) -> tuple:
    scope, name = key.split(":")
    order = ["Root", "Header"]
    return (scope, order.index(name) if name in order else 2, name)


def _wrapper_key(specs: dict, key: str) -> bool:
    for s in specs.values():
        if key in s["complex"]:
            els = s["complex"][key]["els"]
            return len(els) == 1 and els[0][3] == -1
    return False


def _pytype(specs, enum_names, class_names, tref, mn, mx) -> tuple[str | None, str]:
    std = "ijw"
    wrapper = None
    for s in specs.values():
        if tref.startswith("c:") and tref[2:] in s["complex"]:
            wrapper = _is_wrapper(s, tref)
            if wrapper:
                tref = s["complex"][tref[2:]]["els"][0][1]
            break
    if tref.startswith("s:"):
        name = tref[2:]
        st = specs[std]["simple"].get(name) or specs["iwmo"]["simple"][name]
        if "fixed" in st:
            return None, ""
        if st["kind"] == "enum":
            base = name if ":" not in name else None
            if base and enum_names[("iwmo", base)] != enum_names[("ijw", base)]:
                py = base.removeprefix("LDT_")
            else:
                py = enum_names[("ijw", base)]
        else:
            py = {"str": "str", "int": "int", "date": "datetime.date", "time": "datetime.time"}[
                st["kind"]
            ]
    else:
        py = class_names[tref[2:]]
    if wrapper or mx != 1:
        return f"tuple[{py}, ...]", " = ()"
    if mn == 0:
        return f"{py} | None", " = None"
    return py, ""


def _docstring(text: str, indent: int) -> str:
    text = text.replace('"""', "'''").replace("\\", "\\\\")
    words = text.split()
    lines, cur = [], ""
    for w in words:
        if len(cur) + len(w) + indent + 7 > 99:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    lines.append(cur)
    if len(lines) == 1:
        return f'"""{lines[0]}"""'
    pad = " " * indent
    return '"""' + f"\n{pad}".join(lines) + f"\n{pad}" + '"""'


def main() -> None:
    for name, src in genereer().items():
        (HIER / name).write_text(src, encoding="utf-8")
        print(f"geschreven: {HIER / name}")


if __name__ == "__main__":
    main()
