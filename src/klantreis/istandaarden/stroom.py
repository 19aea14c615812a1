"""Streaming read of a 323: yield the prestaties one by one, validating while parsing.

For very large declaraties the caller need not hold the whole typed message: the XSD is
checked by libxml2 during the same pass (``iterparse(schema=...)``) and every ``Prestatie``
element is mapped and then freed.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from lxml import etree

from klantreis.istandaarden.binding import _lees, plan, voorcontrole
from klantreis.istandaarden.fouten import OnbekendBerichtFout, XmlFout, XsdFout
from klantreis.istandaarden.modellen import Prestatie323
from klantreis.istandaarden.schema import soort_voor_namespace, xml_schema


def iter_prestaties(data: bytes) -> Iterator[tuple[str, Prestatie323]]:
    """Yield ``(bsn, prestatie)`` for every Prestatie of a 323, XSD-validated on the fly.

    Raises the codec's errors (``XmlFout``/``XsdFout``/``OnbekendBerichtFout``) as soon as the
    problem is met; prestaties yielded before that were valid so far, so a caller that needs
    all-or-nothing must collect first (or use :func:`klantreis.istandaarden.check`).
    """
    data = voorcontrole(data)
    s = _soort(data)
    if s.bericht != "323":
        raise OnbekendBerichtFout(f"{s.naam} is geen declaratie (323).")
    p = plan(s.standaard, "323")
    clienten = next(v for v in p.by_tag.values() if v.naam == "declaratie").sub
    client_plan = next(v for v in clienten.velden if v.naam == "clienten").sub
    prestatie_plan = next(v for v in client_plan.velden if v.naam == "prestaties").sub
    bsn_tag = f"{{{s.namespace}}}Bsn"
    prestatie_tag = f"{{{s.namespace}}}Prestatie"
    bsn = ""
    ctx = etree.iterparse(
        io.BytesIO(data),
        events=("end",),
        tag=(bsn_tag, prestatie_tag),
        schema=xml_schema(s.standaard, "323"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
    )
    try:
        for _, el in ctx:
            if el.tag == bsn_tag:
                bsn = el.text or ""
                continue
            try:
                prestatie = _lees(el, prestatie_plan)
            except (ValueError, KeyError, TypeError) as exc:
                raise XsdFout(f"Een waarde kan niet worden omgezet: {exc}") from None
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
            yield bsn, prestatie
    except etree.XMLSyntaxError as exc:
        if ctx.error_log and any(e.domain_name == "SCHEMASV" for e in ctx.error_log):
            raise XsdFout(f"{s.naam} is ongeldig volgens het XSD: {exc.msg}") from None
        raise XmlFout(
            f"Het bestand is geen welgevormde XML (regel {exc.lineno}): {exc.msg}"
        ) from None


def _soort(data: bytes):
    try:
        for _, el in etree.iterparse(
            io.BytesIO(data),
            events=("start",),
            resolve_entities=False,
            load_dtd=False,
            no_network=True,
            huge_tree=False,
        ):
            qn = etree.QName(el)
            s = soort_voor_namespace(qn.namespace)
            if s is None or qn.localname != "Bericht":
                raise OnbekendBerichtFout(
                    f"Onbekend bericht: root-element {{{qn.namespace or ''}}}{qn.localname}."
                )
            return s
    except etree.XMLSyntaxError as exc:
        raise XmlFout(
            f"Het bestand is geen welgevormde XML (regel {exc.lineno}): {exc.msg}"
        ) from None
    raise XmlFout("Het bestand bevat geen XML-element.")
