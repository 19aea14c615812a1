"""``klantreis tweestaps sleutel|hersleutel``: the keys of the second factor's secrets
(accounts/geheimen.py, decision 0011; KLANTREIS_TWEESTAPS_SLEUTELS in docs/configuration.md)."""

from django.core.management.base import BaseCommand, CommandError

from klantreis.accounts import geheimen, tweestaps


class Command(BaseCommand):
    help = (
        "Sleutels van tweestapsverificatie: 'sleutel' maakt een nieuwe sleutel voor "
        "KLANTREIS_TWEESTAPS_SLEUTELS, 'hersleutel' versleutelt alle app-sleutels opnieuw "
        "met de eerste sleutel."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="opdracht", required=True)
        sub.add_parser("sleutel", help="Print een nieuwe Fernet-sleutel.")
        sub.add_parser(
            "hersleutel",
            help="Versleutel de sleutels van alle apps met de eerste sleutel (na het "
            "vooraan toevoegen van een nieuwe sleutel).",
        )

    def handle(self, *args, opdracht, **options):
        if opdracht == "sleutel":
            self.stdout.write(geheimen.nieuwe_fernet_sleutel())
            return
        try:
            uitslag = tweestaps.hersleutel()
        except geheimen.OnbekendeSleutel as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{uitslag.apps} app-sleutel(s) opnieuw versleuteld met de eerste sleutel."
        )
        if uitslag.reservecodes_oud:
            self.stdout.write(
                f"{uitslag.reservecodes_oud} gebruiker(s) hebben nog reservecodes onder een "
                "oudere sleutel: die sleutel moet in de lijst blijven tot zij nieuwe codes "
                "hebben (of hun tweestaps is hersteld)."
            )
        else:
            self.stdout.write("Alle reservecodes gebruiken de eerste sleutel.")
