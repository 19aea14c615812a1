"""The exchange's records: every message in or out, and the Identificatie counters."""

from __future__ import annotations

from django.db import connection, models, transaction
from django.utils import timezone

from .workflow import Richting, Status


class Bericht(models.Model):
    """One iWmo/iJw message received or sent, kept with its exact bytes.

    ``afzender``/``ontvanger`` are the parties that really send and receive it (for a retour
    302…320 that is the reverse of the copied header, IV028). ``identificatie`` is the
    message's own identification (IdentificatieRetour for a retour). ``eigenaar`` is the party
    this installation acts as for this message, so a gemeente and an aanbieder on one
    installation stay apart. The status changes only through ``workflow.zet``.

    ``inhoud`` (the exact bytes) is kept in a table of its own, :class:`BerichtInhoud`: the
    row here changes state several times while a message is processed, and SQLite rewrites
    a whole row on every UPDATE, 23 MB for a large 323 (docs/decisions/0006-snelle-323.md).
    ``Bericht(inhoud=…)``, ``Bericht.objects.create(inhoud=…)`` and ``bericht.inhoud`` work
    as before: the bytes are written with the row (same transaction) and read on first use.
    """

    richting = models.CharField(max_length=3, choices=Richting.choices)
    standaard = models.CharField(max_length=4, null=True, blank=True)
    berichtcode = models.CharField(max_length=3, null=True, blank=True)
    afzender = models.CharField(max_length=8, blank=True, default="")
    ontvanger = models.CharField(max_length=8, blank=True, default="")
    identificatie = models.CharField(max_length=64, blank=True, default="")
    dagtekening = models.DateField(null=True, blank=True)
    eigenaar = models.CharField(
        max_length=8, blank=True, default="", help_text="De partij die deze installatie is."
    )
    sha256 = models.CharField(max_length=64)
    bestandsnaam = models.CharField(max_length=255, blank=True, default="")
    gegevens = models.JSONField(
        null=True, blank=True, help_text="Het gelezen bericht, als het zo ver kwam."
    )
    niveau = models.CharField(
        max_length=10, blank=True, default="", help_text="Controleniveau waarop het faalde."
    )
    status = models.CharField(max_length=16, choices=Status.choices)
    fouten = models.JSONField(default=list, blank=True)
    laatste_fout = models.TextField(blank=True, default="")
    heen = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="retouren"
    )
    traject = models.ForeignKey(
        "routes.Traject", null=True, blank=True, on_delete=models.SET_NULL, related_name="berichten"
    )
    transport = models.CharField(max_length=32, blank=True, default="")
    kanaal_referentie = models.CharField(max_length=255, blank=True, default="")
    pogingen = models.PositiveIntegerField(default=0)
    volgende_poging = models.DateTimeField(null=True, blank=True)
    claim = models.UUIDField(null=True, blank=True, editable=False)
    geclaimd_op = models.DateTimeField(null=True, blank=True)
    aangemaakt_op = models.DateTimeField(default=timezone.now)
    bijgewerkt_op = models.DateTimeField(default=timezone.now)
    verwerkt_op = models.DateTimeField(null=True, blank=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "bericht"
        verbose_name_plural = "berichten"
        ordering = ["-aangemaakt_op", "-pk"]
        constraints = [
            # Idempotent receipt: the same file for the same party is one Bericht.
            models.UniqueConstraint(
                fields=["eigenaar", "sha256"],
                condition=models.Q(richting=Richting.IN),
                name="bericht_ontvangen_uniek",
            ),
        ]
        indexes = [
            # TR056 and pairing a retour with its heen look up by these.
            models.Index(fields=["afzender", "berichtcode", "identificatie"]),
            # The backlog scan (verwerk_achterstand) and the outbox scan.
            models.Index(fields=["richting", "status"]),
        ]

    def __str__(self) -> str:
        code = self.berichtcode or "?"
        pijl = "←" if self.richting == Richting.IN else "→"
        return f"{code} {pijl} {self.identificatie or '(geen identificatie)'} ({self.status})"

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic(using=kwargs.get("using")):
            nieuw = self._state.adding
            super().save(*args, **kwargs)
            if self._inhoud_gewijzigd:
                schrijf_inhoud(self.pk, self._inhoud or b"", nieuw=nieuw)
                self._inhoud_gewijzigd = False

    def refresh_from_db(self, *args, **kwargs) -> None:
        super().refresh_from_db(*args, **kwargs)
        if not self._inhoud_gewijzigd:
            self._inhoud = None  # read again on next use

    _inhoud: bytes | None = None  # loaded or set, not yet read
    _inhoud_gewijzigd = False

    @property
    def inhoud(self) -> bytes:
        """The received or sent bytes, unaltered (read from ``BerichtInhoud`` on first use)."""
        if self._inhoud is None:
            self._inhoud = lees_inhoud(self.pk) if self.pk is not None else b""
        return self._inhoud

    @inhoud.setter
    def inhoud(self, data: bytes) -> None:
        self._inhoud = bytes(data)
        self._inhoud_gewijzigd = True

    @property
    def bytes(self) -> bytes:
        return bytes(self.inhoud)


class BerichtInhoud(models.Model):
    """The exact bytes of one :class:`Bericht` (see there why apart)."""

    bericht = models.OneToOneField(
        Bericht, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    data = models.BinaryField(help_text="De ontvangen of verzonden bytes, ongewijzigd.")

    class Meta:
        verbose_name = "berichtinhoud"
        verbose_name_plural = "berichtinhoud"

    def __str__(self) -> str:
        return f"Inhoud van bericht {self.bericht_id}"


# Django's psycopg 3 backend binds parameters client-side: a bytea goes into the SQL text as
# an escaped literal and comes back as hex text. For a 323 of 23 MB that cost about half a
# second per file each way (decision 0006); a server-side bound psycopg cursor on the same
# connection (so in the same transaction) moves the bytes in binary.


def _binair() -> bool:
    from django.db.backends.postgresql.psycopg_any import is_psycopg3

    return connection.vendor == "postgresql" and is_psycopg3


def schrijf_inhoud(bericht_id: int, data: bytes, *, nieuw: bool = False) -> None:
    """Store the bytes of a Bericht (a new row, or replace them)."""
    if not _binair():
        if nieuw:
            BerichtInhoud.objects.create(bericht_id=bericht_id, data=data)
        else:
            BerichtInhoud.objects.update_or_create(bericht_id=bericht_id, defaults={"data": data})
        return
    import psycopg

    tabel = connection.ops.quote_name(BerichtInhoud._meta.db_table)
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cur:
        cur.execute(
            f"INSERT INTO {tabel} (bericht_id, data) VALUES (%s, %b) "
            "ON CONFLICT (bericht_id) DO UPDATE SET data = EXCLUDED.data",
            [bericht_id, data],
        )


def lees_inhoud(bericht_id: int) -> bytes:
    """The stored bytes of a Bericht (binary transfer on PostgreSQL); b"" when none."""
    if not _binair():
        data = (
            BerichtInhoud.objects.filter(bericht_id=bericht_id)
            .values_list("data", flat=True)
            .first()
        )
        return bytes(data) if data is not None else b""
    import psycopg

    tabel = connection.ops.quote_name(BerichtInhoud._meta.db_table)
    connection.ensure_connection()
    with psycopg.Cursor(connection.connection) as cur:
        cur.execute(f"SELECT data FROM {tabel} WHERE bericht_id = %s", [bericht_id], binary=True)
        rij = cur.fetchone()
    return bytes(rij[0]) if rij is not None else b""


class IdentificatieTeller(models.Model):
    """The last Identificatie handed out per sender per message type (TR056)."""

    afzender = models.CharField(max_length=8)
    berichtcode = models.CharField(max_length=3)
    laatste = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["afzender", "berichtcode"], name="identificatieteller_uniek"
            )
        ]

    def __str__(self) -> str:
        return f"{self.afzender} {self.berichtcode}: {self.laatste}"


class QuarantaineReden(models.TextChoices):
    """Why something that arrived was not let into the exchange (docs/security.md)."""

    NIET_GEAUTHENTICEERD = "niet_geauthenticeerd", "Geen (bekend) clientcertificaat"
    ONLEESBAAR = "onleesbaar", "Envelop of berichtkop onleesbaar"
    ZENDER = "zender", "Zender hoort niet bij het certificaat of de map"
    AFZENDER = "afzender", "Afzender in het bericht is niet de zender"
    ONTVANGER = "ontvanger", "Ontvanger wordt door deze installatie niet bediend"


class Quarantaine(models.Model):
    """Something that arrived over an inbound channel but was refused before the exchange:
    an unauthenticated request, or a message not bound to its authenticated sender. Kept
    unaltered for functioneel beheer (read-only admin); nothing here is ever processed.
    Rate-limited requests are not kept (the limit is what bounds this table)."""

    ontvangen_op = models.DateTimeField(default=timezone.now, db_index=True)
    kanaal = models.CharField(max_length=32, help_text="ggk, vecozo of directory.")
    reden_code = models.CharField(max_length=32, choices=QuarantaineReden.choices)
    reden = models.TextField(help_text="De reden zoals aan de zender gemeld.")
    identiteit = models.CharField(
        max_length=500,
        blank=True,
        default="",
        help_text="Het certificaat (onderwerp of vingerafdruk) of de map waaruit het kwam.",
    )
    peer = models.CharField(
        max_length=500, blank=True, default="", help_text="De bekende partner, als er een was."
    )
    adres = models.GenericIPAddressField(null=True, blank=True)
    afzender = models.CharField(max_length=16, blank=True, default="")
    ontvanger = models.CharField(max_length=16, blank=True, default="")
    bestandsnaam = models.CharField(max_length=255, blank=True, default="")
    kanaal_referentie = models.CharField(max_length=255, blank=True, default="")
    grootte = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    inhoud = models.BinaryField(help_text="Wat binnenkwam, ongewijzigd.")

    class Meta:
        verbose_name = "bericht in quarantaine"
        verbose_name_plural = "quarantaine"
        ordering = ["-ontvangen_op", "-pk"]

    def __str__(self) -> str:
        return (
            f"{self.kanaal}: {self.get_reden_code_display()} ({self.ontvangen_op:%Y-%m-%d %H:%M})"
        )
