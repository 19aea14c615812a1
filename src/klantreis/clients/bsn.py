"""The BSN 11-proef (CS002). Plain Python: the codec and forms share it."""


def is_valid_bsn(value: str) -> bool:
    """9 digits d1…d9 with (9·d1 + 8·d2 + … + 2·d8 − 1·d9) mod 11 == 0, and not all zeros."""
    if len(value) != 9 or not value.isascii() or not value.isdigit():
        return False
    digits = [int(c) for c in value]
    total = sum(w * d for w, d in zip(range(9, 1, -1), digits[:8], strict=True)) - digits[8]
    return total % 11 == 0 and value != "000000000"
