"""Who sees what, for the portal and the API alike (decision 0016). Each role reaches only the
cases its work needs:

* Toegang, Backoffice and functioneel beheer: every record of their gemeente (or of every
  gemeente, for a role without one);
* a provider's staff: the records of their own aanbieder or of its onderaannemers (the
  hoofdaannemer acts for them, Heusden stap 7), and of a traject's documents only the kinds
  they write or the client consented to share (Heusden stap 3);
* the jeugdbeschermer (GI): only the Jeugdwet trajecten of its own cases — those a
  jeugdbeschermer of the same GI acted on in that role (started, bepaling, evaluatie:
  Achterhoek route 3), or of a youth the GI represents (``Vertegenwoordiger.organisatie``);
* the medisch verwijzer and the cliënt: the trajecten they acted on themselves in that role;
* the RET and the regionale contactpersoon: only trajecten that reached a step of their role
  (the escalation B, C and bestuurlijk of Achterhoek route 3).

Beyond that reach a user with the permission ``toegang.doorbreken`` may open one traject of
their gemeenten for a while, with a reason ("break the glass", ``toegang.doorbraak``); each
read under it is logged as such.

One rule (``_voorwaarde``) applied to each kind of record, so the portal and the API cannot
drift apart: every condition is a queryset filter (subqueries, no loop over rows)."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Exists, OuterRef, Q, QuerySet

from klantreis.accounts.models import Rol, Roltoewijzing
from klantreis.berichten.models import Bericht
from klantreis.clients.models import Client, Toestemming, Vertegenwoordiger, mag_delen
from klantreis.declaraties.models import Betaalopdracht, Declaratie, Prestatie
from klantreis.documenten.models import Document, DocumentSoort
from klantreis.documenten.services import (
    VOOR_AANBIEDER,
    schrijvende_rollen,
    schrijvende_rollen_van_route,
)
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.producten.models import Wet
from klantreis.routes.models import RouteVersie, Traject, TrajectGebeurtenis
from klantreis.toewijzingen.models import Toewijzing, Verzoek

from .models import Doorbraak

GEEN = Q(pk__in=[])

#: Roles that see every record of their gemeente (every gemeente's, without one).
GEMEENTEBREED = frozenset({Rol.TOEGANG, Rol.BACKOFFICE, Rol.FUNCTIONEEL_BEHEER})
#: Roles that see the cases they (for the GI: a jeugdbeschermer of their GI) acted on.
EIGEN_ZAKEN = frozenset({Rol.GI, Rol.VERWIJZER, Rol.CLIENT})
#: Roles that see the cases that reached a step of theirs (escalation, Achterhoek route 3).
ESCALATIE = frozenset({Rol.RET, Rol.REGIO})

#: The audit log's reason for a read under a break-the-glass (``Inzage.doorbraak``).
DOORBRAAK = "doorbraak (break the glass)"


#: The step ids per role of each route version, by (pk, checksum): a version never changes.
_STAPPEN: dict[tuple[int, str], dict[str, list[str]]] = {}


def _stappen_per_rol() -> dict[int, dict[str, list[str]]]:
    versies = dict(RouteVersie.objects.values_list("pk", "checksum"))
    nieuw = [pk for pk, checksum in versies.items() if (pk, checksum) not in _STAPPEN]
    for pk, checksum, definitie in RouteVersie.objects.filter(pk__in=nieuw).values_list(
        "pk", "checksum", "definitie"
    ):
        per_rol: dict[str, list[str]] = {}
        for stap in definitie.get("stappen", []):
            per_rol.setdefault(stap["rol"], []).append(stap["id"])
        _STAPPEN[(pk, checksum)] = per_rol
    return {pk: _STAPPEN[(pk, checksum)] for pk, checksum in versies.items()}


def _bereikte_stap(rol: str) -> Q:
    """Trajecten at, or once moved to, a step of this role. The steps come from the route
    versions (configuration: a handful of rows), the trajecten from one subquery each."""
    voorwaarde = GEEN
    for rv, per_rol in _stappen_per_rol().items():
        stappen = per_rol.get(rol)
        if stappen:
            bereikt = TrajectGebeurtenis.objects.filter(
                traject__route_versie_id=rv, naar_stap__in=stappen
            ).values("traject")
            voorwaarde |= Q(route_versie_id=rv) & (Q(huidige_stap__in=stappen) | Q(pk__in=bereikt))
    return voorwaarde


def zaken(roltoewijzing: Roltoewijzing) -> QuerySet[Traject]:
    """The trajecten a case role reaches through this assignment (GI, verwijzer, cliënt, RET,
    regio), within its gemeente when it has one. Empty for the other roles."""
    rt = roltoewijzing
    trajecten = Traject.objects.all()
    if rt.gemeente_id:
        trajecten = trajecten.filter(gemeente_id=rt.gemeente_id)
    if rt.rol in ESCALATIE:
        return trajecten.filter(_bereikte_stap(rt.rol))
    if rt.rol not in EIGEN_ZAKEN:
        return trajecten.none()
    wij = Q(door_id=rt.user_id)
    if rt.rol == Rol.GI and rt.aanbieder_id:
        # the GI's case, not one jeugdbeschermer's: a colleague takes over during leave
        collega = Roltoewijzing.objects.filter(rol=Rol.GI, aanbieder_id=rt.aanbieder_id)
        wij |= Q(door__in=collega.values("user"))
    eigen = Q(pk__in=TrajectGebeurtenis.objects.filter(wij, rol=rt.rol).values("traject"))
    if rt.rol != Rol.GI:
        return trajecten.filter(eigen)
    if rt.aanbieder_id:
        vertegenwoordigd = Vertegenwoordiger.objects.filter(organisatie_id=rt.aanbieder_id)
        eigen |= Q(client__in=vertegenwoordigd.values("client"))
    # youth protection is the Jeugdwet: a GI never reaches a Wmo traject of the same person
    return trajecten.filter(eigen, wet=Wet.JEUGDWET)


def _voorwaarde(
    user,
    per_gemeente: Callable[[Gemeente], Q],
    per_aanbieder: Callable[[list[Aanbieder]], Q] | None,
    per_traject: Callable[[QuerySet[Traject]], Q] | None = None,
    *,
    rollen: str = "alle",
    alleen: frozenset[str] | None = None,
) -> Q:
    """The condition for the records this user sees. ``per_gemeente`` says which records
    belong to a gemeente, ``per_aanbieder`` which to a list of aanbieders (None: a provider's
    staff see none of this kind), ``per_traject`` which to a set of trajecten (None: the case
    roles see none of this kind; active break-the-glass grants count here too). ``rollen``:
    "alle", or only the "aanbieder" or only the "overige" (non-provider) roles; ``alleen``:
    only these roles count."""
    if user is None or not user.is_authenticated:
        return GEEN
    voorwaarde = GEEN
    for toewijzing in user.roltoewijzingen.select_related("aanbieder", "gemeente"):
        if alleen is not None and toewijzing.rol not in alleen:
            continue
        if toewijzing.rol == Rol.AANBIEDER:
            if rollen == "overige" or toewijzing.aanbieder is None or per_aanbieder is None:
                continue
            aanbieders = [toewijzing.aanbieder, *toewijzing.aanbieder.onderaannemers.all()]
            deel = per_aanbieder(aanbieders)
            if toewijzing.gemeente_id:
                deel &= per_gemeente(toewijzing.gemeente)
        elif rollen == "aanbieder":
            continue
        elif toewijzing.rol in GEMEENTEBREED:
            if toewijzing.gemeente_id:
                deel = per_gemeente(toewijzing.gemeente)
            else:  # a role for every gemeente (regional, functioneel beheer)
                deel = Q(pk__isnull=False)
        elif per_traject is not None:
            deel = per_traject(zaken(toewijzing))
        else:
            continue
        voorwaarde |= deel
    if per_traject is not None and rollen != "aanbieder" and alleen is None:
        doorbraken = Doorbraak.objects.actief().filter(user=user).values("traject")
        voorwaarde |= per_traject(Traject.objects.filter(pk__in=doorbraken))
    return voorwaarde


def _van_trajecten(trajecten: QuerySet[Traject]) -> Q:
    return Q(traject__in=trajecten.values("pk"))


def _trajecten(user, rollen: str = "alle") -> QuerySet[Traject]:
    return Traject.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(gemeente_id=g.pk),
            lambda aanbieders: Q(aanbieder__in=aanbieders),
            lambda trajecten: Q(pk__in=trajecten.values("pk")),
            rollen=rollen,
        )
    )


def zichtbare_trajecten(user) -> QuerySet[Traject]:
    return _trajecten(user)


def zichtbare_toewijzingen(user) -> QuerySet[Toewijzing]:
    """Toewijzingen of the user's gemeenten, to the user's aanbieder, or of the trajecten a
    case role reaches."""
    return Toewijzing.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(gemeente_id=g.pk),
            lambda aanbieders: Q(aanbieder__in=aanbieders),
            _van_trajecten,
        )
    )


def zichtbare_verzoeken(user) -> QuerySet[Verzoek]:
    return Verzoek.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(gemeente_id=g.pk),
            lambda aanbieders: Q(aanbieder__in=aanbieders),
            _van_trajecten,
        )
    )


def zichtbare_clients(user) -> QuerySet[Client]:
    """Residents of the user's gemeenten (Toegang, Backoffice, functioneel beheer), and
    everyone with a traject or a toewijzing the user sees (a provider's staff and the case
    roles see only the clients of their own cases)."""
    return Client.objects.filter(
        _voorwaarde(user, lambda g: Q(gemeente_id=g.pk), None)
        | Q(pk__in=zichtbare_trajecten(user).values("client_id"))
        | Q(pk__in=zichtbare_toewijzingen(user).values("client_id"))
    )


def zichtbare_berichten(user) -> QuerySet[Bericht]:
    """Messages a gemeente sent or received (or about its trajects); a provider's staff only
    those their aanbieder (or an onderaannemer) sent or received; a case role those about
    the trajecten it reaches."""

    def van_aanbieders(aanbieders):
        codes = [a.agb_code for a in aanbieders]
        return Q(afzender__in=codes) | Q(ontvanger__in=codes)

    return Bericht.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(afzender=g.code) | Q(ontvanger=g.code) | Q(traject__gemeente_id=g.pk),
            van_aanbieders,
            _van_trajecten,
        )
    )


def zichtbare_documenten(user) -> QuerySet[Document]:
    """Every document of a traject seen through a gemeente role; of a traject seen only as a
    provider's staff, the kinds the provider writes on that route, the kinds made to be sent
    to it (``VOOR_AANBIEDER``), or those the client consented to share with the traject's
    provider — ``deelbaar`` as a queryset."""
    beperkt = _trajecten(user, "aanbieder").exclude(pk__in=_trajecten(user, "overige"))
    eigen_soorten = GEEN
    for rv in RouteVersie.objects.filter(pk__in=beperkt.values("route_versie")):
        soorten = [
            s
            for s in DocumentSoort.values
            if Rol.AANBIEDER in schrijvende_rollen_van_route(rv.route, s) or s in VOOR_AANBIEDER
        ]
        eigen_soorten |= Q(traject__route_versie=rv, soort__in=soorten)
    toestemming = Exists(
        Toestemming.objects.geldig().filter(
            client_id=OuterRef("traject__client_id"),
            aanbieder_id=OuterRef("traject__aanbieder_id"),
            document_soort=OuterRef("soort"),
        )
    )
    return Document.objects.filter(
        Q(traject__in=_trajecten(user, "overige"))
        | (Q(traject__in=beperkt) & (eigen_soorten | toestemming))
    )


def gemeenten_van(user) -> QuerySet[Gemeente]:
    """The gemeenten the user has a role for (all of them for a role without gemeente)."""
    toewijzingen = user.roltoewijzingen.all()
    if toewijzingen.filter(gemeente__isnull=True).exclude(rol=Rol.AANBIEDER).exists():
        return Gemeente.objects.all()
    return Gemeente.objects.filter(
        pk__in=toewijzingen.exclude(gemeente__isnull=True).values("gemeente")
    ).distinct()


def deelbaar(traject: Traject, rollen: list[str], soort: str) -> bool:
    """May this user read documents of this soort? Everyone but a provider's staff may; a
    provider's staff only the kinds their role writes (the ondersteuningsplan, the zorgplan),
    the kinds made to be sent to the provider (``VOOR_AANBIEDER``: the GI's bepaling jeugdhulp
    and aanmeldformulier, Achterhoek route 3 stap 3), or those the client consented to share
    with the traject's provider (Heusden stap 3: nothing else is shared without consent)."""
    if set(rollen) != {Rol.AANBIEDER}:
        return True
    if Rol.AANBIEDER in schrijvende_rollen(traject, soort):
        return True
    if soort in VOOR_AANBIEDER:
        return True
    return traject.aanbieder is not None and mag_delen(traject.client, traject.aanbieder, soort)


# --- why a user sees a record (the audit log's reason) -----------------------------------------


def _kenmerken(obj) -> tuple[set[int], set[int], set[int], set[int]]:
    """(gemeente ids, aanbieder ids, eigenaar ids, traject ids) a record belongs to, by the
    same meaning of "belongs" as the visibility rule above."""
    if isinstance(obj, Traject):
        return (
            {obj.gemeente_id},
            {obj.aanbieder_id} - {None},
            {obj.eigenaar_id} - {None},
            {obj.pk},
        )
    if isinstance(obj, Client):
        trajecten = list(
            obj.trajecten.values_list("gemeente_id", "aanbieder_id", "eigenaar_id", "pk")
        )
        toewijzingen = list(obj.toewijzingen.values_list("gemeente_id", "aanbieder_id"))
        gemeenten = {obj.gemeente_id} | {t[0] for t in trajecten} | {t[0] for t in toewijzingen}
        aanbieders = {t[1] for t in trajecten} | {t[1] for t in toewijzingen}
        return (
            gemeenten,
            aanbieders - {None},
            {t[2] for t in trajecten} - {None},
            {t[3] for t in trajecten},
        )
    if isinstance(obj, Toewijzing | Verzoek):
        eigenaar = {obj.traject.eigenaar_id} if obj.traject_id else set()
        return (
            {obj.gemeente_id},
            {obj.aanbieder_id} - {None},
            eigenaar - {None},
            {obj.traject_id} - {None},
        )
    if isinstance(obj, Bericht):
        codes = {obj.afzender, obj.ontvanger}
        gemeenten = set(Gemeente.objects.filter(code__in=codes).values_list("pk", flat=True))
        aanbieders = set(Aanbieder.objects.filter(agb_code__in=codes).values_list("pk", flat=True))
        eigenaar = set()
        if obj.traject_id:
            gemeenten.add(obj.traject.gemeente_id)
            eigenaar = {obj.traject.eigenaar_id} - {None}
        return gemeenten, aanbieders, eigenaar, {obj.traject_id} - {None}
    traject = getattr(obj, "traject", None)  # a document, a termijn
    if isinstance(traject, Traject):
        return _kenmerken(traject)
    return set(), set(), set(), set()


#: How the audit log names a case role's relation to the record.
_ZAAKRELATIE = {
    Rol.GI: "eigen zaak",
    Rol.VERWIJZER: "eigen verwijzing",
    Rol.CLIENT: "eigen traject",
    Rol.RET: "geëscaleerde zaak",
    Rol.REGIO: "geëscaleerde zaak",
}


def grondslag(user, obj) -> str:
    """Why this user may see this record, in the words of the audit log: the strongest
    relation the visibility rule grants — "eigenaar van traject", "toewijzing aan aanbieder
    X" (or "hoofdaannemer van X"), "<rol> gemeente Y", "<rol> (alle gemeenten)", "<rol>:
    eigen zaak" / "geëscaleerde zaak", and only when none of these applies an active
    break-the-glass: "doorbraak (break the glass): <reden>". Empty when none applies (the
    caller then was not shown the record)."""
    if user is None or not user.is_authenticated or obj is None:
        return ""
    gemeenten, aanbieders, eigenaren, trajecten = _kenmerken(obj)
    if user.pk in eigenaren:
        return "eigenaar van traject"
    per_gemeente, alle, zaak = "", "", ""
    for rt in user.roltoewijzingen.select_related("gemeente", "aanbieder"):
        if rt.gemeente_id and rt.gemeente_id not in gemeenten:
            continue
        rolnaam = Rol(rt.rol).label.lower()
        if rt.rol == Rol.AANBIEDER:
            if rt.aanbieder is None:
                continue
            if rt.aanbieder_id in aanbieders:
                return f"toewijzing aan aanbieder {rt.aanbieder.naam}"
            onder = [a for a in rt.aanbieder.onderaannemers.all() if a.pk in aanbieders]
            if onder:
                return f"hoofdaannemer van {onder[0].naam} ({rt.aanbieder.naam})"
        elif rt.rol not in GEMEENTEBREED:
            if not zaak and trajecten and zaken(rt).filter(pk__in=trajecten).exists():
                zaak = f"{rolnaam}: {_ZAAKRELATIE[rt.rol]}"
        elif rt.gemeente_id and not per_gemeente:
            per_gemeente = f"{rolnaam} gemeente {rt.gemeente.naam}"
        elif not rt.gemeente_id and not alle:
            alle = f"{rolnaam} (alle gemeenten)"
    if per_gemeente or alle or zaak:
        return per_gemeente or alle or zaak
    doorbraak = (
        Doorbraak.objects.actief().filter(user=user, traject__in=trajecten).order_by("-op").first()
    )
    return f"{DOORBRAAK}: {doorbraak.reden}" if doorbraak else ""


def grondslag_lijst(user) -> str:
    """The reason for a list: the roles it was filtered by."""
    if user is None or not user.is_authenticated:
        return ""
    delen = []
    for rt in user.roltoewijzingen.select_related("gemeente", "aanbieder").order_by("rol", "pk"):
        waar = f"gemeente {rt.gemeente.naam}" if rt.gemeente_id else "alle gemeenten"
        wie = f"aanbieder {rt.aanbieder.naam}, " if rt.aanbieder_id else ""
        delen.append(f"{Rol(rt.rol).label.lower()} ({wie}{waar})")
    return "lijst gefilterd op de eigen rollen: " + "; ".join(delen) if delen else ""


def heeft_taak(user, traject: Traject) -> bool:
    """The user owns the traject, works for its provider, or the current step is theirs: a
    consulent who opens a colleague's traject has access (the gemeente role) but no task,
    and may say why (the audit log's ``toelichting``)."""
    if traject.eigenaar_id == user.pk or user.werkt_voor(traject.aanbieder):
        return True
    return traject.stap.rol in user.rollen(traject.gemeente)


# --- declaraties and payment (issue 5) ------------------------------------------------------

#: Who sees declaraties: the back office that judges and pays them, functioneel beheer, and
#: the provider that sent them (a consulent has no business with invoices).
DECLARATIE_ROLLEN = frozenset({Rol.BACKOFFICE, Rol.FUNCTIONEEL_BEHEER, Rol.AANBIEDER})
#: Who makes, downloads and confirms payment runs: the gemeente's side only.
BETAAL_ROLLEN = frozenset({Rol.BACKOFFICE, Rol.FUNCTIONEEL_BEHEER})


def zichtbare_declaraties(user):
    """Declaraties received by the user's gemeenten (back office, functioneel beheer), or
    sent by the user's aanbieder (or its onderaannemers)."""
    return Declaratie.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(gemeente_id=g.pk),
            lambda aanbieders: Q(aanbieder__in=aanbieders),
            alleen=DECLARATIE_ROLLEN,
        )
    )


def zichtbare_prestaties(user):
    """The prestaties of :func:`zichtbare_declaraties` (the same rule, one join less)."""
    return Prestatie.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(declaratie__gemeente_id=g.pk),
            lambda aanbieders: Q(aanbieder__in=aanbieders),
            alleen=DECLARATIE_ROLLEN,
        )
    )


def betaalgemeenten(user) -> QuerySet[Gemeente]:
    """The gemeenten for which the user may make, download and confirm payment runs."""
    voorwaarde = _voorwaarde(user, lambda g: Q(pk=g.pk), None, alleen=BETAAL_ROLLEN)
    return Gemeente.objects.filter(voorwaarde)


def zichtbare_betaalopdrachten(user):
    """Payment runs of the user's gemeenten (back office, functioneel beheer); for a
    provider's staff the runs that paid their aanbieder, of which they see only their own
    lines (the view narrows them with :func:`zichtbare_prestaties`)."""
    return Betaalopdracht.objects.filter(
        _voorwaarde(
            user,
            lambda g: Q(gemeente_id=g.pk),
            lambda aanbieders: Q(
                pk__in=zichtbare_prestaties(user)
                .filter(aanbieder__in=aanbieders, betaalopdracht__isnull=False)
                .values("betaalopdracht")
            ),
            alleen=DECLARATIE_ROLLEN,
        )
    )


# --- back-office work (toewijzen, verzoeken beantwoorden) ----------------------------------------


def is_backoffice(user, gemeente) -> bool:
    """May this user allocate care and answer requests for this gemeente? Only a back-office
    role of that gemeente (or one for every gemeente); a provider's staff never, a consulent
    not either (Heusden stap 6: "de backoffice verwerkt de aanvraag en wijst toe"). The
    portal and the API both ask this, so they cannot drift apart."""
    if user is None or not user.is_authenticated or gemeente is None:
        return False
    return user.heeft_rol(Rol.BACKOFFICE, gemeente=gemeente)


def backoffice_gemeenten(user) -> QuerySet[Gemeente]:
    """The gemeenten whose back-office work this user does."""
    if user is None or not user.is_authenticated:
        return Gemeente.objects.none()
    rollen = user.roltoewijzingen.filter(rol=Rol.BACKOFFICE)
    if rollen.filter(gemeente__isnull=True).exists():
        return Gemeente.objects.all()
    return Gemeente.objects.filter(pk__in=rollen.values("gemeente")).distinct()


# --- break the glass ------------------------------------------------------------------------

#: A reason must say something: at least this many characters.
MINIMALE_REDEN = 10


def mag_doorbreken(user, traject: Traject) -> bool:
    """May this user open this traject beyond their role's reach? Only with the permission
    ``toegang.doorbreken`` (functioneel beheer gives it, never a role by itself), and only a
    traject of a gemeente the user has a role for."""
    if user is None or not user.is_authenticated or traject is None:
        return False
    if not user.has_perm("toegang.doorbreken"):
        return False
    return gemeenten_van(user).filter(pk=traject.gemeente_id).exists()


def doorbreek(user, traject: Traject, reden: str) -> Doorbraak:
    """Opens the traject to this user for ``models.DUUR``, with the reason on record (the
    report for functioneel beheer). The caller checks :func:`mag_doorbreken`."""
    reden = " ".join("".join(ch if ch.isprintable() else " " for ch in str(reden)).split())
    if len(reden) < MINIMALE_REDEN:
        raise ValueError("Geef een reden van ten minste tien tekens.")
    return Doorbraak.objects.create(user=user, traject=traject, reden=reden[:500])
