"""A route definition as typed objects, read from the stored (resolved) JSON of a
RouteVersie. Plain Python; the engine works on these, never on raw dicts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Voorwaarde:
    """A named predicate from the route file, e.g. ``{"akkoord": {"document": "zorgplan",
    "rol": "client"}}``. The engine evaluates it (``engine.voorwaarde_geldt``)."""

    soort: str
    waarde: object

    @classmethod
    def from_dict(cls, data: dict) -> Voorwaarde:
        ((soort, waarde),) = data.items()
        return cls(soort=soort, waarde=waarde)


@dataclass(frozen=True)
class Overgang:
    naar: str
    rol: str | None = None  # who takes this transition; default: the step's role
    soort: str = "volgende"
    label: str = ""
    voorwaarden: tuple[Voorwaarde, ...] = ()


@dataclass(frozen=True)
class Stap:
    id: str
    naam: str
    rol: str
    toelichting: str = ""
    documenten: tuple[str, ...] = ()
    akkoorden: tuple[tuple[str, str], ...] = ()  # (document, rol)
    voorwaarden: tuple[Voorwaarde, ...] = ()
    optioneel: bool = False
    bericht: str | None = None
    einde: bool = False
    overgangen: tuple[Overgang, ...] = ()


@dataclass(frozen=True)
class Moment:
    stap: str | None = None
    moment: str | None = None  # "begin" | "einde"
    berichten: tuple[str, ...] = ()  # from `bericht`: one code or a list (any of them counts)
    antwoord: str | None = None  # 319 only: "onderzoek" | "definitief" (OP274)
    vanaf: str | None = None  # "verzoek": count from the request's dagtekening (OP274)
    document: str | None = None
    veld: str | None = None

    @property
    def bericht(self) -> str | None:
        """The first (usually only) message named; None for a step or document moment."""
        return self.berichten[0] if self.berichten else None

    def noemt(self, berichtcode: str, *, in_onderzoek: bool = False) -> bool:
        """Does this message event match? A 319 "in onderzoek" matches ``antwoord:
        onderzoek`` and no ``antwoord: definitief``; any other message the reverse."""
        if berichtcode not in self.berichten:
            return False
        if self.antwoord == "onderzoek":
            return in_onderzoek
        if self.antwoord == "definitief":
            return not in_onderzoek
        return True


@dataclass(frozen=True)
class TermijnDefinitie:
    sleutel: str
    naam: str
    duur: str
    start: Moment
    einde: Moment
    wetten: tuple[str, ...] = ()
    bron: str = ""
    atw: bool = True
    terugrekenen: bool = False
    signaal: str = "overschrijding"
    standaard: bool = False  # from the standard set (termijnen/standaard.yaml), not the route


@dataclass(frozen=True)
class RouteDefinitie:
    id: str
    naam: str
    versie: int
    ingangsdatum: date
    gemeenten: tuple[str, ...]
    wetten: tuple[str, ...]
    regie: tuple[str, ...]
    stappen: tuple[Stap, ...]
    termijnen: tuple[TermijnDefinitie, ...] = ()
    bron: str = ""
    toelichting: str = ""
    basis: str | None = None
    toewijzing_tot_18: bool = False
    _index: dict[str, Stap] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._index.update({stap.id: stap for stap in self.stappen})

    @property
    def eerste_stap(self) -> Stap:
        return self.stappen[0]

    def stap(self, stap_id: str) -> Stap:
        return self._index[stap_id]

    def heeft_stap(self, stap_id: str) -> bool:
        return stap_id in self._index

    def overgangen(self, stap_id: str) -> tuple[Overgang, ...]:
        """The transitions out of a step; without explicit ones, the next step in the file."""
        stap = self.stap(stap_id)
        if stap.overgangen or stap.einde:
            return stap.overgangen
        position = self.stappen.index(stap)
        if position + 1 < len(self.stappen):
            return (Overgang(naar=self.stappen[position + 1].id),)
        return ()

    @classmethod
    def from_dict(cls, data: dict, standaard_termijnen: list | None = None) -> RouteDefinitie:
        """``standaard_termijnen``: the standard set stored with the route version; each of
        them applies unless the route defines a termijn with the same sleutel (decision 0014)."""

        def moment(d: dict) -> Moment:
            bericht = d.get("bericht")
            if bericht is None:
                berichten: tuple[str, ...] = ()
            else:
                berichten = tuple(bericht) if isinstance(bericht, list) else (bericht,)
            return Moment(
                stap=d.get("stap"),
                moment=d.get("moment"),
                berichten=berichten,
                antwoord=d.get("antwoord"),
                vanaf=d.get("vanaf"),
                document=d.get("document"),
                veld=d.get("veld"),
            )

        def voorwaarden(items) -> tuple[Voorwaarde, ...]:
            return tuple(Voorwaarde.from_dict(v) for v in items or ())

        stappen = tuple(
            Stap(
                id=s["id"],
                naam=s["naam"],
                rol=s["rol"],
                toelichting=s.get("toelichting", ""),
                documenten=tuple(s.get("documenten", ())),
                akkoorden=tuple((a["document"], a["rol"]) for a in s.get("akkoorden", ())),
                voorwaarden=voorwaarden(s.get("voorwaarden")),
                optioneel=s.get("optioneel", False),
                bericht=s.get("bericht"),
                einde=s.get("einde", False),
                overgangen=tuple(
                    Overgang(
                        naar=o["naar"],
                        rol=o.get("rol"),
                        soort=o.get("soort", "volgende"),
                        label=o.get("label", ""),
                        voorwaarden=voorwaarden(o.get("voorwaarden")),
                    )
                    for o in s.get("overgangen", ())
                ),
            )
            for s in data["stappen"]
        )
        eigen = {t["sleutel"] for t in data.get("termijnen", ())}
        aangevuld = [(t, False) for t in data.get("termijnen", ())] + [
            (t, True) for t in standaard_termijnen or () if t["sleutel"] not in eigen
        ]
        termijnen = tuple(
            TermijnDefinitie(
                sleutel=t["sleutel"],
                naam=t["naam"],
                duur=t["duur"],
                start=moment(t["start"]),
                einde=moment(t["einde"]),
                wetten=tuple(t.get("wetten", ())),
                bron=t.get("bron", ""),
                atw=t.get("atw", True),
                terugrekenen=t.get("terugrekenen", False),
                signaal=t.get("signaal", "overschrijding"),
                standaard=standaard,
            )
            for t, standaard in aangevuld
        )
        return cls(
            id=data["id"],
            naam=data["naam"],
            versie=data["versie"],
            ingangsdatum=date.fromisoformat(data["ingangsdatum"]),
            gemeenten=tuple(data["gemeenten"]),
            wetten=tuple(data.get("wetten", ())),
            regie=tuple(data.get("regie", ())),
            stappen=stappen,
            termijnen=termijnen,
            bron=data.get("bron", ""),
            toelichting=data.get("toelichting", ""),
            basis=data.get("basis"),
            toewijzing_tot_18=data.get("toewijzing_tot_18", False),
        )
