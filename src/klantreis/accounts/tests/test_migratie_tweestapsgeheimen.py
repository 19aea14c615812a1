"""Migration 0003: an installation that enrolled users with django-otp's plugins (keys and
backup codes in plain text) keeps them enrolled with accounts' own devices, and the plain
text leaves the database with the plugins' tables (decision 0011)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.test import modify_settings

from klantreis.accounts.models import ReserveApparaat, TOTPApparaat, User
from klantreis.tests.tweestaps import huidige_code

VOOR = ("accounts", "0002_tweestapsapparaten_versleuteld")
NA = ("accounts", "0003_otp_apparaten_overzetten")
OUDE_TABELLEN = {"otp_totp_totpdevice", "otp_static_staticdevice", "otp_static_statictoken"}
PLUGINS = ["django_otp.plugins.otp_totp", "django_otp.plugins.otp_static"]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([doel])


@pytest.mark.django_db(transaction=True)
def test_migratie_versleutelt_bestaande_sleutels_en_hasht_bestaande_reservecodes():
    carla = User.objects.create_user("consulent.carla", password="x")
    piet = User.objects.create_user("backoffice.piet", password="x")
    _migreer(VOOR)

    # the database of an installation before decision 0011, made with django-otp's own models
    with modify_settings(INSTALLED_APPS={"append": PLUGINS}):
        from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
        from django_otp.plugins.otp_totp.models import TOTPDevice

        with connection.schema_editor() as editor:
            for model in (TOTPDevice, StaticDevice, StaticToken):
                editor.create_model(model)
        oud = TOTPDevice.objects.create(
            user=carla, name="Authenticator-app", confirmed=True, drift=1, last_t=7
        )
        TOTPDevice.objects.create(user=piet, name="Authenticator-app", confirmed=False)
        reserve = StaticDevice.objects.create(user=carla, name="Reservecodes", confirmed=True)
        StaticToken.objects.bulk_create(
            StaticToken(device=reserve, token=t) for t in ("1234567890", "5550001112")
        )
        TOTPDevice.objects.filter(pk=oud.pk).update(throttling_failure_count=3)
        oude_sleutel, oude_tokens = oud.key, ["1234567890", "5550001112"]
    recorder = MigrationRecorder(connection)
    for app in ("otp_totp", "otp_static"):
        recorder.record_applied(app, "0001_initial")

    _migreer(NA)

    # Carla keeps her app: the same key, drift, replay guard and throttle, now encrypted
    app = TOTPApparaat.objects.get(user=carla)
    assert app.confirmed and app.name == "Authenticator-app"
    assert app.bin_key == bytes.fromhex(oude_sleutel)
    assert oude_sleutel not in app.versleutelde_sleutel
    assert (app.drift, app.last_t, app.throttling_failure_count) == (1, 7, 3)
    app.throttling_failure_count = 0  # the throttle of the old device would delay this check
    app.save()
    assert app.verify_token(huidige_code(app))
    assert not TOTPApparaat.objects.get(user=piet).confirmed

    # her backup codes work once each and are stored only as keyed hashes
    codes = ReserveApparaat.objects.get(user=carla)
    opgeslagen = list(codes.codes.values_list("code_hash", flat=True))
    assert len(opgeslagen) == 2 and not set(oude_tokens) & set(opgeslagen)
    assert codes.verify_token("5550001112")
    assert not codes.verify_token("5550001112")
    assert codes.codes.count() == 1

    # the plain text is gone with the plugins' tables and the record of their migrations
    assert not OUDE_TABELLEN & set(connection.introspection.table_names())
    assert not recorder.migration_qs.filter(app__in=["otp_totp", "otp_static"]).exists()


@pytest.mark.django_db(transaction=True)
def test_migratie_op_een_nieuwe_database_zonder_otp_tabellen():
    _migreer(VOOR)
    _migreer(NA)
    assert not TOTPApparaat.objects.exists() and not ReserveApparaat.objects.exists()
