"""``klantreis bericht controleer|retour|toon``: the iStandaarden codec on the command line."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from klantreis import istandaarden as ist
from klantreis.istandaarden.schema import NAMEN
from klantreis.istandaarden.tonen import samenvatting


class Command(BaseCommand):
    help = (
        "Controleer iWmo/iJw 3.2-berichten, maak het retourbericht of toon een samenvatting. "
        "Exitstatus: 0 alles geldig, 1 een bestand ongeldig, 2 verkeerd gebruik."
    )
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True, title="acties")
        c = sub.add_parser("controleer", help="controleer een of meer berichten")
        c.add_argument("bestanden", nargs="+", metavar="BESTAND")
        c.add_argument("--json", action="store_true", help="één JSON-object per regel")
        r = sub.add_parser("retour", help="druk het retourbericht (302…320 of 325) af")
        r.add_argument("bestand", metavar="BESTAND")
        r.add_argument("--identificatie", default=None, help="IdentificatieRetour (standaard: 1)")
        r.add_argument("--dagtekening", default=None, help="JJJJ-MM-DD (standaard: vandaag)")
        t = sub.add_parser("toon", help="druk een leesbare samenvatting af")
        t.add_argument("bestand", metavar="BESTAND")

    def handle(self, *args, **opts) -> None:
        actie = opts["actie"]
        if actie == "controleer":
            code = self._controleer(opts["bestanden"], opts["json"])
        elif actie == "retour":
            code = self._retour(opts["bestand"], opts["identificatie"], opts["dagtekening"])
        else:
            code = self._toon(opts["bestand"])
        if code:
            sys.exit(code)

    # --------------------------------------------------------------------------------------

    @staticmethod
    def _lees(bestand: str) -> bytes:
        pad = Path(bestand)
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {bestand}", returncode=2)
        with pad.open("rb") as fh:
            # never read more than one byte over the 25 MB limit (OP179)
            return fh.read(ist.MAX_BYTES + 1)

    def _controleer(self, bestanden: list[str], als_json: bool) -> int:
        alles_geldig = True
        for bestand in bestanden:
            res = ist.check(self._lees(bestand))
            alles_geldig &= res.geldig
            if als_json:
                self.stdout.write(json.dumps(res.als_dict(bestand), ensure_ascii=False))
                continue
            soort = (
                f"{res.standaard.prefix}{res.bericht} {NAMEN[res.bericht]}"
                if res.standaard and res.bericht
                else "onbekend bericht"
            )
            if res.geldig:
                self.stdout.write(f"{bestand}: geldig ({soort})")
            else:
                self.stdout.write(f"{bestand}: ONGELDIG op niveau {res.niveau} ({soort})")
                for f in res.fouten:
                    code = f" → {f.retourcode}" if f.retourcode else ""
                    self.stdout.write(f"  {f.regel}{code} {f.pad}: {f.melding}")
        return 0 if alles_geldig else 1

    def _retour(self, bestand: str, identificatie: str | None, dagtekening: str | None) -> int:
        data = self._lees(bestand)
        res = ist.check(data)
        if res.message is None:
            self.stderr.write(
                f"{bestand}: geen retourbericht; het bericht is ongeldig op niveau {res.niveau} "
                "en krijgt een transportfout."
            )
            for f in res.fouten:
                self.stderr.write(f"  {f.regel} {f.pad}: {f.melding}")
            return 1
        if res.message.bericht not in ist.RETOUR_VAN:
            raise CommandError(f"{bestand} is zelf een retourbericht.", returncode=2)
        try:
            dag = datetime.date.fromisoformat(dagtekening) if dagtekening else datetime.date.today()
        except ValueError:
            raise CommandError(f"Ongeldige dagtekening: {dagtekening}", returncode=2) from None
        if identificatie is None:
            gen = ist.GeheugenIdentificatieGenerator()
            identificatie = gen.volgende(
                res.message.header.ontvanger, res.message.standaard, res.message.bericht
            )
        retour = ist.build_retour(res.message, res, identificatie=identificatie, dagtekening=dag)
        self.stdout.write(ist.write(retour).decode("utf-8"), ending="")
        return 0

    def _toon(self, bestand: str) -> int:
        try:
            msg = ist.read(self._lees(bestand))
        except ist.CodecError as exc:
            self.stderr.write(f"{bestand}: {exc.melding}")
            for f in exc.fouten[:20]:
                self.stderr.write(f"  {f.regel} {f.pad}: {f.melding}")
            return 1
        self.stdout.write(samenvatting(msg), ending="")
        return 0
