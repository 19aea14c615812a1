"""Benchmark: the declaratie screens (issue 5 point 5) over N prestaties — the overview per
provider and period with the reasons for rejection, a provider's periods, one period's
clients, one client's prestaties, and the payment-run page — rendered through Django's test
client as a back-office user, so the time includes the permission rule, the SQL aggregates
and the template.

A fresh database holds one gemeente, 20 providers, 12 DeclaratiePeriodes and N prestaties
(4 per client; 10 % rejected with one of five retourcodes; of the approved ones a mix of
te_betalen, aangehouden, in_bestand and betaald), written with ``bulk_create`` (this measures
the screens, not the 323 intake: ``declaratie_323.py`` does that).

    .venv/bin/python benchmarks/declaratie_schermen.py [--prestaties N]
        [--postgres postgres://postgres@127.0.0.1:5432/test]

Prints one JSON line: prestaties, per page the median of 3 requests in seconds, and the time
to make one payment run over every payable line and to write its SEPA and XLSX files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

GEMEENTE = "0797"
BENCH_DB = "klantreis_bench_schermen"
CODES = [["9338"], ["0611"], ["9389"], ["8017"], ["9307", "9308"]]


def database(postgres: str | None, tmp: Path) -> None:
    if not postgres:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        return
    import psycopg

    u = urlparse(postgres)
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB}")
        conn.execute(f"CREATE DATABASE {BENCH_DB}")
    os.environ["DATABASE_URL"] = u._replace(path=f"/{BENCH_DB}").geturl()


def vul(n: int):
    from klantreis.accounts.models import Rol, Roltoewijzing, User
    from klantreis.berichten.models import Bericht
    from klantreis.declaraties.models import Betaalopdracht, Declaratie, Prestatie
    from klantreis.organisaties.models import Aanbieder, Gemeente

    g = Gemeente.objects.create(code=GEMEENTE, naam="Heusden")
    aanbieders = [
        Aanbieder.objects.create(agb_code=f"{41000000 + i:08d}", naam=f"Aanbieder {i:02d}")
        for i in range(20)
    ]
    bericht = Bericht.objects.create(
        richting="in", berichtcode="323", inhoud=b"<x/>", sha256="0" * 64, status="verwerkt"
    )
    opdracht = Betaalopdracht.objects.create(
        gemeente=g, kenmerk="KR-BENCH-1", uitvoerdatum=dt.date.today()
    )
    maanden = [dt.date(2025, m, 1) for m in range(1, 13)]
    declaraties = {
        (a.pk, m): Declaratie.objects.create(
            gemeente=g,
            aanbieder=a,
            wet="wmo",
            nummer=f"D{a.pk}-{m:%m}",
            periode_begin=m,
            periode_eind=m.replace(day=28),
            dagtekening=m,
            totaal_ingediend=0,
            bericht=bericht,
        )
        for a in aanbieders
        for m in maanden
    }
    rijen = []
    for i in range(n):
        a = aanbieders[(i // 4) % len(aanbieders)]
        m = maanden[(i // 80) % len(maanden)]
        goed = i % 10 != 0
        status = ["te_betalen", "aangehouden", "in_bestand", "betaald"][i % 4] if goed else ""
        rijen.append(
            Prestatie(
                declaratie=declaraties[(a.pk, m)],
                aanbieder=a,
                wet="wmo",
                bsn=f"{100000000 + i // 4:09d}",
                toewijzing_nummer=i // 4,
                referentienummer=f"R{i}",
                categorie="02",
                code="02A01",
                periode_begin=m,
                periode_eind=m.replace(day=28),
                volume=1 + i % 8,
                eenheid="04",
                tarief=6150,
                bedrag=(1 + i % 8) * 6150,
                goedgekeurd=goed,
                retourcodes=[] if goed else CODES[(i // 10) % len(CODES)],
                betaalstatus=status,
                betaalopdracht=opdracht if status in ("in_bestand", "betaald") else None,
            )
        )
    Prestatie.objects.bulk_create(rijen, batch_size=5000)
    user = User.objects.create(username="backoffice")
    Roltoewijzing.objects.create(user=user, rol=Rol.BACKOFFICE, gemeente=g)
    return user, aanbieders[0], opdracht, Prestatie.objects.filter(aanbieder=aanbieders[0]).first()


def meet(client, url: str, params: dict | None = None) -> float:
    tijden = []
    for _ in range(3):
        t0 = time.perf_counter()
        response = client.get(url, params or {})
        tijden.append(time.perf_counter() - t0)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code}")
    return round(statistics.median(tijden), 3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prestaties", type=int, default=100_000)
    ap.add_argument("--postgres", help="PostgreSQL URL of a server to create the database on")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="benchschermen-"))
    database(args.postgres, tmp)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.settings.dev")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    setup_test_environment()
    call_command("migrate", verbosity=0)
    user, aanbieder, opdracht, prestatie = vul(args.prestaties)
    client = Client()
    client.force_login(user)
    periode = "2025-01"
    bsn = prestatie.bsn
    uitslag = {
        "prestaties": args.prestaties,
        "database": "postgresql" if args.postgres else "sqlite",
        "overzicht_s": meet(client, reverse("portal:declaraties")),
        "overzicht_gefilterd_s": meet(
            client, reverse("portal:declaraties"), {"van": "2025-06", "tot": "2025-09"}
        ),
        "aanbieder_periodes_s": meet(
            client, reverse("portal:declaraties_aanbieder", args=[aanbieder.pk])
        ),
        "periode_clienten_s": meet(
            client,
            reverse("portal:declaraties_aanbieder", args=[aanbieder.pk]),
            {"periode": periode},
        ),
        "client_prestaties_s": meet(
            client,
            reverse("portal:declaraties_aanbieder", args=[aanbieder.pk]),
            {"periode": periode, "bsn": bsn},
        ),
        "prestatie_s": meet(client, reverse("portal:prestatie", args=[prestatie.pk])),
        "betaalopdracht_s": meet(client, reverse("portal:betaalopdracht", args=[opdracht.pk])),
        "betaalopdrachten_s": meet(client, reverse("portal:betaalopdrachten")),
    }
    # a payment run over every payable line (a quarter of the approved ones), and its files
    from klantreis.declaraties import betaalopdracht as bo
    from klantreis.declaraties.bestanden import xlsx_bestand
    from klantreis.declaraties.models import Prestatie
    from klantreis.organisaties.models import Aanbieder, Gemeente

    g = Gemeente.objects.get(code=GEMEENTE)
    g.iban = "NL91ABNA0417164300"
    g.save()
    Aanbieder.objects.update(iban="NL44RABO0123456789")
    te_betalen = Prestatie.objects.filter(betaalstatus="te_betalen").count()
    t0 = time.perf_counter()
    nieuw = bo.maak_betaalopdracht(g)
    uitslag["betaalopdracht_maken_s"] = round(time.perf_counter() - t0, 3)
    assert nieuw.aantal == te_betalen, (nieuw.aantal, te_betalen)
    uitslag["betaalopdracht_regels"] = nieuw.aantal
    from klantreis.declaraties.sepa import pain001

    t0 = time.perf_counter()
    pain001(nieuw)
    uitslag["pain001_s"] = round(time.perf_counter() - t0, 3)
    t0 = time.perf_counter()
    xlsx_bestand(bo.regels_van(nieuw.prestaties.all()), kenmerk=nieuw.kenmerk)
    uitslag["xlsx_s"] = round(time.perf_counter() - t0, 3)
    print(json.dumps(uitslag))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
