import json
from dataclasses import asdict

from django.core.management.base import BaseCommand

from klantreis.termijnen.signalen import rapport, signaleer_verlopen


class Command(BaseCommand):
    help = (
        "Termijnen per gemeente, route en soort: open, verlopen, gehaald, te laat "
        "(termijnen rapport), of meld verlopen termijnen aan de eigenaar (termijnen signaleer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("actie", choices=["rapport", "signaleer"])
        parser.add_argument("--gemeente", help="CBS-code")
        parser.add_argument("--json", action="store_true", dest="als_json")

    def handle(self, *args, actie, gemeente, als_json: bool, **options):
        if actie == "signaleer":
            self.stdout.write(f"{signaleer_verlopen()} verlopen termijn(en) gemeld.")
            return
        regels = rapport(gemeente)
        if als_json:
            data = [{**asdict(r), "percentage_op_tijd": r.percentage_op_tijd} for r in regels]
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        self.stdout.write(
            f"{'gemeente':<18} {'route':<38} {'termijn':<52} open verl. op tijd te laat"
        )
        for r in regels:
            self.stdout.write(
                f"{r.gemeente:<18} {r.route:<38} {r.termijn[:52]:<52} {r.open:>4} {r.verlopen:>5} "
                f"{r.gehaald:>7} {r.te_laat:>7}"
            )
