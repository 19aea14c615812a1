"""The second factor's secrets at rest (decision 0011): a read of the database gives neither the
TOTP keys nor the backup codes; keys rotate (the old one still opens, the new one closes); a
key the server lacks is said to be the server's fault, not a wrong code; production refuses
to start without keys."""

import hashlib
import logging
import os
import subprocess
import sys
from base64 import b32encode

import pytest
from cryptography.fernet import Fernet, InvalidToken
from django.core.checks import run_checks
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from klantreis.accounts import inloggen, tweestaps
from klantreis.accounts.models import Rol, TOTPApparaat
from klantreis.accounts.views import SLEUTELFOUT
from klantreis.tests.tweestaps import gebruiker_met_totp, huidige_code

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-goed-wachtwoord-2026"
SLEUTEL_A = Fernet.generate_key().decode()
SLEUTEL_B = Fernet.generate_key().decode()


def _inloggen(client, username="consulent.2fa"):
    client.post(reverse("login"), {"username": username, "password": WACHTWOORD})


def _code(client, code):
    return client.post(reverse("tweestaps_code"), {"code": code})


def _kolommen(tabel: str) -> list[str]:
    """Every value of every row of a table, as the text a database dump would show."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(tabel)}")
        return [str(waarde) for rij in cursor.fetchall() for waarde in rij]


def test_de_database_bevat_geen_app_sleutel_en_geen_reservecode(settings, heusden):
    _, apparaat = gebruiker_met_totp(
        "consulent.2fa", WACHTWOORD, rol=Rol.TOEGANG, gemeente=heusden, reservecodes=True
    )
    sleutel = apparaat.bin_key
    vormen = [sleutel.hex(), sleutel.hex().upper(), b32encode(sleutel).decode().rstrip("=")]
    opgeslagen = _kolommen(TOTPApparaat._meta.db_table)
    assert opgeslagen
    assert not any(vorm in waarde for vorm in vormen for waarde in opgeslagen)
    # what is stored is a Fernet token of the configured key, not an encoding of the key
    rauw = next(w for w in opgeslagen if w.startswith("gAAAA"))
    assert Fernet(settings.KLANTREIS_TWEESTAPS_SLEUTELS[0]).decrypt(rauw.encode()) == sleutel

    codes = apparaat.reservecodes
    hashes = _kolommen("accounts_reservecode")
    assert len(codes) == 10 and hashes
    assert not any(code in waarde for code in codes for waarde in hashes)
    # keyed: neither a plain SHA-256 of a code (brute-forced offline in minutes) nor its MD5
    for code in codes:
        assert hashlib.sha256(code.encode()).hexdigest() not in hashes
        assert hashlib.md5(code.encode()).hexdigest() not in hashes


def test_sleutelrotatie_oude_sleutel_opent_nieuwe_sluit(client, settings, heusden):
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    user, apparaat = gebruiker_met_totp(
        "consulent.2fa", WACHTWOORD, rol=Rol.TOEGANG, gemeente=heusden, reservecodes=True
    )
    sleutel = apparaat.bin_key
    oude_codes = apparaat.reservecodes

    # a new key in front, the old one behind it: everything enrolled under A still works
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B, SLEUTEL_A]
    apparaat.refresh_from_db()
    assert apparaat.bin_key == sleutel
    _inloggen(client)
    assert _code(client, huidige_code(apparaat)).status_code == 302
    assert client.get(reverse("portal:werkvoorraad")).status_code == 200
    client.post(reverse("logout"))
    _inloggen(client)
    assert _code(client, oude_codes[0]).status_code == 302  # a backup code hashed under A

    # what is encrypted now is encrypted with B
    nieuw = TOTPApparaat.objects.create(user=user, name="tweede", confirmed=False)
    Fernet(SLEUTEL_B).decrypt(nieuw.versleutelde_sleutel.encode())
    with pytest.raises(InvalidToken):
        Fernet(SLEUTEL_A).decrypt(nieuw.versleutelde_sleutel.encode())

    # `hersleutel` moves the apps to B and says the backup codes still need A
    uitvoer = _commando("tweestaps", "hersleutel")
    assert "2 app-sleutel(s) opnieuw versleuteld" in uitvoer
    assert "1 gebruiker(s) hebben nog reservecodes onder een oudere sleutel" in uitvoer
    apparaat.refresh_from_db()
    assert Fernet(SLEUTEL_B).decrypt(apparaat.versleutelde_sleutel.encode()) == sleutel

    # new backup codes are hashed under B; then A can go
    nieuwe_codes = tweestaps.nieuwe_reservecodes(user)
    assert "Alle reservecodes gebruiken de eerste sleutel" in _commando("tweestaps", "hersleutel")
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B]
    client.post(reverse("logout"))
    _inloggen(client)
    assert _code(client, huidige_code(apparaat, 1)).status_code == 302
    client.post(reverse("logout"))
    _inloggen(client)
    assert _code(client, nieuwe_codes[0]).status_code == 302


def _commando(*args) -> str:
    from io import StringIO

    uit = StringIO()
    call_command(*args, stdout=uit)
    return uit.getvalue()


def test_verkeerde_sleutel_zegt_dat_de_server_fout_is_en_telt_niet_als_poging(
    client, settings, heusden, caplog
):
    """A key replaced instead of added: every code would be 'wrong' and each try would count
    towards the block. Instead the page says the server is set up wrongly, the log says
    which variable, no try is counted, and the session stays unverified (fail closed)."""
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    _, apparaat = gebruiker_met_totp(
        "consulent.2fa", WACHTWOORD, rol=Rol.TOEGANG, gemeente=heusden, reservecodes=True
    )
    goed = huidige_code(apparaat)
    reserve = apparaat.reservecodes[0]
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B]

    _inloggen(client)
    with caplog.at_level(logging.ERROR, logger="klantreis.accounts.tweestaps"):
        for code in [goed] * inloggen.MAX_POGINGEN + [reserve]:
            response = _code(client, code)
            assert response.status_code == 200
            html = response.content.decode()
            assert SLEUTELFOUT.split(":")[0] in html
            assert "Te veel mislukte inlogpogingen" not in html
            assert "Deze code klopt niet" not in html
    assert "KLANTREIS_TWEESTAPS_SLEUTELS" in caplog.text
    assert client.get(reverse("portal:werkvoorraad")).status_code == 302

    # the old key back (behind the new one) and the same user logs in with the same app
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B, SLEUTEL_A]
    assert _code(client, huidige_code(apparaat, 1)).status_code == 302
    assert client.get(reverse("portal:werkvoorraad")).status_code == 200


def test_functioneel_beheer_kan_herstellen_ook_als_de_sleutel_weg_is(settings, heusden):
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    user, _ = gebruiker_met_totp(
        "consulent.2fa", WACHTWOORD, rol=Rol.TOEGANG, gemeente=heusden, reservecodes=True
    )
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B]
    from klantreis.tests.factories import user_met_rol

    beheerder = user_met_rol(Rol.FUNCTIONEEL_BEHEER, username="fb")
    assert tweestaps.herstel(user, door=beheerder) == 2
    assert not tweestaps.heeft_apparaat(user)


def test_inschrijven_met_een_onbevestigde_app_onder_een_oude_sleutel(client, settings, heusden):
    """An enrolment begun under a key that is gone starts again instead of a server error."""
    from klantreis.tests.factories import user_met_rol

    user = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="nieuw.2fa")
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    oud = tweestaps.begin_inschrijving(user)
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B]
    client.force_login(user)
    pagina = client.get(reverse("tweestaps_instellen"))
    assert pagina.status_code == 200 and "<svg" in pagina.content.decode()
    nieuw = TOTPApparaat.objects.get(user=user)
    assert nieuw.pk != oud.pk
    Fernet(SLEUTEL_B).decrypt(nieuw.versleutelde_sleutel.encode())


def test_ontbrekende_of_onjuiste_sleutels_zijn_een_fout_bij_het_starten(settings):
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = []
    fouten = [f for f in run_checks() if f.id == "accounts.E001"]
    assert len(fouten) == 1 and "KLANTREIS_TWEESTAPS_SLEUTELS ontbreekt" in fouten[0].msg
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A, "geen-sleutel"]
    fouten = [f for f in run_checks() if f.id == "accounts.E001"]
    assert len(fouten) == 1 and "sleutel 2 is geen Fernet-sleutel" in fouten[0].msg
    assert "geen-sleutel" not in fouten[0].msg  # a key's value never goes to a log
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    assert not [f for f in run_checks() if f.id == "accounts.E001"]


@pytest.mark.parametrize(
    ("sleutels", "melding"),
    [
        (None, "KLANTREIS_TWEESTAPS_SLEUTELS ontbreekt"),
        ("", "KLANTREIS_TWEESTAPS_SLEUTELS ontbreekt"),
        (f"{SLEUTEL_A},kapot", "KLANTREIS_TWEESTAPS_SLEUTELS: sleutel 2 is geen Fernet-sleutel"),
        (f"{SLEUTEL_A}, {SLEUTEL_B}", None),
    ],
)
def test_productie_start_niet_zonder_sleutels(sleutels, melding):
    """The production settings refuse to load, as they do without SECRET_KEY."""
    omgeving = {k: v for k, v in os.environ.items() if k != "KLANTREIS_TWEESTAPS_SLEUTELS"}
    omgeving["SECRET_KEY"] = "een-productiesleutel"
    if sleutels is not None:
        omgeving["KLANTREIS_TWEESTAPS_SLEUTELS"] = sleutels
    uitslag = subprocess.run(
        [
            sys.executable,
            "-c",
            "import klantreis.settings.production as p; print(len(p.KLANTREIS_TWEESTAPS_SLEUTELS))",
        ],
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if melding is None:
        assert uitslag.returncode == 0, uitslag.stderr
        assert uitslag.stdout.strip() == "2"
    else:
        assert uitslag.returncode != 0
        assert "ImproperlyConfigured" in uitslag.stderr and melding in uitslag.stderr
        assert "kapot" not in uitslag.stderr.splitlines()[-1]


def test_sleutel_opdracht_maakt_een_bruikbare_sleutel():
    sleutel = _commando("tweestaps", "sleutel").strip()
    assert len(sleutel) == 44
    assert Fernet(sleutel).decrypt(Fernet(sleutel).encrypt(b"x")) == b"x"


def test_hersleutel_zonder_de_oude_sleutel_verandert_niets(settings, heusden):
    """Removing the old key before `hersleutel`: a clear error, and no row half-rotated."""
    from django.core.management import CommandError

    # the first device opens and is re-encrypted, the second does not: the first is rolled back
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    gebruiker_met_totp("eerste.2fa", WACHTWOORD)
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_B]
    gebruiker_met_totp("tweede.2fa", WACHTWOORD)
    settings.KLANTREIS_TWEESTAPS_SLEUTELS = [SLEUTEL_A]
    voor = dict(TOTPApparaat.objects.values_list("pk", "versleutelde_sleutel"))
    with pytest.raises(CommandError, match="KLANTREIS_TWEESTAPS_SLEUTELS"):
        _commando("tweestaps", "hersleutel")
    assert dict(TOTPApparaat.objects.values_list("pk", "versleutelde_sleutel")) == voor
