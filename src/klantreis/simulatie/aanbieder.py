"""A provider's side of the chain, in plain Python: it reads its 301s (and the gemeente's
retours and answers) from a transport, answers with 302/320, and sends 305, 307, 315 and 317
built with the same codec the gemeente uses. Used by the simulation and by the tests."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from klantreis import istandaarden as ist
from klantreis.berichten.transports import Transport, Uitgaand
from klantreis.istandaarden import codes, modellen


@dataclass(frozen=True)
class Persoon:
    """What a provider knows of a client to fill a VerkorteNaam-client (305/307/315)."""

    bsn: str
    geboortedatum: dt.date
    geslacht: str
    achternaam: str
    voorvoegsel: str | None = None
    voorletters: str | None = None

    @classmethod
    def uit_301(cls, client: modellen.Client301) -> Persoon:
        return cls(
            bsn=client.bsn,
            geboortedatum=client.geboortedatum.datum,
            geslacht=client.geslacht.value,
            achternaam=client.naam.geslachtsnaam.achternaam,
            voorvoegsel=client.naam.geslachtsnaam.voorvoegsel,
            voorletters=client.naam.voorletters,
        )

    def naam(self) -> modellen.VerkorteNaam:
        return modellen.VerkorteNaam(
            geslachtsnaam=modellen.Achternaam(
                achternaam=self.achternaam, voorvoegsel=self.voorvoegsel
            ),
            voorletters=self.voorletters,
        )

    def geboorte(self) -> modellen.Geboortedatum:
        return modellen.Geboortedatum(datum=self.geboortedatum)


@dataclass(frozen=True)
class Aanvraag:
    """One AangevraagdProduct of a 315."""

    referentie: str
    categorie: str
    code: str | None
    ingangsdatum: dt.date
    einddatum: dt.date | None
    volume: int
    eenheid: str
    frequentie: str
    verwijzer: str = "02"  # huisarts
    verwijzer_naam: str = "Huisartsenpraktijk De Linde"


@dataclass
class Ontvangst:
    berichtcode: str
    message: object
    geldig: bool


def bouw_305(standaard, header, persoon: Persoon, starts) -> modellen.Bericht305:
    """``starts``: (toewijzingnummer, begindatum, status) per StartProduct."""
    return modellen.Bericht305(
        standaard=standaard,
        header=header,
        client=modellen.Client305(
            bsn=persoon.bsn,
            geboortedatum=persoon.geboorte(),
            geslacht=codes.Geslacht(persoon.geslacht),
            naam=persoon.naam(),
            start_producten=tuple(
                modellen.StartProduct305(
                    toewijzing_nummer=nummer,
                    begindatum=begin,
                    status_aanlevering=codes.StatusAanlevering(status),
                )
                for nummer, begin, status in starts
            ),
        ),
    )


def bouw_307(standaard, header, persoon: Persoon, stops) -> modellen.Bericht307:
    """``stops``: (toewijzingnummer, begindatum, einddatum, reden, status) per StopProduct."""
    reden_enum = (
        codes.WmoRedenBeeindiging if standaard is ist.Standaard.IWMO else codes.JwRedenBeeindiging
    )
    return modellen.Bericht307(
        standaard=standaard,
        header=header,
        client=modellen.Client307(
            bsn=persoon.bsn,
            geboortedatum=persoon.geboorte(),
            geslacht=codes.Geslacht(persoon.geslacht),
            naam=persoon.naam(),
            stop_producten=tuple(
                modellen.StopProduct307(
                    toewijzing_nummer=nummer,
                    begindatum=begin,
                    einddatum=eind,
                    reden_beeindiging=reden_enum(reden),
                    status_aanlevering=codes.StatusAanlevering(status),
                )
                for nummer, begin, eind, reden, status in stops
            ),
        ),
    )


def bouw_315(standaard, header, persoon: Persoon, aanvragen: list[Aanvraag]) -> modellen.Bericht315:
    categorie_enum = (
        codes.WmoProductCategorie if standaard is ist.Standaard.IWMO else codes.JwProductCategorie
    )
    return modellen.Bericht315(
        standaard=standaard,
        header=header,
        client=modellen.Client315(
            bsn=persoon.bsn,
            geboortedatum=persoon.geboorte(),
            geslacht=codes.Geslacht(persoon.geslacht),
            naam=persoon.naam(),
            aangevraagde_producten=tuple(
                modellen.AangevraagdProduct315(
                    referentie_aanbieder=a.referentie,
                    product=modellen.Product(categorie=categorie_enum(a.categorie), code=a.code),
                    toewijzing_ingangsdatum=a.ingangsdatum,
                    toewijzing_einddatum=a.einddatum,
                    omvang=modellen.Omvang(
                        volume=a.volume,
                        eenheid=codes.Eenheid(a.eenheid),
                        frequentie=codes.Frequentie(a.frequentie),
                    ),
                    verwijzer=modellen.Verwijzer(
                        type=codes.TypeVerwijzer(a.verwijzer), naam=a.verwijzer_naam or None
                    ),
                )
                for a in aanvragen
            ),
        ),
    )


def bouw_317(
    standaard,
    header,
    bsn: str,
    referentie: str,
    *,
    ongewijzigd=(),
    te_wijzigen=(),
    nieuw=(),
    reden: str = "2",
) -> modellen.Bericht317:
    """``te_wijzigen``: (nummer, gewenste ingangsdatum, einddatum, volume, eenheid, frequentie);
    ``nieuw``: (categorie, code, ingangsdatum, einddatum, volume, eenheid, frequentie)."""
    categorie_enum = (
        codes.WmoProductCategorie if standaard is ist.Standaard.IWMO else codes.JwProductCategorie
    )

    def omvang(volume, eenheid, frequentie):
        return modellen.Omvang(
            volume=volume, eenheid=codes.Eenheid(eenheid), frequentie=codes.Frequentie(frequentie)
        )

    return modellen.Bericht317(
        standaard=standaard,
        header=header,
        client=modellen.Client317(
            bsn=bsn,
            verzoek=modellen.Verzoek317(
                referentie_aanbieder=referentie,
                reden_verzoek=codes.RedenVerzoek(reden),
                ongewijzigde_producten=tuple(
                    modellen.OngewijzigdProduct317(toewijzing_nummer=n) for n in ongewijzigd
                ),
                te_wijzigen_producten=tuple(
                    modellen.TeWijzigenProduct317(
                        toewijzing_nummer=n,
                        gewenste_ingangsdatum=begin,
                        einddatum=eind,
                        omvang=omvang(v, e, f),
                    )
                    for n, begin, eind, v, e, f in te_wijzigen
                ),
                nieuwe_producten=tuple(
                    modellen.NieuwProduct317(
                        product=modellen.Product(categorie=categorie_enum(c), code=code),
                        gewenste_ingangsdatum=begin,
                        einddatum=eind,
                        omvang=omvang(v, e, f),
                    )
                    for c, code, begin, eind, v, e, f in nieuw
                ),
            ),
        ),
    )


def weiger_301(
    bericht301: modellen.Bericht301,
    weigeren: dict[int, str],
    *,
    identificatie: str,
    dagtekening: dt.date,
) -> modellen.Bericht302:
    """A 302 in which the provider refuses our 301: ``weigeren`` maps a ToewijzingNummer to the
    retourcode it puts on that ToegewezenProduct (the others get 0200, OP065); a code under
    key 0 goes in the header. Built like every retour, by ``build_retour``."""
    fouten = []
    for product in bericht301.client.toegewezen_producten:
        if product.toewijzing_nummer in weigeren:
            code = weigeren[product.toewijzing_nummer]
            fouten.append(
                ist.Fout(
                    regel="AANBIEDER",
                    retourcode=code,
                    pad="/Bericht/Client/ToegewezenProducten/ToegewezenProduct",
                    melding="Geweigerd door de aanbieder",
                    klasse=product,
                )
            )
    if 0 in weigeren:
        fouten.append(ist.Fout("AANBIEDER", weigeren[0], "/Bericht/Header", "Geweigerd"))
    resultaat = ist.CheckResult(
        bericht301.standaard, "301", False, ist.Niveau.HISTORIE, tuple(fouten), bericht301
    )
    return ist.build_retour(
        bericht301, resultaat, identificatie=identificatie, dagtekening=dagtekening
    )


@dataclass
class SimAanbieder:
    """A provider on the chain: what it received, and the messages it sends."""

    agb: str
    transport: Transport
    vandaag: dt.date = field(default_factory=dt.date.today)
    generator: ist.IdentificatieGenerator = field(
        default_factory=lambda: ist.GeheugenIdentificatieGenerator(prefix="A")
    )
    ontvangen: list[Ontvangst] = field(default_factory=list)
    toewijzingen: dict[tuple[str, int], tuple] = field(default_factory=dict)
    verzonden: list[tuple[str, str]] = field(default_factory=list)  # (berichtcode, bestand)
    #: ToewijzingNummer → retourcode: the next 301 naming it is refused (``weiger_301``)
    weigeren: dict[int, str] = field(default_factory=dict)

    def _header(self, standaard, code: str, gemeente: str):
        return ist.nieuwe_header(
            standaard,
            code,
            afzender=self.agb,
            ontvanger=gemeente,
            dagtekening=self.vandaag,
            identificatie=self.generator,
        )

    def _stuur(self, message) -> str:
        data = ist.write(message)
        header = message.header
        functie = f"{message.standaard.prefix}{message.bericht}"
        retour = message.bericht in set(ist.RETOUR_VAN.values())
        # a retour copies the heen's header unchanged (IV028): it goes back to its Afzender
        ontvanger = header.afzender if retour else header.ontvanger
        ident = (
            header.identificatie_retour if retour else header.bericht_identificatie.identificatie
        )
        naam = f"{functie}_{self.agb}_{ident}.xml"
        self.transport.verzend(
            Uitgaand(
                inhoud=data,
                bestandsnaam=naam,
                functie=functie,
                afzender=self.agb,
                ontvanger=ontvanger,
                identificatie=ident,
            )
        )
        self.verzonden.append((message.bericht, naam))
        return naam

    def verwerk_inbox(self) -> list[Ontvangst]:
        """Reads every waiting message; a 301 is recorded and answered with a 302, a 319 with
        a 320 (header-only when valid, per the codec's check)."""
        nieuw = []
        for item in self.transport.haal_op():
            resultaat = ist.check(item.inhoud)
            ontvangst = Ontvangst(resultaat.bericht, resultaat.message, resultaat.geldig)
            if resultaat.message is not None and resultaat.bericht in ("301", "319"):
                if resultaat.bericht == "301" and resultaat.geldig:
                    self._leg_301_vast(resultaat.message)
                weigering = {
                    p.toewijzing_nummer: self.weigeren.pop(p.toewijzing_nummer)
                    for p in getattr(resultaat.message.client, "toegewezen_producten", ())
                    if resultaat.bericht == "301" and p.toewijzing_nummer in self.weigeren
                }
                if weigering:
                    self._stuur(
                        weiger_301(
                            resultaat.message,
                            weigering,
                            identificatie=self.generator.volgende(
                                self.agb, resultaat.message.standaard, "302"
                            ),
                            dagtekening=self.vandaag,
                        )
                    )
                    self.transport.bevestig(item)
                    self.ontvangen.append(ontvangst)
                    nieuw.append(ontvangst)
                    continue
                retour = ist.build_retour(
                    resultaat.message,
                    resultaat,
                    identificatie=self.generator.volgende(
                        self.agb, resultaat.message.standaard, ist.RETOUR_VAN[resultaat.bericht]
                    ),
                    dagtekening=self.vandaag,
                )
                self._stuur(retour)
            self.transport.bevestig(item)
            self.ontvangen.append(ontvangst)
            nieuw.append(ontvangst)
        return nieuw

    def _leg_301_vast(self, bericht: modellen.Bericht301) -> None:
        persoon = Persoon.uit_301(bericht.client)
        for product in bericht.client.toegewezen_producten:
            self.toewijzingen[(bericht.header.afzender, product.toewijzing_nummer)] = (
                bericht.standaard,
                persoon,
                product,
            )

    def start(self, gemeente: str, nummer: int, begindatum: dt.date, status: str = "1") -> str:
        standaard, persoon, _ = self.toewijzingen[(gemeente, nummer)]
        return self._stuur(
            bouw_305(
                standaard,
                self._header(standaard, "305", gemeente),
                persoon,
                [(nummer, begindatum, status)],
            )
        )

    def stop(
        self,
        gemeente: str,
        nummer: int,
        begindatum: dt.date,
        einddatum: dt.date,
        reden: str,
        status: str = "1",
    ) -> str:
        standaard, persoon, _ = self.toewijzingen[(gemeente, nummer)]
        return self._stuur(
            bouw_307(
                standaard,
                self._header(standaard, "307", gemeente),
                persoon,
                [(nummer, begindatum, einddatum, reden, status)],
            )
        )

    def verzoek_om_toewijzing(
        self, gemeente: str, standaard, persoon: Persoon, aanvragen: list[Aanvraag]
    ) -> str:
        return self._stuur(
            bouw_315(standaard, self._header(standaard, "315", gemeente), persoon, aanvragen)
        )

    def verzoek_om_wijziging(
        self, gemeente: str, standaard, bsn: str, referentie: str, **kw
    ) -> str:
        return self._stuur(
            bouw_317(standaard, self._header(standaard, "317", gemeente), bsn, referentie, **kw)
        )
