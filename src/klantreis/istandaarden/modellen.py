# ruff: noqa: E501
"""GEGENEREERD door ``python -m klantreis.istandaarden._genereer`` uit ``xsd/``: niet bewerken. Berichtklassen."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import ClassVar

from klantreis.istandaarden.code import Standaard
from klantreis.istandaarden.codes import (
    AanduidingWoonadres,
    AdresSoort,
    Communicatievorm,
    DatumGebruik,
    DebetCredit,
    Eenheid,
    Frequentie,
    Geslacht,
    JaNee,
    JuridischeStatus,
    LandCode,
    NaamGebruik,
    ProductCategorie,
    RedenAfwijzingVerzoek,
    RedenBeeindiging,
    RedenVerzoek,
    RedenWijziging,
    RetourCode,
    SoortRelatie,
    StatusAanlevering,
    TypeVerwijzer,
    VerzoekAntwoord,
    WettelijkeVertegenwoordiging,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Achternaam:
    """De achternaam van een natuurlijk persoon, aangeduid als Naam met Voorvoegsel."""

    achternaam: str
    voorvoegsel: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Adres:
    """Gegevens voor de aanduiding van een adres."""

    huis: Huis | None = None
    postcode: str | None = None
    straatnaam: str | None = None
    plaatsnaam: str | None = None
    land_code: LandCode | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BedragMetDC:
    """Samengesteld bedrag met DebetCredit indicatie."""

    bedrag: int
    debet_credit: DebetCredit


@dataclass(frozen=True, slots=True, kw_only=True)
class BerichtIdentificatie:
    """Naam of nummer en dagtekening ter identificatie van een totale aanlevering."""

    identificatie: str
    dagtekening: datetime.date


@dataclass(frozen=True, slots=True, kw_only=True)
class Communicatie:
    """Aanduiding over bijzondere vorm van communicatie die gebruikt dient te worden."""

    vorm: Communicatievorm
    taal: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Geboortedatum:
    """Datum waarop een natuurlijk persoon geboren is."""

    datum: datetime.date
    datum_gebruik: DatumGebruik | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class GeslotenPeriode:
    """Tijdsperiode met zowel begin- als einddatum"""

    begindatum: datetime.date
    einddatum: datetime.date


@dataclass(frozen=True, slots=True, kw_only=True)
class Huis:
    """Aanduiding van een specifiek huis in een straat, onderdeel van het adres."""

    huisnummer: int
    huisletter: str | None = None
    huisnummer_toevoeging: str | None = None
    aanduiding_woonadres: AanduidingWoonadres | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Omvang:
    """Aanduiding van de omvang van de te leveren of geleverde ondersteuning, uitgedrukt in
    Volume, Eenheid en Frequentie.
    """

    volume: int
    eenheid: Eenheid
    frequentie: Frequentie


@dataclass(frozen=True, slots=True, kw_only=True)
class OpenPeriode:
    """Aanduiding van een tijdsperiode met een Begindatum en/of een Einddatum."""

    begindatum: datetime.date | None = None
    einddatum: datetime.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Product:
    """Gecodeerde omschrijving van een product, dienst of resultaat ten behoeve van het leveren
    van ondersteuning aan een client. Product wordt uitgedrukt in een categorie en eventueel
    nader gespecificeerd met een specifieke productcode.
    """

    categorie: ProductCategorie
    code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Referentie:
    """Referentie."""

    referentie_nummer: str
    vorig_referentie_nummer: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Telefoon:
    """Het telefoonnummer waarop de client of relatie van de client te bereiken is."""

    telefoonnummer: str
    landnummer: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Telefoonnummers:
    """De telefoonnummers waarop de client of relatie van de client te bereiken is."""

    telefoon01: Telefoon
    telefoon02: Telefoon | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TotaalBedragMetDC:
    """Samengesteld totaal bedrag met DebetCredit indicatie."""

    totaal_bedrag: int
    debet_credit: DebetCredit


@dataclass(frozen=True, slots=True, kw_only=True)
class VerkorteNaam:
    """De naam van een natuurlijk persoon, aangeduid als Geslachtsnaam en eventueel Voornamen
    en/of Voorletters.
    """

    geslachtsnaam: Achternaam
    voornamen: str | None = None
    voorletters: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Verwijzer:
    """Gegevens over de persoon of instantie die een client heeft doorverwezen naar
    ondersteuning, aangeduid als Type en Naam of ZorgverlenerCode.
    """

    type: TypeVerwijzer
    naam: str | None = None
    zorgverlener_code: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class VolledigeNaam:
    """Volledige naam van een natuurlijk persoon, aangeduid als Geslachtsnaam, eventueel
    Partnernaam, Voornamen en/of Voorletters en NaamGebruik.
    """

    geslachtsnaam: Achternaam
    partnernaam: Achternaam | None = None
    voornamen: str | None = None
    voorletters: str | None = None
    naam_gebruik: NaamGebruik


@dataclass(frozen=True, slots=True, kw_only=True)
class XsdVersie:
    """XsdVersie."""

    basisschema_xsd_versie: str
    bericht_xsd_versie: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht301:
    """Bericht voor de toewijzing van Wmo-ondersteuning aan een aanbieder."""

    bericht: ClassVar[str] = "301"
    standaard: Standaard
    header: Header301
    client: Client301


@dataclass(frozen=True, slots=True, kw_only=True)
class Header301:
    """Header301."""

    # XML type Header in bericht 301, 305, 307, 315, 317, 319, 323
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie


@dataclass(frozen=True, slots=True, kw_only=True)
class Client301:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 301
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VolledigeNaam
    communicatie: Communicatie | None = None
    juridische_status: JuridischeStatus | None = None
    wettelijke_vertegenwoordiging: WettelijkeVertegenwoordiging | None = None
    commentaar: str | None = None
    relaties: tuple[Relatie301, ...] = ()
    contactgegevens: tuple[Contact301, ...] = ()
    toegewezen_producten: tuple[ToegewezenProduct301, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact301:
    """Gegevens voor de aanduiding van het adres van de client of relatie."""

    # XML type Contact in bericht 301
    soort: AdresSoort
    adres: Adres | None = None
    organisatie: str | None = None
    telefoon: Telefoonnummers | None = None
    emailadres: str | None = None
    periode: OpenPeriode | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Relatie301:
    """Persoonsgegevens van de relatie van de client."""

    # XML type Relatie in bericht 301
    nummer: str
    volgorde: int | None = None
    soort: SoortRelatie
    geboortedatum: Geboortedatum | None = None
    geslacht: Geslacht | None = None
    naam: VolledigeNaam
    contact: Contact301


@dataclass(frozen=True, slots=True, kw_only=True)
class ToegewezenProduct301:
    """Gegevens over een product dat de gemeente toewijst aan een aanbieder."""

    # XML type ToegewezenProduct in bericht 301
    toewijzing_nummer: int
    referentie_aanbieder: str | None = None
    product: Product | None = None
    toewijzingsdatum: datetime.date
    toewijzingstijd: datetime.time
    ingangsdatum: datetime.date
    einddatum: datetime.date | None = None
    reden_wijziging: RedenWijziging | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    commentaar: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht302:
    """Bericht voor de toewijzing van Wmo-ondersteuning aan een aanbieder."""

    bericht: ClassVar[str] = "302"
    standaard: Standaard
    header: Header302
    client: Client302 | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Header302:
    """Header302."""

    # XML type Header in bericht 302, 306, 308, 316, 318, 320
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie
    identificatie_retour: str
    dagtekening_retour: datetime.date
    xslt_versie: str | None = None
    xsd_versie_retour: XsdVersie
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Client302:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 302
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VolledigeNaam
    communicatie: Communicatie | None = None
    juridische_status: JuridischeStatus | None = None
    wettelijke_vertegenwoordiging: WettelijkeVertegenwoordiging | None = None
    commentaar: str | None = None
    relaties: tuple[Relatie302, ...] = ()
    contactgegevens: tuple[Contact302, ...] = ()
    toegewezen_producten: tuple[ToegewezenProduct302, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Contact302:
    """Gegevens voor de aanduiding van het adres van de client of relatie."""

    # XML type Contact in bericht 302
    soort: AdresSoort
    adres: Adres | None = None
    organisatie: str | None = None
    telefoon: Telefoonnummers | None = None
    emailadres: str | None = None
    periode: OpenPeriode | None = None
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Relatie302:
    """Persoonsgegevens van de relatie van de client."""

    # XML type Relatie in bericht 302
    nummer: str
    volgorde: int | None = None
    soort: SoortRelatie
    geboortedatum: Geboortedatum | None = None
    geslacht: Geslacht | None = None
    naam: VolledigeNaam
    contact: Contact302
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ToegewezenProduct302:
    """Gegevens over een product dat de gemeente toewijst aan een aanbieder."""

    # XML type ToegewezenProduct in bericht 302
    toewijzing_nummer: int
    referentie_aanbieder: str | None = None
    product: Product | None = None
    toewijzingsdatum: datetime.date
    toewijzingstijd: datetime.time
    ingangsdatum: datetime.date
    einddatum: datetime.date | None = None
    reden_wijziging: RedenWijziging | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    commentaar: str | None = None
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht305:
    """Bericht voor het melden van de start van levering van Wmo-ondersteuning."""

    bericht: ClassVar[str] = "305"
    standaard: Standaard
    header: Header301
    client: Client305


@dataclass(frozen=True, slots=True, kw_only=True)
class Client305:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 305
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VerkorteNaam
    start_producten: tuple[StartProduct305, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StartProduct305:
    """Gegevens over het product waarvan de levering gestart is."""

    # XML type StartProduct in bericht 305
    toewijzing_nummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: datetime.date | None = None
    begindatum: datetime.date
    status_aanlevering: StatusAanlevering


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht306:
    """Bericht voor het melden van de start van levering van Wmo-ondersteuning."""

    bericht: ClassVar[str] = "306"
    standaard: Standaard
    header: Header302
    client: Client306 | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Client306:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 306
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VerkorteNaam
    start_producten: tuple[StartProduct306, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StartProduct306:
    """Gegevens over het product waarvan de levering gestart is."""

    # XML type StartProduct in bericht 306
    toewijzing_nummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: datetime.date | None = None
    begindatum: datetime.date
    status_aanlevering: StatusAanlevering
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht307:
    """Bericht voor het melden van de stop van levering van Wmo-ondersteuning."""

    bericht: ClassVar[str] = "307"
    standaard: Standaard
    header: Header301
    client: Client307


@dataclass(frozen=True, slots=True, kw_only=True)
class Client307:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 307
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VerkorteNaam
    stop_producten: tuple[StopProduct307, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StopProduct307:
    """Gegevens over het beeindigen van de levering van ondersteuning."""

    # XML type StopProduct in bericht 307
    toewijzing_nummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: datetime.date | None = None
    begindatum: datetime.date
    reden_beeindiging: RedenBeeindiging
    einddatum: datetime.date
    status_aanlevering: StatusAanlevering


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht308:
    """Bericht voor het melden van de stop van levering van Wmo-ondersteuning."""

    bericht: ClassVar[str] = "308"
    standaard: Standaard
    header: Header302
    client: Client308 | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Client308:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 308
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VerkorteNaam
    stop_producten: tuple[StopProduct308, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class StopProduct308:
    """Gegevens over het beeindigen van de levering van ondersteuning."""

    # XML type StopProduct in bericht 308
    toewijzing_nummer: int | None = None
    product: Product | None = None
    toewijzing_ingangsdatum: datetime.date | None = None
    begindatum: datetime.date
    reden_beeindiging: RedenBeeindiging
    einddatum: datetime.date
    status_aanlevering: StatusAanlevering
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht315:
    """Bericht voor het aanvragen van een toewijzing voor Wmo-ondersteuning."""

    bericht: ClassVar[str] = "315"
    standaard: Standaard
    header: Header301
    client: Client315


@dataclass(frozen=True, slots=True, kw_only=True)
class AangevraagdProduct315:
    """Gegevens over het product waarvoor een toewijzing wordt aangevraagd."""

    # XML type AangevraagdProduct in bericht 315
    referentie_aanbieder: str
    beschikking_nummer: int | None = None
    product: Product | None = None
    beschikking_ingangsdatum: datetime.date | None = None
    toewijzing_ingangsdatum: datetime.date
    toewijzing_einddatum: datetime.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    verwijzer: Verwijzer
    raamcontract: JaNee | None = None
    commentaar: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Client315:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 315
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VerkorteNaam
    gezagsdrager_bekend: JaNee | None = None  # alleen ijw
    commentaar: str | None = None
    aangevraagde_producten: tuple[AangevraagdProduct315, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht316:
    """Bericht voor het aanvragen van een toewijzing voor Wmo-ondersteuning."""

    bericht: ClassVar[str] = "316"
    standaard: Standaard
    header: Header302
    client: Client316 | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AangevraagdProduct316:
    """Gegevens over het product waarvoor een toewijzing wordt aangevraagd."""

    # XML type AangevraagdProduct in bericht 316
    referentie_aanbieder: str
    beschikking_nummer: int | None = None
    product: Product | None = None
    beschikking_ingangsdatum: datetime.date | None = None
    toewijzing_ingangsdatum: datetime.date
    toewijzing_einddatum: datetime.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    verwijzer: Verwijzer
    raamcontract: JaNee | None = None
    commentaar: str | None = None
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Client316:
    """Persoonsgegevens van de client."""

    # XML type Client in bericht 316
    bsn: str
    geboortedatum: Geboortedatum
    geslacht: Geslacht
    naam: VerkorteNaam
    gezagsdrager_bekend: JaNee | None = None  # alleen ijw
    commentaar: str | None = None
    aangevraagde_producten: tuple[AangevraagdProduct316, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht317:
    """Bericht voor Verzoek om wijziging Wmo-hulp."""

    bericht: ClassVar[str] = "317"
    standaard: Standaard
    header: Header301
    client: Client317


@dataclass(frozen=True, slots=True, kw_only=True)
class Client317:
    """Client317."""

    # XML type Client in bericht 317
    bsn: str
    verzoek: Verzoek317


@dataclass(frozen=True, slots=True, kw_only=True)
class NieuwProduct317:
    """Gegevens over het product waarvoor een toewijzing wordt aangevraagd."""

    # XML type NieuwProduct in bericht 317
    product: Product | None = None
    gewenste_ingangsdatum: datetime.date
    einddatum: datetime.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class OngewijzigdProduct317:
    """Gegevens over het product dat ongewijzigd voortgezet gaat worden."""

    # XML type OngewijzigdProduct in bericht 317
    toewijzing_nummer: int


@dataclass(frozen=True, slots=True, kw_only=True)
class TeWijzigenProduct317:
    """Gegevens over het product waarvoor een wijziging wordt aangevraagd."""

    # XML type TeWijzigenProduct in bericht 317
    toewijzing_nummer: int
    gewenste_ingangsdatum: datetime.date
    einddatum: datetime.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Verzoek317:
    """Verzoek317."""

    # XML type Verzoek in bericht 317
    referentie_aanbieder: str
    reden_verzoek: RedenVerzoek
    ongewijzigde_producten: tuple[OngewijzigdProduct317, ...] = ()
    te_wijzigen_producten: tuple[TeWijzigenProduct317, ...] = ()
    nieuwe_producten: tuple[NieuwProduct317, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht318:
    """Bericht voor Verzoek om wijziging Wmo-ondersteuning."""

    bericht: ClassVar[str] = "318"
    standaard: Standaard
    header: Header302
    client: Client318 | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Client318:
    """Client318."""

    # XML type Client in bericht 318
    bsn: str
    verzoek: Verzoek318
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class NieuwProduct318:
    """Gegevens over het product waarvoor een toewijzing wordt aangevraagd."""

    # XML type NieuwProduct in bericht 318
    product: Product | None = None
    gewenste_ingangsdatum: datetime.date
    einddatum: datetime.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class OngewijzigdProduct318:
    """Gegevens over het product dat ongewijzigd voortgezet gaat worden."""

    # XML type OngewijzigdProduct in bericht 318
    toewijzing_nummer: int
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TeWijzigenProduct318:
    """Gegevens over het product waarvoor een wijziging wordt aangevraagd."""

    # XML type TeWijzigenProduct in bericht 318
    toewijzing_nummer: int
    gewenste_ingangsdatum: datetime.date
    einddatum: datetime.date | None = None
    omvang: Omvang | None = None
    budget: int | None = None
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Verzoek318:
    """Verzoek318."""

    # XML type Verzoek in bericht 318
    referentie_aanbieder: str
    reden_verzoek: RedenVerzoek
    ongewijzigde_producten: tuple[OngewijzigdProduct318, ...] = ()
    te_wijzigen_producten: tuple[TeWijzigenProduct318, ...] = ()
    nieuwe_producten: tuple[NieuwProduct318, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht319:
    """Bericht voor antwoordinformatie over het Verzoek om toewijzing of Verzoek om wijziging
    Wmo-hulp.
    """

    bericht: ClassVar[str] = "319"
    standaard: Standaard
    header: Header301
    antwoord: Antwoord319


@dataclass(frozen=True, slots=True, kw_only=True)
class Antwoord319:
    """Gegevens over het antwoord dat de gemeente geeft op een verzoek van de aanbieder."""

    # XML type Antwoord in bericht 319
    referentie_aanbieder: str
    verzoek_antwoord: VerzoekAntwoord
    reden_afwijzing_verzoek: RedenAfwijzingVerzoek | None = None
    woonplaatsbeginsel: Woonplaatsbeginsel319 | None = None  # alleen ijw


@dataclass(frozen=True, slots=True, kw_only=True)
class Woonplaatsbeginsel319:
    """Woonplaatsbeginsel319."""

    # XML type Woonplaatsbeginsel in bericht 319
    gemeente: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht320:
    """Bericht voor antwoordinformatie over het Verzoek om toewijzing of Verzoek om wijziging
    Wmo-ondersteuning.
    """

    bericht: ClassVar[str] = "320"
    standaard: Standaard
    header: Header302
    antwoord: Antwoord320 | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Antwoord320:
    """Gegevens over het antwoord dat de gemeente geeft op een verzoek van de aanbieder."""

    # XML type Antwoord in bericht 320
    referentie_aanbieder: str
    verzoek_antwoord: VerzoekAntwoord
    reden_afwijzing_verzoek: RedenAfwijzingVerzoek | None = None
    woonplaatsbeginsel: Woonplaatsbeginsel320 | None = None  # alleen ijw
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Woonplaatsbeginsel320:
    """Woonplaatsbeginsel320."""

    # XML type Woonplaatsbeginsel in bericht 320
    gemeente: str
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht323:
    """Bericht voor declaratie Wmo-hulp."""

    bericht: ClassVar[str] = "323"
    standaard: Standaard
    header: Header301
    declaratie: Declaratie


@dataclass(frozen=True, slots=True, kw_only=True)
class Client323:
    """Client323."""

    # XML type Client in bericht 323
    bsn: str
    prestaties: tuple[Prestatie323, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Declaratie:
    """Gegevens over de ingediende declaratie."""

    # XML type Declaratie in bericht 323
    declaratie_nummer: str
    declaratie_periode: GeslotenPeriode
    declaratie_dagtekening: datetime.date
    totaal_ingediend_bedrag: TotaalBedragMetDC
    clienten: tuple[Client323, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Prestatie323:
    """Prestatie323."""

    # XML type Prestatie in bericht 323
    product_referentie: Referentie
    toewijzing_nummer: int
    product_categorie: ProductCategorie
    product_code: str
    product_periode: GeslotenPeriode
    geleverd_volume: int
    eenheid: Eenheid
    product_tarief: int | None = None
    ingediend_bedrag: BedragMetDC


@dataclass(frozen=True, slots=True, kw_only=True)
class Bericht325:
    """Bericht met retourinformatie voor declaratie Wmo-ondersteuning."""

    bericht: ClassVar[str] = "325"
    standaard: Standaard
    header: Header325
    declaratie_antwoord: DeclaratieAntwoord | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Header325:
    """Header325."""

    # XML type Header in bericht 325
    afzender: str
    ontvanger: str
    bericht_identificatie: BerichtIdentificatie
    xsd_versie: XsdVersie
    declaratie_identificatie: BerichtIdentificatie
    xslt_versie: str | None = None
    xsd_versie_declaratie: XsdVersie
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Client325:
    """Client325."""

    # XML type Client in bericht 325
    bsn: str
    prestaties: tuple[Prestatie325, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DeclaratieAntwoord:
    """Gegevens over het antwoord op een ingediende declaratie."""

    # XML type DeclaratieAntwoord in bericht 325
    declaratie_nummer: str
    totaal_ingediend_bedrag: TotaalBedragMetDC
    totaal_toegekend_bedrag: TotaalBedragMetDC
    clienten: tuple[Client325, ...] = ()
    retour_codes: tuple[RetourCode, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Prestatie325:
    """Prestatie325."""

    # XML type Prestatie in bericht 325
    product_referentie: Referentie
    toewijzing_nummer: int
    product_categorie: ProductCategorie
    product_code: str
    product_periode: GeslotenPeriode
    geleverd_volume: int
    eenheid: Eenheid
    product_tarief: int | None = None
    ingediend_bedrag: BedragMetDC
    retour_codes: tuple[RetourCode, ...] = ()
