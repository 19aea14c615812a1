from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from klantreis.demo.laden import WACHTWOORD, laad_demo, verlopen_termijnen
from klantreis.routes.models import Traject


class Command(BaseCommand):
    help = "Laadt de demodata (Heusden en de acht Achterhoekse gemeenten). Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--ook-in-productie",
            action="store_true",
            help="Ook laden als DEBUG uit staat (nooit in een echte productieomgeving).",
        )

    def handle(self, *args, ook_in_productie: bool, **options):
        if not settings.DEBUG and not ook_in_productie:
            raise CommandError(
                "Demodata laden kan alleen met DEBUG aan (of met --ook-in-productie): de demo "
                "maakt gebruikers met een bekend wachtwoord."
            )
        resultaat = laad_demo()
        if resultaat.nieuw:
            self.stdout.write(f"Demodata geladen: {resultaat.trajecten} trajecten.")
        else:
            self.stdout.write(
                f"Demodata was al geladen ({Traject.objects.count()} trajecten); niets toegevoegd."
            )
        self.stdout.write(f"Verlopen termijnen in de demo: {verlopen_termijnen()}.")
        self.stdout.write(f"\nGebruikers (wachtwoord voor allen: {WACHTWOORD}):")
        for username, omschrijving in resultaat.gebruikers:
            self.stdout.write(f"  {username:40} {omschrijving}")
