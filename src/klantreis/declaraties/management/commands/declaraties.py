import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from klantreis.declaraties import betaalopdracht as bo
from klantreis.declaraties.bestanden import csv_bestand, xlsx_bestand
from klantreis.declaraties.betaling import betaalbestand
from klantreis.declaraties.models import Betaalopdracht
from klantreis.declaraties.sepa import pain001
from klantreis.organisaties.models import Gemeente

FORMATEN = ["csv", "xlsx", "pain001"]


def bestand(opdracht: Betaalopdracht, formaat: str) -> bytes:
    """The file of a payment run in ``formaat``; the same lines in each."""
    if formaat == "pain001":
        return pain001(opdracht)
    regels = bo.regels_van(opdracht.prestaties.all())
    if formaat == "xlsx":
        return xlsx_bestand(regels, kenmerk=opdracht.kenmerk, titel=str(opdracht))
    return csv_bestand(regels, opdracht.kenmerk).encode()


class Command(BaseCommand):
    help = (
        "Declaraties: betaalbestand (voorbeeld in CSV, of --markeer-betaald), betaalopdracht "
        "(maakt een betaalrun en schrijft CSV, XLSX of SEPA pain.001), bestand (opnieuw "
        "downloaden), bevestig en intrekken."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "actie", choices=["betaalbestand", "betaalopdracht", "bestand", "bevestig", "intrekken"]
        )
        parser.add_argument("--periode", help="JJJJ-MM: prestaties tot en met deze maand")
        parser.add_argument("--gemeente", help="CBS-code; bij betaalbestand standaard alle")
        parser.add_argument("--opdracht", help="Kenmerk van de betaalopdracht")
        parser.add_argument("--formaat", choices=FORMATEN, default="csv")
        parser.add_argument("--uitvoer", help="Bestand; standaard de terminal (alleen csv)")
        parser.add_argument(
            "--uitvoerdatum", help="JJJJ-MM-DD; standaard de volgende werkdag (SEPA ReqdExctnDt)"
        )
        parser.add_argument(
            "--markeer-betaald",
            action="store_true",
            help="betaalbestand: neem de regels op in een betaalopdracht en bevestig die direct.",
        )

    def handle(self, *args, **o):
        actie = o["actie"]
        if o["formaat"] == "xlsx" and not o.get("uitvoer"):
            raise CommandError("Geef --uitvoer BESTAND.xlsx: een werkmap is geen tekst.")
        if actie == "betaalbestand":
            periode = self._periode(o, verplicht=True)
            gemeente = self._gemeente(o) if o.get("gemeente") else None
            self._schrijf(
                betaalbestand(periode, gemeente=gemeente, markeer=o["markeer_betaald"]).encode(),
                o,
            )
        elif actie == "betaalopdracht":
            gemeente = self._gemeente(o, verplicht=True)
            uitvoerdatum = None
            if o.get("uitvoerdatum"):
                try:
                    uitvoerdatum = dt.date.fromisoformat(o["uitvoerdatum"])
                except ValueError as exc:
                    raise CommandError("Uitvoerdatum moet de vorm JJJJ-MM-DD hebben.") from exc
            opdracht = bo.maak_betaalopdracht(
                gemeente, tot_en_met=self._periode(o), uitvoerdatum=uitvoerdatum
            )
            if opdracht is None:
                raise CommandError(f"Niets te betalen voor {gemeente}.")
            self.stderr.write(
                f"Betaalopdracht {opdracht.kenmerk}: {opdracht.aantal} prestaties, "
                f"€ {opdracht.totaal / 100:.2f}."
            )
            self._schrijf(self._bestand(opdracht, o["formaat"]), o)
        else:
            opdracht = Betaalopdracht.objects.filter(kenmerk=o.get("opdracht") or "").first()
            if opdracht is None:
                raise CommandError("Onbekende betaalopdracht; geef --opdracht KENMERK.")
            try:
                if actie == "bestand":
                    self._schrijf(self._bestand(opdracht, o["formaat"]), o)
                elif actie == "bevestig":
                    bo.bevestig(opdracht)
                    self.stdout.write(f"{opdracht.kenmerk}: betaald ({opdracht.aantal} regels).")
                else:
                    n = bo.trek_in(opdracht)
                    self.stdout.write(f"{opdracht.kenmerk}: ingetrokken, {n} regels te betalen.")
            except bo.BetaalFout as exc:
                raise CommandError(str(exc)) from exc

    def _bestand(self, opdracht, formaat: str) -> bytes:
        try:
            return bestand(opdracht, formaat)
        except bo.BetaalFout as exc:
            raise CommandError(
                f"{exc} De betaalopdracht {opdracht.kenmerk} staat klaar; vul de gegevens aan "
                "en download opnieuw (actie bestand), of trek hem in."
            ) from exc

    def _periode(self, o, verplicht: bool = False) -> dt.date | None:
        if not o.get("periode"):
            if verplicht:
                raise CommandError("Geef --periode JJJJ-MM.")
            return None
        try:
            return dt.datetime.strptime(o["periode"], "%Y-%m").date()
        except ValueError as exc:
            raise CommandError("Periode moet de vorm JJJJ-MM hebben.") from exc

    def _gemeente(self, o, verplicht: bool = False):
        if not o.get("gemeente"):
            if verplicht:
                raise CommandError("Geef --gemeente CODE.")
            return None
        gemeente = Gemeente.objects.filter(code=o["gemeente"]).first()
        if gemeente is None:
            raise CommandError(f"Onbekende gemeente {o['gemeente']}.")
        return gemeente

    def _schrijf(self, data: bytes, o) -> None:
        if o.get("uitvoer"):
            with open(o["uitvoer"], "wb") as f:
                f.write(data)
            self.stderr.write(f"Geschreven: {o['uitvoer']} ({len(data)} bytes).")
        else:
            self.stdout.write(data.decode(), ending="")
