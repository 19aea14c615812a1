"""The one lifecycle mechanism for every record with states (decision 0019).

A lifecycle is a table of allowed edges ``(from, to) -> why`` (each context keeps its own in
its ``workflow.py``, every edge citing its seed step or iStandaarden rule, after Signals'
``workflow.py``) and one way to move along it: a **conditional UPDATE** whose own WHERE
holds the allowed source states. Of two workers, clerks or processes making the same move at
once exactly one changes the row; the other sees 0 rows and can say so. A copy in memory
that is out of date cannot move a row back, and nothing is moved by a ``save()`` of a whole
object. The same statement moves one row (a document, a verzoek) or many (every payable
prestatie of a gemeente into one payment run).

Nothing but this module writes a state field (``klantreis/tests/test_levenscyclus.py``
checks the source); a route's traject is moved by its engine alone (``routes/engine.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone


class OngeldigeOvergang(ValueError):
    """An edge the lifecycle does not have: a programming error, never a user's input."""


@dataclass(frozen=True)
class Levenscyclus:
    """The allowed edges of one state field of one model."""

    naam: str
    overgangen: Mapping[tuple[str, str], str]
    veld: str = "status"
    begin: frozenset[str] = field(default_factory=frozenset)
    tijdveld: str | None = None  # stamped with now() on every move (e.g. ``bijgewerkt_op``)

    def __post_init__(self) -> None:
        zonder = [edge for edge, reden in self.overgangen.items() if not reden.strip()]
        if zonder:
            raise ValueError(f"{self.naam}: overgangen zonder reden: {zonder}")

    @property
    def statussen(self) -> set[str]:
        """Every state of the lifecycle: the begin states and both ends of every edge."""
        return set(self.begin) | {s for edge in self.overgangen for s in edge}

    def mag(self, van: str, naar: str) -> bool:
        return (van, naar) in self.overgangen

    def bronnen(self, naar: str) -> list[str]:
        """The states from which ``naar`` may be reached."""
        return [van for (van, doel) in self.overgangen if doel == naar]

    def controleer(self, van: str, naar: str) -> None:
        if not self.mag(van, naar):
            raise OngeldigeOvergang(
                f"{self.naam}: overgang {van or '(leeg)'} → {naar} bestaat niet."
            )

    def zet(
        self,
        queryset: models.QuerySet,
        naar: str,
        *,
        van: Iterable[str] | str | None = None,
        **velden,
    ) -> int:
        """Moves every row of ``queryset`` that is in an allowed source state to ``naar``, with
        ``velden`` written in the same statement; returns how many rows moved (0: someone
        else was first, or no row was in a source state). ``van`` narrows the sources; each
        must be a real edge."""
        if van is None:
            toegestaan = self.bronnen(naar)
            if not toegestaan:
                raise OngeldigeOvergang(f"{self.naam}: geen overgang naar {naar}.")
        else:
            toegestaan = [van] if isinstance(van, str) else list(van)
            for v in toegestaan:
                self.controleer(v, naar)
        if queryset.query.is_sliced or len(queryset.query.alias_map) > 1:
            # A filter across a join makes Django's UPDATE use a pk subquery. PostgreSQL
            # re-checks only the UPDATE's own WHERE on a row another transaction just changed
            # (EvalPlanQual), so the state test must be there, not in the subquery: a second
            # clerk would otherwise take lines already taken. A single-table queryset keeps
            # all its conditions in that WHERE (the bericht claim needs its age test there).
            queryset = queryset.model._base_manager.filter(pk__in=queryset.values("pk"))
        if self.tijdveld:
            velden.setdefault(self.tijdveld, timezone.now())
        return queryset.filter(**{f"{self.veld}__in": toegestaan}).update(
            **{self.veld: naar}, **velden
        )

    def zet_object(self, obj: models.Model, naar: str, *, van=None, **velden) -> bool:
        """Moves one row from the state its copy in memory shows (or from ``van``); False
        when the row in the database is no longer there (someone else was first). On success
        the copy in memory gets the new state and ``velden``."""
        if van is None:
            van = getattr(obj, self.veld)
        queryset = type(obj)._base_manager.filter(pk=obj.pk)
        if not self.zet(queryset, naar, van=van, **velden):
            return False
        setattr(obj, self.veld, naar)
        for naam, waarde in velden.items():
            setattr(obj, naam, waarde)
        if self.tijdveld and self.tijdveld not in velden:
            obj.refresh_from_db(fields=[self.tijdveld])
        return True
