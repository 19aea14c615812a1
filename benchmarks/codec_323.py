"""Benchmark: read and check generated 323 declaraties, beside ``xmllint --schema``.

    .venv/bin/python benchmarks/codec_323.py [--prestaties 100000] [--per-bestand 25000]

Generates iJw 323 files (each within the 25 MB of OP179) into a temporary directory, then
times, in the same run and on the same files:

* ``codec``: ``istandaarden.check(data)`` per file: safe parse, XSD validation, mapping to
  dataclasses and all level-2 rules (what the declaratie intake runs);
* ``codec_stroom``: ``istandaarden.iter_prestaties(data)`` (streaming, XSD-validated);
* ``xmllint``: ``xmllint --noout --schema jw323.xsd FILE...`` (parse + XSD only).

Prints one JSON line. ``xmllint`` absent is reported as such (``"xmllint": null`` and a note).
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from klantreis import istandaarden as ist
from klantreis.istandaarden import codes, modellen
from klantreis.istandaarden.schema import soort

D = datetime.date


def _bsn(i: int) -> str:
    """A 9-digit number passing the 11-proef (prefix 1 + 7 digits + check digit)."""
    while True:
        body = f"1{i % 10_000_000:07d}"
        total = sum(int(c) * w for c, w in zip(body, range(9, 1, -1), strict=True))
        check = total % 11
        if check < 10:
            return body + str(check)
        i += 1


def bouw_323(n: int, start: int, ident: str) -> modellen.Bericht323:
    """A valid iJw 323 with ``n`` prestaties: 4 per client, hours × tarief, April 2026."""
    periode = modellen.GeslotenPeriode(begindatum=D(2026, 4, 1), einddatum=D(2026, 4, 30))
    uur = codes.Eenheid("04")
    debet = codes.DebetCredit("D")
    cat = codes.JwProductCategorie("45")
    clienten = []
    prestaties = []
    totaal = 0
    for i in range(start, start + n):
        volume = 1 + i % 40
        tarief = 1000 + (i % 7) * 250
        bedrag = volume * tarief
        totaal += bedrag
        prestaties.append(
            modellen.Prestatie323(
                product_referentie=modellen.Referentie(referentie_nummer=f"R{i}"),
                toewijzing_nummer=100000 + i,
                product_categorie=cat,
                product_code=f"45A{i % 100:02d}",
                product_periode=periode,
                geleverd_volume=volume,
                eenheid=uur,
                product_tarief=tarief,
                ingediend_bedrag=modellen.BedragMetDC(bedrag=bedrag, debet_credit=debet),
            )
        )
        if len(prestaties) == 4 or i == start + n - 1:
            clienten.append(modellen.Client323(bsn=_bsn(i), prestaties=tuple(prestaties)))
            prestaties = []
    header = ist.nieuwe_header(
        "ijw", "323", afzender="65656055", ontvanger="0384",
        dagtekening=D(2026, 5, 6), identificatie=ident,
    )  # fmt: skip
    return modellen.Bericht323(
        standaard=ist.Standaard.IJW,
        header=header,
        declaratie=modellen.Declaratie(
            declaratie_nummer=f"DN{ident}",
            declaratie_periode=periode,
            declaratie_dagtekening=D(2026, 5, 6),
            totaal_ingediend_bedrag=modellen.TotaalBedragMetDC(
                totaal_bedrag=totaal, debet_credit=debet
            ),
            clienten=tuple(clienten),
        ),
    )


def genereer(map_: Path, totaal: int, per_bestand: int) -> list[Path]:
    paden = []
    gen = ist.GeheugenIdentificatieGenerator(prefix="B")
    start = 0
    while start < totaal:
        n = min(per_bestand, totaal - start)
        ident = gen.volgende("65656055", ist.Standaard.IJW, "323")
        data = ist.write(bouw_323(n, start, ident))
        if len(data) > ist.MAX_BYTES:
            raise SystemExit(f"bestand te groot ({len(data)} bytes): verlaag --per-bestand")
        pad = map_ / f"JW323_{ident}.xml"
        pad.write_bytes(data)
        paden.append(pad)
        start += n
    return paden


def meet_codec(paden: list[Path]) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = 0
    for pad in paden:
        res = ist.check(pad.read_bytes())
        if not res.geldig:
            raise SystemExit(f"{pad.name} ongeldig: {res.fouten[:3]}")
        n += sum(len(c.prestaties) for c in res.message.declaratie.clienten)
    return time.perf_counter() - t0, n


def meet_stroom(paden: list[Path]) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = 0
    for pad in paden:
        for _ in ist.iter_prestaties(pad.read_bytes()):
            n += 1
    return time.perf_counter() - t0, n


GEEN_XMLLINT = "xmllint ontbreekt (make bench installeert libxml2-utils): geen vergelijking"


def meet_xmllint(paden: list[Path]) -> float | None:
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        return None
    xsd = soort("ijw", "323").xsd_path
    t0 = time.perf_counter()
    proc = subprocess.run(
        [xmllint, "--noout", "--schema", str(xsd), *map(str, paden)],
        capture_output=True,
        text=True,
    )
    dt = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"xmllint faalde: {proc.stderr[-2000:]}")
    return dt


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--prestaties", type=int, default=100_000)
    ap.add_argument("--per-bestand", type=int, default=25_000)
    ap.add_argument("--herhaal", type=int, default=3, help="beste van N metingen")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="codec323-") as tmp:
        t0 = time.perf_counter()
        paden = genereer(Path(tmp), args.prestaties, args.per_bestand)
        t_gen = time.perf_counter() - t0
        grootte = sum(p.stat().st_size for p in paden)
        # interleaved, best of N: the machine may be shared, so both get the same conditions
        codec_t, stroom_t, xml_t = [], [], []
        n = 0
        for _ in range(args.herhaal):
            t, n = meet_codec(paden)
            codec_t.append(t)
            stroom_t.append(meet_stroom(paden)[0])
            xml_t.append(meet_xmllint(paden))
        codec, stroom = min(codec_t), min(stroom_t)
        xmllint = None if xml_t[0] is None else min(xml_t)
    uit = {
        "prestaties": n,
        "bestanden": len(paden),
        "bytes": grootte,
        "max_bestand_bytes": ist.MAX_BYTES,
        "genereren_s": round(t_gen, 3),
        "codec_check_s": round(codec, 3),
        "codec_prestaties_per_s": round(n / codec),
        "codec_stroom_s": round(stroom, 3),
        "xmllint_s": None if xmllint is None else round(xmllint, 3),
        "ratio_codec_xmllint": None if xmllint is None else round(codec / xmllint, 2),
        "ratio_stroom_xmllint": None if xmllint is None else round(stroom / xmllint, 2),
        "binnen_3x": None if xmllint is None else codec <= 3 * xmllint,
    }
    if xmllint is None:
        uit["opmerking"] = GEEN_XMLLINT
    print(json.dumps(uit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
