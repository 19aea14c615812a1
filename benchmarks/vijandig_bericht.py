"""Benchmark: what a hostile iWmo/iJw message costs the codec (docs/security.md).

    .venv/bin/python benchmarks/vijandig_bericht.py [--attributen 800000] [--elementen 1500000]

Builds, from the official WMO301 example, the messages of the outside review of 2026-12-05
and times ``istandaarden.check`` on each, in a fresh child process so every case reports its
own peak memory (``ru_maxrss``):

* ``attributen``: 800,000 attributes on one element (7.9–9.5 MB). Before the pre-scan this
  took 11–15 s and 1.4–2.9 GB and produced one XSD fault per attribute;
* ``attributen_verspreid``: the same number spread over elements, 8 per element;
* ``elementen``: 1.5 million empty elements (6 MB), above ``MAX_ELEMENTEN``;
* ``elementen_net_onder_grens``, ``attributen_net_onder_grens``: just below the limits, so
  parsed and validated in full (the XSD faults are capped at ``MAX_XSD_FOUTEN``);
* ``utf16_zonder_bom``: the example re-encoded as UTF-16 without BOM, still declaring UTF-8;
* ``referentie_323``: a legitimate 23.6 MB 323 (25,000 prestaties), to show the pre-scan's
  share of a real message (``voorscan`` alone is timed as well).

Prints one JSON line per case: seconds, peak MB, level and number of faults.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import resource
import sys
import time
from pathlib import Path

_PAD = Path("istandaarden") / "iwmo" / "3.2" / "examples" / "WMO301.xml"
#: the shared material beside the checkout (../shared), or the machine's /work/shared
VOORBEELD = next(
    (
        p
        for p in (
            Path(__file__).resolve().parents[1].parent / "shared" / _PAD,
            "/work/shared" / _PAD,
        )
        if p.exists()
    ),
    Path("../shared") / _PAD,
)


def _na_eerste_element(src: bytes) -> int:
    """Offset of the '>' that closes the second start tag (the Header)."""
    wortel = src.index(b"<", src.index(b"?>"))
    return src.index(b">", src.index(b"<", wortel + 1))


def attributen(n: int) -> bytes:
    src = VOORBEELD.read_bytes()
    j = _na_eerste_element(src)
    return src[:j] + b"".join(b' a%d="1"' % i for i in range(n)) + src[j:]


def attributen_verspreid(n: int) -> bytes:
    src = VOORBEELD.read_bytes()
    j = _na_eerste_element(src) + 1
    acht = b"".join(b' a%d="1"' % i for i in range(8))
    return src[:j] + b"<x" + acht + b"/>" + (b"<x" + acht + b"/>") * (n // 8) + src[j:]


def elementen(n: int) -> bytes:
    src = VOORBEELD.read_bytes()
    j = _na_eerste_element(src) + 1
    return src[:j] + b"<a/>" * n + src[j:]


def utf16_zonder_bom() -> bytes:
    return VOORBEELD.read_bytes().decode("utf-8").encode("utf-16-le")


def referentie_323() -> bytes:
    sys.path.insert(0, str(Path(__file__).parent))
    import codec_323

    from klantreis import istandaarden as ist

    return ist.write(codec_323.bouw_323(25_000, 0, "B1"))


def _meet(naam: str, maak, wachtrij) -> None:
    from klantreis import istandaarden as ist
    from klantreis.istandaarden.binding import voorscan

    data = maak()
    voor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    res = ist.check(data)
    duur = time.perf_counter() - t
    t = time.perf_counter()
    with contextlib.suppress(ist.CodecError):
        voorscan(data)
    scan = time.perf_counter() - t
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wachtrij.put(
        {
            "geval": naam,
            "mb": round(len(data) / 1e6, 1),
            "seconden": round(duur, 3),
            "voorscan_seconden": round(scan, 3),
            "piek_mb": round(piek / 1024),
            "groei_mb": round((piek - voor) / 1024),
            "niveau": res.niveau.value if res.niveau else None,
            "fouten": len(res.fouten),
            "eerste_fout": res.fouten[0].melding[:120] if res.fouten else None,
        }
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--attributen", type=int, default=800_000)
    ap.add_argument("--elementen", type=int, default=1_500_000)
    args = ap.parse_args(argv)
    if not VOORBEELD.exists():
        print(json.dumps({"fout": f"{VOORBEELD} ontbreekt"}))
        return 1
    gevallen = {
        "attributen": lambda: attributen(args.attributen),
        "attributen_verspreid": lambda: attributen_verspreid(args.attributen),
        "elementen": lambda: elementen(args.elementen),
        "elementen_net_onder_grens": lambda: elementen(990_000),
        "attributen_net_onder_grens": lambda: attributen_verspreid(960),
        "utf16_zonder_bom": utf16_zonder_bom,
        "referentie_323": referentie_323,
    }
    ctx = multiprocessing.get_context("fork")
    for naam, maak in gevallen.items():
        wachtrij = ctx.Queue()
        p = ctx.Process(target=_meet, args=(naam, maak, wachtrij))
        p.start()
        print(json.dumps(wachtrij.get()), flush=True)
        p.join()
    return 0


if __name__ == "__main__":
    sys.exit(main())
