"""drf-spectacular hooks."""

from __future__ import annotations

SQLITE_MAX = 9223372036854775807
POSTGRES_MAX = 2147483647


def integer_bereik_van_postgresql(result, generator, request, public):
    """Django derives a model integer field's maximum from the database in use (SQLite 2**63-1,
    PostgreSQL 2**31-1), so the schema would differ between the demo and production and the
    openapi.yaml check would fail on one of them. Describe PostgreSQL's range, the
    production database, whatever the generator runs on."""

    def loop(knoop):
        if isinstance(knoop, dict):
            if knoop.get("type") == "integer" and knoop.get("maximum") == SQLITE_MAX:
                knoop["maximum"] = POSTGRES_MAX
                if knoop.get("format") == "int64":
                    del knoop["format"]
            for waarde in knoop.values():
                loop(waarde)
        elif isinstance(knoop, list):
            for waarde in knoop:
                loop(waarde)

    # request bodies are the API's own serializers, whose bounds are stated explicitly (an id
    # is a bigint on both databases); only what Django derives from a model field differs
    for naam, component in result.get("components", {}).get("schemas", {}).items():
        if not naam.endswith("Request"):
            loop(component)
    return result
