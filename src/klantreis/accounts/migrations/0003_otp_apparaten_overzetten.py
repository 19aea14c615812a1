"""Moves the devices of django-otp's otp_totp and otp_static plugins (plain-text keys and
backup codes) to accounts' own devices (encrypted key, hashed codes), then drops the plugins'
tables so the plain text leaves the database (decision 0011).

The plugins are no longer installed, so their models cannot be loaded: the rows are read
with SQL, and only if the tables exist (a new installation never had them). An enrolled user
keeps their app and their remaining backup codes; a session verified with an old device is
asked for a code again (its device id named the old table).

Not reversible in substance: going back leaves the new devices behind (their tables are
dropped by 0002's reversal) and cannot restore the codes, which are only hashes now."""

import datetime

from django.db import migrations
from django.utils import timezone
from django.utils.dateparse import parse_datetime

TOTP_TABEL = "otp_totp_totpdevice"
STATIC_TABEL = "otp_static_staticdevice"
TOKEN_TABEL = "otp_static_statictoken"
OUDE_APPS = ("otp_totp", "otp_static")


def zet_over(apps, schema_editor):
    from klantreis.accounts import geheimen

    verbinding = schema_editor.connection
    tabellen = set(verbinding.introspection.table_names())
    TOTPApparaat = apps.get_model("accounts", "TOTPApparaat")
    ReserveApparaat = apps.get_model("accounts", "ReserveApparaat")
    Reservecode = apps.get_model("accounts", "Reservecode")
    qn = schema_editor.quote_name
    velden = (
        "user_id, name, confirmed, throttling_failure_timestamp, throttling_failure_count, "
        "created_at, last_used_at"
    )

    with verbinding.cursor() as cursor:
        if TOTP_TABEL in tabellen:
            cursor.execute(
                f"SELECT {velden}, {qn('key')}, step, t0, digits, tolerance, drift, last_t "
                f"FROM {qn(TOTP_TABEL)} ORDER BY id"
            )
            for rij in cursor.fetchall():
                sleutel, step, t0, digits, tolerance, drift, last_t = rij[7:]
                nieuw = TOTPApparaat.objects.create(
                    **_algemeen(rij[:7]),
                    versleutelde_sleutel=geheimen.versleutel(bytes.fromhex(sleutel)),
                    step=step,
                    t0=t0,
                    digits=digits,
                    tolerance=tolerance,
                    drift=drift,
                    last_t=last_t,
                )
                # created_at is auto_now_add: the device's own date, not the migration's
                TOTPApparaat.objects.filter(pk=nieuw.pk).update(created_at=_tijd(rij[5]))

        if STATIC_TABEL in tabellen:
            sleutel_id = geheimen.huidige_sleutel_id()
            cursor.execute(f"SELECT id, {velden} FROM {qn(STATIC_TABEL)} ORDER BY id")
            apparaten = cursor.fetchall()
            for oud_id, *rij in apparaten:
                nieuw = ReserveApparaat.objects.create(**_algemeen(rij), sleutel_id=sleutel_id)
                ReserveApparaat.objects.filter(pk=nieuw.pk).update(created_at=_tijd(rij[5]))
                cursor.execute(
                    f"SELECT token FROM {qn(TOKEN_TABEL)} WHERE device_id = %s ORDER BY id",
                    [oud_id],
                )
                Reservecode.objects.bulk_create(
                    Reservecode(apparaat=nieuw, code_hash=geheimen.code_hash(token, sleutel_id))
                    for (token,) in cursor.fetchall()
                )

    # The plain text goes with the tables; so does the record of their migrations, so that
    # installing the plugins again would create them anew, as `migrate otp_totp zero` would.
    for tabel in (TOKEN_TABEL, STATIC_TABEL, TOTP_TABEL):
        if tabel in tabellen:
            schema_editor.execute(f"DROP TABLE {qn(tabel)}")
    from django.db.migrations.recorder import MigrationRecorder

    MigrationRecorder(verbinding).migration_qs.filter(app__in=OUDE_APPS).delete()


def _algemeen(rij) -> dict:
    user_id, name, confirmed, mislukt_op, mislukt, created_at, last_used_at = rij
    return {
        "user_id": user_id,
        "name": name,
        "confirmed": bool(confirmed),
        # a throttled device stays throttled: moving it must not give a guesser fresh tries
        "throttling_failure_timestamp": _tijd(mislukt_op),
        "throttling_failure_count": mislukt,
        "last_used_at": _tijd(last_used_at),
    }


def _tijd(waarde):
    """A timestamp read with SQL: SQLite gives text or a naive datetime (stored in UTC)."""
    if isinstance(waarde, str):
        waarde = parse_datetime(waarde)
    if waarde is not None and timezone.is_naive(waarde):
        waarde = waarde.replace(tzinfo=datetime.UTC)
    return waarde


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_tweestapsapparaten_versleuteld")]

    operations = [migrations.RunPython(zet_over, migrations.RunPython.noop, elidable=False)]
