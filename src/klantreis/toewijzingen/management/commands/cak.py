from django.core.management.base import BaseCommand

from klantreis.toewijzingen.cak import exporteer


class Command(BaseCommand):
    help = "Levert de nog niet geleverde CAK-meldingen (start en stop eigen bijdrage) af."

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["exporteer"])

    def handle(self, *args, **options):
        waar = exporteer()
        self.stdout.write(
            f"CAK-meldingen geleverd: {waar}" if waar else "Geen nieuwe CAK-meldingen."
        )
