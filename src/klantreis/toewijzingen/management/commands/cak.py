from django.core.management.base import BaseCommand

from klantreis.toewijzingen.cak import exporteer_per_gemeente


class Command(BaseCommand):
    help = (
        "Levert de nog niet geleverde CAK-meldingen (start en stop eigen bijdrage) af, één "
        "levering per gemeente."
    )

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["exporteer"])

    def handle(self, *args, **options):
        geleverd = exporteer_per_gemeente()
        for waar in geleverd:
            self.stdout.write(f"CAK-meldingen geleverd: {waar}")
        if not geleverd:
            self.stdout.write("Geen nieuwe CAK-meldingen.")
