"""Helpers for tests that log in with two-factor login, the browser tests included:

    user, apparaat = gebruiker_met_totp("consulent.2fa", "een-wachtwoord", rol=Rol.TOEGANG,
                                        gemeente=heusden)
    page.fill("#id_username", ...); page.fill("#id_password", ...); submit
    page.fill("#id_code", huidige_code(apparaat)); submit      # the second step

django-otp accepts a code once (a replayed code is refused) and one 30-second step either
side of now: a second login within the same 30 seconds uses ``huidige_code(apparaat, 1)``."""

from __future__ import annotations

from django_otp.oath import totp

from klantreis.accounts import tweestaps
from klantreis.accounts.models import Roltoewijzing, TOTPApparaat, User


def gebruiker_met_totp(
    username: str,
    password: str,
    *,
    rol: str | None = None,
    gemeente=None,
    aanbieder=None,
    reservecodes: bool = False,
    **velden,
) -> tuple[User, TOTPApparaat]:
    """A user with a confirmed authenticator device (and a role, when given). With
    ``reservecodes=True`` the user's backup codes are in ``apparaat.reservecodes``."""
    user = User.objects.create_user(username=username, password=password, **velden)
    if rol is not None:
        Roltoewijzing.objects.create(user=user, rol=rol, gemeente=gemeente, aanbieder=aanbieder)
    apparaat = TOTPApparaat.objects.create(user=user, name=tweestaps.APPARAAT_NAAM, confirmed=True)
    if reservecodes:
        apparaat.reservecodes = tweestaps.nieuwe_reservecodes(user)
    return user, apparaat


def huidige_code(apparaat: TOTPApparaat, stappen_verder: int = 0) -> str:
    """The 6-digit code the user's app shows now (or ``stappen_verder`` 30-second steps
    later: django-otp counts steps as (now - t0) // step + drift), from django-otp's own
    ``oath.totp``."""
    waarde = totp(
        apparaat.bin_key,
        step=apparaat.step,
        t0=apparaat.t0,
        digits=apparaat.digits,
        drift=apparaat.drift + stappen_verder,
    )
    return f"{waarde:0{apparaat.digits}d}"
