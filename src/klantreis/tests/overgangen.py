"""One check for every lifecycle's parametrised test (decision 0019): an edge in the table
moves the row once — a second move from the same copy finds it gone (exactly once) —; an
edge not in the table is refused before the database is touched and leaves the row alone."""

from __future__ import annotations

import itertools

import pytest

from klantreis.levenscyclus import Levenscyclus, OngeldigeOvergang


def paren(levenscyclus: Levenscyclus) -> list[tuple[str, str]]:
    """Every pair of states, allowed or not, in a stable order (for ``parametrize``)."""
    return list(itertools.product(sorted(levenscyclus.statussen), repeat=2))


def controleer_paar(levenscyclus: Levenscyclus, obj, van: str, naar: str, verwacht: bool, **velden):
    """``verwacht``: the test's own view of whether the edge exists (not read from the table,
    so a changed table fails the test until the test is changed with it)."""
    veld = levenscyclus.veld
    assert getattr(obj, veld) == van
    assert levenscyclus.mag(van, naar) is verwacht
    kopie = type(obj).objects.get(pk=obj.pk)
    if verwacht:
        assert levenscyclus.zet_object(obj, naar, **velden)
        obj.refresh_from_db()
        assert getattr(obj, veld) == naar
        if van != naar:  # the stale copy still shows ``van``: its move must not happen again
            assert not levenscyclus.zet_object(kopie, naar, **velden)
            obj.refresh_from_db()
            assert getattr(obj, veld) == naar
    else:
        with pytest.raises(OngeldigeOvergang):
            levenscyclus.zet_object(obj, naar, **velden)
        obj.refresh_from_db()
        assert getattr(obj, veld) == van
