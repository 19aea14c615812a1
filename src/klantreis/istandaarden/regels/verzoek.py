"""In-message rules of the requests and the answer: 315 (VOT), 317 (VOW) and 319."""

from __future__ import annotations

from collections.abc import Iterator

from klantreis.istandaarden.regels import Bevinding, regel

_VERWIJZER_MET_AGB = ("02", "03", "04", "05")
_AP = "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct"


@regel(
    "TR383",
    berichten=("315",),
    omschrijving="ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.",
)
def tr383_referentie_aanbieder_uniek_in_vot(bericht) -> Iterator[Bevinding]:
    gezien: set[str] = set()
    for i, p in enumerate(bericht.client.aangevraagde_producten, 1):
        if p.referentie_aanbieder in gezien:
            yield (
                f"{_AP}[{i}]/ReferentieAanbieder",
                f"ReferentieAanbieder '{p.referentie_aanbieder}' komt meer dan eens voor (TR383).",
                p,
            )
        gezien.add(p.referentie_aanbieder)


@regel(
    "CD066",
    berichten=("315",),
    omschrijving="Verwijzer 02-05 met ZorgverlenerCode: Naam verwijzer leeg laten.",
)
def cd066_naam_verwijzer_leeg_bij_zorgverlenercode(bericht) -> Iterator[Bevinding]:
    for i, p in enumerate(bericht.client.aangevraagde_producten, 1):
        v = p.verwijzer
        if v.type.value in _VERWIJZER_MET_AGB and v.zorgverlener_code and v.naam:
            yield (
                f"{_AP}[{i}]/Verwijzer/Naam",
                "Naam van de verwijzer is gevuld terwijl ZorgverlenerCode gevuld is (CD066).",
                p,
            )


@regel(
    "CD067",
    berichten=("315",),
    omschrijving="Verwijzer 02-05 zonder ZorgverlenerCode: Naam verwijzer vullen.",
)
def cd067_naam_verwijzer_verplicht_zonder_zorgverlenercode(bericht) -> Iterator[Bevinding]:
    for i, p in enumerate(bericht.client.aangevraagde_producten, 1):
        v = p.verwijzer
        if v.type.value in _VERWIJZER_MET_AGB and not v.zorgverlener_code and not v.naam:
            yield (
                f"{_AP}[{i}]/Verwijzer/Naam",
                "Naam van de verwijzer ontbreekt en er is geen ZorgverlenerCode (CD067).",
                p,
            )


@regel(
    "CD068",
    berichten=("315",),
    omschrijving="Verwijzer anders dan 02-05: ZorgverlenerCode leeg laten.",
)
def cd068_zorgverlenercode_alleen_bij_verwijzer_02_tot_05(bericht) -> Iterator[Bevinding]:
    for i, p in enumerate(bericht.client.aangevraagde_producten, 1):
        v = p.verwijzer
        if v.type.value not in _VERWIJZER_MET_AGB and v.zorgverlener_code:
            yield (
                f"{_AP}[{i}]/Verwijzer/ZorgverlenerCode",
                f"ZorgverlenerCode is gevuld bij verwijzertype {v.type.value} "
                f"({v.type.omschrijving}) (CD068).",
                p,
            )


@regel(
    "TR352",
    berichten=("317",),
    omschrijving="Bij een VOW minstens 1 OngewijzigdProduct of TeWijzigenProduct.",
)
def tr352_vow_heeft_ongewijzigd_of_te_wijzigen_product(bericht) -> Iterator[Bevinding]:
    v = bericht.client.verzoek
    if not v.ongewijzigde_producten and not v.te_wijzigen_producten:
        yield (
            "/Bericht/Client/Verzoek",
            "Het verzoek om wijziging bevat geen OngewijzigdProduct en geen TeWijzigenProduct "
            "(TR352).",
            v,
        )


@regel(
    "TR353",
    berichten=("317",),
    omschrijving="Bij een VOW minstens 1 TeWijzigenProduct of NieuwProduct.",
)
def tr353_vow_heeft_te_wijzigen_of_nieuw_product(bericht) -> Iterator[Bevinding]:
    v = bericht.client.verzoek
    if not v.te_wijzigen_producten and not v.nieuwe_producten:
        yield (
            "/Bericht/Client/Verzoek",
            "Het verzoek om wijziging bevat geen TeWijzigenProduct en geen NieuwProduct (TR353).",
            v,
        )


@regel(
    "CD085",
    berichten=("319",),
    omschrijving="RedenAfwijzingVerzoek vullen als VerzoekAntwoord 1 (verzoek afgewezen) is.",
)
def cd085_reden_afwijzing_verplicht_bij_afwijzing(bericht) -> Iterator[Bevinding]:
    a = bericht.antwoord
    if a.verzoek_antwoord.value == "1" and a.reden_afwijzing_verzoek is None:
        yield (
            "/Bericht/Antwoord/RedenAfwijzingVerzoek",
            "RedenAfwijzingVerzoek ontbreekt bij een afgewezen verzoek (CD085).",
            a,
        )


@regel(
    "CD086",
    berichten=("319",),
    omschrijving="RedenAfwijzingVerzoek leeg laten als VerzoekAntwoord 2 (in onderzoek) is.",
)
def cd086_reden_afwijzing_leeg_bij_onderzoek(bericht) -> Iterator[Bevinding]:
    a = bericht.antwoord
    if a.verzoek_antwoord.value == "2" and a.reden_afwijzing_verzoek is not None:
        yield (
            "/Bericht/Antwoord/RedenAfwijzingVerzoek",
            "RedenAfwijzingVerzoek is gevuld terwijl de aanvraag in onderzoek is (CD086).",
            a,
        )


@regel(
    "TR377",
    berichten=("319",),
    omschrijving="iJw: bij RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) "
    "Woonplaatsbeginsel opnemen.",
)
def tr377_woonplaatsbeginsel_verplicht_bij_reden_8(bericht) -> Iterator[Bevinding]:
    a = bericht.antwoord
    if bericht.standaard.value != "ijw":
        return
    r = a.reden_afwijzing_verzoek
    if r is not None and r.value == "8" and a.woonplaatsbeginsel is None:
        yield (
            "/Bericht/Antwoord/Woonplaatsbeginsel",
            "Woonplaatsbeginsel ontbreekt bij RedenAfwijzingVerzoek 8 (TR377).",
            a,
        )


@regel(
    "TR409",
    berichten=("319",),
    omschrijving="iJw: Woonplaatsbeginsel weglaten als RedenAfwijzingVerzoek niet 8 is.",
)
def tr409_woonplaatsbeginsel_alleen_bij_reden_8(bericht) -> Iterator[Bevinding]:
    a = bericht.antwoord
    r = a.reden_afwijzing_verzoek
    if a.woonplaatsbeginsel is not None and (r is None or r.value != "8"):
        yield (
            "/Bericht/Antwoord/Woonplaatsbeginsel",
            "Woonplaatsbeginsel is opgenomen terwijl RedenAfwijzingVerzoek niet 8 is (TR409).",
            a,
        )
