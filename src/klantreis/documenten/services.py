"""Writing documents, fixing them (``stel_vast``) and recording akkoorden. Who may write a
document follows the route: the role of a step that needs it, or a regie role."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.termijnen import services as termijnen

from . import workflow
from .inhoud import fouten_in_inhoud
from .models import Akkoord, Document, DocumentSoort, DocumentStatus, DocumentVersie


class DocumentFout(Exception):
    """A refused document action, with a Dutch message."""


# Roles that record a client's (dis)agreement on the client's behalf, e.g. after the
# kitchen-table conversation or on a signed paper copy.
NAMENS_CLIENT = {Rol.TOEGANG, Rol.AANBIEDER, Rol.GI, Rol.BACKOFFICE}

# Kinds made to be sent to the traject's provider, which it reads without a separate consent:
# the jeugdbeschermer "verstuurt de 'bepaling jeugdhulp' en aanmeldformulier naar de
# zorgaanbieder" (Achterhoek route 3 stap 3) under a child-protection measure, and the provider
# needs them to answer "Passende hulp?" and to pass them on in the network (stap A).
VOOR_AANBIEDER = frozenset({DocumentSoort.BEPALING_JEUGDHULP, DocumentSoort.AANMELDFORMULIER})


def schrijvende_rollen(traject, soort: str) -> set[str]:
    return schrijvende_rollen_van_route(traject.route, soort)


def schrijvende_rollen_van_route(route, soort: str) -> set[str]:
    """Who may write this kind of document on this route: the role of a step that needs it
    and the regie roles — for the kinds this route uses (a step needs it or asks an akkoord on
    it); a beschikking is always the back office's to make. Empty: not a document of this route.
    (The API's document list asks it once per route version instead of once per traject.)"""
    rollen = {stap.rol for stap in route.stappen if soort in stap.documenten}
    gebruikt = rollen or any(soort == d for stap in route.stappen for d, _ in stap.akkoorden)
    if soort == DocumentSoort.BESCHIKKING:
        rollen.add(Rol.BACKOFFICE)
        gebruikt = True
    if gebruikt:
        rollen |= set(route.regie)
    return rollen


def schrijfrol(traject, rollen: list[str], soort: str) -> str | None:
    """The role to write this kind in: the current step's when it writes it, else the first of
    ``rollen`` that may; None when none may."""
    mogelijk = schrijvende_rollen(traject, soort)
    if traject.stap.rol in rollen and traject.stap.rol in mogelijk:
        return traject.stap.rol
    return next((r for r in rollen if r in mogelijk), None)


def _controleer(door, rol: str, traject, toegestaan: set[str], wat: str) -> None:
    if traject.status == "afgesloten":
        raise DocumentFout("Dit traject is afgesloten; de documenten kunnen niet meer veranderen.")
    if not toegestaan:
        raise DocumentFout("Dit soort document hoort niet bij de route van dit traject.")
    if rol not in toegestaan:
        namen = ", ".join(sorted(Rol(r).label.lower() for r in toegestaan))
        raise DocumentFout(f"{wat} is voor: {namen}.")
    if door is None:
        return
    if rol == Rol.AANBIEDER:
        if not door.werkt_voor(traject.aanbieder):  # as in the engine
            raise DocumentFout("U werkt niet voor de aanbieder van dit traject.")
    elif not door.heeft_rol(rol, gemeente=traject.gemeente):
        raise DocumentFout(f"U heeft de rol {Rol(rol).label.lower()} niet voor deze gemeente.")


@transaction.atomic
def schrijf_versie(
    traject, soort: str, inhoud: dict, *, door, rol: str, op: datetime | None = None
) -> DocumentVersie:
    """Adds a version to the traject's document of this kind (creating it when new). A fixed
    (vastgesteld) document is reopened: the new version needs its akkoorden again."""
    _controleer(door, rol, traject, schrijvende_rollen(traject, soort), "Dit document schrijven")
    fouten = fouten_in_inhoud(soort, inhoud)
    if fouten:
        raise DocumentFout("De inhoud is niet volledig of niet juist: " + "; ".join(fouten))
    op = op or timezone.now()
    document = (
        traject.documenten.select_for_update()
        .filter(soort=soort)
        .exclude(status=DocumentStatus.VERVALLEN)
        .order_by("-aangemaakt_op", "-pk")
        .first()
    )
    if document is None:
        document = Document.objects.create(traject=traject, soort=soort, aangemaakt_op=op)
    elif document.status == DocumentStatus.VASTGESTELD:
        # locked above, so no one else can have moved it
        workflow.DOCUMENT.zet_object(document, DocumentStatus.CONCEPT)
    nummer = (document.versies.aggregate(n=Max("nummer"))["n"] or 0) + 1
    return DocumentVersie.objects.create(
        document=document, nummer=nummer, inhoud=inhoud, gemaakt_door=door, rol=rol, gemaakt_op=op
    )


@transaction.atomic
def stel_vast(document: Document, *, door, rol: str) -> Document:
    _controleer(
        door,
        rol,
        document.traject,
        schrijvende_rollen(document.traject, document.soort),
        "Dit document vaststellen",
    )
    if not document.versies.exists():
        raise DocumentFout("Een document zonder inhoud kan niet worden vastgesteld.")
    if not workflow.DOCUMENT.mag(document.status, DocumentStatus.VASTGESTELD):
        raise DocumentFout(
            f"Een document met status {document.get_status_display().lower()} kan niet "
            "worden vastgesteld."
        )
    if not workflow.DOCUMENT.zet_object(document, DocumentStatus.VASTGESTELD):
        raise DocumentFout("Iemand anders heeft dit document intussen gewijzigd; laad het opnieuw.")
    termijnen.bij_document(
        document.traject, document.soort, document.laatste_versie.inhoud, timezone.localdate()
    )
    return document


@transaction.atomic
def geef_akkoord(
    document: Document,
    *,
    rol: str,
    akkoord: bool,
    door,
    door_rol: str | None = None,
    namens: str = "",
    toelichting: str = "",
    op: datetime | None = None,
) -> Akkoord:
    """Records agreement (or explicit disagreement) of ``rol`` with the latest version.
    A client's akkoord is recorded by staff on the client's behalf (``door_rol``)."""
    door_rol = door_rol or rol
    if rol == Rol.CLIENT and door_rol != Rol.CLIENT:
        _controleer(door, door_rol, document.traject, NAMENS_CLIENT, "Akkoord namens de cliënt")
        if not namens.strip():
            namens = document.traject.client.naam
    else:
        _controleer(door, door_rol, document.traject, {rol}, "Dit akkoord geven")
    versie = document.laatste_versie
    if versie is None:
        raise DocumentFout("Er is nog geen versie om akkoord op te geven.")
    if document.status == DocumentStatus.VERVALLEN:
        raise DocumentFout("Op een vervallen document kan geen akkoord meer worden gegeven.")
    return Akkoord.objects.create(
        versie=versie,
        rol=rol,
        door=door,
        namens=namens,
        akkoord=akkoord,
        op=op or timezone.now(),
        toelichting=toelichting,
    )
