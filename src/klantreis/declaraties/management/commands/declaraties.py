import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from klantreis.declaraties.betaling import betaalbestand
from klantreis.organisaties.models import Gemeente


class Command(BaseCommand):
    help = "Declaraties: het betaalbestand (CSV) van de goedgekeurde prestaties van een maand."

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["betaalbestand"])
        parser.add_argument("--periode", required=True, help="JJJJ-MM")
        parser.add_argument("--gemeente", help="CBS-code; standaard alle gemeenten")
        parser.add_argument(
            "--markeer-betaald", action="store_true", help="Zet de regels op betaald."
        )

    def handle(self, *args, **options):
        try:
            periode = dt.datetime.strptime(options["periode"], "%Y-%m").date()
        except ValueError as exc:
            raise CommandError("Periode moet de vorm JJJJ-MM hebben.") from exc
        gemeente = None
        if options.get("gemeente"):
            gemeente = Gemeente.objects.filter(code=options["gemeente"]).first()
            if gemeente is None:
                raise CommandError(f"Onbekende gemeente {options['gemeente']}.")
        self.stdout.write(
            betaalbestand(periode, gemeente=gemeente, markeer=options["markeer_betaald"]),
            ending="",
        )
