"""What the declaratie screens and the API show: counts and amounts per provider, period and
client, aggregated in SQL (one GROUP BY per table, conditional sums per column), and the
reasons for rejection with the Dutch text of each retourcode and the rule behind it.

Reading only; callers pass a queryset already narrowed to what the user may see
(``toegang.beleid.zichtbare_prestaties``)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from klantreis.istandaarden import codes
from klantreis.istandaarden.historie import HISTORIE_REGELS

from .models import Betaalstatus

#: The rule behind each retourcode a prestatie can get (declaraties.regels, the codec's level-2
#: rules on a prestatie, and the declaratie-level rules that reject all of it).
REGEL_VAN_CODE: dict[str, str] = {
    "8021": "TR314",
    "8017": "TR323",
    "9390": "TR390",
    "9389": "TR389",
    "9338": "TR338",
    "9384": "TR384",
    "9339": "TR339",
    "9340": "TR340",
    "9341": "TR341",
    "9307": "TR307",
    "9308": "TR308",
    "9387": "TR387",
    "9388": "TR388",
    "9321": "TR321",
    "9322": "TR322",
    "9369": "TR369",
    "0611": "TR418",
    "8187": "TR304",
    "9333": "TR333",
    "8214": "TR318",
    "9346": "TR346",
    "9319": "TR319",
}
#: Descriptions of the rules the codec's table does not name.
EXTRA_REGELS = {
    "TR304": "Cliënt bekend bij de gemeente voor deze aanbieder",
    "TR318": "DeclaratiePeriode niet voor de laatst ingediende periode (IV090)",
    "TR319": "Bedrag klopt met volume maal tarief",
    "TR321": "Geleverd volume past binnen het toegewezen volume per prestatie",
    "TR322": "Geleverd volume past binnen het toegewezen volume in totaal",
    "TR323": "Een credit heeft een goedgekeurd debet",
    "TR346": "Bedrag is gelijk aan volume maal tarief",
    "TR369": "Binnen het toegewezen budget",
    "TR384": "De toewijzing is niet verwijderd",
    "TR387": "ProductPeriode begint niet voor de maand",
    "TR388": "ProductPeriode eindigt niet na de maand",
    "TR389": "Niet twee keer een debet voor dezelfde periode",
    "TR390": "Een debet niet twee keer gecrediteerd",
    "TR418": "Tarief gelijk aan het contracttarief",
}
NIET_BEOORDEELD = "0233"


@dataclass(frozen=True)
class Uitleg:
    retourcode: str
    omschrijving: str  # the Dutch text of the code (from the XSD codelist)
    regel: str  # TRnnn, or ""
    regel_omschrijving: str

    def __str__(self) -> str:
        regel = f" ({self.regel}: {self.regel_omschrijving})" if self.regel else ""
        return f"{self.retourcode} — {self.omschrijving}{regel}"


def uitleg(retourcode: str, wet: str = "wmo") -> Uitleg:
    lijst = codes.JwRetourCode if wet == "jw" else codes.WmoRetourCode
    try:
        omschrijving = lijst(retourcode).omschrijving
    except ValueError:
        omschrijving = "Onbekende retourcode."
    regel = REGEL_VAN_CODE.get(retourcode, "")
    beschrijving = ""
    if regel:
        beschrijving = HISTORIE_REGELS.get(regel, ("", (), ""))[2] or EXTRA_REGELS.get(regel, "")
    return Uitleg(retourcode, omschrijving, regel, beschrijving)


def _n(q: Q | None = None):
    return Count("id", filter=q)


def _s(q: Q | None = None):
    return Coalesce(Sum("bedrag", filter=q), 0)


GOED = Q(goedgekeurd=True)
AF = Q(goedgekeurd=False)
TELLINGEN = {
    "ingediend_n": _n(),
    "ingediend_bedrag": _s(),
    "goedgekeurd_n": _n(GOED),
    "goedgekeurd_bedrag": _s(GOED),
    "afgekeurd_n": _n(AF),
    "afgekeurd_bedrag": _s(AF),
    "aangehouden_n": _n(Q(betaalstatus=Betaalstatus.AANGEHOUDEN)),
    "aangehouden_bedrag": _s(Q(betaalstatus=Betaalstatus.AANGEHOUDEN)),
    "te_betalen_n": _n(Q(betaalstatus=Betaalstatus.TE_BETALEN)),
    "te_betalen_bedrag": _s(Q(betaalstatus=Betaalstatus.TE_BETALEN)),
    "in_bestand_n": _n(Q(betaalstatus=Betaalstatus.IN_BESTAND)),
    "in_bestand_bedrag": _s(Q(betaalstatus=Betaalstatus.IN_BESTAND)),
    "betaald_n": _n(Q(betaalstatus=Betaalstatus.BETAALD)),
    "betaald_bedrag": _s(Q(betaalstatus=Betaalstatus.BETAALD)),
}


def totaal(prestaties) -> dict:
    return prestaties.aggregate(**TELLINGEN)


def per_aanbieder_en_periode(prestaties):
    """One row per provider and DeclaratiePeriode, newest period first."""
    return (
        prestaties.values(
            "aanbieder_id", "aanbieder__naam", "aanbieder__agb_code", "declaratie__periode_begin"
        )
        .annotate(**TELLINGEN)
        .order_by("-declaratie__periode_begin", "aanbieder__naam", "aanbieder_id")
    )


def per_periode(prestaties):
    return (
        prestaties.values("declaratie__periode_begin")
        .annotate(**TELLINGEN)
        .order_by("-declaratie__periode_begin")
    )


def per_client(prestaties):
    return prestaties.values("bsn").annotate(**TELLINGEN).order_by("bsn")


@dataclass
class Reden:
    uitleg: Uitleg
    aantal: int = 0
    bedrag: int = 0


def afkeur_per_retourcode(prestaties, wet: str | None = None) -> list[Reden]:
    """Rejected prestaties per retourcode, most frequent first. Grouped in SQL by the stored
    list of codes (few distinct lists), then split per code here: a prestatie with two codes
    counts under both. A prestatie rejected with its whole declaratie (TR333, TR318) carries
    no code of its own and counts under the declaratie's."""
    rijen = (
        prestaties.filter(goedgekeurd=False)
        .values("retourcodes", "declaratie__retourcodes", "wet")
        .annotate(n=Count("id"), s=Coalesce(Sum("bedrag"), 0))
        .order_by()
    )
    per: dict[tuple[str, str], Reden] = {}
    opgeteld: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rijen:
        lijst = r["retourcodes"] or r["declaratie__retourcodes"] or [NIET_BEOORDEELD]
        for code in dict.fromkeys(lijst):
            sleutel = (code, r["wet"] if wet is None else wet)
            opgeteld[sleutel][0] += r["n"]
            opgeteld[sleutel][1] += r["s"]
    for (code, w), (n, s) in opgeteld.items():
        reden = per.setdefault((code, ""), Reden(uitleg(code, w)))
        reden.aantal += n
        reden.bedrag += s
    return sorted(per.values(), key=lambda r: (-r.aantal, r.uitleg.retourcode))
