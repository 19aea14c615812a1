import json

from django.core.management.base import BaseCommand, CommandError

from klantreis.routes import graph
from klantreis.routes.loader import RouteFout
from klantreis.routes.models import RouteVersie
from klantreis.routes.services import laad_routes


class Command(BaseCommand):
    help = (
        "Toont de routes (routes [--json]), laadt de routebestanden (routes laden) of tekent "
        "een route (routes graph ID [--formaat mermaid|dot])."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "actie", nargs="?", choices=["lijst", "laden", "graph"], default="lijst"
        )
        parser.add_argument("route_id", nargs="?")
        parser.add_argument("--json", action="store_true", dest="als_json", help="Als JSON.")
        parser.add_argument("--formaat", choices=["mermaid", "dot"], default="mermaid")
        parser.add_argument("--versie", type=int, help="Bij graph: een bepaalde versie.")

    def handle(self, *args, actie, route_id, als_json: bool, formaat, versie, **options):
        try:
            versies = laad_routes()
        except RouteFout as exc:
            raise CommandError(str(exc)) from exc
        if actie == "laden":
            self.stdout.write(f"{len(versies)} routeversies geladen.")
            return
        if actie == "graph":
            self._graph(route_id, formaat, versie)
            return
        self._lijst(versies, as_json=als_json)

    def _lijst(self, versies, *, as_json: bool):
        if as_json:
            data = [
                {
                    "id": rv.route_id,
                    "naam": rv.naam,
                    "gemeenten": rv.gemeenten,
                    "versie": rv.versie,
                    "ingangsdatum": rv.ingangsdatum.isoformat(),
                    "basis": rv.basis_route_id or None,
                    "wetten": rv.wetten,
                    "stappen": [
                        {
                            "id": stap.id,
                            "naam": stap.naam,
                            "rol": stap.rol,
                            "optioneel": stap.optioneel,
                            "documenten": list(stap.documenten),
                            "akkoorden": [{"document": d, "rol": r} for d, r in stap.akkoorden],
                            "bericht": stap.bericht,
                            "overgangen": [
                                {"naar": o.naar, "soort": o.soort, "label": o.label}
                                for o in rv.route.overgangen(stap.id)
                            ],
                        }
                        for stap in rv.route.stappen
                    ],
                }
                for rv in sorted(versies, key=lambda rv: (rv.route_id, rv.versie))
            ]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        for rv in sorted(versies, key=lambda rv: (rv.route_id, rv.versie)):
            self.stdout.write(
                f"{rv.route_id}  v{rv.versie}  vanaf {rv.ingangsdatum}  "
                f"{len(rv.route.stappen)} stappen  gemeenten {', '.join(rv.gemeenten)}  — {rv.naam}"
            )

    def _graph(self, route_id, formaat, versie):
        if not route_id:
            raise CommandError("Geef de id van de route: klantreis routes graph ROUTE_ID")
        qs = RouteVersie.objects.filter(route_id=route_id)
        if versie is not None:
            qs = qs.filter(versie=versie)
        rv = qs.order_by("-versie").first()
        if rv is None:
            bekend = ", ".join(sorted(set(RouteVersie.objects.values_list("route_id", flat=True))))
            raise CommandError(f"Onbekende route {route_id!r}. Bekend: {bekend}.")
        tekenaar = graph.mermaid if formaat == "mermaid" else graph.dot
        self.stdout.write(tekenaar(rv.route), ending="")
