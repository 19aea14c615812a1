"""The second factor's secrets at rest (docs/decisions/0011-tweestapsgeheimen-versleuteld.md).

Whoever reads the database (a backup, a replica, an injection elsewhere) must not hold every
user's second factor with it. The keys below are never in the database: they come from
``KLANTREIS_TWEESTAPS_SLEUTELS`` (docs/configuration.md), a list of Fernet keys.

- A TOTP key (the secret the authenticator app shares with us) is encrypted with Fernet
  (AES-128-CBC with HMAC-SHA256). ``MultiFernet``: the first key encrypts, every key in the
  list decrypts, so a key is rotated by putting a new one in front, running
  ``klantreis tweestaps hersleutel`` and only then removing the old one.
- A backup code is stored as HMAC-SHA256 under a key derived from a Fernet key (never the
  code). A plain hash would not do: 10 digits are 10^10 candidates, minutes of work offline.
  The codes cannot be re-hashed (we no longer know them), so a set of backup codes remembers
  the id of its key (``sleutel_id``) and is checked with that key until it is replaced.

A stored secret that none of the configured keys opens (a key replaced instead of rotated, a
database restored into another installation) raises ``OnbekendeSleutel``: the code page then
says the server is set up wrongly instead of calling every code wrong (decision 0011)."""

from __future__ import annotations

import hashlib
import hmac
import os
from base64 import urlsafe_b64decode
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

SETTING = "KLANTREIS_TWEESTAPS_SLEUTELS"
TOTP_SLEUTEL_BYTES = 20  # RFC 4226's recommended 160 bits, as django-otp's default


class OnbekendeSleutel(Exception):
    """A stored secret was made with a key that is not in KLANTREIS_TWEESTAPS_SLEUTELS."""


def controleer_sleutels(waarden) -> list[Fernet]:
    """The configured keys as Fernet objects; ImproperlyConfigured naming the setting and the
    position (never the value) for a missing or malformed key. Used by the production
    settings at start-up and by the system check."""
    waarden = [str(w).strip() for w in (waarden or []) if str(w).strip()]
    if not waarden:
        raise ImproperlyConfigured(
            f"{SETTING} ontbreekt: zet er minstens één Fernet-sleutel in (maak er een met "
            "`klantreis tweestaps sleutel`). Zonder sleutel kan niemand met tweestaps inloggen."
        )
    fernets = []
    for positie, waarde in enumerate(waarden, start=1):
        try:
            fernets.append(Fernet(waarde))
        except (ValueError, TypeError) as exc:
            raise ImproperlyConfigured(
                f"{SETTING}: sleutel {positie} is geen Fernet-sleutel (32 bytes, URL-veilig "
                "base64, 44 tekens; maak er een met `klantreis tweestaps sleutel`)."
            ) from exc
    return fernets


@lru_cache(maxsize=8)
def _sleutels(waarden: tuple[str, ...]) -> tuple[MultiFernet, dict[str, bytes]]:
    fernets = controleer_sleutels(waarden)
    hmac_sleutels = {}
    for waarde in waarden:
        # domain separation: the backup codes' key is not the encryption key itself
        sleutel = hmac.new(
            urlsafe_b64decode(waarde.strip()), b"klantreis-reservecodes", hashlib.sha256
        ).digest()
        hmac_sleutels.setdefault(_id(sleutel), sleutel)
    return MultiFernet(fernets), hmac_sleutels


def _id(hmac_sleutel: bytes) -> str:
    """A key's fingerprint: tells which key made a hash, reveals nothing of the key."""
    return hmac.new(hmac_sleutel, b"klantreis-sleutel-id", hashlib.sha256).hexdigest()[:16]


def _geconfigureerd() -> tuple[MultiFernet, dict[str, bytes]]:
    waarden = getattr(settings, SETTING, None) or []
    if isinstance(waarden, str):
        waarden = waarden.split(",")
    return _sleutels(tuple(str(w).strip() for w in waarden if str(w).strip()))


# --- TOTP keys ---------------------------------------------------------------------------------


def versleutel(geheim: bytes) -> str:
    """Encrypts with the first key; the token is ASCII (stored in a text column)."""
    return _geconfigureerd()[0].encrypt(geheim).decode("ascii")


GEEN_SLEUTEL = f"Een tweestapsgeheim is met geen van de sleutels in {SETTING} te openen."


def ontsleutel(token: str) -> bytes:
    try:
        return _geconfigureerd()[0].decrypt(token.encode("ascii"))
    except InvalidToken as exc:
        raise OnbekendeSleutel(GEEN_SLEUTEL) from exc


def hersleutel(token: str) -> str:
    """The same secret encrypted with the first key (MultiFernet.rotate)."""
    try:
        return _geconfigureerd()[0].rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise OnbekendeSleutel(GEEN_SLEUTEL) from exc


def nieuwe_totp_sleutel() -> str:
    """A new random TOTP key, encrypted: the default of ``TOTPApparaat.versleutelde_sleutel``."""
    return versleutel(os.urandom(TOTP_SLEUTEL_BYTES))


# --- backup codes ------------------------------------------------------------------------------


def huidige_sleutel_id() -> str:
    """The id of the key new backup codes are hashed with (the first one)."""
    return next(iter(_geconfigureerd()[1]))


def code_hash(code: str, sleutel_id: str | None = None) -> str:
    """HMAC-SHA256 of a backup code under the key ``sleutel_id`` (default: the first key)."""
    hmac_sleutels = _geconfigureerd()[1]
    sleutel_id = sleutel_id or huidige_sleutel_id()
    try:
        sleutel = hmac_sleutels[sleutel_id]
    except KeyError as exc:
        raise OnbekendeSleutel(
            f"De reservecodes zijn gemaakt met een sleutel die niet in {SETTING} staat "
            f"(sleutel-id {sleutel_id})."
        ) from exc
    return hmac.new(sleutel, code.encode("utf-8"), hashlib.sha256).hexdigest()


def nieuwe_fernet_sleutel() -> str:
    return Fernet.generate_key().decode("ascii")
