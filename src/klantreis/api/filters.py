"""Filters as plain query parameters: each viewset names its filters in ``filters``
(parameter → queryset lookup, with a description) and this backend applies and documents
them. Small enough that django-filter would not earn its place."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from rest_framework.filters import BaseFilterBackend


@dataclass(frozen=True)
class Filter:
    lookups: tuple[str, ...]  # several: any of them matches (a route and its variants)
    beschrijving: str
    type: str = "string"


class ParameterFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        for naam, filter_ in getattr(view, "filters", {}).items():
            waarde = request.query_params.get(naam)
            if waarde in (None, ""):
                continue
            if "\x00" in waarde:  # no text field holds one (PostgreSQL refuses the query)
                return queryset.none()
            if filter_.type == "integer" and not (waarde.isdigit() and int(waarde) < 2**63):
                return queryset.none()  # no such record (and SQLite overflows on a larger int)
            if filter_.type == "boolean":
                waarde = waarde.lower() in ("1", "true", "ja")
            voorwaarde = Q()
            for lookup in filter_.lookups:
                voorwaarde |= Q(**{lookup: waarde})
            queryset = queryset.filter(voorwaarde)
        return queryset

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": naam,
                "required": False,
                "in": "query",
                "description": filter_.beschrijving,
                "schema": {"type": filter_.type},
            }
            for naam, filter_ in getattr(view, "filters", {}).items()
        ]
