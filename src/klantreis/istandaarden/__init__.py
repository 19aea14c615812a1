"""iWmo/iJw 3.2 codec: read, write and check messages. Plain Python: no Django import.

Public API (everything else is internal)::

    from klantreis import istandaarden as ist

    msg = ist.read(data)            # bytes -> typed message (Bericht301 … Bericht325)
                                    # raises ist.CodecError (XmlFout, XsdFout, …) with
                                    # .niveau and .fouten
    data = ist.write(msg)           # typed message -> canonical UTF-8 bytes, XSD-checked
    res = ist.check(data)           # never raises: res.standaard, .bericht, .geldig, .niveau,
                                    # .fouten (list of Fout(regel, retourcode, pad, melding)),
                                    # .message (parsed message when it got that far)
    retour = ist.build_retour(msg, res, identificatie="R1", dagtekening=date.today())
    for p in ist.iter_prestaties(data): ...   # 323: streaming, one Prestatie323 at a time

Messages are frozen dataclasses generated from the XSDs (``modellen``): dates are
``datetime.date``, amounts in eurocent ``int``, codes are ``Code`` enums with a Dutch
``omschrijving`` (``codes``). iWmo and iJw share the classes; ``message.standaard`` tells them
apart. Rules that need history (TR056, TR338, …) plug in through ``HistoryRule``
(``historie``); ``IdentificatieGenerator`` (``header``) hands out unique Identificaties.
"""

from klantreis.istandaarden import codes, modellen
from klantreis.istandaarden.binding import Bericht, read, write
from klantreis.istandaarden.code import Code, Standaard
from klantreis.istandaarden.controle import CheckResult, check, controleer_bericht
from klantreis.istandaarden.fouten import (
    CodecError,
    Fout,
    Niveau,
    OnbekendBerichtFout,
    SchrijfFout,
    XmlFout,
    XsdFout,
)
from klantreis.istandaarden.header import (
    GeheugenIdentificatieGenerator,
    IdentificatieGenerator,
    nieuwe_header,
    xsd_versie,
)
from klantreis.istandaarden.historie import HistoryContext, HistoryRule
from klantreis.istandaarden.retour import build_retour
from klantreis.istandaarden.schema import (
    BERICHTEN,
    HEEN,
    MAX_ATTRIBUTEN,
    MAX_BYTES,
    MAX_ELEMENTEN,
    MAX_XSD_FOUTEN,
    RETOUR_VAN,
)
from klantreis.istandaarden.stroom import iter_prestaties

#: Any typed message (``Bericht301`` … ``Bericht325``); English alias of ``Bericht`` that does not
#: clash with the exchange's ``berichten.models.Bericht`` (the stored message row).
Message = Bericht

__all__ = [
    "BERICHTEN",
    "HEEN",
    "MAX_ATTRIBUTEN",
    "MAX_BYTES",
    "MAX_ELEMENTEN",
    "MAX_XSD_FOUTEN",
    "RETOUR_VAN",
    "Bericht",
    "CheckResult",
    "Code",
    "CodecError",
    "Fout",
    "GeheugenIdentificatieGenerator",
    "HistoryContext",
    "HistoryRule",
    "IdentificatieGenerator",
    "Message",
    "Niveau",
    "OnbekendBerichtFout",
    "SchrijfFout",
    "Standaard",
    "XmlFout",
    "XsdFout",
    "build_retour",
    "check",
    "codes",
    "controleer_bericht",
    "iter_prestaties",
    "modellen",
    "nieuwe_header",
    "read",
    "write",
    "xsd_versie",
]
