"""Bank details for payment files: IBAN and BIC checked with ``schwifty`` (the ISO 13616 mod-97
check digits, the country's length and bank-code format, ISO 9362 for the BIC), with Dutch
messages. Stored in the compact form (``NL91ABNA0417164300``), shown in groups of four."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException


def iban_of_fout(waarde: str) -> IBAN:
    try:
        return IBAN(waarde)
    except SchwiftyException as exc:
        raise ValidationError(
            f"'{waarde}' is geen geldig IBAN (controlecijfers, lengte of bankcode kloppen niet).",
            code="iban",
        ) from exc


def valideer_iban(waarde: str) -> None:
    if waarde:
        iban_of_fout(waarde)


def valideer_bic(waarde: str) -> None:
    if not waarde:
        return
    try:
        BIC(waarde)
    except SchwiftyException as exc:
        raise ValidationError(
            f"'{waarde}' is geen geldige BIC (8 of 11 tekens, ISO 9362).", code="bic"
        ) from exc


def compact_iban(waarde: str) -> str:
    """The IBAN without spaces and in capitals; an invalid one is returned as typed, so the
    validator can name it."""
    try:
        return IBAN(waarde).compact if waarde else ""
    except SchwiftyException:
        return waarde


def bic_bij(iban: str, bic: str = "") -> str:
    """The BIC given, or the one the IBAN's bank code belongs to (schwifty's bank registry),
    or "" (SEPA allows IBAN-only transfers)."""
    if bic:
        return bic.replace(" ", "").upper()
    try:
        gevonden = IBAN(iban).bic
    except SchwiftyException:
        return ""
    return str(gevonden) if gevonden else ""
