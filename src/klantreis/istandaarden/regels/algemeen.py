"""In-message rules shared by several message types (client, address, periods)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from klantreis.istandaarden.regels import Bevinding, regel
from klantreis.istandaarden.regels._pad import clienten, contacten, productregels

MET_BSN = ("301", "305", "307", "315", "317", "323", "325")


def elfproef(bsn: str) -> bool:
    """The BSN 11-proef: (9·d1 + 8·d2 + … + 2·d8 − 1·d9) mod 11 == 0, 9 digits."""
    if len(bsn) != 9 or not bsn.isascii() or not bsn.isdigit():
        return False
    total = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1), strict=True))
    return (total - int(bsn[8])) % 11 == 0


@regel("CS002", berichten=MET_BSN, omschrijving="Bsn moet voldoen aan de 11-proef.")
def cs002_bsn_elfproef(bericht) -> Iterator[Bevinding]:
    for client, pad in clienten(bericht):
        if not elfproef(client.bsn):
            yield f"{pad}/Bsn", f"Bsn {client.bsn} voldoet niet aan de 11-proef (CS002).", client


@regel(
    "TR002",
    berichten=("301", "305", "307", "315"),
    omschrijving="Geboortedatum niet meer dan 120 jaar voor de Dagtekening, tenzij onbekend.",
)
def tr002_geboortedatum_max_120_jaar(bericht) -> Iterator[Bevinding]:
    dagtekening = bericht.header.bericht_identificatie.dagtekening
    for client, pad in clienten(bericht):
        gd = client.geboortedatum
        if gd.datum_gebruik is not None and gd.datum_gebruik.value == "3":
            continue  # datum onbekend
        try:
            grens = dagtekening.replace(year=dagtekening.year - 120)
        except ValueError:  # 29 februari
            grens = dagtekening.replace(year=dagtekening.year - 120, day=28)
        if gd.datum < grens:
            yield (
                f"{pad}/Geboortedatum/Datum",
                f"Geboortedatum {gd.datum} ligt meer dan 120 jaar voor de Dagtekening "
                f"{dagtekening} (TR002).",
                client,
            )


@regel(
    "CS318",
    berichten=("301",),
    omschrijving="NaamGebruik 6 (niet-natuurlijk persoon) niet vullen bij de Client.",
)
def cs318_naamgebruik_6_niet_voor_client(bericht) -> Iterator[Bevinding]:
    client = bericht.client
    if client.naam.naam_gebruik.value == "6":
        yield (
            "/Bericht/Client/Naam/NaamGebruik",
            "NaamGebruik 6 (niet-natuurlijk persoon) is niet toegestaan voor een cliënt (CS318).",
            client,
        )


@regel(
    "CS058",
    berichten=("305", "307"),
    omschrijving="StatusAanlevering 1 (eerste aanlevering) of 3 (verwijderen) vullen.",
)
def cs058_status_aanlevering_1_of_3(bericht) -> Iterator[Bevinding]:
    if bericht.bericht == "305":
        items, naam = bericht.client.start_producten, "StartProducten/StartProduct"
    else:
        items, naam = bericht.client.stop_producten, "StopProducten/StopProduct"
    for i, p in enumerate(items, 1):
        if p.status_aanlevering.value not in ("1", "3"):
            yield (
                f"/Bericht/Client/{naam}[{i}]/StatusAanlevering",
                f"StatusAanlevering {p.status_aanlevering.value} "
                f"({p.status_aanlevering.omschrijving}) is niet toegestaan; "
                "alleen 1 of 3 (CS058).",
                p,
            )


@regel(
    "TR006",
    berichten=("301",),
    omschrijving="Een Contact bevat een Telefoon en/of de combinatie Huis en Postcode.",
)
def tr006_contact_telefoon_of_huis_en_postcode(bericht) -> Iterator[Bevinding]:
    for contact, pad in contacten(bericht.client, "/Bericht/Client"):
        adres = contact.adres
        huis_en_postcode = adres is not None and adres.huis is not None and adres.postcode
        if contact.telefoon is None and not huis_en_postcode:
            yield (
                pad,
                "Contact heeft geen Telefoon en ook geen Huis met Postcode (TR006).",
                contact,
            )


@regel(
    "TR061",
    berichten=("301",),
    omschrijving="Bij een Client minimaal één Adres met Soort 01, 02 of 03.",
)
def tr061_client_heeft_brp_correspondentie_of_verblijfadres(bericht) -> Iterator[Bevinding]:
    client = bericht.client
    if not any(
        c.soort.value in ("01", "02", "03") and c.adres is not None for c in client.contactgegevens
    ):
        yield (
            "/Bericht/Client/Contactgegevens",
            "De cliënt heeft geen adres van soort 01 (BRP), 02 (correspondentie) of 03 "
            "(verblijf) (TR061).",
            client,
        )


_POSTCODE_NL = re.compile(r"[1-9][0-9]{3}[a-zA-Z]{2}")


@regel(
    "CS089",
    berichten=("301",),
    omschrijving="Bij LandCode NL moet de Postcode een Nederlandse postcode zijn.",
)
def cs089_nederlandse_postcode(bericht) -> Iterator[Bevinding]:
    for contact, pad in contacten(bericht.client, "/Bericht/Client"):
        adres = contact.adres
        if adres is None or adres.postcode is None or adres.land_code is None:
            continue
        if adres.land_code.value == "NL" and not _POSTCODE_NL.fullmatch(adres.postcode):
            yield (
                f"{pad}/Adres/Postcode",
                f"Postcode '{adres.postcode}' is geen Nederlandse postcode (1234AB) (CS089).",
                contact,
            )


@regel(
    "CS003",
    berichten=("301", "307", "315", "317"),
    omschrijving="Einddatum groter dan of gelijk aan de Begindatum/Ingangsdatum.",
)
def cs003_einddatum_niet_voor_begindatum(bericht) -> Iterator[Bevinding]:
    for p in productregels(bericht):
        if p.eind is not None and p.begin is not None and p.eind < p.begin:
            yield (
                f"{p.pad}/{p.eind_el}",
                f"{p.eind_el} {p.eind} ligt voor {p.begin_el} {p.begin} (CS003).",
                p.obj,
            )
    if bericht.bericht == "307":
        for i, s in enumerate(bericht.client.stop_producten, 1):
            if s.einddatum < s.begindatum:
                yield (
                    f"/Bericht/Client/StopProducten/StopProduct[{i}]/Einddatum",
                    f"Einddatum {s.einddatum} ligt voor Begindatum {s.begindatum} (CS003).",
                    s,
                )
    if bericht.bericht == "301":
        for contact, pad in contacten(bericht.client, "/Bericht/Client"):
            per = contact.periode
            if per is None or per.einddatum is None or per.begindatum is None:
                continue
            if per.einddatum < per.begindatum:
                yield (
                    f"{pad}/Periode/Einddatum",
                    f"Einddatum {per.einddatum} ligt voor Begindatum {per.begindatum} (CS003).",
                    contact,
                )
