"""In-message rules of the toewijzing-like messages: 301, 315 (VOT) and 317 (VOW)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from klantreis.istandaarden.regels import Bevinding, regel
from klantreis.istandaarden.regels._pad import overlapt, productregels

GRENS_2020 = datetime.date(2020, 12, 31)
_EENHEDEN_MET_FREQUENTIE = ("14", "16", "83", "84")


def _code(p) -> str | None:
    return p.product.code if p.product is not None else None


@regel(
    "CD041",
    berichten=("301", "315", "317"),
    omschrijving="Omvang verplicht vullen indien Code in Product gevuld is.",
)
def cd041_omvang_verplicht_bij_productcode(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.klasse == "TeWijzigenProduct":
            continue
        if _code(p) and p.omvang is None:
            yield (
                f"{p.pad}/Omvang",
                f"Omvang ontbreekt terwijl Productcode {_code(p)} gevuld is (CD041).",
                p.obj,
            )


@regel(
    "CD075",
    berichten=("301", "315", "317"),
    omschrijving="Einddatum verplicht vullen indien Budget gevuld is.",
)
def cd075_einddatum_verplicht_bij_budget(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.budget is not None and p.eind is None:
            yield (
                f"{p.pad}/{p.eind_el}",
                f"{p.eind_el} ontbreekt terwijl Budget gevuld is (CD075).",
                p.obj,
            )


@regel(
    "CD076",
    berichten=("301", "315", "317"),
    omschrijving="Einddatum verplicht vullen indien Frequentie 2 (per week) is.",
)
def cd076_einddatum_verplicht_bij_frequentie_per_week(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.omvang is not None and p.omvang.frequentie.value == "2" and p.eind is None:
            yield (
                f"{p.pad}/{p.eind_el}",
                f"{p.eind_el} ontbreekt terwijl Frequentie 2 (per week) is (CD076).",
                p.obj,
            )


@regel(
    "CD077",
    berichten=("301", "315", "317"),
    omschrijving="Omvang leeg laten indien Budget gevuld is.",
)
def cd077_omvang_leeg_bij_budget(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.budget is not None and p.omvang is not None:
            yield f"{p.pad}/Omvang", "Omvang en Budget zijn allebei gevuld (CD077).", p.obj


@regel(
    "CD078",
    berichten=("301", "315", "317"),
    omschrijving="Budget leeg laten indien Omvang gevuld is.",
)
def cd078_budget_leeg_bij_omvang(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.omvang is not None and p.budget is not None:
            yield f"{p.pad}/Budget", "Budget en Omvang zijn allebei gevuld (CD078).", p.obj


@regel(
    "CD079",
    berichten=("301", "315", "317"),
    omschrijving="Product verplicht vullen indien Budget leeg is.",
)
def cd079_product_verplicht_zonder_budget(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.klasse == "TeWijzigenProduct":
            continue
        if p.budget is None and p.product is None:
            yield f"{p.pad}/Product", "Product ontbreekt terwijl Budget leeg is (CD079).", p.obj


def _omvang_leeg_zonder_code(bericht, code: str, klasse: str) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.klasse != klasse or p.omvang is None or _code(p):
            continue
        if p.eind is None or p.eind > GRENS_2020:
            yield (
                f"{p.pad}/Omvang",
                f"Omvang is gevuld terwijl Productcode leeg is en {p.eind_el} na 31-12-2020 "
                f"ligt of leeg is ({code}).",
                p.obj,
            )


@regel(
    "CD080",
    berichten=("301",),
    omschrijving="Omvang leeg laten als Code leeg is en Einddatum > 31-12-2020 of leeg.",
)
def cd080_omvang_leeg_zonder_productcode(bericht) -> Iterator[Bevinding]:
    yield from _omvang_leeg_zonder_code(bericht, "CD080", "ToegewezenProduct")


@regel(
    "CD095",
    berichten=("315",),
    omschrijving="Omvang leeg laten als Code leeg is en ToewijzingEinddatum > 31-12-2020 of leeg.",
)
def cd095_omvang_leeg_zonder_productcode_vot(bericht) -> Iterator[Bevinding]:
    yield from _omvang_leeg_zonder_code(bericht, "CD095", "AangevraagdProduct")


@regel(
    "CD096",
    berichten=("317",),
    omschrijving="NieuwProduct: Omvang leeg laten als Code leeg is en Einddatum > 31-12-2020 "
    "of leeg.",
)
def cd096_omvang_leeg_zonder_productcode_vow(bericht) -> Iterator[Bevinding]:
    yield from _omvang_leeg_zonder_code(bericht, "CD096", "NieuwProduct")


def _frequentie_2_4_6(bericht, code: str, klassen: tuple[str, ...]) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.klasse not in klassen or p.omvang is None:
            continue
        o = p.omvang
        if o.eenheid.value not in _EENHEDEN_MET_FREQUENTIE:
            continue
        if (p.eind is None or p.eind > GRENS_2020) and o.frequentie.value not in ("2", "4", "6"):
            yield (
                f"{p.pad}/Omvang/Frequentie",
                f"Bij Eenheid {o.eenheid.value} ({o.eenheid.omschrijving}) moet Frequentie 2, 4 "
                f"of 6 zijn, niet {o.frequentie.value} ({o.frequentie.omschrijving}) ({code}).",
                p.obj,
            )


@regel(
    "CS338",
    berichten=("301", "317"),
    omschrijving="Eenheid 14, 16, 83 of 84 en Einddatum > 31-12-2020 of leeg: "
    "Frequentie 2, 4 of 6.",
)
def cs338_eenheid_vraagt_frequentie_2_4_of_6(bericht) -> Iterator[Bevinding]:
    yield from _frequentie_2_4_6(
        bericht, "CS338", ("ToegewezenProduct", "NieuwProduct", "TeWijzigenProduct")
    )


@regel(
    "CS343",
    berichten=("315",),
    omschrijving="VOT: Eenheid 14, 16, 83 of 84 en ToewijzingEinddatum > 31-12-2020 of leeg: "
    "Frequentie 2, 4 of 6.",
)
def cs343_eenheid_vraagt_frequentie_2_4_of_6_vot(bericht) -> Iterator[Bevinding]:
    yield from _frequentie_2_4_6(bericht, "CS343", ("AangevraagdProduct",))


@regel(
    "CS335",
    berichten=("301",),
    omschrijving="RedenWijziging 13 (verwijderd) alleen als Ingangsdatum gelijk is aan Einddatum.",
)
def cs335_reden_verwijderd_alleen_bij_einddatum_is_ingangsdatum(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        rw = p.obj.reden_wijziging
        if rw is not None and rw.value == "13" and p.eind != p.begin:
            yield (
                f"{p.pad}/RedenWijziging",
                f"RedenWijziging 13 (verwijderd) terwijl Einddatum {p.eind} niet gelijk is aan "
                f"Ingangsdatum {p.begin} (CS335).",
                p.obj,
            )


@regel(
    "CS336",
    berichten=("301",),
    omschrijving="RedenWijziging 01 (administratieve correctie, vervallen) niet gebruiken.",
)
def cs336_reden_wijziging_01_niet_gebruiken(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        rw = p.obj.reden_wijziging
        if rw is not None and rw.value == "01":
            yield (
                f"{p.pad}/RedenWijziging",
                "RedenWijziging 01 is vervallen; gebruik 14 (administratieve correctie) (CS336).",
                p.obj,
            )


def _geen_overlap(bericht, code: str, klasse: str, wat: str) -> Iterator[Bevinding]:
    gezien: dict[tuple, list] = {}
    for p in productregels(bericht):
        if p.klasse != klasse or p.product is None or p.begin is None:
            continue
        key = (p.product.categorie.value, p.product.code)
        for q in gezien.get(key, []):
            if overlapt(p.begin, p.eind, q.begin, q.eind):
                yield (
                    f"{p.pad}/Product",
                    f"Product {key[0]}/{key[1] or '-'} komt vaker voor in {wat} met "
                    f"overlappende periodes ({code}).",
                    p.obj,
                )
                break
        gezien.setdefault(key, []).append(p)


@regel(
    "TR302",
    berichten=("301",),
    omschrijving="Een Product alleen vaker in een toewijzingsbericht als de periodes niet "
    "overlappen.",
)
def tr302_product_vaker_alleen_zonder_overlap(bericht) -> Iterator[Bevinding]:
    yield from _geen_overlap(bericht, "TR302", "ToegewezenProduct", "het toewijzingsbericht")


@regel(
    "TR386",
    berichten=("315",),
    omschrijving="Een Product alleen vaker in een verzoek om toewijzing als de periodes niet "
    "overlappen.",
)
def tr386_product_vaker_in_vot_alleen_zonder_overlap(bericht) -> Iterator[Bevinding]:
    yield from _geen_overlap(bericht, "TR386", "AangevraagdProduct", "het verzoek om toewijzing")


@regel(
    "TR410",
    berichten=("317",),
    omschrijving="Een Product alleen vaker als NieuwProduct als de periodes niet overlappen.",
)
def tr410_nieuw_product_vaker_alleen_zonder_overlap(bericht) -> Iterator[Bevinding]:
    yield from _geen_overlap(bericht, "TR410", "NieuwProduct", "de nieuwe producten")
