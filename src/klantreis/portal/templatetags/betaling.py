"""Amounts and codes on the declaratie, payment and message screens."""

from __future__ import annotations

from django import template

from klantreis.declaraties.overzicht import uitleg as _uitleg
from klantreis.toegang.beleid import DECLARATIE_ROLLEN

register = template.Library()


@register.filter
def euro(eurocent) -> str:
    """12345 -> "€ 123,45"; -5 -> "€ -0,05"; thousands with a dot, as in Dutch."""
    if eurocent in (None, ""):
        return "—"
    eurocent = int(eurocent)
    teken = "-" if eurocent < 0 else ""
    euro_, cent = divmod(abs(eurocent), 100)
    return f"€ {teken}{euro_:,}".replace(",", ".") + f",{cent:02d}"


@register.filter
def uitleg(retourcode: str, wet: str = "wmo"):
    return _uitleg(retourcode, wet or "wmo")


@register.simple_tag
def ziet_declaraties(user) -> bool:
    """Back office, functioneel beheer and a provider's staff see the declaratie screens."""
    if not user.is_authenticated:
        return False
    return user.roltoewijzingen.filter(rol__in=DECLARATIE_ROLLEN).exists()
