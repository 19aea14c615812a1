"""The directory drop: every party (a gemeentecode or AGB code) has ``inbox/``, ``outbox/``
and ``archief/`` under one root. Sending writes the file atomically into the recipient's
inbox, in a folder of the sender (``<ontvanger>/inbox/<afzender>/``), and keeps a copy in the
sender's outbox; receiving reads the own inbox and, once the exchange has stored a file,
moves it to ``archief/``. Used by the demo, the simulation and the tests; in production it
also fits an SFTP-mounted exchange folder.

The sender's folder is its identity (docs/security.md, "Inkomende kanalen"): give each
partner write access to its own ``inbox/<code>/`` folder only (an SFTP account per party).
``haal_op`` reports the folder as ``Ontvangen.afzender``, and the exchange lets in only a
message whose Afzender is that party. A file directly in ``inbox/`` or in a folder that is
no party code has no sender (``afzender=None``) and is refused into quarantine."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from . import Ontvangen, OptieFout, TransportFout, Uitgaand, registreer

_PARTIJ = re.compile(r"^(\d{4}|\d{8})$")
_VEILIG = re.compile(r"[^A-Za-z0-9._-]")


@registreer
class DirectoryTransport:
    naam = "directory"

    def __init__(self, *, map: str | os.PathLike, partij: str):
        if not _PARTIJ.match(str(partij)):
            raise OptieFout("'partij' is een gemeentecode (4 cijfers) of AGB-code (8 cijfers).")
        self.root = Path(map)
        self.partij = str(partij)

    def _map(self, partij: str, soort: str) -> Path:
        pad = self.root / partij / soort
        pad.mkdir(parents=True, exist_ok=True)
        return pad

    def verzend(self, bericht: Uitgaand) -> str:
        if not _PARTIJ.match(bericht.ontvanger):
            raise TransportFout(f"Onbekende ontvanger {bericht.ontvanger!r}.")
        naam = _VEILIG.sub("_", bericht.bestandsnaam) or "bericht.xml"
        try:
            inbox = self._map(bericht.ontvanger, "inbox") / self.partij
            inbox.mkdir(exist_ok=True)
            doel = self._schrijf(inbox, naam, bericht.inhoud)
            self._schrijf(self._map(self.partij, "outbox"), doel.name, bericht.inhoud)
        except OSError as exc:
            raise TransportFout(f"Schrijven in de berichtenmap mislukt: {exc}") from exc
        return f"{bericht.ontvanger}/inbox/{self.partij}/{doel.name}"

    @staticmethod
    def _schrijf(map_: Path, naam: str, inhoud: bytes) -> Path:
        doel = map_ / naam
        teller = 1
        while doel.exists():
            doel = map_ / f"{Path(naam).stem}-{teller}{Path(naam).suffix}"
            teller += 1
        # write then rename: a reader never sees half a file
        fd, tijdelijk = tempfile.mkstemp(dir=map_, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, doel)
        return doel

    def haal_op(self) -> Iterator[Ontvangen]:
        inbox = self._map(self.partij, "inbox")
        for pad in sorted(inbox.iterdir()):
            if pad.name.startswith("."):
                continue
            if pad.is_file():  # no sender's folder: refused by the exchange
                yield self._ontvangen(pad, None)
            elif pad.is_dir():
                afzender = pad.name if _PARTIJ.match(pad.name) else None
                for bestand in sorted(pad.iterdir()):
                    if bestand.is_file() and not bestand.name.startswith("."):
                        yield self._ontvangen(bestand, afzender)

    def _ontvangen(self, pad: Path, afzender: str | None) -> Ontvangen:
        relatief = pad.relative_to(self._map(self.partij, "inbox"))
        return Ontvangen(
            inhoud=pad.read_bytes(),
            bestandsnaam=pad.name,
            kanaal_referentie=f"{self.partij}/inbox/{relatief.as_posix()}",
            afzender=afzender,
        )

    def bevestig(self, ontvangen: Ontvangen) -> None:
        relatief = (
            ontvangen.kanaal_referentie.removeprefix(f"{self.partij}/inbox/")
            or ontvangen.bestandsnaam
        )
        bron = self._map(self.partij, "inbox") / relatief
        if relatief and ".." not in Path(relatief).parts and bron.is_file():
            archief = self._map(self.partij, "archief")
            doel = archief / bron.name
            teller = 1
            while doel.exists():
                doel = archief / f"{bron.stem}-{teller}{bron.suffix}"
                teller += 1
            os.replace(bron, doel)
