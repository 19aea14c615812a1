"""``klantreis simulatie --route ROUTE_ID --berichten DIR [--json]``: one complete traject of
a route on a fresh demo tenant (its own temporary SQLite database, so the real one is not
touched), with a simulated provider, through the directory transport."""

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

VLAG = "KLANTREIS_SIMULATIE_TENANT"


class Command(BaseCommand):
    help = "Simuleert een volledig traject van een route met een gesimuleerde aanbieder."

    def add_arguments(self, parser):
        parser.add_argument("--route", required=True, help="Route-id, zie klantreis routes")
        parser.add_argument(
            "--berichten", required=True, help="Map voor de uitgewisselde berichten"
        )
        parser.add_argument("--json", action="store_true", dest="als_json")

    def handle(self, *args, route, berichten, als_json, **options):
        uitvoer = Path(berichten).resolve()
        if os.environ.get(VLAG) != "1":
            return self._in_verse_tenant(route, uitvoer, als_json)
        from klantreis.demo.simulatie import simuleer

        werkmap = Path(os.environ["KLANTREIS_SIMULATIE_WERKMAP"])
        call_command("migrate", verbosity=0, interactive=False)
        try:
            verslag = simuleer(route, uitvoer, werkmap)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if als_json:
            data = asdict(verslag)
            data.pop("regels")
            self.stdout.write(json.dumps(data, ensure_ascii=False))
        else:
            for regel in verslag.regels:
                self.stdout.write(regel)

    def _in_verse_tenant(self, route, uitvoer: Path, als_json: bool):
        with tempfile.TemporaryDirectory(prefix="klantreis-simulatie-") as tmp:
            env = {
                **os.environ,
                VLAG: "1",
                "DATABASE_URL": f"sqlite:///{Path(tmp) / 'tenant.sqlite3'}",
                "KLANTREIS_SIMULATIE_WERKMAP": str(Path(tmp) / "berichten"),
                "DJANGO_SETTINGS_MODULE": "klantreis.settings.dev",
            }
            argv = [
                sys.executable,
                "-m",
                "klantreis.cli",
                "simulatie",
                "--route",
                route,
                "--berichten",
                str(uitvoer),
            ] + (["--json"] if als_json else [])
            resultaat = subprocess.run(argv, env=env, capture_output=True, text=True)
        self.stdout.write(resultaat.stdout, ending="")
        if resultaat.returncode != 0:
            raise CommandError(
                resultaat.stderr.strip().splitlines()[-1]
                if resultaat.stderr
                else f"Simulatie mislukt (exit {resultaat.returncode})."
            )
