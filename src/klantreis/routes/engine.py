"""The route engine: the only code that moves a traject. The portal, the API, the CLI and
(later) the message exchange all call these functions.

Operations: ``start_traject``, ``advance`` (to the next step, or along a named transition:
a branch such as 7a, an escalation, or a return such as route 3 8b → 2), ``skip`` (optional
steps only), ``return_to`` (regie: back to a step already visited), ``suspend``/``resume``,
``close``. Each refuses with an ``EngineError`` carrying a Dutch message when the traject is
closed or suspended, the acting role is wrong, or a required document or akkoord is
missing. Each records a TrajectGebeurtenis and updates the termijnen."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.documenten.models import Akkoord, Document, DocumentSoort, DocumentStatus
from klantreis.termijnen import services as termijnen
from klantreis.termijnen.models import Termijn

from .definitie import Overgang, RouteDefinitie, Stap, Voorwaarde
from .models import GebeurtenisSoort, RouteVersie, Traject, TrajectGebeurtenis, TrajectStatus


class EngineError(Exception):
    """A refused transition. ``melding`` is Dutch and meant for the person who tried."""

    def __init__(self, melding: str, code: str):
        super().__init__(melding)
        self.melding = melding
        self.code = code


def _rolnaam(rol: str) -> str:
    return Rol(rol).label if rol in Rol.values else rol


def _soortnaam(soort: str) -> str:
    return DocumentSoort(soort).label if soort in DocumentSoort.values else soort


def klein(tekst: str) -> str:
    """Lower-case a label inside a sentence, keeping abbreviations: "integraal plan van aanpak
    (IPA)", not "(ipa)"."""
    return tekst[:1].lower() + tekst[1:]


# --- choosing a route version ---------------------------------------------------------------


def route_voor(gemeente, route_id: str, op: date) -> RouteVersie:
    """The version of a route in force for this gemeente on this date. A gemeente variant
    (a route whose ``basis`` is route_id and which lists the gemeente) counts as that route."""
    kandidaten = [
        rv
        for rv in RouteVersie.objects.filter(Q(route_id=route_id) | Q(basis_route_id=route_id))
        if gemeente.code in rv.gemeenten and rv.ingangsdatum <= op
    ]
    if not kandidaten:
        raise EngineError(
            f"Route {route_id!r} geldt niet voor gemeente {gemeente.naam} op {op:%d-%m-%Y}.",
            "geen_route",
        )
    return max(kandidaten, key=lambda rv: (rv.ingangsdatum, rv.versie))


def routes_voor_gemeente(gemeente, op: date) -> list[RouteVersie]:
    """Every route a consulent of this gemeente can open a traject on, on this date."""
    per_route: dict[str, RouteVersie] = {}
    for rv in RouteVersie.objects.all():
        if gemeente.code not in rv.gemeenten or rv.ingangsdatum > op:
            continue
        sleutel = rv.basis_route_id or rv.route_id
        huidig = per_route.get(sleutel)
        if huidig is None or (rv.ingangsdatum, rv.versie) > (huidig.ingangsdatum, huidig.versie):
            per_route[sleutel] = rv
    return sorted(per_route.values(), key=lambda rv: rv.naam)


# --- conditions -----------------------------------------------------------------------------


def _laatste_document(traject: Traject, soort: str) -> Document | None:
    return (
        traject.documenten.filter(soort=soort)
        .exclude(status=DocumentStatus.VERVALLEN)
        .order_by("-aangemaakt_op", "-pk")
        .first()
    )


def _laatste_akkoord(traject: Traject, soort: str, rol: str) -> Akkoord | None:
    document = _laatste_document(traject, soort)
    versie = document.laatste_versie if document else None
    if versie is None:
        return None
    return versie.akkoorden.filter(rol=rol).order_by("-op", "-pk").first()


def _voorwaarde_bezwaar(traject: Traject, voorwaarde: Voorwaarde, op: date) -> str | None:
    """None when the condition holds; otherwise a Dutch sentence saying what is missing."""
    soort, waarde = voorwaarde.soort, voorwaarde.waarde
    if soort == "document":
        document = _laatste_document(traject, waarde)
        if document is None or not document.versies.exists():
            return f"{_soortnaam(waarde)} ontbreekt."
        if document.status != DocumentStatus.VASTGESTELD:
            return f"{_soortnaam(waarde)} is nog niet vastgesteld."
        return None
    if soort in ("akkoord", "geen_akkoord"):
        akkoord = _laatste_akkoord(traject, waarde["document"], waarde["rol"])
        wie, wat = _rolnaam(waarde["rol"]), _soortnaam(waarde["document"])
        if soort == "akkoord" and not (akkoord and akkoord.akkoord):
            return f"Akkoord van {klein(wie)} op {klein(wat)} ontbreekt."
        if soort == "geen_akkoord" and not (akkoord and not akkoord.akkoord):
            return f"Alleen als {klein(wie)} niet akkoord is met {klein(wat)}."
        return None
    if soort == "aanbieder_gekozen":
        if bool(traject.aanbieder_id) != waarde:
            return "Er is nog geen aanbieder gekozen." if waarde else "Er is al een aanbieder."
        return None
    if soort == "beschikkingsarm":
        if traject.gemeente.beschikkingsarm != waarde:
            werkt = "werkt niet" if waarde else "werkt"
            return f"Gemeente {traject.gemeente.naam} {werkt} beschikkingsarm."
        return None
    if soort == "wet":
        return None if traject.wet == waarde else f"Alleen voor de {waarde}."
    if soort == "leeftijd_vanaf":
        leeftijd = traject.client.leeftijd_op(op)
        return None if leeftijd >= waarde else f"Alleen vanaf {waarde} jaar (nu {leeftijd})."
    if soort == "leeftijd_onder":
        leeftijd = traject.client.leeftijd_op(op)
        return None if leeftijd < waarde else f"Alleen onder {waarde} jaar (nu {leeftijd})."
    raise EngineError(f"Onbekende voorwaarde {soort!r} in de routedefinitie.", "definitie")


def ontbrekend(traject: Traject, stap: Stap, op: date | None = None) -> list[str]:
    """What the step still needs before it can be completed, in Dutch; empty when ready."""
    op = op or timezone.localdate()
    voorwaarden = [
        *(Voorwaarde("document", soort) for soort in stap.documenten),
        *(Voorwaarde("akkoord", {"document": d, "rol": r}) for d, r in stap.akkoorden),
        *stap.voorwaarden,
    ]
    return [b for v in voorwaarden if (b := _voorwaarde_bezwaar(traject, v, op)) is not None]


def _rol_van(stap: Stap, overgang: Overgang) -> str:
    return overgang.rol or stap.rol


def _eis_vereisten(traject: Traject, stap: Stap, op: date) -> None:
    missend = ontbrekend(traject, stap, op)
    if missend:
        raise EngineError(
            f"Stap {stap.id} ({stap.naam}) kan nog niet worden afgerond: " + " ".join(missend),
            "vereiste_ontbreekt",
        )


def _overgang_bezwaren(traject: Traject, overgang: Overgang, op: date) -> list[str]:
    return [
        b for v in overgang.voorwaarden if (b := _voorwaarde_bezwaar(traject, v, op)) is not None
    ]


# --- who may act ----------------------------------------------------------------------------


def _controleer_rol(traject: Traject, door, rol: str, toegestaan: set[str], wat: str) -> None:
    if rol not in toegestaan:
        namen = " of ".join(sorted(_rolnaam(r).lower() for r in toegestaan))
        raise EngineError(
            f"{wat} is voorbehouden aan {namen}; u handelt als {_rolnaam(rol).lower()}.",
            "verkeerde_rol",
        )
    if door is None:  # the system, acting on a message received for this role
        return
    if rol == Rol.AANBIEDER:
        if traject.aanbieder is None:
            raise EngineError(
                "Er is nog geen aanbieder aan dit traject gekoppeld.", "geen_aanbieder"
            )
        if not door.werkt_voor(traject.aanbieder):
            raise EngineError(
                f"U werkt niet voor {traject.aanbieder.naam}, de aanbieder van dit traject.",
                "verkeerde_rol",
            )
        return
    if not door.heeft_rol(rol, gemeente=traject.gemeente):
        raise EngineError(
            f"U heeft de rol {_rolnaam(rol).lower()} niet voor gemeente {traject.gemeente.naam}.",
            "verkeerde_rol",
        )


def _controleer_open(traject: Traject) -> None:
    if traject.status == TrajectStatus.AFGESLOTEN:
        raise EngineError(
            "Dit traject is afgesloten; er kan niets meer aan veranderen.", "gesloten"
        )
    if traject.status == TrajectStatus.OPGESCHORT:
        raise EngineError("Dit traject is opgeschort; hervat het eerst.", "opgeschort")


# --- recording ------------------------------------------------------------------------------


def _nu(op: datetime | None) -> datetime:
    return op or timezone.now()


def _datum(op: datetime) -> date:
    return timezone.localdate(op) if timezone.is_aware(op) else op.date()


def _bewaar(traject: Traject, **velden) -> None:
    """Writes the traject only if nobody moved it since it was read (optimistic lock)."""
    velden["versie"] = traject.versie + 1
    bijgewerkt = Traject.objects.filter(pk=traject.pk, versie=traject.versie).update(**velden)
    if not bijgewerkt:
        raise EngineError(
            "Iemand anders heeft dit traject intussen gewijzigd. Laad het opnieuw en probeer "
            "het nog eens.",
            "gelijktijdig",
        )
    for naam, waarde in velden.items():
        setattr(traject, naam, waarde)


def _gebeurtenis(traject, soort, *, door, rol, op, van="", naar="", overgang="", reden=""):
    TrajectGebeurtenis.objects.create(
        traject=traject,
        soort=soort,
        van_stap=van,
        naar_stap=naar,
        overgang_soort=overgang,
        door=door,
        rol=rol,
        op=op,
        reden=reden,
    )


def _sluit(traject: Traject, *, door, rol, op: datetime, reden: str, van: str) -> None:
    _bewaar(traject, status=TrajectStatus.AFGESLOTEN, afgesloten_op=op)
    _gebeurtenis(
        traject, GebeurtenisSoort.AFGESLOTEN, door=door, rol=rol, op=op, van=van, reden=reden
    )
    termijnen.laat_vervallen(
        Termijn.objects.lopend().filter(traject=traject),
        f"Vervallen: het traject is op {_datum(op):%d-%m-%Y} afgesloten.",
    )


# --- operations -----------------------------------------------------------------------------


@transaction.atomic
def start_traject(
    *,
    client,
    gemeente,
    route_id: str,
    door,
    rol: str,
    op: datetime | None = None,
    aanbieder=None,
    eigenaar=None,
    reden: str = "",
    stap: str | None = None,
) -> Traject:
    """Opens a traject at the route's first step, or at ``stap`` when a message opens it
    later in the route (a 315 after a referral that happened outside klantreis)."""
    op = _nu(op)
    route_versie = route_voor(gemeente, route_id, _datum(op))
    route = route_versie.route
    if route.wetten and client.wet not in route.wetten:
        raise EngineError(
            f"{route.naam} is niet bedoeld voor cliënten van de {client.get_wet_display()}.",
            "verkeerde_wet",
        )
    eerste = route.eerste_stap
    if stap is not None:
        if not route.heeft_stap(stap):
            raise EngineError(f"Route {route.naam} heeft geen stap {stap}.", "geen_overgang")
        eerste = route.stap(stap)
    traject = Traject(
        client=client,
        gemeente=gemeente,
        route_versie=route_versie,
        wet=client.wet,
        huidige_stap=eerste.id,
        eigenaar=eigenaar if eigenaar is not None else (door if rol == Rol.TOEGANG else None),
        aanbieder=aanbieder,
        gestart_op=op,
    )
    _controleer_rol(traject, door, rol, {eerste.rol, *route.regie}, "Een traject starten")
    traject.save()
    _gebeurtenis(
        traject, GebeurtenisSoort.GESTART, door=door, rol=rol, op=op, naar=eerste.id, reden=reden
    )
    termijnen.bij_stap(traject, eerste.id, "begin", _datum(op))
    return traject


def _ga_naar(traject, *, stap: Stap, naar: str, soort, overgang: str, door, rol, op, reden):
    dag = _datum(op)
    termijnen.bij_stap(traject, stap.id, "einde", dag)
    _bewaar(traject, huidige_stap=naar)
    _gebeurtenis(
        traject,
        soort,
        door=door,
        rol=rol,
        op=op,
        van=stap.id,
        naar=naar,
        overgang=overgang,
        reden=reden,
    )
    termijnen.bij_stap(traject, naar, "begin", dag)


@transaction.atomic
def advance(
    traject: Traject,
    *,
    door,
    rol: str,
    naar: str | None = None,
    reden: str = "",
    op: datetime | None = None,
) -> Traject:
    """Completes the current step and moves along a transition: the first whose conditions
    hold, or the one to ``naar`` (a branch such as 7a, an escalation, or a return)."""
    op = _nu(op)
    dag = _datum(op)
    _controleer_open(traject)
    route = traject.route
    stap = route.stap(traject.huidige_stap)
    overgangen = route.overgangen(stap.id)
    if not overgangen:
        _controleer_rol(traject, door, rol, {stap.rol}, f"Stap {stap.id} ({stap.naam})")
        _eis_vereisten(traject, stap, dag)
        if naar is not None:
            raise EngineError(f"Stap {stap.id} is de laatste stap van de route.", "geen_overgang")
        termijnen.bij_stap(traject, stap.id, "einde", dag)
        _sluit(
            traject, door=door, rol=rol, op=op, reden=reden or "Laatste stap voltooid.", van=stap.id
        )
        return traject
    if naar is None:
        rollen = {_rol_van(stap, o) for o in overgangen}
        _controleer_rol(traject, door, rol, rollen, f"Stap {stap.id} ({stap.naam})")
        eigen = [o for o in overgangen if _rol_van(stap, o) == rol]
        _eis_vereisten(traject, stap, dag)
        mogelijk = [o for o in eigen if not _overgang_bezwaren(traject, o, dag)]
        if not mogelijk:
            redenen = " ".join(b for o in eigen for b in _overgang_bezwaren(traject, o, dag))
            raise EngineError(
                f"Vanuit stap {stap.id} is nu geen vervolgstap mogelijk: {redenen}",
                "geen_overgang",
            )
        overgang = mogelijk[0]
    else:
        keuzes = [o for o in overgangen if o.naar == naar]
        if not keuzes:
            toegestaan = ", ".join(o.naar for o in overgangen)
            raise EngineError(
                f"Vanuit stap {stap.id} kan het traject niet naar stap {naar}; "
                f"mogelijk is: {toegestaan}.",
                "geen_overgang",
            )
        overgang = keuzes[0]
        _controleer_rol(
            traject, door, rol, {_rol_van(stap, overgang)}, f"Stap {stap.id} → {overgang.naar}"
        )
        _eis_vereisten(traject, stap, dag)
        bezwaren = _overgang_bezwaren(traject, overgang, dag)
        if bezwaren:
            raise EngineError(
                f"De overgang naar stap {naar} kan nu niet: " + " ".join(bezwaren),
                "voorwaarde",
            )
    _ga_naar(
        traject,
        stap=stap,
        naar=overgang.naar,
        soort=GebeurtenisSoort.TERUGGEZET
        if overgang.soort == "terug"
        else GebeurtenisSoort.STAP_VOLTOOID,
        overgang=overgang.soort,
        door=door,
        rol=rol,
        op=op,
        reden=reden or overgang.label,
    )
    return traject


@transaction.atomic
def skip(traject: Traject, *, door, rol: str, reden: str, op: datetime | None = None) -> Traject:
    """Skips the current step when the route marks it optional (e.g. Achterhoek 1a, 1b)."""
    op = _nu(op)
    _controleer_open(traject)
    route = traject.route
    stap = route.stap(traject.huidige_stap)
    _controleer_rol(traject, door, rol, {stap.rol, *route.regie}, f"Stap {stap.id} overslaan")
    if not stap.optioneel:
        raise EngineError(
            f"Stap {stap.id} ({stap.naam}) is verplicht en kan niet worden overgeslagen.",
            "verplichte_stap",
        )
    overgangen = [o for o in route.overgangen(stap.id) if o.soort == "volgende"]
    if not overgangen:
        raise EngineError(f"Na stap {stap.id} is er geen volgende stap.", "geen_overgang")
    _ga_naar(
        traject,
        stap=stap,
        naar=overgangen[0].naar,
        soort=GebeurtenisSoort.STAP_OVERGESLAGEN,
        overgang="overgeslagen",
        door=door,
        rol=rol,
        op=op,
        reden=reden,
    )
    return traject


def bezochte_stappen(traject: Traject) -> list[str]:
    stappen = [traject.route.eerste_stap.id]
    for naar in traject.gebeurtenissen.exclude(naar_stap="").values_list("naar_stap", flat=True):
        if naar not in stappen:
            stappen.append(naar)
    return stappen


@transaction.atomic
def return_to(
    traject: Traject, *, naar: str, door, rol: str, reden: str, op: datetime | None = None
) -> Traject:
    """Regie: back to a step the traject already passed (a correction). Open termijnen that
    started after that step lapse; they start again when their step is reached again."""
    op = _nu(op)
    _controleer_open(traject)
    route = traject.route
    _controleer_rol(traject, door, rol, set(route.regie), "Een traject terugzetten")
    if not reden.strip():
        raise EngineError("Geef een reden op om het traject terug te zetten.", "reden_ontbreekt")
    if naar == traject.huidige_stap or naar not in bezochte_stappen(traject):
        raise EngineError(
            "Het traject kan alleen terug naar een stap die het al heeft doorlopen, "
            f"niet naar {naar}.",
            "geen_overgang",
        )
    volgorde = [s.id for s in route.stappen]
    later = [
        d.sleutel
        for d in route.termijnen
        if d.start.stap and volgorde.index(d.start.stap) >= volgorde.index(naar)
    ]
    termijnen.laat_vervallen(
        Termijn.objects.lopend().filter(traject=traject, sleutel__in=later),
        f"Vervallen: traject op {_datum(op):%d-%m-%Y} teruggezet naar stap {naar}.",
    )
    van = traject.huidige_stap
    _bewaar(traject, huidige_stap=naar)
    _gebeurtenis(
        traject,
        GebeurtenisSoort.TERUGGEZET,
        door=door,
        rol=rol,
        op=op,
        van=van,
        naar=naar,
        overgang="terug",
        reden=reden,
    )
    termijnen.bij_stap(traject, naar, "begin", _datum(op))
    return traject


@transaction.atomic
def suspend(traject: Traject, *, door, rol: str, reden: str, op: datetime | None = None) -> Traject:
    op = _nu(op)
    _controleer_open(traject)
    _controleer_rol(traject, door, rol, set(traject.route.regie), "Een traject opschorten")
    if not reden.strip():
        raise EngineError("Geef een reden op voor de opschorting.", "reden_ontbreekt")
    _bewaar(traject, status=TrajectStatus.OPGESCHORT, opgeschort_sinds=op)
    _gebeurtenis(
        traject,
        GebeurtenisSoort.OPGESCHORT,
        door=door,
        rol=rol,
        op=op,
        van=traject.huidige_stap,
        reden=reden,
    )
    return traject


@transaction.atomic
def resume(
    traject: Traject, *, door, rol: str, reden: str = "", op: datetime | None = None
) -> Traject:
    """Ends a suspension; every open termijn moves by the suspended days (Awb 4:15)."""
    op = _nu(op)
    if traject.status != TrajectStatus.OPGESCHORT:
        raise EngineError("Dit traject is niet opgeschort.", "niet_opgeschort")
    _controleer_rol(traject, door, rol, set(traject.route.regie), "Een traject hervatten")
    sinds = _datum(traject.opgeschort_sinds)
    tot = _datum(op)
    termijnen.verschuif_lopende(
        traject,
        (tot - sinds).days,
        reden=f"opschorting van {sinds:%d-%m-%Y} tot {tot:%d-%m-%Y}",
    )
    _bewaar(traject, status=TrajectStatus.ACTIEF, opgeschort_sinds=None)
    _gebeurtenis(
        traject,
        GebeurtenisSoort.HERVAT,
        door=door,
        rol=rol,
        op=op,
        van=traject.huidige_stap,
        reden=reden,
    )
    return traject


@transaction.atomic
def close(traject: Traject, *, door, rol: str, reden: str, op: datetime | None = None) -> Traject:
    """Regie closes a traject early (e.g. the client withdraws); open termijnen lapse."""
    op = _nu(op)
    if traject.status == TrajectStatus.AFGESLOTEN:
        raise EngineError("Dit traject is al afgesloten.", "gesloten")
    _controleer_rol(traject, door, rol, set(traject.route.regie), "Een traject afsluiten")
    if not reden.strip():
        raise EngineError("Geef een reden op om het traject af te sluiten.", "reden_ontbreekt")
    _sluit(traject, door=door, rol=rol, op=op, reden=reden, van=traject.huidige_stap)
    return traject


@transaction.atomic
def kies_aanbieder(
    traject: Traject, aanbieder, *, door, rol: str, reden: str = "", op: datetime | None = None
) -> Traject:
    """The client's choice of provider (Heusden stap 3, Achterhoek I), the GI's provider
    (route 3 stap 3), or a hand-over within the network (route 3 stap A)."""
    op = _nu(op)
    _controleer_open(traject)
    stap = traject.stap
    _controleer_rol(traject, door, rol, {stap.rol, *traject.route.regie}, "Een aanbieder kiezen")
    vorige = traject.aanbieder
    _bewaar(traject, aanbieder=aanbieder)
    tekst = f"{aanbieder.naam} ({aanbieder.agb_code})"
    if vorige is not None and vorige != aanbieder:
        tekst = f"{tekst}, in plaats van {vorige.naam}"
    _gebeurtenis(
        traject,
        GebeurtenisSoort.AANBIEDER_GEKOZEN,
        door=door,
        rol=rol,
        op=op,
        van=stap.id,
        reden=f"{tekst}. {reden}".strip(),
    )
    return traject


# --- what can this person do now? --------------------------------------------------------------


@dataclass
class Actie:
    """One action offered to a user, with why it cannot be taken yet (``bezwaren``)."""

    soort: str  # advance | skip | return_to | suspend | resume | close
    label: str
    rol: str
    naar: str | None = None
    bezwaren: list[str] = field(default_factory=list)

    @property
    def mogelijk(self) -> bool:
        return not self.bezwaren


def rollen_van(traject: Traject, user) -> list[str]:
    """The roles the user may act in on this traject, in Rol order: a provider's staff only
    for the traject's own aanbieder (or as its hoofdaannemer)."""
    rollen = set(user.rollen(traject.gemeente))
    if Rol.AANBIEDER in rollen and not user.werkt_voor(traject.aanbieder):
        rollen.discard(Rol.AANBIEDER)
    return [r for r in Rol.values if r in rollen]


def startrollen(user, gemeente, route: RouteDefinitie) -> list[str]:
    """The roles in which this user may open a traject on this route (its first step's role or
    a regie role; a provider's staff open trajects through their 315, not by hand)."""
    mag = {route.eerste_stap.rol, *route.regie}
    return [
        r
        for r in Rol.values
        if r in mag and r != Rol.AANBIEDER and user.heeft_rol(r, gemeente=gemeente)
    ]


def available_actions(traject: Traject, user, op: date | None = None) -> list[Actie]:
    """Exactly the transitions the engine would allow this user now (plus those it would
    allow once what is listed in ``bezwaren`` is done)."""
    op = op or timezone.localdate()
    route: RouteDefinitie = traject.route
    rollen = rollen_van(traject, user)
    acties: list[Actie] = []
    if traject.status == TrajectStatus.AFGESLOTEN:
        return acties
    regie = [r for r in route.regie if r in rollen]
    if traject.status == TrajectStatus.OPGESCHORT:
        return [Actie("resume", "Hervatten", regie[0])] if regie else []
    stap = route.stap(traject.huidige_stap)
    overgangen = route.overgangen(stap.id)
    # a transition may name its own role (route 1 stap 8 → 8a by the provider): offer it to
    # that role, as ``advance`` requires
    eigen = [o for o in overgangen if _rol_van(stap, o) in rollen]
    if eigen or (not overgangen and stap.rol in rollen):
        missend = ontbrekend(traject, stap, op)
        for overgang in eigen:
            doel = route.stap(overgang.naar)
            acties.append(
                Actie(
                    "advance",
                    overgang.label or f"Naar stap {doel.id}: {doel.naam}",
                    _rol_van(stap, overgang),
                    naar=overgang.naar,
                    bezwaren=missend + _overgang_bezwaren(traject, overgang, op),
                )
            )
        if not overgangen:
            acties.append(
                Actie("advance", "Afronden en traject sluiten", stap.rol, bezwaren=missend)
            )
    if stap.optioneel and (stap.rol in rollen or regie):
        acties.append(
            Actie("skip", f"Stap {stap.id} overslaan", stap.rol if stap.rol in rollen else regie[0])
        )
    if regie:
        acties.append(Actie("suspend", "Opschorten", regie[0]))
        acties.append(Actie("close", "Traject afsluiten", regie[0]))
        for eerder in bezochte_stappen(traject):
            if eerder != stap.id:
                acties.append(
                    Actie("return_to", f"Terug naar stap {eerder}", regie[0], naar=eerder)
                )
    return acties
