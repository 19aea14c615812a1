"""``klantreis api token GEBRUIKER``: prints the user's API token, creating it when needed."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = "API-beheer: 'token GEBRUIKER' toont (en maakt zo nodig) het API-token."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="opdracht", required=True)
        token = sub.add_parser("token", help="Toon het API-token van een gebruiker.")
        token.add_argument("gebruiker", help="Gebruikersnaam.")
        token.add_argument(
            "--vernieuw", action="store_true", help="Trek het oude token in en maak een nieuw."
        )

    def handle(self, *args, opdracht, gebruiker, vernieuw=False, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=gebruiker)
        except User.DoesNotExist as exc:
            raise CommandError(f"Gebruiker {gebruiker!r} bestaat niet.") from exc
        if not user.is_active:
            raise CommandError(f"Gebruiker {gebruiker!r} is niet actief.")
        if vernieuw:
            Token.objects.filter(user=user).delete()
        token, _ = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
