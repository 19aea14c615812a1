"""Registering a resident and keeping their address, representatives and consent: the one
place these records change (the API calls it; the admin is the fallback for beheer).

Who may: Toegang (the consulent) and Backoffice of the client's gemeente; never a provider's
staff, who only see the clients the gemeente assigned to them. A BSN is unique across the
installation (one person, one Client row) and must pass the 11-proef (CS002). Every change
is written to the admin's history (``accounts.geschiedenis.log_wijziging``) with who made it."""

from __future__ import annotations

import re
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from klantreis.accounts.geschiedenis import log_wijziging
from klantreis.accounts.models import Rol

from .bsn import is_valid_bsn
from .models import Client, Toestemming, Vertegenwoordiger

BEHEERROLLEN = (Rol.TOEGANG, Rol.BACKOFFICE)
ADRESVELDEN = ("straat", "huisnummer", "postcode", "woonplaats")
POSTCODE = re.compile(r"^([1-9][0-9]{3}) ?([A-Z]{2})$")


class ClientFout(Exception):
    """A refusal with a code and a Dutch message; ``status`` is the HTTP answer the API
    gives (400: change your input, 403: not in this role, 409: conflicts with what exists)."""

    def __init__(self, code: str, melding: str, status: int = 400):
        super().__init__(melding)
        self.code, self.melding, self.status = code, melding, status


def mag_beheren(user, gemeente) -> bool:
    """Toegang or Backoffice for this gemeente (or for every gemeente)."""
    return any(user.heeft_rol(rol, gemeente=gemeente) for rol in BEHEERROLLEN)


def _eis_rol(user, gemeente) -> None:
    if not mag_beheren(user, gemeente):
        raise ClientFout(
            "verkeerde_rol",
            f"Alleen Toegang of Backoffice van gemeente {gemeente.naam} mag cliënten van deze "
            "gemeente inschrijven of wijzigen.",
            403,
        )


def normaliseer_postcode(postcode: str) -> str:
    """ "1234ab" and "1234 AB" are the same postcode; stored as "1234 AB"."""
    waarde = (postcode or "").strip().upper()
    if not waarde:
        return ""
    gevonden = POSTCODE.match(waarde)
    if gevonden is None:
        raise ClientFout("ongeldige_postcode", "Een postcode is vier cijfers en twee letters.")
    return f"{gevonden.group(1)} {gevonden.group(2)}"


def schrijf_in(
    *, door, gemeente, bsn: str, achternaam: str, geboortedatum: date, wet: str, **velden
) -> Client:
    """A new client of ``gemeente``. Refused: a BSN that fails the 11-proef, a BSN that is
    already registered (409, whichever gemeente: the message does not say which), a birth
    date in the future, and anyone but Toegang or Backoffice of that gemeente."""
    _eis_rol(door, gemeente)
    bsn = (bsn or "").strip()
    if not is_valid_bsn(bsn):
        raise ClientFout("ongeldig_bsn", "Dit BSN is ongeldig: het voldoet niet aan de 11-proef.")
    if geboortedatum > timezone.localdate():
        raise ClientFout("ongeldige_geboortedatum", "De geboortedatum ligt in de toekomst.")
    if "postcode" in velden:
        velden["postcode"] = normaliseer_postcode(velden["postcode"])
    if Client.objects.filter(bsn=bsn).exists():
        raise ClientFout("bsn_bestaat", _BESTAAT, 409)
    try:
        with transaction.atomic():
            client = Client.objects.create(
                bsn=bsn,
                achternaam=achternaam,
                geboortedatum=geboortedatum,
                wet=wet,
                gemeente=gemeente,
                **velden,
            )
            log_wijziging(door, client, "Cliënt ingeschreven.", toegevoegd=True)
    except IntegrityError as exc:  # registered at the same moment by someone else
        raise ClientFout("bsn_bestaat", _BESTAAT, 409) from exc
    return client


_BESTAAT = (
    "Er is al een cliënt met dit BSN ingeschreven. Zoek de cliënt op (filter bsn) in plaats "
    "van hem opnieuw in te schrijven; ziet u hem niet, neem dan contact op met de gemeente "
    "waar hij woont."
)


def wijzig_adres(client: Client, *, door, **velden) -> Client:
    """Address and contact fields only: BSN, name and birth date come from the BRP."""
    _eis_rol(door, client.gemeente)
    onbekend = set(velden) - set(ADRESVELDEN)
    if onbekend:
        raise ClientFout("onbekend_veld", f"Niet te wijzigen: {', '.join(sorted(onbekend))}.")
    if "postcode" in velden:
        velden["postcode"] = normaliseer_postcode(velden["postcode"])
    gewijzigd = [naam for naam, waarde in velden.items() if getattr(client, naam) != waarde]
    if not gewijzigd:
        return client
    with transaction.atomic():
        for naam in gewijzigd:
            setattr(client, naam, velden[naam])
        client.save(update_fields=gewijzigd)
        log_wijziging(door, client, f"Gewijzigd: {', '.join(gewijzigd)}.")
    return client


def voeg_vertegenwoordiger_toe(client: Client, *, door, **velden) -> Vertegenwoordiger:
    _eis_rol(door, client.gemeente)
    with transaction.atomic():
        vertegenwoordiger = Vertegenwoordiger.objects.create(client=client, **velden)
        log_wijziging(door, client, f"Vertegenwoordiger toegevoegd: {vertegenwoordiger}.")
    return vertegenwoordiger


def leg_toestemming_vast(
    client: Client, *, door, aanbieder, document_soort: str, gegeven: bool
) -> Toestemming | None:
    """Consent to share one kind of document with one provider (Heusden stap 3), or its
    withdrawal (``gegeven=False``: every valid consent for that pair ends now). Giving
    consent that is already valid changes nothing."""
    _eis_rol(door, client.gemeente)
    nu = timezone.now()
    geldig = Toestemming.objects.geldig(nu).filter(
        client=client, aanbieder=aanbieder, document_soort=document_soort
    )
    with transaction.atomic():
        if gegeven:
            bestaand = geldig.first()
            if bestaand is not None:
                return bestaand
            toestemming = Toestemming.objects.create(
                client=client,
                aanbieder=aanbieder,
                document_soort=document_soort,
                gegeven_op=nu,
                vastgelegd_door=door,
            )
            log_wijziging(door, client, f"Toestemming gegeven: {toestemming}.")
            return toestemming
        aantal = geldig.update(ingetrokken_op=nu)
        if aantal:
            log_wijziging(
                door,
                client,
                f"Toestemming ingetrokken: {document_soort} voor {aanbieder.naam}.",
            )
        return None


def client_uit_bericht(*, bsn: str, gemeente, wet: str, **velden) -> Client:
    """The client with this BSN; created from a received message (a 315 for someone the
    gemeente does not know yet) when there is none. Race-free: two messages for the same new
    BSN processed at once both get the one row. The loser's INSERT waits on the unique BSN
    index until the winner commits, fails there inside a savepoint, and then reads the
    winner's row (PostgreSQL's READ COMMITTED shows it to the next statement). Without the
    savepoint the whole processing transaction would fail and the message would stay claimed
    until ``vastgelopen_na``. No user made this change, so there is no admin history entry."""
    client = Client.objects.filter(bsn=bsn).first()
    if client is not None:
        return client
    try:
        return _maak_client(bsn=bsn, gemeente=gemeente, wet=wet, **velden)
    except IntegrityError:
        return Client.objects.get(bsn=bsn)


def _maak_client(**velden) -> Client:
    with transaction.atomic():
        return Client.objects.create(**velden)
