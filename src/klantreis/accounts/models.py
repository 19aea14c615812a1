import time
from base64 import b32encode
from urllib.parse import quote, urlencode

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django_otp.models import Device, ThrottlingMixin, TimestampMixin
from django_otp.oath import TOTP

from . import geheimen


class Rol(models.TextChoices):
    """The roles of the klantreis (DOMAIN.md "Who takes part"). Route files name these."""

    TOEGANG = "toegang", "Toegang (consulent)"
    BACKOFFICE = "backoffice", "Backoffice"
    AANBIEDER = "aanbieder", "Zorgaanbieder"
    CLIENT = "client", "Cliënt"
    VERWIJZER = "verwijzer", "Medisch verwijzer"
    GI = "gi", "Gecertificeerde instelling"
    RET = "ret", "Regionale expertisetafel"
    REGIO = "regio", "Regionale contactpersoon"
    FUNCTIONEEL_BEHEER = "functioneel_beheer", "Functioneel beheer"


class User(AbstractUser):
    """A person who works in klantreis. What they may do comes from ``Roltoewijzing``."""

    def rollen(self, gemeente=None) -> set[str]:
        qs = self.roltoewijzingen.all()
        if gemeente is not None:
            qs = qs.filter(models.Q(gemeente=gemeente) | models.Q(gemeente__isnull=True))
        return set(qs.values_list("rol", flat=True))

    def heeft_rol(self, rol: str, gemeente=None, aanbieder=None) -> bool:
        qs = self.roltoewijzingen.filter(rol=rol)
        if gemeente is not None:
            qs = qs.filter(models.Q(gemeente=gemeente) | models.Q(gemeente__isnull=True))
        if aanbieder is not None:
            qs = qs.filter(aanbieder=aanbieder)
        return qs.exists()

    def werkt_voor(self, aanbieder) -> bool:
        """Staff of this provider, or of its hoofdaannemer, which acts for its onderaannemers
        (Heusden stap 7)."""
        if aanbieder is None:
            return False
        return any(
            self.heeft_rol(Rol.AANBIEDER, aanbieder=a)
            for a in [aanbieder, *aanbieder.hoofdaannemers.all()]
        )


class Roltoewijzing(models.Model):
    """A user acts in a role for one gemeente (or for all, when gemeente is empty), and a
    provider's staff for one aanbieder."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roltoewijzingen")
    rol = models.CharField(max_length=32, choices=Rol.choices)
    gemeente = models.ForeignKey(
        "organisaties.Gemeente",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text="Leeg: voor alle gemeenten (bijvoorbeeld een regionale functie).",
    )
    aanbieder = models.ForeignKey(
        "organisaties.Aanbieder", null=True, blank=True, on_delete=models.CASCADE
    )

    class Meta:
        verbose_name = "roltoewijzing"
        verbose_name_plural = "roltoewijzingen"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rol", "gemeente", "aanbieder"], name="unieke_roltoewijzing"
            )
        ]

    def __str__(self) -> str:
        waar = self.gemeente or "alle gemeenten"
        return f"{self.user} — {self.get_rol_display()} ({waar})"


# --- two-factor devices (accounts/tweestaps.py; decisions 0008 and 0011) -----------------------
# django-otp's own TOTPDevice and StaticDevice keep the TOTP key and the backup codes in plain
# text; these two keep them encrypted and hashed (accounts/geheimen.py). They are django-otp
# devices all the same (``Device`` subclasses in an installed app): ``devices_for_user``, the
# ``OTPMiddleware`` and ``django_otp.login`` find them without registration.


class TOTPApparaat(TimestampMixin, ThrottlingMixin, Device):
    """An authenticator app (RFC 6238), as django-otp's ``TOTPDevice`` with the same fields and
    verification, but with the key encrypted under KLANTREIS_TWEESTAPS_SLEUTELS."""

    versleutelde_sleutel = models.TextField(
        default=geheimen.nieuwe_totp_sleutel,
        editable=False,
        help_text="De geheime sleutel, versleuteld (Fernet); de sleutel daarvoor staat niet in "
        "de database.",
    )
    step = models.PositiveSmallIntegerField(default=30)
    t0 = models.BigIntegerField(default=0)
    digits = models.PositiveSmallIntegerField(choices=[(6, 6), (8, 8)], default=6)
    tolerance = models.PositiveSmallIntegerField(default=1)
    drift = models.SmallIntegerField(default=0)
    last_t = models.BigIntegerField(
        default=-1, help_text="De tijdstap van de laatst geaccepteerde code (geen hergebruik)."
    )

    class Meta(Device.Meta):
        verbose_name = "authenticator-app"
        verbose_name_plural = "authenticator-apps"

    @property
    def bin_key(self) -> bytes:
        """The key in the clear (geheimen.OnbekendeSleutel when no configured key opens it)."""
        return geheimen.ontsleutel(self.versleutelde_sleutel)

    def get_throttle_factor(self):
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        """django-otp's TOTPDevice.verify_token: one step of drift either way, a code accepted
        once (``last_t``), the per-device delay after a failure."""
        verify_allowed, _ = self.verify_is_allowed()
        if not verify_allowed:
            return False
        try:
            token = int(token)
        except (TypeError, ValueError):
            verified = False
        else:
            totp = TOTP(self.bin_key, self.step, self.t0, self.digits, self.drift)
            totp.time = time.time()
            verified = totp.verify(token, self.tolerance, self.last_t + 1)
            if verified:
                self.last_t = totp.t()
                if getattr(settings, "OTP_TOTP_SYNC", True):
                    self.drift = totp.drift
                self.throttle_reset(commit=False)
                self.set_last_used_timestamp(commit=False)
                self.save()
        if not verified:
            self.throttle_increment(commit=True)
        return verified

    @property
    def config_url(self) -> str:
        """The otpauth:// URL for the QR code (Google's Key Uri Format, as django-otp)."""
        label = str(self.user.get_username())
        params = urlencode(
            {
                "secret": b32encode(self.bin_key),
                "algorithm": "SHA1",
                "digits": self.digits,
                "period": self.step,
            }
        )
        issuer = str(getattr(settings, "OTP_TOTP_ISSUER", "") or "").replace(":", "")
        if issuer:
            label = f"{issuer}:{label}"
            params += f"&issuer={quote(issuer)}"
        return f"otpauth://totp/{quote(label)}?{params}"


class ReserveApparaat(TimestampMixin, ThrottlingMixin, Device):
    """A user's set of single-use backup codes (django-otp's ``StaticDevice``), each stored as
    an HMAC under the key ``sleutel_id`` names, so the database does not give them away."""

    sleutel_id = models.CharField(
        max_length=16,
        help_text="Welke sleutel uit KLANTREIS_TWEESTAPS_SLEUTELS de codes hasht.",
    )

    class Meta(Device.Meta):
        verbose_name = "set reservecodes"
        verbose_name_plural = "sets reservecodes"

    def get_throttle_factor(self):
        return getattr(settings, "OTP_STATIC_THROTTLE_FACTOR", 1)

    def verify_token(self, token) -> bool:
        """A matching code is deleted: each one is good for one login."""
        verify_allowed, _ = self.verify_is_allowed()
        if not verify_allowed:
            return False
        gevonden = self.codes.filter(
            code_hash=geheimen.code_hash(str(token), self.sleutel_id)
        ).first()
        if gevonden is None:
            self.throttle_increment()
            return False
        gevonden.delete()
        self.throttle_reset(commit=False)
        self.set_last_used_timestamp(commit=False)
        self.save()
        return True


class Reservecode(models.Model):
    apparaat = models.ForeignKey(ReserveApparaat, on_delete=models.CASCADE, related_name="codes")
    code_hash = models.CharField(max_length=64, db_index=True)

    class Meta:
        verbose_name = "reservecode"
        verbose_name_plural = "reservecodes"

    def __str__(self) -> str:
        return f"reservecode van {self.apparaat.user}"  # never the hash: it is a secret too
