"""Two-factor login (issue: roles and isolation; docs/decisions/0008-tweestapsverificatie.md).

django-otp is the framework (devices, the session's verified device, the TOTP arithmetic);
the devices are our own django-otp devices in ``accounts.models``: a ``TOTPApparaat`` (an
authenticator app, RFC 6238, 6 digits, 30 s; its key encrypted) and a ``ReserveApparaat`` with
single-use backup codes (stored as keyed hashes): ``accounts/geheimen.py``, decision 0011. The
password step stays Django's ``LoginView`` (field names ``username`` and ``password``);
after it the user is logged in but not *verified*, and ``TweestapsMiddleware`` lets such a
session reach nothing but the code page, the enrolment page and logging out:

- a user with a confirmed device is always asked for the code (both modes);
- with ``KLANTREIS_TWEESTAPS = "verplicht"`` (production) a user without one is sent to
  enrolment first; with ``"optioneel"`` (dev, demo, tests) such a user goes on.

A wrong code counts as a failed login in ``accounts/inloggen.py`` (per username and per IP
address), so guessing the 6 digits meets the same limit as guessing the password. The API's
session login is held to the same rule by the middleware; token login is not (see the
decision file: a token is issued by an administrator for a system, it is the factor)."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
from django_otp import login as otp_login

from . import geheimen, inloggen
from .geheimen import OnbekendeSleutel
from .geschiedenis import log_wijziging
from .models import ReserveApparaat, Reservecode, TOTPApparaat

logger = logging.getLogger(__name__)

VERPLICHT = "verplicht"
OPTIONEEL = "optioneel"
APPARAAT_NAAM = "Authenticator-app"
RESERVE_NAAM = "Reservecodes"
AANTAL_RESERVECODES = 10
RESERVECODE_CIJFERS = 10  # digits only: the code field is numeric on a phone too


def modus() -> str:
    """The enforcement mode. Anything but "optioneel" counts as "verplicht": a typing error
    in the environment must not switch the second factor off."""
    waarde = str(getattr(settings, "KLANTREIS_TWEESTAPS", VERPLICHT)).strip().lower()
    if waarde not in (VERPLICHT, OPTIONEEL):
        logger.warning("KLANTREIS_TWEESTAPS=%r is onbekend; tweestaps is verplicht.", waarde)
        return VERPLICHT
    return waarde


def heeft_apparaat(user) -> bool:
    """A confirmed authenticator app or a set of backup codes."""
    return next(devices_for_user(user, confirmed=True), None) is not None


def gebruikers_met_apparaat() -> set[int]:
    """Ids of the users with a confirmed device of any kind: one query per kind."""
    from django_otp import device_classes

    ids: set[int] = set()
    for soort in device_classes():
        ids.update(soort.objects.filter(confirmed=True).values_list("user_id", flat=True))
    return ids


def is_geverifieerd(user) -> bool:
    verified = getattr(user, "is_verified", None)
    return bool(verified and verified())


def moet_code_geven(user) -> bool:
    """A logged-in user who must still give a code before anything else."""
    return user.is_authenticated and not is_geverifieerd(user) and heeft_apparaat(user)


def moet_inschrijven(user) -> bool:
    """A logged-in user who must enrol before anything else (only when verplicht)."""
    return (
        user.is_authenticated
        and modus() == VERPLICHT
        and not is_geverifieerd(user)
        and not heeft_apparaat(user)
    )


# --- enrolment ---------------------------------------------------------------------------------


def begin_inschrijving(user) -> TOTPApparaat:
    """The user's unconfirmed authenticator device, made when there is none: reloading the
    enrolment page shows the same QR code, so a scanned code keeps working. One whose key the
    configured keys no longer open is replaced (it was never confirmed: nothing is lost)."""
    apparaat = TOTPApparaat.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if apparaat is not None:
        try:
            geheimen.ontsleutel(apparaat.versleutelde_sleutel)
        except OnbekendeSleutel:
            logger.warning("Onbevestigde app van %s met onbekende sleutel vervangen", user)
            apparaat.delete()
            apparaat = None
    if apparaat is None:
        apparaat = TOTPApparaat.objects.create(user=user, name=APPARAAT_NAAM, confirmed=False)
    return apparaat


def qr_svg(apparaat: TOTPApparaat) -> str:
    """The otpauth:// URL of the device as an inline SVG QR code (no Pillow needed)."""
    import qrcode
    import qrcode.image.svg

    beeld = qrcode.make(apparaat.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return beeld.to_string(encoding="unicode")


def geheime_sleutel(apparaat: TOTPApparaat) -> str:
    """The key in base32, in groups of four, for typing into an app without a camera."""
    from base64 import b32encode

    sleutel = b32encode(apparaat.bin_key).decode().rstrip("=")
    return " ".join(sleutel[i : i + 4] for i in range(0, len(sleutel), 4))


def nieuwe_reservecodes(user) -> list[str]:
    """Replaces the user's backup codes with new ones and returns them: shown once, stored
    only as keyed hashes (with the first key), each one used up by one login."""
    codes = [
        "".join(secrets.choice("0123456789") for _ in range(RESERVECODE_CIJFERS))
        for _ in range(AANTAL_RESERVECODES)
    ]
    with transaction.atomic():
        apparaat, _ = ReserveApparaat.objects.get_or_create(
            user=user, name=RESERVE_NAAM, defaults={"confirmed": True}
        )
        # new codes, so the newest key: a rotation is finished for this user from here on
        apparaat.sleutel_id = geheimen.huidige_sleutel_id()
        apparaat.save(update_fields=["sleutel_id"])
        apparaat.codes.all().delete()
        Reservecode.objects.bulk_create(
            [Reservecode(apparaat=apparaat, code_hash=geheimen.code_hash(c)) for c in codes]
        )
    return codes


def bevestig_inschrijving(request, apparaat: TOTPApparaat, code: str) -> list[str] | None:
    """The first code from the app confirms the device; the session is verified by it and
    the user gets backup codes. None (and a counted failure) for a wrong code."""
    user = request.user
    code = _schoon(code)
    if not code or not apparaat.verify_token(code):
        inloggen.registreer_mislukt(request, user.get_username())
        return None
    with transaction.atomic():
        apparaat.confirmed = True
        apparaat.save(update_fields=["confirmed"])
        TOTPApparaat.objects.filter(user=user, confirmed=False).exclude(pk=apparaat.pk).delete()
        codes = nieuwe_reservecodes(user)
    _verifieer_sessie(request, apparaat)
    logger.info("Tweestapsverificatie ingesteld voor %s", user.get_username())
    return codes


# --- the second step ---------------------------------------------------------------------------


def verifieer(request, code: str):
    """Checks a code against the user's confirmed devices (the app's 6 digits, or a backup
    code of 10). Returns the device that accepted it, or None; while the user or address is
    blocked (``inloggen.geblokkeerd``) no device is asked at all.

    Raises ``geheimen.OnbekendeSleutel`` when the device's secret was made with a key the
    server no longer has: that is the server's fault, not a wrong code, so it is logged as an
    error and not counted against the user (the view says so; decision 0011)."""
    user = request.user
    code = _schoon(code)
    if not code or inloggen.geblokkeerd(request, user.get_username()):
        return None
    # a backup code has its own length: asked only of the backup codes, so a backup code
    # does not count as a wrong app code in django-otp's per-device delay, nor the reverse
    soort = ReserveApparaat if len(code) == RESERVECODE_CIJFERS else TOTPApparaat
    try:
        with transaction.atomic():
            for apparaat in devices_for_user(user, confirmed=True, for_verify=True):
                if isinstance(apparaat, soort) and apparaat.verify_token(code):
                    break
            else:
                apparaat = None
    except OnbekendeSleutel:
        logger.error(
            "Tweestaps: het geheim van een %s van %s is met geen van de sleutels in "
            "KLANTREIS_TWEESTAPS_SLEUTELS te openen. Is een sleutel vervangen in plaats van "
            "toegevoegd? Zet de oude sleutel terug (achteraan), of laat functioneel beheer de "
            "tweestapsverificatie van de gebruiker herstellen.",
            soort._meta.verbose_name,
            user.get_username(),
        )
        raise
    if apparaat is None:
        inloggen.registreer_mislukt(request, user.get_username())
        return None
    _verifieer_sessie(request, apparaat)
    return apparaat


def _verifieer_sessie(request, apparaat) -> None:
    # a new session key once the second factor is given: a session id seen before the code
    # (on a shared computer, in a log) is worth nothing afterwards
    request.session.cycle_key()
    otp_login(request, apparaat)


def _schoon(code: str) -> str:
    """Spaces and dashes a user types or an app shows are not part of the code."""
    return "".join(ch for ch in str(code or "") if ch.isascii() and ch.isalnum())[:32]


# --- reset by functioneel beheer ---------------------------------------------------------------


def herstel(user, *, door) -> int:
    """Removes every device of ``user`` (a lost phone): at the next login they enrol again
    (verplicht) or log in with the password only (optioneel). Logged in the admin's history
    of the user, with who did it. Returns the number of devices removed."""
    with transaction.atomic():
        aantal = 0
        for apparaat in devices_for_user(user, confirmed=None):
            apparaat.delete()
            aantal += 1
        log_wijziging(
            door,
            user,
            f"Tweestapsverificatie hersteld door functioneel beheer: {aantal} apparaat/apparaten "
            "verwijderd.",
        )
    logger.info("Tweestapsverificatie van %s hersteld door %s", user, door)
    return aantal


# --- key rotation (decision 0011) ----------------------------------------------------------------


@dataclass(frozen=True)
class Hersleuteld:
    apps: int
    reservecodes_oud: int  # users whose backup codes still need an older key


def hersleutel() -> Hersleuteld:
    """Re-encrypts every app's key with the first key of KLANTREIS_TWEESTAPS_SLEUTELS, so the
    older keys can be removed. Backup codes cannot be re-hashed (only their hashes are known):
    counted, so the operator knows whether an older key must stay for them. One transaction:
    a key that opens nothing (``geheimen.OnbekendeSleutel``) changes nothing."""
    huidige = geheimen.huidige_sleutel_id()
    with transaction.atomic():
        apps = 0
        for apparaat in TOTPApparaat.objects.select_for_update().order_by("pk"):
            apparaat.versleutelde_sleutel = geheimen.hersleutel(apparaat.versleutelde_sleutel)
            apparaat.save(update_fields=["versleutelde_sleutel"])
            apps += 1
        oud = ReserveApparaat.objects.exclude(sleutel_id=huidige).filter(codes__isnull=False)
        return Hersleuteld(apps=apps, reservecodes_oud=oud.distinct().count())


# --- the gate ----------------------------------------------------------------------------------


def _vrij(pad: str) -> bool:
    """The pages a session that owes its code may still reach: exactly these, and static
    files (a new page under /inloggen/ is not free by accident)."""
    vrij = {
        reverse("login"),
        reverse("logout"),
        reverse("tweestaps_code"),
        reverse("tweestaps_instellen"),
        reverse("admin:logout"),
    }
    return pad in vrij or pad.startswith("/" + settings.STATIC_URL.lstrip("/"))


class TweestapsMiddleware:
    """After django-otp's ``OTPMiddleware``: a session that still owes its code goes to the
    code page, one that must enrol (verplicht) to enrolment; the API answers 403 instead of
    redirecting. Requests without a session user (the API's token login, the GGk channel)
    pass: their authentication is not the portal's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not _vrij(request.path):
            if moet_code_geven(user):
                return self._weiger(request, "tweestaps_code", "Geef eerst de code van uw app.")
            if moet_inschrijven(user):
                return self._weiger(
                    request,
                    "tweestaps_instellen",
                    "Stel eerst tweestapsverificatie in; dat is verplicht.",
                )
        return self.get_response(request)

    @staticmethod
    def _weiger(request, naam: str, melding: str):
        if request.path.startswith("/api/"):
            return JsonResponse({"code": "tweestaps_vereist", "melding": melding}, status=403)
        return redirect(f"{reverse(naam)}?{urlencode({'next': request.get_full_path()})}")


__all__ = [
    "DEVICE_ID_SESSION_KEY",
    "OPTIONEEL",
    "VERPLICHT",
    "TweestapsMiddleware",
    "begin_inschrijving",
    "bevestig_inschrijving",
    "herstel",
    "modus",
    "verifieer",
]
