"""``klantreis traject``: the route engine from the command line, acting as a named user
(so every transition is recorded with who did it, as in the web app)."""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from klantreis.accounts.models import Rol, User
from klantreis.clients.models import Client
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.routes import engine
from klantreis.routes.models import Traject

ACTIES = {
    "verder": "Stap afronden en verder (met --naar een vertakking)",
    "overslaan": "Een optionele stap overslaan",
    "terug": "Terug naar een doorlopen stap (regie)",
    "opschorten": "Opschorten (regie)",
    "hervatten": "Hervatten (regie)",
    "afsluiten": "Afsluiten (regie)",
    "aanbieder": "Aanbieder kiezen (--agb)",
}


class Command(BaseCommand):
    help = "Trajecten bekijken en verzetten met de route-engine."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="actie", required=True)
        lijst = sub.add_parser("lijst", help="Trajecten, met huidige stap en eerstvolgende termijn")
        lijst.add_argument("--gemeente", help="CBS-code")
        lijst.add_argument("--json", action="store_true")
        toon = sub.add_parser("toon", help="Eén traject: stappen, termijnen, geschiedenis")
        toon.add_argument("id", type=int)
        toon.add_argument("--json", action="store_true")
        start = sub.add_parser("start", help="Een traject starten")
        start.add_argument("--bsn", required=True)
        start.add_argument("--route", required=True)
        start.add_argument("--gemeente", help="CBS-code; standaard de gemeente van de cliënt")
        self._actor_args(start)
        for naam, hulp in ACTIES.items():
            p = sub.add_parser(naam, help=hulp)
            p.add_argument("id", type=int)
            self._actor_args(p)
            p.add_argument("--reden", default="")
            if naam in ("verder", "terug"):
                p.add_argument("--naar")
            if naam == "aanbieder":
                p.add_argument("--agb", required=True)

    @staticmethod
    def _actor_args(parser):
        parser.add_argument("--gebruiker", required=True, help="Gebruikersnaam van wie handelt")
        parser.add_argument("--rol", required=True, choices=Rol.values)

    def handle(self, *args, actie, **opts):
        try:
            if actie == "lijst":
                return self._lijst(opts)
            if actie == "toon":
                return self._toon(self._traject(opts["id"]), opts["json"])
            door = self._gebruiker(opts["gebruiker"])
            rol = opts["rol"]
            if actie == "start":
                traject = self._start(door, rol, opts)
            else:
                traject = self._traject(opts["id"])
                self._voer_uit(actie, traject, door, rol, opts)
        except engine.EngineError as exc:
            raise CommandError(exc.melding) from exc
        self.stdout.write(
            f"Traject {traject.pk}: {traject.get_status_display().lower()}, "
            f"stap {traject.huidige_stap} ({traject.stap.naam})."
        )

    def _voer_uit(self, actie, traject, door, rol, opts):
        reden = opts["reden"]
        if actie == "verder":
            engine.advance(traject, door=door, rol=rol, naar=opts["naar"], reden=reden)
        elif actie == "overslaan":
            engine.skip(traject, door=door, rol=rol, reden=reden)
        elif actie == "terug":
            if not opts["naar"]:
                raise CommandError("Geef met --naar de stap waarnaar het traject terug moet.")
            engine.return_to(traject, naar=opts["naar"], door=door, rol=rol, reden=reden)
        elif actie == "opschorten":
            engine.suspend(traject, door=door, rol=rol, reden=reden)
        elif actie == "hervatten":
            engine.resume(traject, door=door, rol=rol, reden=reden)
        elif actie == "afsluiten":
            engine.close(traject, door=door, rol=rol, reden=reden)
        elif actie == "aanbieder":
            aanbieder = Aanbieder.objects.filter(agb_code=opts["agb"]).first()
            if aanbieder is None:
                raise CommandError(f"Onbekende AGB-code {opts['agb']}.")
            engine.kies_aanbieder(traject, aanbieder, door=door, rol=rol, reden=reden)

    def _start(self, door, rol, opts):
        client = Client.objects.filter(bsn=opts["bsn"]).first()
        if client is None:
            raise CommandError(f"Geen cliënt met BSN {opts['bsn']}.")
        gemeente = client.gemeente
        if opts["gemeente"]:
            gemeente = Gemeente.objects.filter(code=opts["gemeente"]).first()
            if gemeente is None:
                raise CommandError(f"Onbekende gemeentecode {opts['gemeente']}.")
        return engine.start_traject(
            client=client, gemeente=gemeente, route_id=opts["route"], door=door, rol=rol
        )

    @staticmethod
    def _gebruiker(username):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Onbekende gebruiker {username!r}.")
        return user

    @staticmethod
    def _traject(pk):
        traject = (
            Traject.objects.select_related("client", "gemeente", "route_versie")
            .filter(pk=pk)
            .first()
        )
        if traject is None:
            raise CommandError(f"Traject {pk} bestaat niet.")
        return traject

    def _lijst(self, opts):
        qs = Traject.objects.select_related("client", "gemeente", "route_versie")
        if opts["gemeente"]:
            qs = qs.filter(gemeente__code=opts["gemeente"])
        rijen = []
        for traject in qs.order_by("pk"):
            termijn = traject.termijnen.lopend().order_by("einddatum").first()
            rijen.append(
                {
                    "id": traject.pk,
                    "client": traject.client.naam,
                    "gemeente": traject.gemeente.code,
                    "route": traject.route_versie.route_id,
                    "versie": traject.route_versie.versie,
                    "stap": traject.huidige_stap,
                    "status": traject.status,
                    "volgende_termijn": termijn.einddatum.isoformat() if termijn else None,
                    "verlopen": bool(termijn and termijn.einddatum < timezone.localdate()),
                }
            )
        if opts["json"]:
            self.stdout.write(json.dumps(rijen, ensure_ascii=False))
            return
        for r in rijen:
            let_op = "  VERLOPEN" if r["verlopen"] else ""
            self.stdout.write(
                f"{r['id']:>5}  {r['gemeente']}  {r['route']:<38} stap {r['stap']:<12} "
                f"{r['status']:<10} {r['volgende_termijn'] or '-':<10}{let_op}  {r['client']}"
            )

    def _toon(self, traject, as_json):
        data = {
            "id": traject.pk,
            "client": {"naam": traject.client.naam, "bsn": traject.client.bsn},
            "gemeente": traject.gemeente.code,
            "route": traject.route_versie.route_id,
            "versie": traject.route_versie.versie,
            "status": traject.status,
            "huidige_stap": traject.huidige_stap,
            "ontbreekt": engine.ontbrekend(traject, traject.stap),
            "termijnen": [
                {
                    "naam": t.naam,
                    "startdatum": t.startdatum.isoformat(),
                    "einddatum": t.einddatum.isoformat(),
                    "status": t.status,
                    "uitleg": t.uitleg,
                }
                for t in traject.termijnen.all()
            ],
            "geschiedenis": [
                {
                    "op": g.op.isoformat(),
                    "soort": g.soort,
                    "van": g.van_stap,
                    "naar": g.naar_stap,
                    "door": g.door.username if g.door else None,
                    "rol": g.rol,
                    "reden": g.reden,
                }
                for g in traject.gebeurtenissen.select_related("door")
            ],
        }
        if as_json:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"Traject {traject.pk} — {traject.client.naam} ({traject.gemeente.naam})")
        self.stdout.write(f"Route: {traject.route_versie}")
        for stap in traject.route.stappen:
            teken = "→" if stap.id == traject.huidige_stap else " "
            self.stdout.write(f"  {teken} {stap.id:<12} {stap.naam}  [{stap.rol}]")
        if data["ontbreekt"]:
            self.stdout.write("Nog nodig: " + " ".join(data["ontbreekt"]))
        self.stdout.write("Termijnen:")
        for t in data["termijnen"]:
            self.stdout.write(f"  {t['naam']}: uiterlijk {t['einddatum']} ({t['status']})")
        self.stdout.write("Geschiedenis:")
        for g in data["geschiedenis"]:
            self.stdout.write(
                f"  {g['op'][:16]}  {g['soort']:<18} {g['van'] or '-':>6} → {g['naar'] or '-':<6} "
                f"{g['door'] or 'systeem'} ({g['rol']}) {g['reden']}"
            )
