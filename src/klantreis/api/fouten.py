"""Refusals as JSON: ``{"code": ..., "melding": <Dutch>}``. A refusal of the engine or the
document services is a state the caller can read and fix, never a server error."""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from klantreis.clients.services import ClientFout
from klantreis.documenten.services import DocumentFout
from klantreis.routes.engine import EngineError
from klantreis.toewijzingen.services import ToewijzingFout

# Input the caller can fix by sending something else; the rest is the traject's state.
_ONGELDIGE_INVOER = {"reden_ontbreekt", "geen_route", "verkeerde_wet"}
_NIET_TOEGESTAAN = {"verkeerde_rol", "geen_aanbieder"}


def status_van(code: str) -> int:
    if code in _ONGELDIGE_INVOER:
        return status.HTTP_400_BAD_REQUEST
    if code in _NIET_TOEGESTAAN:
        return status.HTTP_403_FORBIDDEN
    return status.HTTP_409_CONFLICT


def exception_handler(exc, context):
    if isinstance(exc, EngineError):
        return Response({"code": exc.code, "melding": exc.melding}, status=status_van(exc.code))
    if isinstance(exc, ClientFout):
        return Response({"code": exc.code, "melding": exc.melding}, status=exc.status)
    if isinstance(exc, DocumentFout):
        return Response(
            {"code": "document_geweigerd", "melding": str(exc)}, status=status.HTTP_409_CONFLICT
        )
    if isinstance(exc, ToewijzingFout):
        return Response(
            {"code": "toewijzing_geweigerd", "melding": str(exc)}, status=status.HTTP_409_CONFLICT
        )
    return drf_exception_handler(exc, context)
