"""Benchmark: 323 declaraties end to end — received by the exchange, checked against the
database (every history rule of ``declaraties.regels``), stored, and answered with a 325.

A demo tenant is created in a fresh database: one gemeente, one aanbieder with contracts for
100 iJw products (45A00 … 45A99), ``--per-bestand`` toewijzingen (4 per client). Then
``--prestaties`` N prestaties are written as 323 files of at most ``--per-bestand``
prestaties each (one file per month, consecutive months, each within the 25 MB of OP179),
every prestatie matching its toewijzing and contract, so all are approved. Timed: receiving
and processing every file (``berichten.services.ontvang`` → ``verwerking.verwerk`` → the 323
handler → the 325 written by the directory transport), beside
``xmllint --noout --schema jw323.xsd`` on the same files.

Database: a temporary SQLite file, or PostgreSQL when ``--postgres URL`` is given: the
database ``--bench-db`` (default ``klantreis_bench_323``) is dropped and created on that
server, so give it a name of your own when others may run the benchmark on the same server.

    .venv/bin/python benchmarks/declaratie_323.py [--prestaties N] [--per-bestand M]
        [--postgres postgres://postgres@127.0.0.1:5432/test] [--bench-db NAME]

Prints one JSON line: prestaties, seconden, prestaties_per_seconde, xmllint_seconden,
ratio_xmllint, piek_geheugen_mb (peak RSS of this process: Django, the tenant and the
processing; the files are generated in a child process).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from codec_323 import GEEN_XMLLINT, meet_xmllint

AGB = "65656055"
GEMEENTE = "0797"
BENCH_DB = "klantreis_bench_323"


_BSNS: list[str] = []


def _bsn(i: int) -> str:
    """The i-th 9-digit number from 100000000 on that passes the 11-proef (unique per i)."""
    kandidaat = 100_000_000 + (int(_BSNS[-1]) - 100_000_000 + 1 if _BSNS else 0)
    while len(_BSNS) <= i:
        body = f"{kandidaat:09d}"
        total = sum(int(c) * w for c, w in zip(body[:8], range(9, 1, -1), strict=True))
        if (total - int(body[8])) % 11 == 0:
            _BSNS.append(body)
        kandidaat += 1
    return _BSNS[i]


def tarief(k: int) -> int:
    return 1000 + (k % 7) * 250


def maanden(n: int) -> list[dt.date]:
    """``n`` consecutive months, the last one two months before this one."""
    vandaag = dt.date.today()
    uit = []
    for terug in range(n + 1, 1, -1):
        j, m = divmod(vandaag.year * 12 + vandaag.month - 1 - terug, 12)
        uit.append(dt.date(j, m + 1, 1))
    return uit


def database(postgres: str | None, tmp: Path, naam: str = BENCH_DB) -> None:
    if postgres is None:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
        return
    import psycopg
    from psycopg import sql

    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", naam):
        raise SystemExit(f"--bench-db {naam!r}: kleine letters, cijfers en _ (max. 63 tekens)")
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(naam)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(naam)))
    u = urlparse(postgres)
    os.environ["DATABASE_URL"] = u._replace(path=f"/{naam}").geturl()


def tenant(n_toewijzingen: int):
    from klantreis.clients.models import Client
    from klantreis.organisaties.models import Aanbieder, Contract, Gemeente
    from klantreis.producten.models import Product, Segment
    from klantreis.toewijzingen.models import Toewijzing

    gemeente = Gemeente.objects.create(code=GEMEENTE, naam="Heusden")
    aanbieder = Aanbieder.objects.create(agb_code=AGB, naam="Jeugdhulp Benchmark")
    segment = Segment.objects.create(code="JW-AMB", naam="Jeugdhulp ambulant", wet="jeugdwet")
    for k in range(100):
        p = Product.objects.create(
            wet="jeugdwet", segment=segment, categorie="45", code=f"45A{k:02d}",
            naam=f"Ambulant {k}", eenheid="04",
        )  # fmt: skip
        Contract.objects.create(
            aanbieder=aanbieder, gemeente=gemeente, product=p, tarief=tarief(k),
            ingangsdatum=dt.date(2023, 1, 1),
        )  # fmt: skip
    clienten = Client.objects.bulk_create(
        [
            Client(
                bsn=_bsn(c),
                achternaam=f"Client {c}",
                geboortedatum=dt.date(2012, 1, 1),
                gemeente=gemeente,
                wet="jeugdwet",
            )
            for c in range((n_toewijzingen + 3) // 4)
        ],
        batch_size=2000,
    )
    Toewijzing.objects.bulk_create(
        [
            Toewijzing(
                gemeente=gemeente,
                aanbieder=aanbieder,
                client=clienten[j // 4],
                wet="jeugdwet",
                nummer=100000 + j,
                categorie="45",
                code=f"45A{j % 100:02d}",
                toewijzingsdatum=dt.date(2024, 1, 1),
                toewijzingstijd=dt.time(9),
                ingangsdatum=dt.date(2024, 1, 1),
                volume=40,
                eenheid="04",
                frequentie="4",
            )
            for j in range(n_toewijzingen)
        ],
        batch_size=2000,
    )
    return gemeente, aanbieder


def bouw_323(n: int, maand: dt.date, ident: str):
    import calendar

    from klantreis import istandaarden as ist
    from klantreis.istandaarden import codes, modellen

    eind = maand.replace(day=calendar.monthrange(maand.year, maand.month)[1])
    periode = modellen.GeslotenPeriode(begindatum=maand, einddatum=eind)
    uur = codes.Eenheid("04")
    debet = codes.DebetCredit("D")
    cat = codes.JwProductCategorie("45")
    clienten, prestaties, totaal = [], [], 0
    for j in range(n):
        volume = 1 + j % 40
        t = tarief(j % 100)
        totaal += volume * t
        prestaties.append(
            modellen.Prestatie323(
                product_referentie=modellen.Referentie(referentie_nummer=f"R{maand:%y%m}-{j}"),
                toewijzing_nummer=100000 + j,
                product_categorie=cat,
                product_code=f"45A{j % 100:02d}",
                product_periode=periode,
                geleverd_volume=volume,
                eenheid=uur,
                product_tarief=t,
                ingediend_bedrag=modellen.BedragMetDC(bedrag=volume * t, debet_credit=debet),
            )
        )
        if len(prestaties) == 4 or j == n - 1:
            clienten.append(modellen.Client323(bsn=_bsn(j // 4), prestaties=tuple(prestaties)))
            prestaties = []
    vandaag = dt.date.today()
    header = ist.nieuwe_header(
        "ijw", "323", afzender=AGB, ontvanger=GEMEENTE, dagtekening=vandaag, identificatie=ident
    )
    return modellen.Bericht323(
        standaard=ist.Standaard.IJW,
        header=header,
        declaratie=modellen.Declaratie(
            declaratie_nummer=f"DN{ident}",
            declaratie_periode=periode,
            declaratie_dagtekening=vandaag,
            totaal_ingediend_bedrag=modellen.TotaalBedragMetDC(
                totaal_bedrag=totaal, debet_credit=debet
            ),
            clienten=tuple(clienten),
        ),
    )


def genereer(map_: Path, totaal: int, per_bestand: int) -> list[Path]:
    from klantreis import istandaarden as ist

    aantallen = []
    while sum(aantallen) < totaal:
        aantallen.append(min(per_bestand, totaal - sum(aantallen)))
    paden = []
    for i, (n, maand) in enumerate(zip(aantallen, maanden(len(aantallen)), strict=True)):
        data = ist.write(bouw_323(n, maand, f"B{i + 1}"))
        if len(data) > ist.MAX_BYTES:
            raise SystemExit(f"bestand te groot ({len(data)} bytes): verlaag --per-bestand")
        pad = map_ / f"JW323_B{i + 1}.xml"
        pad.write_bytes(data)
        paden.append(pad)
    return paden


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prestaties", type=int, default=100_000)
    ap.add_argument("--per-bestand", type=int, default=25_000)
    ap.add_argument("--postgres", help="PostgreSQL URL of a server to create the database on")
    ap.add_argument(
        "--bench-db",
        default=BENCH_DB,
        help=f"name of the database dropped and created with --postgres (default {BENCH_DB})",
    )
    args = ap.parse_args(argv)

    tmp = Path(tempfile.mkdtemp(prefix="bench323-"))
    try:
        database(args.postgres, tmp, args.bench_db)
        os.environ["KLANTREIS_BERICHTEN_MAP"] = str(tmp / "berichten")
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "klantreis.settings.dev")
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        settings.DEBUG = False  # no query log
        # The files are written by a child process, so that the peak memory below is the
        # processing's (with Django, the migrations and the tenant), not the generator's.
        (tmp / "in").mkdir()
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as pool:
            paden = pool.submit(genereer, tmp / "in", args.prestaties, args.per_bestand).result()
        call_command("migrate", verbosity=0)
        from klantreis.berichten.models import Bericht
        from klantreis.berichten.services import ontvang
        from klantreis.declaraties.models import Declaratie, Prestatie

        tenant(min(args.per_bestand, args.prestaties))

        t0 = time.perf_counter()
        for pad in paden:
            ontvang(pad.read_bytes(), transport="directory", bestandsnaam=pad.name,
                    eigenaar=GEMEENTE)  # fmt: skip
        seconden = time.perf_counter() - t0

        goed = Prestatie.objects.filter(goedgekeurd=True).count()
        antwoorden = Bericht.objects.filter(berichtcode="325").count()
        if goed != args.prestaties or antwoorden != len(paden):
            fouten = list(Bericht.objects.values_list("status", "laatste_fout", "fouten")[:3])
            raise SystemExit(
                f"niet alles verwerkt: {goed} goedgekeurd, {antwoorden} 325's; {fouten}"
            )
        assert Declaratie.objects.count() == len(paden)
        x = meet_xmllint(paden)
        piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            json.dumps(
                {
                    "prestaties": args.prestaties,
                    "seconden": round(seconden, 3),
                    "prestaties_per_seconde": round(args.prestaties / seconden),
                    "xmllint_seconden": None if x is None else round(x, 3),
                    "ratio_xmllint": None if x is None else round(seconden / x, 2),
                    "piek_geheugen_mb": round(piek),
                    "database": "postgresql" if args.postgres else "sqlite",
                    "bestanden": len(paden),
                }
                | ({"opmerking": GEEN_XMLLINT} if x is None else {})
            )
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
