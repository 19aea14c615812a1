"""The committed openapi.yaml is what drf-spectacular generates now (STYLE.md, after Open
Zaak): CI runs this test, so a change to the API without a new openapi.yaml fails."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer
from drf_spectacular.validation import validate_schema

import klantreis

OPENAPI = Path(klantreis.__file__).resolve().parents[2] / "openapi.yaml"
OPNIEUW = ".venv/bin/klantreis spectacular --file openapi.yaml --validate"


def _nieuw_schema() -> tuple[dict, bytes]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return schema, OpenApiYamlRenderer().render(schema, renderer_context={})


def test_openapi_yaml_is_actueel():
    schema, nieuw = _nieuw_schema()
    validate_schema(schema)
    assert OPENAPI.exists(), f"openapi.yaml ontbreekt; maak het met: {OPNIEUW}"
    assert OPENAPI.read_bytes() == nieuw, (
        "openapi.yaml wijkt af van het schema dat de code nu oplevert. Maak het opnieuw met "
        f"`{OPNIEUW}` (in de hoofdmap van het project) en commit het mee."
    )


def test_schema_beschrijft_de_eindpunten_en_de_tokenauthenticatie():
    schema, _ = _nieuw_schema()
    paden = schema["paths"]
    for pad in (
        "/api/v1/clients/",
        "/api/v1/trajecten/",
        "/api/v1/trajecten/{id}/acties/",
        "/api/v1/trajecten/{id}/aanbieder/",
        "/api/v1/documenten/{id}/vaststellen/",
        "/api/v1/documenten/{id}/akkoorden/",
        "/api/v1/termijnen/",
        "/api/v1/toewijzingen/",
        "/api/v1/verzoeken/",
        "/api/v1/berichten/{id}/xml/",
    ):
        assert pad in paden, pad
    assert (
        "application/xml"
        in paden["/api/v1/berichten/{id}/xml/"]["get"]["responses"]["200"]["content"]
    )
    assert "tokenAuth" in schema["components"]["securitySchemes"]
    namen = {p["name"] for p in paden["/api/v1/trajecten/"]["get"]["parameters"]}
    assert {"gemeente", "route", "status", "bsn", "pagina", "per_pagina"} <= namen


@pytest.mark.django_db
def test_schema_en_documentatie_worden_geserveerd_zonder_cdn(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/trajecten/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()  # the sidecar's static files, not a CDN
    bundel = "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"
    assert f"/static/{bundel}" in html
    assert finders.find(bundel) is not None
