"""Test wrappers around ``klantreis.demo.lopen``: one user per role, made with factories."""

from __future__ import annotations

from dataclasses import dataclass, field

from klantreis.accounts.models import Rol
from klantreis.demo import lopen
from klantreis.tests.factories import AanbiederFactory, user_met_rol


@dataclass
class Actoren:
    """One user per role, all for the traject's gemeente (the provider's staff for its
    provider)."""

    gemeente: object
    aanbieder: object
    users: dict[str, object] = field(default_factory=dict)

    def __getitem__(self, rol: str):
        if rol not in self.users:
            if rol == Rol.AANBIEDER:
                self.users[rol] = user_met_rol(rol, aanbieder=self.aanbieder)
            else:
                self.users[rol] = user_met_rol(rol, gemeente=self.gemeente)
        return self.users[rol]


def actoren(gemeente, aanbieder=None) -> Actoren:
    return Actoren(gemeente=gemeente, aanbieder=aanbieder or AanbiederFactory())


def schrijf_en_stel_vast(traject, soort: str, wie: Actoren, rol: str | None = None):
    return lopen.schrijf_en_stel_vast(traject, soort, wie.__getitem__, rol)


def akkoord(traject, soort: str, rol: str, wie: Actoren, *, ja: bool = True):
    return lopen.akkoord(traject, soort, rol, wie.__getitem__, ja=ja)


def rond_af(traject, wie: Actoren, naar: str | None = None, rol: str | None = None):
    return lopen.rond_af(traject, wie.__getitem__, naar, rol, aanbieder=wie.aanbieder)
