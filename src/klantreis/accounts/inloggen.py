"""Failed logins are rate limited (issue: roles and isolation): after ``MAX_POGINGEN`` failed
attempts for one username or from one IP address within ``VENSTER`` seconds, every further
attempt for that username or address is refused for ``BLOKKADE`` seconds — also with the
right password, so guessing cannot go on. Counted in Django's cache: with more than one
process, configure a shared cache (Redis, database) in ``CACHES``."""

from __future__ import annotations

import hashlib

from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.cache import cache
from django.core.exceptions import ValidationError

MAX_POGINGEN = 5
VENSTER = 15 * 60
BLOKKADE = 15 * 60
MELDING = (
    "Te veel mislukte inlogpogingen. Om uw account te beschermen kunt u het over 15 minuten "
    "opnieuw proberen."
)


def _sleutels(request, username: str) -> list[str]:
    uit = []
    if username:
        naam = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
        uit.append(f"naam:{naam}")
    ip = (request.META.get("REMOTE_ADDR") if request is not None else "") or ""
    if ip:
        uit.append(f"ip:{ip}")
    return uit


def geblokkeerd(request, username: str) -> bool:
    return any(cache.get(f"inlog:blok:{s}") for s in _sleutels(request, username))


def registreer_mislukt(request, username: str) -> None:
    for sleutel in _sleutels(request, username):
        teller = f"inlog:teller:{sleutel}"
        cache.add(teller, 0, VENSTER)
        try:
            aantal = cache.incr(teller)
        except ValueError:  # expired between add and incr
            cache.set(teller, 1, VENSTER)
            aantal = 1
        if aantal >= MAX_POGINGEN:
            cache.set(f"inlog:blok:{sleutel}", True, BLOKKADE)
            cache.delete(teller)


class Begrensd:
    """Mixin for an AuthenticationForm: refuse while blocked, count each failure."""

    def clean(self):
        username = self.data.get("username", "") or ""
        if geblokkeerd(self.request, username):
            raise ValidationError(MELDING, code="geblokkeerd")
        try:
            return super().clean()
        except ValidationError:
            registreer_mislukt(self.request, username)
            if geblokkeerd(self.request, username):
                raise ValidationError(MELDING, code="geblokkeerd") from None
            raise


class InlogForm(Begrensd, AuthenticationForm):
    pass


class BeheerInlogForm(Begrensd, AdminAuthenticationForm):
    pass
