"""Hypothesis strategies for every message type, derived from the same plans the codec uses
(and so from the XSD facets: lengths, ranges, patterns, codelists)."""

from __future__ import annotations

import datetime
import re
import string
from functools import cache

from hypothesis import strategies as st

from klantreis.istandaarden.binding import Plan, Veld, plan
from klantreis.istandaarden.code import Standaard

#: XSD "not blank" patterns: with the ASCII alphabet below they mean "has a non-space".
NIET_LEEG = {r".*[^\s].*", r"([.\s]*\S+[.\s]*)+"}
ALFABET = string.ascii_letters + string.digits + " .-'/éëïö"


def _tekst(s: dict) -> st.SearchStrategy[str]:
    lo = s.get("length", s.get("minLength", 1))
    hi = s.get("length", s.get("maxLength", 40))
    hi = min(hi, 40)
    pats = [p for p in s.get("patterns", []) if p not in NIET_LEEG]
    if pats:
        sterk = pats[-1]
        strat = st.from_regex(re.compile(sterk), fullmatch=True)
        for p in pats[:-1]:
            strat = strat.filter(re.compile(p).fullmatch)
    else:
        strat = st.text(alphabet=ALFABET, min_size=max(lo, 1), max_size=max(hi, 1))
    return strat.filter(lambda t: lo <= len(t) <= s.get("length", s.get("maxLength", 10**6)))


def _simpel(v: Veld) -> st.SearchStrategy:
    s = v.simple
    if v.kind == "int":
        return st.integers(s.get("minInclusive", 0), s.get("maxInclusive", 999_999_999))
    if v.kind == "date":
        return st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31))
    if v.kind == "time":
        return st.times().map(lambda t: t.replace(microsecond=0))
    if v.kind == "enum":
        return st.sampled_from(list(v.enum))
    if s.get("patterns") and any(p not in NIET_LEEG for p in s["patterns"]):
        return _tekst(s)
    return _tekst(s).filter(lambda t: t.strip() != "")


def _veld(v: Veld) -> st.SearchStrategy:
    item = _klasse(v.sub) if v.sub is not None else _simpel(v)
    if v.lijst:
        minimum = 1 if v.min_occurs and v.item_tag is not None else v.min_occurs
        return st.lists(item, min_size=minimum, max_size=2).map(tuple)
    if v.min_occurs == 0:
        return st.none() | item
    return item


def _klasse(p: Plan, **vast) -> st.SearchStrategy:
    velden = {v.naam: _veld(v) for v in p.velden if v.fixed is None}
    velden.update(vast)
    return st.builds(p.cls, **velden)


@cache
def bericht(standaard: str, code: str) -> st.SearchStrategy:
    """Random valid-by-XSD messages of one type."""
    std = Standaard(standaard)
    return _klasse(plan(std, code), standaard=st.just(std))
