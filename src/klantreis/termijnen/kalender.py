"""De termijnenkalender: einddatums berekenen op de kalender van de Algemene termijnenwet.

Puur Python, zonder Django-import, zodat een worker, de CLI of een benchmark hem los kan
gebruiken. Elke stap van een berekening wordt als Nederlandse zin teruggegeven
(``Berekening.uitleg``); de ``Termijn`` bewaart die zinnen.

Gebruik::

    >>> from datetime import date
    >>> from klantreis.termijnen.kalender import bereken
    >>> bereken(date(2026, 4, 30), "5 werkdagen").einddatum
    datetime.date(2026, 5, 8)

Mijn lezing van de Algemene termijnenwet (Atw, BWBR0002448), zoals hier toegepast:

- Art. 1 lid 1: een termijn die op een zaterdag, zondag of algemeen erkende feestdag eindigt,
  loopt door tot en met de eerstvolgende dag die dat niet is.
- Art. 1 lid 2: lid 1 geldt niet voor termijnen die worden bepaald door terug te rekenen
  vanaf een tijdstip of gebeurtenis ("8 weken vóór het einde van de beschikking").
  Art. 2 verlengt; bij terugrekenen heeft verlengen geen zin, dus ook art. 2 passen we dan
  niet toe. (De opdracht noemde hiervoor art. 4; de uitzondering staat in art. 1 lid 2.)
- Art. 2: een termijn van ten minste drie dagen wordt zo nodig verlengd tot er ten minste
  twee dagen in vallen die geen zaterdag, zondag of feestdag zijn. Voor een termijn in
  werkdagen is dit vanzelf vervuld (of het is een termijn van één werkdag, die geen
  "termijn van ten minste drie dagen" is).
- Art. 3: feestdagen zijn Nieuwjaarsdag, tweede Paas- en Pinksterdag, beide Kerstdagen,
  Hemelvaartsdag, de dag waarop de verjaardag van de Koning wordt gevierd (27 april, of
  26 april als de 27e een zondag is) en 5 mei — elk jaar, niet alleen in lustrumjaren
  (lid 1); Goede Vrijdag is ermee gelijkgesteld (lid 2); andere dagen kunnen bij besluit
  worden gelijkgesteld (lid 3): die staan in ``extra_dagen.json``.
- Art. 4 onder a: de wet geldt niet voor termijnen in uren, van meer dan 90 dagen, meer dan
  twaalf weken, meer dan drie maanden, of in jaren. Zo'n termijn wordt hier gewoon op de
  kalender geteld (met die reden in de uitleg). Art. 4 onder b en c (bekendmaking van
  wettelijke voorschriften, vrijheidsbeneming) spelen in het sociaal domein niet.
- De Atw geldt strikt genomen voor termijnen in een wet of AMvB (art. 1, 5). klantreis
  telt alle termijnen op deze kalender; wie dat voor een termijn niet wil (een
  contractuele termijn), roept ``bereken(..., atw=False)`` aan.

Een werkdag is een dag die geen zaterdag, zondag of Atw-feestdag (of gelijkgestelde dag)
is. De ``holidays``-bibliotheek levert de Nederlandse feestdagen, maar is niet de
Atw-kalender: zij kent 5 mei alleen in lustrumjaren als feestdag en kent Eerste Paas- en
Pinksterdag (zondagen, geen Atw-dag). Deze module neemt daarom alleen de Atw-dagen over en
voegt 5 mei elk jaar toe.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

import holidays

__all__ = [
    "Berekening",
    "Duur",
    "Eenheid",
    "Kalender",
    "bereken",
    "datum_lang",
    "verschuif",
]

EXTRA_DAGEN_BESTAND = Path(__file__).with_name("extra_dagen.json")

WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# Art. 4 onder a: boven deze lengtes geldt de Atw niet.
ATW_GRENS_DAGEN = 90
ATW_GRENS_WEKEN = 12
ATW_GRENS_MAANDEN = 3


# --- datums in het Nederlands (onafhankelijk van de locale van het systeem) ---------------


def datum_lang(d: date) -> str:
    """``maandag 4 mei 2026``."""
    return f"{WEEKDAGEN[d.weekday()]} {d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_dag(d: date) -> str:
    """``5 mei 2026``."""
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def datum_kort(d: date) -> str:
    """``30-04-2026``."""
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


# --- eenheden en duur ---------------------------------------------------------------------


class Eenheid(StrEnum):
    DAGEN = "dagen"
    WERKDAGEN = "werkdagen"
    WEKEN = "weken"
    MAANDEN = "maanden"

    @property
    def enkelvoud(self) -> str:
        return _ENKELVOUD[self]

    def met_aantal(self, aantal: int) -> str:
        return f"{aantal} {self.enkelvoud if aantal == 1 else self.value}"


_ENKELVOUD = {
    Eenheid.DAGEN: "dag",
    Eenheid.WERKDAGEN: "werkdag",
    Eenheid.WEKEN: "week",
    Eenheid.MAANDEN: "maand",
}
_EENHEID_UIT_WOORD = {woord: e for e in Eenheid for woord in (e.value, _ENKELVOUD[e])}
_DUUR_PATROON = re.compile(r"^\s*(\d+)\s*([^\W\d_]+)\s*$")
_VOORBEELDEN = '"5 werkdagen", "2 dagen", "4 weken" of "3 maanden"'


@dataclass(frozen=True)
class Duur:
    """De lengte van een termijn: een positief aantal van een eenheid."""

    aantal: int
    eenheid: Eenheid

    def __post_init__(self) -> None:
        if isinstance(self.aantal, bool) or not isinstance(self.aantal, int):
            raise ValueError(
                f"Het aantal van een duur moet een geheel getal zijn, niet {self.aantal!r}."
            )
        if self.aantal < 1:
            raise ValueError(
                f"Het aantal van een termijn moet ten minste 1 zijn, niet {self.aantal}."
            )
        if not isinstance(self.eenheid, Eenheid):
            try:
                object.__setattr__(self, "eenheid", Eenheid(str(self.eenheid).strip().lower()))
            except ValueError:
                raise ValueError(
                    f'Onbekende eenheid "{self.eenheid}": kies dagen, werkdagen, weken of maanden.'
                ) from None

    @classmethod
    def parse(cls, tekst: str) -> Duur:
        """Lees ``"5 werkdagen"``, ``"1 week"``, ``"3 maanden"`` … (hoofdletters en spaties
        maken niet uit). Anders: ``ValueError`` met een Nederlandse melding."""
        if not isinstance(tekst, str):
            raise ValueError(f"Een duur is tekst zoals {_VOORBEELDEN}, niet {tekst!r}.")
        match = _DUUR_PATROON.match(tekst)
        if match is None:
            raise ValueError(
                f'Onbekende duur "{tekst.strip()}": schrijf een aantal en een eenheid, '
                f"bijvoorbeeld {_VOORBEELDEN}."
            )
        aantal_tekst, woord = match.groups()
        eenheid = _EENHEID_UIT_WOORD.get(woord.lower())
        if eenheid is None:
            raise ValueError(
                f'Onbekende eenheid "{woord}" in duur "{tekst.strip()}": kies dag(en), '
                f"werkdag(en), week/weken of maand(en), bijvoorbeeld {_VOORBEELDEN}."
            )
        return cls(int(aantal_tekst), eenheid)

    def __str__(self) -> str:
        return self.eenheid.met_aantal(self.aantal)

    @property
    def buiten_atw(self) -> bool:
        """True als de termijn langer is dan art. 4 onder a toelaat (dan geldt de Atw niet)."""
        grens = {
            Eenheid.DAGEN: ATW_GRENS_DAGEN,
            Eenheid.WEKEN: ATW_GRENS_WEKEN,
            Eenheid.MAANDEN: ATW_GRENS_MAANDEN,
        }.get(self.eenheid)
        return grens is not None and self.aantal > grens


# --- de uitkomst --------------------------------------------------------------------------


@dataclass(frozen=True)
class Berekening:
    """Een einddatum met de uitleg: één Nederlandse zin per stap van de berekening."""

    einddatum: date
    uitleg: tuple[str, ...] = field(default_factory=tuple)

    def als_dict(self) -> dict[str, object]:
        """``{"einddatum": "YYYY-MM-DD", "uitleg": [...]}`` (voor JSON)."""
        return {"einddatum": self.einddatum.isoformat(), "uitleg": list(self.uitleg)}


# --- de kalender --------------------------------------------------------------------------


class VrijeDag(NamedTuple):
    naam: str
    bron: str


ATW_3_1 = "Atw art. 3 lid 1"
ATW_3_2 = "Atw art. 3 lid 2"
ATW_3_3 = "Atw art. 3 lid 3"
GEMEENTE = "extra dag van de gemeente"

# Namen zoals de holidays-bibliotheek ze geeft (language="en_US") → Atw-naam en artikel.
# Eerste Paas- en Pinksterdag (zondagen) en "Liberation Day" (alleen lustrumjaren) horen
# er bewust niet bij; 5 mei voegen we zelf elk jaar toe.
_HOLIDAYS_NAAR_ATW = {
    "New Year's Day": VrijeDag("Nieuwjaarsdag", ATW_3_1),
    "Good Friday": VrijeDag("Goede Vrijdag", ATW_3_2),
    "Easter Monday": VrijeDag("Tweede Paasdag", ATW_3_1),
    "King's Day": VrijeDag("Koningsdag", ATW_3_1),
    "Queen's Day": VrijeDag("Koninginnedag", ATW_3_1),
    "Ascension Day": VrijeDag("Hemelvaartsdag", ATW_3_1),
    "Pentecost Monday": VrijeDag("Tweede Pinksterdag", ATW_3_1),
    "Christmas Day": VrijeDag("Eerste Kerstdag", ATW_3_1),
    "Second Day of Christmas": VrijeDag("Tweede Kerstdag", ATW_3_1),
}
_VERPLICHT = {
    "Nieuwjaarsdag",
    "Goede Vrijdag",
    "Tweede Paasdag",
    "Hemelvaartsdag",
    "Tweede Pinksterdag",
    "Eerste Kerstdag",
    "Tweede Kerstdag",
}


def laad_extra_dagen(pad: Path = EXTRA_DAGEN_BESTAND) -> dict[date, VrijeDag]:
    """De tabel met bij besluit gelijkgestelde dagen (Atw art. 3 lid 3)."""
    gegevens = json.loads(pad.read_text(encoding="utf-8"))
    dagen: dict[date, VrijeDag] = {}
    for regel in gegevens["dagen"]:
        dagen[date.fromisoformat(regel["datum"])] = VrijeDag(
            f"{regel['naam']}, bij besluit gelijkgesteld met een feestdag", regel["bron"]
        )
    return dagen


class Kalender:
    """De Atw-kalender, plus de gelijkgestelde dagen uit ``extra_dagen.json`` en eventueel
    extra dagen van de aanroeper (bijvoorbeeld een gemeentelijke tabel uit de database)."""

    def __init__(
        self,
        extra_dagen: Mapping[date, str] | None = None,
        *,
        besluiten: bool = True,
    ) -> None:
        self._extra: dict[date, VrijeDag] = laad_extra_dagen() if besluiten else {}
        for d, naam in (extra_dagen or {}).items():
            _controleer_datum(d, "Een extra dag")
            self._extra.setdefault(d, VrijeDag(str(naam), GEMEENTE))
        self._per_jaar: dict[int, dict[date, VrijeDag]] = {}

    # -- feestdagen --

    def _vrije_dagen(self, jaar: int) -> dict[date, VrijeDag]:
        dagen = self._per_jaar.get(jaar)
        if dagen is None:
            dagen = self._bouw_jaar(jaar)
            self._per_jaar[jaar] = dagen
        return dagen

    def _bouw_jaar(self, jaar: int) -> dict[date, VrijeDag]:
        dagen: dict[date, VrijeDag] = {}

        def voeg_toe(d: date, vrij: VrijeDag) -> None:
            # Twee feestdagen op één datum (Hemelvaartsdag op 5 mei, zoals in 2005 en 2016).
            eerder = dagen.get(d)
            if eerder is None:
                dagen[d] = vrij
            elif vrij.naam not in eerder.naam:
                bron = eerder.bron if vrij.bron == eerder.bron else f"{eerder.bron}; {vrij.bron}"
                dagen[d] = VrijeDag(f"{eerder.naam} en {vrij.naam}", bron)

        bron = holidays.NL(years=jaar, categories=(holidays.PUBLIC,), language="en_US")
        for d, naam in sorted(bron.items()):
            for deel in str(naam).split("; "):
                atw = _HOLIDAYS_NAAR_ATW.get(deel)
                if atw is not None:
                    voeg_toe(d, atw)
        voeg_toe(date(jaar, 5, 5), VrijeDag("Bevrijdingsdag", ATW_3_1))  # elk jaar (lid 1)
        ontbreekt = {n for n in _VERPLICHT if not any(n in v.naam for v in dagen.values())}
        if ontbreekt:  # pragma: no cover - alleen als een nieuwe holidays-versie iets wijzigt
            raise RuntimeError(
                f"De holidays-bibliotheek mist Atw-feestdagen in {jaar}: {sorted(ontbreekt)}."
            )
        for d, vrij in self._extra.items():
            if d.year == jaar:
                dagen.setdefault(d, vrij)
        return dict(sorted(dagen.items()))

    def feestdagen(self, jaar: int) -> dict[date, str]:
        """De Atw-feestdagen van ``jaar`` met hun Nederlandse naam, inclusief de bij besluit
        gelijkgestelde dagen en de extra dagen van de aanroeper, op datum gesorteerd."""
        return {d: v.naam for d, v in self._vrije_dagen(jaar).items()}

    def feestdag(self, d: date) -> VrijeDag | None:
        """Naam en bron als ``d`` een Atw-feestdag of gelijkgestelde dag is, anders None."""
        return self._vrije_dagen(d.year).get(d)

    # -- werkdagen --

    def is_werkdag(self, d: date) -> bool:
        return d.weekday() < 5 and self.feestdag(d) is None

    def volgende_werkdag(self, d: date) -> date:
        """``d`` zelf als dat een werkdag is, anders de eerstvolgende werkdag."""
        while not self.is_werkdag(d):
            d += timedelta(days=1)
        return d

    def vorige_werkdag(self, d: date) -> date:
        """``d`` zelf als dat een werkdag is, anders de laatste werkdag ervoor."""
        while not self.is_werkdag(d):
            d -= timedelta(days=1)
        return d

    def werkdagen_tussen(self, na: date, tot_en_met: date) -> int:
        """Het aantal werkdagen ``d`` met ``na < d <= tot_en_met``."""
        aantal, d = 0, na + timedelta(days=1)
        while d <= tot_en_met:
            aantal += self.is_werkdag(d)
            d += timedelta(days=1)
        return aantal

    # -- termijnen --

    def bereken(
        self,
        vanaf: date,
        duur: Duur | str,
        *,
        terugrekenen: bool = False,
        atw: bool = True,
    ) -> Berekening:
        """De einddatum van een termijn van ``duur`` na (of, met ``terugrekenen``, vóór)
        ``vanaf``, met uitleg. De telling begint op de dag na ``vanaf``."""
        if not isinstance(duur, Duur):
            duur = Duur.parse(duur)
        _controleer_datum(vanaf, "vanaf")
        try:
            if terugrekenen:
                return self._terug(vanaf, duur)
            return self._vooruit(vanaf, duur, atw=atw)
        except (OverflowError, ValueError) as fout:  # datum buiten jaar 1 tot en met 9999
            raise ValueError(_BUITEN_KALENDER) from fout

    def _vooruit(self, vanaf: date, duur: Duur, *, atw: bool) -> Berekening:
        uitleg = [
            f"Telling begint op de dag na {datum_kort(vanaf)} "
            f"({datum_lang(vanaf + timedelta(days=1))})."
        ]
        if duur.eenheid is Eenheid.WERKDAGEN:
            eind = self._werkdagen_vooruit(vanaf, duur.aantal, uitleg)
            uitleg.append(
                "Een termijn in werkdagen eindigt altijd op een werkdag: Atw art. 1 en art. 2 "
                "verschuiven de einddatum niet."
            )
            return Berekening(eind, tuple(uitleg))

        eind = _kalender_eind(vanaf, duur, +1, uitleg)
        if not atw:
            uitleg.append(
                "De Algemene termijnenwet is op deze termijn bewust niet toegepast "
                f"(op verzoek van de aanroeper): de einddatum blijft {datum_lang(eind)}."
            )
            return Berekening(eind, tuple(uitleg))
        if duur.buiten_atw:
            uitleg.append(
                f"Een termijn van {duur} is langer dan 90 dagen, twaalf weken of drie maanden: "
                f"de Atw geldt er niet voor (Atw art. 4 onder a); de einddatum blijft "
                f"{datum_lang(eind)}."
            )
            return Berekening(eind, tuple(uitleg))

        # Art. 1: eindigt de termijn op een niet-werkdag, dan de eerstvolgende werkdag.
        na_art1 = self._pas_art1_toe(eind, uitleg)

        # Art. 2: een termijn van ten minste drie dagen bevat ten minste twee werkdagen.
        eind = na_art1
        lengte = (_kalender_eind(vanaf, duur, +1, None) - vanaf).days
        if lengte < 3:
            uitleg.append(
                f"Atw art. 2 geldt niet: een termijn van {duur} is korter dan drie dagen."
            )
        else:
            werkdagen = self.werkdagen_tussen(vanaf, eind)
            if werkdagen >= 2:
                uitleg.append(
                    f"De termijn bevat {werkdagen} werkdagen, ten minste twee: "
                    "Atw art. 2 verlengt niet."
                )
            else:
                verlengd = self._nde_werkdag(vanaf, 2)
                uitleg.append(
                    f"Tot en met {datum_lang(eind)} bevat de termijn "
                    f"{Eenheid.WERKDAGEN.met_aantal(werkdagen)}: "
                    f"verlengd tot en met {datum_lang(verlengd)}, zodat er twee werkdagen in "
                    "vallen (Atw art. 2)."
                )
                eind = verlengd
        return Berekening(eind, tuple(uitleg))

    def _terug(self, vanaf: date, duur: Duur) -> Berekening:
        uitleg = [f"Teruggerekend vanaf {datum_kort(vanaf)} ({datum_lang(vanaf)})."]
        if duur.eenheid is Eenheid.WERKDAGEN:
            eind = self._werkdagen_terug(vanaf, duur.aantal, uitleg)
        else:
            eind = _kalender_eind(vanaf, duur, -1, uitleg)
        uitleg.append(
            "De termijn wordt teruggerekend vanaf een tijdstip: Atw art. 1 geldt dan niet "
            f"(art. 1 lid 2) en art. 2 ook niet; de einddatum blijft {datum_lang(eind)}"
            + ("" if self.is_werkdag(eind) else f", ook al is dat {self._soort_vrij(eind)}")
            + "."
        )
        return Berekening(eind, tuple(uitleg))

    def _nde_werkdag(self, vanaf: date, n: int) -> date:
        d, geteld = vanaf, 0
        while geteld < n:
            d += timedelta(days=1)
            geteld += self.is_werkdag(d)
        return d

    def _werkdagen_vooruit(self, vanaf: date, n: int, uitleg: list[str]) -> date:
        eind = self._nde_werkdag(vanaf, n)
        self._leg_niet_werkdagen_uit(vanaf + timedelta(days=1), eind, uitleg)
        uitleg.append(
            f"De {n}e werkdag na {datum_kort(vanaf)} is {datum_lang(eind)}."
            if n > 1
            else f"De eerste werkdag na {datum_kort(vanaf)} is {datum_lang(eind)}."
        )
        return eind

    def _werkdagen_terug(self, vanaf: date, n: int, uitleg: list[str]) -> date:
        d, geteld = vanaf, 0
        while geteld < n:
            d -= timedelta(days=1)
            geteld += self.is_werkdag(d)
        self._leg_niet_werkdagen_uit(d, vanaf - timedelta(days=1), uitleg)
        uitleg.append(
            f"{Eenheid.WERKDAGEN.met_aantal(n)} vóór {datum_kort(vanaf)} is {datum_lang(d)}."
        )
        return d

    def _leg_niet_werkdagen_uit(self, van: date, tot_en_met: date, uitleg: list[str]) -> None:
        """Eén zin over weekenden (als er een in de periode valt) en één per feestdag op een
        doordeweekse dag, in volgorde van datum."""
        weekend = False
        d = van
        while d <= tot_en_met:
            if d.weekday() >= 5:
                if not weekend:
                    uitleg.append("Zaterdagen en zondagen tellen niet als werkdag.")
                    weekend = True
            else:
                vrij = self.feestdag(d)
                if vrij is not None:
                    uitleg.append(
                        f"{datum_dag(d)} ({vrij.naam}) telt niet als werkdag ({vrij.bron})."
                    )
            d += timedelta(days=1)

    def _soort_vrij(self, d: date) -> str:
        """``een zondag`` / ``een feestdag (Koningsdag, Atw art. 3 lid 1)``."""
        vrij = self.feestdag(d)
        if vrij is not None:
            return f"een feestdag ({vrij.naam}, {vrij.bron})"
        return f"een {WEEKDAGEN[d.weekday()]}"

    def _pas_art1_toe(self, eind: date, uitleg: list[str]) -> date:
        """Atw art. 1: a term ending on a non-working day ends on the next working day. The
        explanation names every day passed over, so "dinsdag" after "zondag" is explained."""
        na_art1 = self.volgende_werkdag(eind)
        if na_art1 == eind:
            uitleg.append(f"{_hoofdletter(datum_lang(eind))} is een werkdag (Atw art. 1).")
            return eind
        tussen = []
        d = eind + timedelta(days=1)
        while d < na_art1:
            tussen.append(self._waarom_vrij(d))
            d += timedelta(days=1)
        ook = f"; ook {', '.join(tussen)} is geen werkdag" if tussen else ""
        uitleg.append(
            f"Einddatum valt op {self._waarom_vrij(eind)}{ook}: verschoven naar "
            f"{datum_lang(na_art1)} (Atw art. 1)."
        )
        return na_art1

    def _waarom_vrij(self, d: date) -> str:
        vrij = self.feestdag(d)
        if vrij is None:
            return datum_lang(d)
        return f"{datum_lang(d)} ({vrij.naam}, {vrij.bron})"

    def verschuif(
        self,
        einddatum: date,
        dagen: int,
        *,
        reden: str,
        atw: bool = True,
    ) -> Berekening:
        """Schuif een einddatum ``dagen`` kalenderdagen op (opschorting), en pas daarna
        Atw art. 1 opnieuw toe. Beide stappen staan in de uitleg."""
        _controleer_datum(einddatum, "einddatum")
        if isinstance(dagen, bool) or not isinstance(dagen, int):
            raise ValueError(f"Het aantal dagen moet een geheel getal zijn, niet {dagen!r}.")
        if dagen < 0:
            raise ValueError(
                "Een opschorting verlengt een termijn; een negatief aantal dagen kan niet."
            )
        if not reden or not reden.strip():
            raise ValueError("Geef de reden van de verschuiving op.")
        try:
            nieuw = einddatum + timedelta(days=dagen)
            na_art1 = self.volgende_werkdag(nieuw)
        except (OverflowError, ValueError) as fout:
            raise ValueError(_BUITEN_KALENDER) from fout
        uitleg = [
            f"Einddatum {datum_lang(einddatum)} verschoven met "
            f"{Eenheid.DAGEN.met_aantal(dagen)} wegens {reden.strip()}: {datum_lang(nieuw)}."
        ]
        if not atw:
            uitleg.append(
                "De Algemene termijnenwet is op deze termijn bewust niet toegepast "
                f"(op verzoek van de aanroeper): de einddatum blijft {datum_lang(nieuw)}."
            )
            return Berekening(nieuw, tuple(uitleg))
        na_art1 = self._pas_art1_toe(nieuw, uitleg)
        return Berekening(na_art1, tuple(uitleg))


_BUITEN_KALENDER = "De termijn valt buiten de kalender (jaar 1 tot en met 9999)."


def _controleer_datum(d: object, naam: str) -> None:
    if not isinstance(d, date) or isinstance(d, datetime):
        raise ValueError(f"{naam} moet een datum zijn (zonder tijd), niet {d!r}.")


def _plus_maanden(d: date, maanden: int) -> tuple[date, bool]:
    """Dezelfde dag van de maand ``maanden`` later (of eerder); bestaat die dag niet, dan de
    laatste dag van die maand. Geeft ook terug of er zo is afgekapt."""
    index = d.year * 12 + (d.month - 1) + maanden
    jaar, maand = divmod(index, 12)
    maand += 1
    laatste = calendar.monthrange(jaar, maand)[1]
    return date(jaar, maand, min(d.day, laatste)), d.day > laatste


def _kalender_eind(vanaf: date, duur: Duur, richting: int, uitleg: list[str] | None) -> date:
    """Het ruwe einde van een termijn in dagen, weken of maanden (vóór de Atw)."""
    woord = "na" if richting > 0 else "vóór"
    if duur.eenheid is Eenheid.DAGEN:
        eind = vanaf + timedelta(days=richting * duur.aantal)
        zin = f"{_hoofdletter(str(duur))} {woord} {datum_kort(vanaf)} is {datum_lang(eind)}."
    elif duur.eenheid is Eenheid.WEKEN:
        eind = vanaf + timedelta(weeks=richting * duur.aantal)
        zin = (
            f"{_hoofdletter(str(duur))} {woord} {datum_kort(vanaf)} is dezelfde weekdag: "
            f"{datum_lang(eind)}."
        )
    elif duur.eenheid is Eenheid.MAANDEN:
        eind, afgekapt = _plus_maanden(vanaf, richting * duur.aantal)
        if afgekapt:
            zin = (
                f"{_hoofdletter(str(duur))} {woord} {datum_kort(vanaf)} zou op {vanaf.day} "
                f"{MAANDEN[eind.month - 1]} {eind.year} vallen, maar {MAANDEN[eind.month - 1]} "
                f"heeft {eind.day} dagen: de termijn eindigt op de laatste dag van die maand, "
                f"{datum_lang(eind)}."
            )
        else:
            zin = (
                f"{_hoofdletter(str(duur))} {woord} {datum_kort(vanaf)} is dezelfde dag van "
                f"de maand: {datum_lang(eind)}."
            )
    else:  # pragma: no cover - werkdagen worden elders geteld
        raise ValueError(f"Geen kalendereenheid: {duur.eenheid}")
    if uitleg is not None:
        uitleg.append(zin)
    return eind


_STANDAARD: Kalender | None = None


def standaard_kalender() -> Kalender:
    """Eén gedeelde ``Kalender()`` (met de besluiten, zonder gemeentelijke extra dagen)."""
    global _STANDAARD
    if _STANDAARD is None:
        _STANDAARD = Kalender()
    return _STANDAARD


def bereken(vanaf: date, duur: Duur | str, **kw: bool) -> Berekening:
    """``Kalender().bereken(...)`` op de standaardkalender."""
    return standaard_kalender().bereken(vanaf, duur, **kw)


def verschuif(einddatum: date, dagen: int, **kw: object) -> Berekening:
    """``Kalender().verschuif(...)`` op de standaardkalender."""
    return standaard_kalender().verschuif(einddatum, dagen, **kw)  # type: ignore[arg-type]
