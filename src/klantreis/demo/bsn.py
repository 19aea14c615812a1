"""Test BSNs from the 9999xxxxx range (never issued to residents) that pass the 11-proef."""

from collections.abc import Iterator

from klantreis.clients.bsn import is_valid_bsn


def test_bsns(start: int = 999990000) -> Iterator[str]:
    for nummer in range(start, 1_000_000_000):
        kandidaat = f"{nummer:09d}"
        if is_valid_bsn(kandidaat):
            yield kandidaat
