"""Read and write messages: safe parsing, XSD validation and the lxml <-> dataclass mapping.

The mapping is driven by ``_spec.json`` (generated from the XSDs): for every message type a
*plan* is compiled once, holding per XML element its Clark tag, the dataclass field, and a
converter. Reading uses a reader generated from each plan (see :func:`lezer`) that walks the
validated lxml tree once; writing walks the dataclasses in XSD order and builds lxml elements.
"""

from __future__ import annotations

import dataclasses
import datetime
import gc
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from lxml import etree

from klantreis.istandaarden import codes, modellen
from klantreis.istandaarden.code import Standaard
from klantreis.istandaarden.fouten import (
    CodecError,
    Fout,
    OnbekendBerichtFout,
    SchrijfFout,
    XmlFout,
    XsdFout,
)
from klantreis.istandaarden.meldingen import xsd_melding
from klantreis.istandaarden.schema import (
    MAX_ATTRIBUTEN,
    MAX_BYTES,
    MAX_ELEMENTEN,
    MAX_XSD_FOUTEN,
    BerichtSoort,
    soort,
    soort_voor_namespace,
    spec,
    xml_schema,
)

Bericht = (
    modellen.Bericht301
    | modellen.Bericht302
    | modellen.Bericht305
    | modellen.Bericht306
    | modellen.Bericht307
    | modellen.Bericht308
    | modellen.Bericht315
    | modellen.Bericht316
    | modellen.Bericht317
    | modellen.Bericht318
    | modellen.Bericht319
    | modellen.Bericht320
    | modellen.Bericht323
    | modellen.Bericht325
)


# --------------------------------------------------------------------------------------------
# Plans
# --------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class Veld:
    """One XML element of a complex type and the dataclass field it maps to."""

    naam: str  # dataclass attribute
    element: str  # XML local name
    tag: str  # Clark name {ns}local
    kind: str  # str int date time enum class fixed
    min_occurs: int
    lijst: bool  # tuple-valued (wrapper or repeated element)
    item_tag: str | None = None  # wrapper: tag of the repeated child
    item_element: str | None = None
    sub: Plan | None = None
    simple: dict = field(default_factory=dict)  # facets (for generators)
    conv: Callable[[str], Any] | None = None
    fmt: Callable[[Any], str] | None = None
    fixed: str | None = None
    enum: type | None = None


@dataclass(slots=True, eq=False)
class Plan:
    """How one complex type maps to one dataclass."""

    key: str
    cls: type
    velden: list[Veld] = field(default_factory=list)
    by_tag: dict[str, Veld] = field(default_factory=dict)
    lijsten: tuple[str, ...] = ()  # names of repeated (non-wrapper) fields
    lezer: Callable[[etree._Element, Any], Any] | None = None  # compiled reader
    schrijver: Callable[[etree._Element, Any], None] | None = None  # compiled writer


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


_DATUM_CACHE: dict[str, datetime.date] = {}


def _datum(text: str) -> datetime.date:
    try:
        return _DATUM_CACHE[text]
    except KeyError:
        d = datetime.date.fromisoformat(text.strip())
        if len(_DATUM_CACHE) < 20000:
            _DATUM_CACHE[text] = d
        return d


def _tijd(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text.strip())


def _tekst(text: str | None) -> str:
    return text if text is not None else ""


def _iso(value: Any) -> str:
    return value.isoformat()


def _converters(st: dict) -> tuple[Callable, Callable, type | None]:
    kind = st["kind"]
    if kind == "int":
        return int, str, None
    if kind == "date":
        return _datum, _iso, None
    if kind == "time":
        return _tijd, _iso, None
    if kind == "enum":
        enum_cls = getattr(codes, st["enum"])
        lookup = enum_cls._value2member_map_
        return lookup.__getitem__, str, enum_cls
    return _tekst, str, None


@cache
def plan(standaard: Standaard | str, bericht: str) -> Plan:
    """The compiled mapping plan of one message type (root ``Bericht``)."""
    std = Standaard(standaard)
    return _compile(std, soort(std, bericht), f"{bericht}:Root", {})


def _compile(std: Standaard, s: BerichtSoort, key: str, seen: dict[str, Plan]) -> Plan:
    if key in seen:
        return seen[key]
    sp = spec()[std.value]
    ctype = sp["complex"][key]
    p = Plan(key=key, cls=getattr(modellen, ctype["klasse"]))
    seen[key] = p
    ns = s.basis_namespace if key.startswith("basis:") else s.namespace
    lijsten = []
    for name, tref, mn, mx in ctype["els"]:
        v = Veld(
            naam=_snake(name),
            element=name,
            tag=f"{{{ns}}}{name}",
            kind="",
            min_occurs=mn,
            lijst=mx != 1,
        )
        if tref.startswith("c:"):
            sub_key = tref[2:]
            sub = sp["complex"][sub_key]
            if len(sub["els"]) == 1 and sub["els"][0][3] == -1:  # wrapper: flatten to a tuple
                item_name, item_ref, _, _ = sub["els"][0]
                item_ns = s.basis_namespace if sub_key.startswith("basis:") else s.namespace
                v.lijst = True
                v.item_tag = f"{{{item_ns}}}{item_name}"
                v.item_element = item_name
                tref = item_ref
            elif mx != 1:
                lijsten.append(v.naam)
        elif mx != 1:
            lijsten.append(v.naam)
        if tref.startswith("c:"):
            v.kind = "class"
            v.sub = _compile(std, s, tref[2:], seen)
        else:
            st = sp["simple"][tref[2:]]
            v.simple = st
            if "fixed" in st:
                v.kind = "fixed"
                v.fixed = st["fixed"]
            else:
                v.kind = st["kind"]
                v.conv, v.fmt, v.enum = _converters(st)
        p.velden.append(v)
        if v.fixed is None:
            p.by_tag[v.tag] = v
    p.lijsten = tuple(lijsten)
    return p


# --------------------------------------------------------------------------------------------
# Safe parsing
# --------------------------------------------------------------------------------------------

_ENCODING_DECL = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        collect_ids=False,
        # the bytes are checked to be UTF-8 (voorcontrole); libxml2 must not guess otherwise
        encoding="utf-8",
        # whitespace between elements only (leaf text is kept): a smaller tree, faster
        # validation and mapping; the messages have no mixed content
        remove_blank_text=True,
    )


def parse_veilig(data: bytes) -> etree._Element:
    """Parse bytes to an lxml root, refusing hostile or non-UTF-8 input *before* parsing."""
    data = voorcontrole(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        raise XmlFout(
            f"Het bestand is geen welgevormde XML (regel {exc.lineno}): {exc.msg}"
        ) from None
    except (ValueError, LookupError) as exc:  # pragma: no cover - defensive
        raise XmlFout(f"Het bestand kan niet als XML worden gelezen: {exc}") from None
    if root.getroottree().docinfo.doctype:
        raise XmlFout("Het bestand bevat een DOCTYPE; die wordt niet geaccepteerd.")
    return root


def voorcontrole(data: bytes) -> bytes:
    """The byte-level checks done before any parsing: type, size (OP179), encoding, DTD."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise XmlFout("Het bericht moet als bytes worden aangeboden, niet als tekst.")
    data = bytes(data)
    if len(data) > MAX_BYTES:
        raise XmlFout(
            f"Het bestand is {len(data)} bytes; de iStandaarden staan maximaal 25 MB toe (OP179)."
        )
    if not data.strip():
        raise XmlFout("Het bestand is leeg.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00")):
        raise XmlFout("Het bestand is geen UTF-8 (het begint met een UTF-16/32-merkteken).")
    if (nul := data.find(b"\x00")) >= 0:
        # XML 1.0 has no U+0000, and NUL bytes are valid UTF-8: without this a UTF-16 file
        # without BOM that declares UTF-8 passed the decode below and libxml2 read it as
        # UTF-16 (docs/security.md, "Berichten van buiten").
        raise XmlFout(
            f"Het bestand is geen UTF-8: het bevat een NUL-byte (positie {nul}); "
            "waarschijnlijk UTF-16 of UTF-32 zonder merkteken."
        )
    m = _ENCODING_DECL.match(data[:512].removeprefix(b"\xef\xbb\xbf"))
    if m and m.group(1).strip().lower() not in (b"utf-8", b"utf8"):
        naam = m.group(1).decode("ascii", "replace")
        raise XmlFout(f"De XML-declaratie noemt encoding '{naam}'; alleen UTF-8 is toegestaan.")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise XmlFout(
            f"Het bestand is geen geldige UTF-8: ongeldige byte op positie {exc.start}."
        ) from None
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise XmlFout(
            "Het bestand bevat een DOCTYPE of ENTITY-declaratie; die worden niet geaccepteerd "
            "(bescherming tegen externe entiteiten en entity-expansie)."
        )
    voorscan(data)
    return data


#: Every attribute is whitespace, a name, ``=``, optional whitespace and a quote; text that
#: merely looks so is counted too, so the count never falls below the real number.
_ATTRIBUUT = re.compile(rb"""\s[^\s<>="'/]+\s*=\s*["']""")


def voorscan(data: bytes) -> None:
    """Refuse a message with more elements or attributes than a real one can have, before
    it is parsed into a tree and validated (a hostile message must cost at most a few
    hundred MB and a second: docs/security.md, "Berichten van buiten").

    Byte counts, no parsing: ``<`` cannot occur in text or attribute values, so every start
    tag is a ``<`` that does not open an end tag, a comment, CDATA or a processing
    instruction; each attribute needs an ``=``. The exact attribute scan runs only when the
    ``=`` count is over the limit, and stops at the limit.
    """
    starttags = data.count(b"<")
    if starttags > MAX_ELEMENTEN:
        starttags -= data.count(b"</") + data.count(b"<!") + data.count(b"<?")
        if starttags > MAX_ELEMENTEN:
            raise XmlFout(
                f"Het bestand bevat meer dan {MAX_ELEMENTEN} elementen; zoveel heeft geen "
                "iWmo/iJw-bericht. Het is niet verder gelezen."
            )
    if data.count(b"=") > MAX_ATTRIBUTEN:
        for n, _ in enumerate(_ATTRIBUUT.finditer(data), start=1):
            if n > MAX_ATTRIBUTEN:
                raise XmlFout(
                    f"Het bestand bevat meer dan {MAX_ATTRIBUTEN} attributen; de iWmo/iJw-"
                    "berichten kennen geen attributen. Het is niet verder gelezen."
                )


def herken(root: etree._Element) -> BerichtSoort:
    """Detect standard and message type from the root's namespace."""
    if not isinstance(root.tag, str):
        raise OnbekendBerichtFout("Het bestand bevat geen XML-element.")
    try:
        qn = etree.QName(root)
    except ValueError:  # e.g. an undeclared prefix
        raise OnbekendBerichtFout(f"Onbekend bericht: root-element {root.tag!r}.") from None
    s = soort_voor_namespace(qn.namespace)
    if s is None or qn.localname != "Bericht":
        raise OnbekendBerichtFout(
            f"Onbekend bericht: root-element {{{qn.namespace or ''}}}{qn.localname} is geen iWmo- "
            "of iJw 3.2-bericht."
        )
    return s


_PREFIX = re.compile(r"[A-Za-z_][\w.-]*:")


def _pad(path: str | None) -> str:
    return _PREFIX.sub("", path or "")


def valideer(root: etree._Element, s: BerichtSoort) -> list[Fout]:
    """Level 1: XSD validation. Returns the faults (empty when valid)."""
    schema = xml_schema(s.standaard, s.bericht)
    if schema.validate(root):
        return []
    log = schema.error_log
    fouten = [
        Fout(
            regel="XSD",
            retourcode=None,
            pad=_pad(e.path),
            melding=f"Ongeldig volgens {s.naam}.xsd (regel {e.line}): {xsd_melding(e.message)}",
        )
        for e in itertools.islice(log, MAX_XSD_FOUTEN)
    ]
    if (rest := len(log) - len(fouten)) > 0:
        # an XSD fault gets no retourcode (level 1), so nothing needs the full list
        fouten.append(
            Fout(
                regel="XSD",
                retourcode=None,
                pad="",
                melding=f"En nog {rest} XSD-fout(en); alleen de eerste {MAX_XSD_FOUTEN} "
                "worden gemeld.",
            )
        )
    return fouten


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


def _lees(el: etree._Element, p: Plan, standaard: Standaard | None = None) -> Any:
    """Map one element to the dataclass of plan ``p`` (``standaard`` only for a root)."""
    return lezer(p)(el, standaard)


def lezer(p: Plan) -> Callable[[etree._Element, Any], Any]:
    """The compiled reader of a plan: straight-line Python generated once per plan.

    A generic walk spends most of its time looking up the plan for every element. The
    generated function instead walks the children once in XSD order (it runs only on a
    message that passed XSD validation, so a required element is simply the next child and
    only optional or repeated ones need a tag test), binds converters and sub-readers as
    constants, and fills
    the frozen dataclass through its slot descriptors (the frozen ``__init__`` costs about
    twice as much). Comments and processing instructions are skipped.
    """
    if p.lezer is None:
        p.lezer = _genereer_lezer(p)
    return p.lezer


#: Leaf value objects (a period, an amount with D/C) are immutable and repeat a lot in a
#: declaratie, so readers of small all-required leaf types share instances per text tuple.
#: Never attach a fault (``Fout.klasse``) to such a leaf: it may be shared.
MEMO_MAX = 4096


_TEKST_NODES = etree.XPath("text()", smart_strings=False)


def _tekst_met_pi(el: etree._Element) -> str:
    """The text of a simple element that also holds a comment or processing instruction
    (``<Bsn>1234<!-- x -->56789</Bsn>`` is valid): ``.text`` would stop at the comment."""
    return "".join(_TEKST_NODES(el))


def _is_memo_blad(p: Plan) -> bool:
    return 0 < len(p.velden) <= 3 and all(
        v.sub is None and not v.lijst and v.fixed is None and v.min_occurs == 1 for v in p.velden
    )


def _genereer_memo_lezer(p: Plan) -> Callable[[etree._Element, Any], Any]:
    env: dict[str, Any] = {"cls": p.cls, "NEW": object.__new__, "ELEMENT": etree.Element}
    env["CACHE"] = {}
    env["TEKST"] = _tekst_met_pi
    env["MAX"] = MEMO_MAX
    namen = [f"a{i}" for i in range(len(p.velden))]
    body = ["    it = el.iterchildren(ELEMENT)"]
    for n in namen:
        body += ["    x = next(it)", f"    {n} = x.text if not len(x) else TEKST(x)"]
    body += [
        f"    key = ({', '.join(namen)},)",
        "    o = CACHE.get(key)",
        "    if o is None:",
        "        o = NEW(cls)",
    ]
    for i, v in enumerate(p.velden):
        env[f"S{i}"] = getattr(p.cls, v.naam).__set__
        env[f"C{i}"] = v.conv
        body.append(f"        S{i}(o, C{i}(a{i}))")
    body += [
        "        if len(CACHE) >= MAX:",
        "            CACHE.clear()",
        "        CACHE[key] = o",
        "    return o",
    ]
    src = "def lees(el, standaard):\n" + "\n".join(body)
    exec(compile(src, f"<memo-lezer {p.cls.__name__}>", "exec"), env)
    return env["lees"]


def _genereer_lezer(p: Plan) -> Callable[[etree._Element, Any], Any]:
    if _is_memo_blad(p) and p.cls.__dataclass_params__.frozen:
        return _genereer_memo_lezer(p)
    env: dict[str, Any] = {
        "cls": p.cls,
        "NEW": object.__new__,
        "ELEMENT": etree.Element,
        "tuple": tuple,
        "next": next,
        "len": len,
        "TEKST": _tekst_met_pi,
    }
    body = ["    it = el.iterchildren(ELEMENT)", "    c = next(it, None)"]
    zet = []
    for i, v in enumerate(p.velden):
        env[f"T{i}"] = v.tag
        if v.fixed is not None:  # required: skip it
            body.append("    c = next(it, None)")
            continue
        env[f"S{i}"] = getattr(p.cls, v.naam).__set__
        zet.append(f"    S{i}(o, v{i})")
        if v.sub is not None:
            env[f"L{i}"] = lezer(v.sub)
            item = f"L{i}(x, None)"
        else:
            env[f"C{i}"] = v.conv
            item = f"C{i}(x.text if not len(x) else TEKST(x))"
        if v.item_tag is not None:  # wrapper element: a tuple of its children
            env[f"I{i}"] = v.item_tag
            body += [
                f"    v{i} = ()",
                f"    if c is not None and c.tag == T{i}:",
                f"        v{i} = tuple([{item} for x in c.iterchildren(I{i})])",
                "        c = next(it, None)",
            ]
        elif v.lijst:  # repeated element
            body += [
                f"    v{i} = []",
                f"    while c is not None and c.tag == T{i}:",
                "        x = c",
                f"        v{i}.append({item})",
                "        c = next(it, None)",
                f"    v{i} = tuple(v{i})",
            ]
        elif v.min_occurs == 1:  # required and single: in a valid message it is this one
            body += ["    x = c", f"    v{i} = {item}", "    c = next(it, None)"]
        else:
            body += [
                f"    v{i} = None",
                f"    if c is not None and c.tag == T{i}:",
                "        x = c",
                f"        v{i} = {item}",
                "        c = next(it, None)",
            ]
    body.append("    o = NEW(cls)")
    body += zet
    in_plan = {v.naam for v in p.velden}
    for j, f in enumerate(dataclasses.fields(p.cls)):  # fields of the other standard only
        if f.name in in_plan or f.name == "standaard":
            continue
        env[f"D{j}"] = f.default
        env[f"SD{j}"] = getattr(p.cls, f.name).__set__
        body.append(f"    SD{j}(o, D{j})")
    if "standaard" in getattr(p.cls, "__dataclass_fields__", {}):
        env["S_STD"] = p.cls.standaard.__set__
        body.append("    S_STD(o, standaard)")
    body.append("    return o")
    src = "def lees(el, standaard):\n" + "\n".join(body)
    exec(compile(src, f"<lezer {p.cls.__name__}>", "exec"), env)
    return env["lees"]


def map_root(root: etree._Element, s: BerichtSoort) -> Bericht:
    """Map a validated lxml root to its typed message."""
    p = plan(s.standaard, s.bericht)
    # Mapping allocates one object per element and creates no reference cycles; pausing the
    # cyclic garbage collector meanwhile avoids repeated full scans of a growing heap
    # (about a third of the mapping time for a 25,000-prestatie 323).
    gc_aan = gc.isenabled()
    gc.disable()
    try:
        return _lees(root, p, s.standaard)
    except (ValueError, KeyError, TypeError, AttributeError, StopIteration) as exc:
        raise XsdFout(f"Een waarde kan niet worden omgezet: {exc}") from None
    finally:
        if gc_aan:
            gc.enable()


def read(data: bytes) -> Bericht:
    """Read an iWmo/iJw 3.2 message: refuse hostile input, XSD-validate, map to objects.

    Raises ``XmlFout`` (level 0), ``OnbekendBerichtFout``/``XsdFout`` (level 1); all are
    ``CodecError`` with ``niveau`` and ``fouten``.
    """
    root = parse_veilig(data)
    s = herken(root)
    fouten = valideer(root, s)
    if fouten:
        raise XsdFout(f"{s.naam} is ongeldig volgens het XSD ({len(fouten)} fout(en)).", fouten)
    return map_root(root, s)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def _schrijf(parent: etree._Element, obj: Any, p: Plan) -> None:
    schrijver(p)(parent, obj)


def schrijver(p: Plan) -> Callable[[etree._Element, Any], None]:
    """The compiled writer of a plan: appends the elements of ``obj`` to ``parent`` in XSD
    order (generated once per plan, like :func:`lezer`)."""
    if p.schrijver is None:
        p.schrijver = _genereer_schrijver(p)
    return p.schrijver


def _genereer_schrijver(p: Plan) -> Callable[[etree._Element, Any], None]:
    env: dict[str, Any] = {"SE": etree.SubElement}
    body: list[str] = []
    for i, v in enumerate(p.velden):
        env[f"T{i}"] = v.tag
        if v.fixed is not None:
            env[f"F{i}"] = v.fixed
            body.append(f"    SE(parent, T{i}).text = F{i}")
            continue
        if v.sub is not None:
            env[f"W{i}"] = schrijver(v.sub)
            zet = f"W{i}(e, x)"
        else:
            env[f"FMT{i}"] = v.fmt
            zet = f"e.text = FMT{i}(x)"
        body.append(f"    v = o.{v.naam}")
        if v.item_tag is not None:  # wrapper element around the tuple
            env[f"I{i}"] = v.item_tag
            body += [
                "    if v:",
                f"        w = SE(parent, T{i})",
                "        for x in v:",
                f"            e = SE(w, I{i})",
                f"            {zet}",
            ]
        elif v.lijst:
            body += [
                "    for x in v or ():",
                f"        e = SE(parent, T{i})",
                f"        {zet}",
            ]
        else:
            body += [
                "    if v is not None:",
                "        x = v",
                f"        e = SE(parent, T{i})",
                f"        {zet}",
            ]
    src = "def schrijf(parent, o):\n" + ("\n".join(body) or "    pass")
    exec(compile(src, f"<schrijver {p.cls.__name__}>", "exec"), env)
    return env["schrijf"]


def to_element(message: Bericht) -> etree._Element:
    """Build the lxml tree of a message (not yet validated)."""
    bericht = getattr(type(message), "bericht", None)
    if bericht is None or not hasattr(message, "standaard"):
        raise SchrijfFout(f"Geen iWmo/iJw-bericht: {type(message).__name__}")
    s = soort(message.standaard, bericht)
    p = plan(s.standaard, s.bericht)
    if not isinstance(message, p.cls):
        raise SchrijfFout(f"Verwacht {p.cls.__name__}, kreeg {type(message).__name__}")
    root = etree.Element(
        f"{{{s.namespace}}}Bericht",
        nsmap={s.standaard.value: s.basis_namespace, s.prefix: s.namespace},
    )
    gc_aan = gc.isenabled()
    gc.disable()  # as in map_root: many small acyclic objects
    try:
        _schrijf(root, message, p)
    except (AttributeError, TypeError, ValueError) as exc:
        raise SchrijfFout(f"Het bericht kan niet worden opgebouwd: {exc}") from None
    finally:
        if gc_aan:
            gc.enable()
    return root


def write(message: Bericht) -> bytes:
    """Write a message as canonical UTF-8 XML; raises ``SchrijfFout`` if it is not XSD-valid."""
    root = to_element(message)
    s = soort(message.standaard, type(message).bericht)
    fouten = valideer(root, s)
    if fouten:
        raise SchrijfFout(
            f"Het opgebouwde {s.naam}-bericht is ongeldig volgens het XSD "
            f"({len(fouten)} fout(en)): {fouten[0].pad}: {fouten[0].melding}",
            fouten,
        )
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


__all__ = ["Bericht", "CodecError", "read", "write"]
