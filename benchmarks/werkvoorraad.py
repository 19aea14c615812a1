"""Benchmark: the werkvoorraad (``portal.werkvoorraad.werkvoorraad``) of one consulent, one
back-office clerk and one provider's employee when the gemeente has N active trajects.

A fresh database (a temporary SQLite file, or PostgreSQL with ``--postgres URL``: a database
``klantreis_bench_werkvoorraad`` is (re)created on that server) gets Heusden with its route
(loaded by migrate), one aanbieder, N clients and N active trajects on the Heusden
stappenplan, spread evenly over its steps, all owned by the consulent and assigned to the
aanbieder, each with one open termijn (half of them overdue). Then each user's werkvoorraad
is built ``--herhaal`` times; the fastest run counts (the machine is shared).

    .venv/bin/python benchmarks/werkvoorraad.py [--trajecten N] [--postgres URL]

Prints one JSON line: trajecten, seconden (the three roles together), queries, and per role
its seconden, queries and items, and pagina_seconden: the whole start page as served (view,
template, audit row) for that user.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

BENCH_DB = "klantreis_bench_werkvoorraad"
ROUTE = "heusden-stappenplan"


def database(postgres: str | None, tmp: Path) -> None:
    if postgres is None:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        return
    import psycopg

    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")
    u = urlparse(postgres)
    os.environ["DATABASE_URL"] = u._replace(path=f"/{BENCH_DB}").geturl()


def wereld(n: int, vandaag: dt.date):
    from django.utils import timezone

    from klantreis.accounts.models import Rol, Roltoewijzing, User
    from klantreis.clients.models import Client
    from klantreis.demo.bsn import test_bsns
    from klantreis.organisaties.models import Aanbieder, Gemeente
    from klantreis.routes.models import RouteVersie, Traject
    from klantreis.termijnen.models import Termijn

    gemeente, _ = Gemeente.objects.get_or_create(code="0797", defaults={"naam": "Heusden"})
    aanbieder = Aanbieder.objects.create(agb_code="65656066", naam="Zorg Benchmark")
    gebruikers = {}
    for rol in (Rol.TOEGANG, Rol.BACKOFFICE, Rol.AANBIEDER):
        user = User.objects.create_user(username=f"bench-{rol}", password="x")
        Roltoewijzing.objects.create(
            user=user,
            rol=rol,
            gemeente=gemeente,
            aanbieder=aanbieder if rol == Rol.AANBIEDER else None,
        )
        gebruikers[rol] = user
    rv = RouteVersie.objects.filter(route_id=ROUTE).order_by("-versie").first()
    stappen = [s.id for s in rv.route.stappen]
    bsns = test_bsns(100_000_000)
    clients = Client.objects.bulk_create(
        [
            Client(
                bsn=next(bsns),
                achternaam=f"Client {i}",
                geboortedatum=dt.date(1950, 1, 1),
                gemeente=gemeente,
                wet="wmo",
            )
            for i in range(n)
        ],
        batch_size=2000,
    )
    nu = timezone.now()
    Traject.objects.bulk_create(
        [
            Traject(
                client=c,
                gemeente=gemeente,
                route_versie=rv,
                wet="wmo",
                huidige_stap=stappen[i % len(stappen)],
                eigenaar=gebruikers[Rol.TOEGANG],
                aanbieder=aanbieder,
                gestart_op=nu,
            )
            for i, c in enumerate(clients)
        ],
        batch_size=2000,
    )
    trajecten = list(Traject.objects.values_list("pk", flat=True))
    Termijn.objects.bulk_create(
        [
            Termijn(
                traject_id=pk,
                sleutel="bench",
                naam="Termijn",
                duur="10 werkdagen",
                startdatum=vandaag - dt.timedelta(days=10),
                einddatum=vandaag + dt.timedelta(days=(-3 if i % 2 else 5)),
                oorspronkelijke_einddatum=vandaag,
            )
            for i, pk in enumerate(trajecten)
        ],
        batch_size=2000,
    )
    return gebruikers


def meet(user, vandaag, herhaal: int) -> dict:
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from klantreis.portal.werkvoorraad import werkvoorraad

    beste, queries, items = None, 0, 0
    for _ in range(herhaal):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            uitkomst = werkvoorraad(user, vandaag)
            seconden = time.perf_counter() - t0
        if beste is None or seconden < beste:
            beste = seconden
        queries, items = len(ctx.captured_queries), len(uitkomst)
    return {
        "seconden": round(beste, 3),
        "queries": queries,
        "items": items,
        "pagina_seconden": round(pagina(user, herhaal), 3),
    }


def pagina(user, herhaal: int) -> float:
    """The whole start page (the view, the template, the audit row), fastest of ``herhaal``."""
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    beste = None
    for _ in range(herhaal):
        t0 = time.perf_counter()
        response = client.get("/")
        seconden = time.perf_counter() - t0
        assert response.status_code == 200, response.status_code
        beste = seconden if beste is None else min(beste, seconden)
    return beste


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--trajecten", type=int, default=10_000)
    ap.add_argument("--herhaal", type=int, default=3)
    ap.add_argument("--postgres", help="PostgreSQL URL of a server to create the database on")
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench-werkvoorraad-"))
    try:
        database(args.postgres, tmp)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.settings.dev")
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.utils import timezone

        settings.DEBUG = False
        call_command("migrate", verbosity=0)
        vandaag = timezone.localdate()
        gebruikers = wereld(args.trajecten, vandaag)
        per_rol = {str(rol): meet(user, vandaag, args.herhaal) for rol, user in gebruikers.items()}
        print(
            json.dumps(
                {
                    "trajecten": args.trajecten,
                    "seconden": round(sum(r["seconden"] for r in per_rol.values()), 3),
                    "queries": sum(r["queries"] for r in per_rol.values()),
                    "per_rol": per_rol,
                    "database": "postgresql" if args.postgres else "sqlite",
                }
            )
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
