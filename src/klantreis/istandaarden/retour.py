"""``build_retour``: the standard's answer to a heenbericht and its check result.

* 301/305/307/315/317/319 → 302/306/308/316/318/320 (IV028, OP065):
  - all well: the header only, without RetourCodes;
  - level 2 (a rule with retourcode ``0001``): the header only, with ``0001``;
  - content faults (other retourcodes): the client (or Antwoord) with a fault, every class in
    it with its own codes or ``0200``; faults on the header go in the header.
* 323 → 325 (TR342, OP304, IV087):
  - level 2: header with ``0001``, no DeclaratieAntwoord;
  - all well: header ``0200``, DeclaratieAntwoord ``8001``, TotaalToegekend = TotaalIngediend;
  - prestatie faults: only the rejected prestaties, grouped per client, each with its codes;
    TotaalToegekend = the approved sum; a fault on the Declaratie rejects it all (0);
  - a fault on a Client (e.g. TR304, 8187) rejects all its prestaties: those without a fault of
    their own get ``0233`` (not judged).
"""

from __future__ import annotations

import datetime
from typing import Any

from klantreis.istandaarden import codes, modellen
from klantreis.istandaarden.binding import Bericht, Plan, plan
from klantreis.istandaarden.code import Standaard
from klantreis.istandaarden.controle import AFKEUR, CheckResult
from klantreis.istandaarden.fouten import Fout, Niveau
from klantreis.istandaarden.header import xsd_versie
from klantreis.istandaarden.schema import RETOUR_VAN

OK = "0200"
NIET_BEOORDEELD = "0233"
VOLLEDIG_TOEGEWEZEN = "8001"


def _retourcode(standaard: Standaard, code: str) -> codes.RetourCode:
    enum = codes.WmoRetourCode if standaard is Standaard.IWMO else codes.JwRetourCode
    try:
        return enum(code)
    except ValueError:
        raise ValueError(f"Retourcode {code} staat niet in de codelijst van {standaard}") from None


class _Codes:
    """Fault codes per parsed object (by identity), and which of them were placed."""

    def __init__(self, standaard: Standaard, fouten: tuple[Fout, ...]) -> None:
        self.standaard = standaard
        self.per_object: dict[int, list[str]] = {}
        self.los: list[str] = []
        self.geplaatst: set[int] = set()
        for f in fouten:
            if f.retourcode is None:
                continue
            if f.klasse is None:
                self.los.append(f.retourcode)
            else:
                codes_ = self.per_object.setdefault(id(f.klasse), [])
                if f.retourcode not in codes_:
                    codes_.append(f.retourcode)

    def heeft(self, obj: Any) -> bool:
        return id(obj) in self.per_object

    def voor(self, obj: Any) -> tuple[codes.RetourCode, ...]:
        found = self.per_object.get(id(obj))
        if found:
            self.geplaatst.add(id(obj))
        return tuple(_retourcode(self.standaard, c) for c in (found or [OK]))

    def rest(self) -> list[str]:
        out = list(self.los)
        for key, c in self.per_object.items():
            if key not in self.geplaatst:
                out.extend(x for x in c if x not in out)
        return out


def _bevat_fout(obj: Any, c: _Codes, p: Plan) -> bool:
    """Does ``obj`` or anything inside it carry a fault?"""
    if c.heeft(obj):
        return True
    for v in p.velden:
        if v.sub is None or v.fixed is not None:
            continue
        val = getattr(obj, v.naam, None)
        if val is None:
            continue
        items = val if isinstance(val, tuple) else (val,)
        if any(_bevat_fout(x, c, v.sub) for x in items):
            return True
    return False


def _kopieer(obj: Any, doel: Plan, bron: Plan, c: _Codes) -> Any:
    """Copy a heen object into its retour class, adding RetourCodes to every class that has them."""
    kw: dict[str, Any] = {}
    bron_velden = {v.naam: v for v in bron.velden}
    for v in doel.velden:
        if v.fixed is not None:
            continue
        if v.naam == "retour_codes":
            kw["retour_codes"] = c.voor(obj)
            continue
        val = getattr(obj, v.naam, None)
        if val is None or v.sub is None:
            kw[v.naam] = val
            continue
        first = val[0] if isinstance(val, tuple) and val else val
        if isinstance(first, v.sub.cls) and not _heeft_retourcodes(v.sub):
            kw[v.naam] = val
            continue
        bv = bron_velden[v.naam].sub
        if isinstance(val, tuple):
            kw[v.naam] = tuple(_kopieer(x, v.sub, bv, c) for x in val)
        else:
            kw[v.naam] = _kopieer(val, v.sub, bv, c)
    return doel.cls(**kw)


def _heeft_retourcodes(p: Plan, _seen: set[int] | None = None) -> bool:
    seen = _seen or set()
    if id(p) in seen:
        return False
    seen.add(id(p))
    return any(
        v.naam == "retour_codes" or (v.sub is not None and _heeft_retourcodes(v.sub, seen))
        for v in p.velden
    )


def _totaal(bedrag: int) -> modellen.TotaalBedragMetDC:
    return modellen.TotaalBedragMetDC(
        totaal_bedrag=abs(bedrag),
        debet_credit=codes.DebetCredit("C" if bedrag < 0 else "D"),
    )


def _signed(b: modellen.BedragMetDC | modellen.TotaalBedragMetDC) -> int:
    amount = b.bedrag if isinstance(b, modellen.BedragMetDC) else b.totaal_bedrag
    return -amount if b.debet_credit.value == "C" else amount


def build_retour(
    heen: Bericht,
    result: CheckResult,
    *,
    identificatie: str,
    dagtekening: datetime.date,
    xslt_versie: str | None = None,
) -> Bericht:
    """Build the retourbericht (302…320, or 325 for a 323) for ``heen`` given its check result.

    ``identificatie``/``dagtekening`` identify the retour itself (IdentificatieRetour, or the
    325's BerichtIdentificatie). Raises ``ValueError`` when the result has no retour: a message
    that failed on XML or XSD level gets a transport error, not a retourbericht.
    """
    if result.niveau in (Niveau.XML, Niveau.XSD):
        raise ValueError(
            "Een bericht dat niet door de XSD-controle komt, krijgt geen retourbericht "
            "(de afzender krijgt een transportfout)."
        )
    if result.message is not None and result.message is not heen and result.message == heen:
        heen = result.message  # the faults refer to the objects of the checked message
    std = heen.standaard
    retour_code = RETOUR_VAN.get(heen.bericht)
    if retour_code is None:
        raise ValueError(f"Bericht {heen.bericht} is geen heenbericht en krijgt geen retour.")
    c = _Codes(std, result.fouten)
    if heen.bericht == "323":
        return _retour_325(heen, result, c, identificatie, dagtekening, xslt_versie)
    doel = plan(std, retour_code)
    bron = plan(std, heen.bericht)
    h = heen.header
    header_codes: tuple[codes.RetourCode, ...] = ()
    body: dict[str, Any] = {}
    if result.afgekeurd:
        header_codes = (_retourcode(std, AFKEUR),)
    elif result.fouten:
        header_fout = c.heeft(h)
        for v in doel.velden:
            if v.naam in ("header",) or v.sub is None:
                continue
            val = getattr(heen, v.naam)
            bv = next(b.sub for b in bron.velden if b.naam == v.naam)
            if val is not None and _bevat_fout(val, c, bv):  # OP065: only what has a fault
                body[v.naam] = _kopieer(val, v.sub, bv, c)
        rest = c.rest()
        if header_fout or rest:
            eigen = c.per_object.get(id(h), [])
            found = eigen + [x for x in rest if x not in eigen]
            header_codes = tuple(_retourcode(std, x) for x in found)
        else:
            header_codes = (_retourcode(std, OK),)
    header = modellen.Header302(
        afzender=h.afzender,
        ontvanger=h.ontvanger,
        bericht_identificatie=h.bericht_identificatie,
        xsd_versie=h.xsd_versie,
        identificatie_retour=identificatie,
        dagtekening_retour=dagtekening,
        xslt_versie=xslt_versie,
        xsd_versie_retour=xsd_versie(std, retour_code),
        retour_codes=header_codes,
    )
    return doel.cls(standaard=std, header=header, **body)


def _retour_325(
    heen: modellen.Bericht323,
    result: CheckResult,
    c: _Codes,
    identificatie: str,
    dagtekening: datetime.date,
    xslt_versie: str | None,
) -> modellen.Bericht325:
    std = heen.standaard
    h = heen.header
    d = heen.declaratie

    def header(codes_: list[str]) -> modellen.Header325:
        return modellen.Header325(
            afzender=h.ontvanger,
            ontvanger=h.afzender,
            bericht_identificatie=modellen.BerichtIdentificatie(
                identificatie=identificatie, dagtekening=dagtekening
            ),
            xsd_versie=xsd_versie(std, "325"),
            declaratie_identificatie=h.bericht_identificatie,
            xslt_versie=xslt_versie,
            xsd_versie_declaratie=h.xsd_versie,
            retour_codes=tuple(_retourcode(std, x) for x in codes_),
        )

    if result.afgekeurd:
        return modellen.Bericht325(standaard=std, header=header([AFKEUR]))
    if c.heeft(h):
        return modellen.Bericht325(standaard=std, header=header(c.per_object[id(h)]))
    ingediend = modellen.TotaalBedragMetDC(
        totaal_bedrag=d.totaal_ingediend_bedrag.totaal_bedrag,
        debet_credit=d.totaal_ingediend_bedrag.debet_credit,
    )
    if c.heeft(d):  # IV087: a fault on the Declaratie rejects everything
        antwoord = modellen.DeclaratieAntwoord(
            declaratie_nummer=d.declaratie_nummer,
            totaal_ingediend_bedrag=ingediend,
            totaal_toegekend_bedrag=_totaal(0),
            retour_codes=c.voor(d),
        )
        return modellen.Bericht325(standaard=std, header=header([OK]), declaratie_antwoord=antwoord)
    toegekend = 0
    clienten = []
    for client in d.clienten:
        client_fout = c.heeft(client)
        afgewezen = []
        for p in client.prestaties:
            if client_fout or c.heeft(p):
                afgewezen.append(
                    modellen.Prestatie325(
                        product_referentie=p.product_referentie,
                        toewijzing_nummer=p.toewijzing_nummer,
                        product_categorie=p.product_categorie,
                        product_code=p.product_code,
                        product_periode=p.product_periode,
                        geleverd_volume=p.geleverd_volume,
                        eenheid=p.eenheid,
                        product_tarief=p.product_tarief,
                        ingediend_bedrag=p.ingediend_bedrag,
                        retour_codes=(
                            c.voor(p)
                            if c.heeft(p) or not client_fout
                            else (_retourcode(std, NIET_BEOORDEELD),)
                        ),
                    )
                )
            else:
                toegekend += _signed(p.ingediend_bedrag)
        if afgewezen:
            clienten.append(
                modellen.Client325(
                    bsn=client.bsn, prestaties=tuple(afgewezen), retour_codes=c.voor(client)
                )
            )
    antwoord = modellen.DeclaratieAntwoord(
        declaratie_nummer=d.declaratie_nummer,
        totaal_ingediend_bedrag=ingediend,
        totaal_toegekend_bedrag=(_totaal(toegekend) if clienten else ingediend),
        clienten=tuple(clienten),
        retour_codes=(_retourcode(std, OK if clienten else VOLLEDIG_TOEGEWEZEN),),
    )
    return modellen.Bericht325(standaard=std, header=header([OK]), declaratie_antwoord=antwoord)
