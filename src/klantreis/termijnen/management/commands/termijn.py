"""``klantreis termijn``: de einddatum van een termijn op de Atw-kalender, met uitleg.

    klantreis termijn --vanaf 2026-04-30 --duur "5 werkdagen" [--terug] [--zonder-atw] [--json]

Zonder ``--json``: de einddatum (ISO) op de eerste regel, daarna de uitleg, één zin per regel.
Met ``--json``: ``{"einddatum": "YYYY-MM-DD", "uitleg": [...]}``. Geen database nodig.
"""

import json
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from klantreis.termijnen.kalender import Duur, bereken


def _datum(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst.strip())
    except ValueError:
        raise CommandError(
            f'Ongeldige datum "{tekst}": gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2026-04-30.'
        ) from None


class Command(BaseCommand):
    help = (
        "Berekent de einddatum van een termijn op de kalender van de Algemene termijnenwet "
        "en legt elke stap uit."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--vanaf",
            help="Datum van de gebeurtenis (JJJJ-MM-DD); de telling begint de dag erna. "
            "Standaard: vandaag.",
        )
        parser.add_argument(
            "--duur",
            required=True,
            help='Lengte van de termijn, bijvoorbeeld "5 werkdagen", "2 dagen", "4 weken" '
            'of "3 maanden".',
        )
        parser.add_argument(
            "--terug",
            action="store_true",
            help="Terugrekenen vanaf --vanaf (bijvoorbeeld 8 weken vóór het einde van de "
            "beschikking); de Atw verschuift dan niets (art. 1 lid 2).",
        )
        parser.add_argument(
            "--zonder-atw",
            action="store_true",
            help="Tel gewone kalenderdagen, zonder Atw art. 1 en 2 (bijvoorbeeld een "
            "contractuele termijn).",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help='Uitvoer als JSON: {"einddatum": "JJJJ-MM-DD", "uitleg": [...]}.',
        )

    def handle(self, *args, **options):
        vanaf = _datum(options["vanaf"]) if options["vanaf"] else timezone.localdate()
        try:
            duur = Duur.parse(options["duur"])
            berekening = bereken(
                vanaf, duur, terugrekenen=options["terug"], atw=not options["zonder_atw"]
            )
        except (ValueError, OverflowError) as fout:
            raise CommandError(str(fout)) from None
        if options["json"]:
            self.stdout.write(json.dumps(berekening.als_dict(), ensure_ascii=False))
            return
        self.stdout.write(berekening.einddatum.isoformat())
        for zin in berekening.uitleg:
            self.stdout.write(zin)
