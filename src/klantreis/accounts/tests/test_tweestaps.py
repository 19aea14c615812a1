"""Two-factor login: the password, then the code of the app (or a backup code, once);
enrolment with a QR code; "verplicht" sends a user without a device to enrolment first; the
failed-login limit counts wrong codes; functioneel beheer resets a lost phone."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import override_settings
from django.urls import reverse
from rest_framework.authtoken.models import Token

from klantreis.accounts import geheimen, inloggen, tweestaps
from klantreis.accounts.models import Reservecode, Rol, TOTPApparaat
from klantreis.tests.factories import user_met_rol
from klantreis.tests.tweestaps import gebruiker_met_totp, huidige_code

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-goed-wachtwoord-2026"
WERKVOORRAAD = reverse("portal:werkvoorraad")


@pytest.fixture
def met_app(heusden):
    return gebruiker_met_totp(
        "consulent.2fa", WACHTWOORD, rol=Rol.TOEGANG, gemeente=heusden, reservecodes=True
    )


def _wachtwoord(client, username, wachtwoord=WACHTWOORD, ip="10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": wachtwoord}, REMOTE_ADDR=ip
    )


def _code(client, code, ip="10.0.0.1", next_url=""):
    return client.post(reverse("tweestaps_code"), {"code": code, "next": next_url}, REMOTE_ADDR=ip)


def test_zonder_apparaat_en_optioneel_blijft_inloggen_zoals_het_was(client, heusden):
    """The browser tests log in with username and password and land on the werkvoorraad."""
    user = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="zonder.app")
    user.set_password(WACHTWOORD)
    user.save()
    response = _wachtwoord(client, "zonder.app")
    assert response.status_code == 302 and response.url == WERKVOORRAAD
    assert client.get(WERKVOORRAAD).status_code == 200


def test_wachtwoord_goed_dan_code_gevraagd_foute_code_geweigerd_goede_code_laat_toe(
    client, met_app
):
    _, apparaat = met_app
    assert _wachtwoord(client, "consulent.2fa").status_code == 302
    # logged in with the password only: every page leads to the code page
    response = client.get(WERKVOORRAAD)
    assert response.status_code == 302
    assert response.url.startswith(reverse("tweestaps_code"))
    pagina = client.get(response.url)
    html = pagina.content.decode()
    assert 'autocomplete="one-time-code"' in html and 'inputmode="numeric"' in html
    assert '<label class="utrecht-form-label" for="id_code">' in html

    goed = huidige_code(apparaat)
    fout = f"{(int(goed) + 1) % 1_000_000:06d}"
    response = _code(client, fout)
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(WERKVOORRAAD).status_code == 302

    response = _code(client, goed, next_url=WERKVOORRAAD)
    assert response.status_code == 302 and response.url == WERKVOORRAAD
    assert client.get(WERKVOORRAAD).status_code == 200


def test_de_code_stap_geldt_ook_voor_beheer_en_voor_de_api_met_sessie(client, met_app):
    user, _ = met_app
    user.is_staff = True
    user.save()
    _wachtwoord(client, "consulent.2fa")
    beheer = client.get(reverse("admin:index"))
    assert beheer.status_code == 302 and beheer.url.startswith(reverse("tweestaps_code"))
    api = client.get(reverse("api:traject-list"))
    assert api.status_code == 403
    assert api.json()["code"] == "tweestaps_vereist"


@override_settings(OTP_TOTP_THROTTLE_FACTOR=1, OTP_STATIC_THROTTLE_FACTOR=1)
def test_reservecode_werkt_een_keer(client, met_app):
    """With django-otp's per-device delay on, as in production."""
    user, apparaat = met_app
    reserve = apparaat.reservecodes[0]
    _wachtwoord(client, "consulent.2fa")
    assert _code(client, reserve).status_code == 302
    assert client.get(WERKVOORRAAD).status_code == 200
    assert not Reservecode.objects.filter(code_hash=geheimen.code_hash(reserve)).exists()
    assert Reservecode.objects.filter(apparaat__user=user).count() == 9
    apparaat.refresh_from_db()
    assert apparaat.throttling_failure_count == 0  # a backup code is not a wrong app code

    client.post(reverse("logout"))
    _wachtwoord(client, "consulent.2fa")
    response = _code(client, reserve)
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(WERKVOORRAAD).status_code == 302


def test_inschrijven_met_qr_code_en_eerste_code_geeft_reservecodes(client, heusden):
    user = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="nieuw.2fa")
    client.force_login(user)
    pagina = client.get(reverse("tweestaps_instellen"))
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "<svg" in html and "QR-code" in html
    apparaat = TOTPApparaat.objects.get(user=user, confirmed=False)
    # reloading shows the same device: a code already scanned keeps working
    client.get(reverse("tweestaps_instellen"))
    assert TOTPApparaat.objects.filter(user=user).count() == 1

    fout = client.post(reverse("tweestaps_instellen"), {"code": "000000"})
    if huidige_code(apparaat) != "000000":
        assert "Deze code klopt niet" in fout.content.decode()
        apparaat.refresh_from_db()
        assert not apparaat.confirmed

    response = client.post(reverse("tweestaps_instellen"), {"code": huidige_code(apparaat)})
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == tweestaps.AANTAL_RESERVECODES and len(set(codes)) == len(codes)
    assert all(c in response.content.decode() for c in codes)
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get(WERKVOORRAAD).status_code == 200  # verified by the first code
    # the codes were shown once: the page now says it is set up and shows no codes
    opnieuw = client.get(reverse("tweestaps_instellen"), follow=True)
    assert not any(c in opnieuw.content.decode() for c in codes)


def test_met_alleen_een_wachtwoord_kan_geen_nieuw_apparaat_worden_toegevoegd(client, met_app):
    """Someone with the stolen password must not put their own phone on the account."""
    user, _ = met_app
    _wachtwoord(client, "consulent.2fa")
    response = client.get(reverse("tweestaps_instellen"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("tweestaps_code"))
    assert TOTPApparaat.objects.filter(user=user).count() == 1


@override_settings(KLANTREIS_TWEESTAPS="verplicht")
def test_verplicht_stuurt_zonder_apparaat_eerst_naar_inschrijven(client, heusden):
    user = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="verplicht.2fa")
    user.set_password(WACHTWOORD)
    user.save()
    _wachtwoord(client, "verplicht.2fa")
    for url in (WERKVOORRAAD, reverse("portal:trajecten")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("tweestaps_instellen")), url
    api = client.get(reverse("api:client-list"))
    assert api.status_code == 403 and api.json()["code"] == "tweestaps_vereist"
    # a token is a system's credential, not a session: it is not asked for a code
    token = Token.objects.create(user=user)
    from rest_framework.test import APIClient

    systeem = APIClient()
    systeem.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    assert systeem.get(reverse("api:client-list")).status_code == 200
    # enrolment is reachable, and after it the portal is
    apparaat_pagina = client.get(reverse("tweestaps_instellen"))
    assert "verplicht" in apparaat_pagina.content.decode()
    apparaat = TOTPApparaat.objects.get(user=user)
    client.post(reverse("tweestaps_instellen"), {"code": huidige_code(apparaat)})
    assert client.get(WERKVOORRAAD).status_code == 200


def test_onbekende_modus_telt_als_verplicht(settings):
    settings.KLANTREIS_TWEESTAPS = "optionel"  # a typing error must not switch 2FA off
    assert tweestaps.modus() == tweestaps.VERPLICHT
    settings.KLANTREIS_TWEESTAPS = "Optioneel"
    assert tweestaps.modus() == tweestaps.OPTIONEEL


def test_foute_codes_tellen_als_mislukte_inlogpogingen(client, met_app):
    """Guessing the 6 digits meets the same limit as guessing the password."""
    _, apparaat = met_app
    _wachtwoord(client, "consulent.2fa")
    goed = huidige_code(apparaat)
    fout = f"{(int(goed) + 500_000) % 1_000_000:06d}"
    for _ in range(inloggen.MAX_POGINGEN - 1):
        assert "Te veel" not in _code(client, fout).content.decode()
    assert "Te veel mislukte inlogpogingen" in _code(client, fout).content.decode()
    # blocked: the right code is refused too, and so is the password for this user elsewhere
    assert "Te veel mislukte inlogpogingen" in _code(client, goed).content.decode()
    assert client.get(WERKVOORRAAD).status_code == 302
    ander = type(client)()
    response = _wachtwoord(ander, "consulent.2fa", ip="10.9.9.9")
    assert "Te veel mislukte inlogpogingen" in response.content.decode()


def test_functioneel_beheer_herstelt_tweestaps_en_dat_wordt_vastgelegd(client, met_app):
    user, _ = met_app
    beheerder = user_met_rol(Rol.FUNCTIONEEL_BEHEER, username="fb")
    client.force_login(beheerder)
    pagina = client.get(reverse("tweestaps_beheer"))
    assert pagina.status_code == 200 and "consulent.2fa" in pagina.content.decode()
    response = client.post(reverse("tweestaps_beheer"), {"gebruiker": user.pk})
    assert response.status_code == 302
    assert not TOTPApparaat.objects.filter(user=user).exists()
    assert not Reservecode.objects.filter(apparaat__user=user).exists()
    regel = LogEntry.objects.get(object_id=str(user.pk), user=beheerder)
    assert "Tweestapsverificatie hersteld" in regel.change_message
    # bad input is a message, not an error page
    onzin = client.post(reverse("tweestaps_beheer"), {"gebruiker": "x'; drop"}, follow=True)
    assert "bestaat niet" in onzin.content.decode()


def test_alleen_functioneel_beheer_mag_herstellen(client, met_app, heusden):
    user, _ = met_app
    consulent = user_met_rol(Rol.BACKOFFICE, gemeente=heusden, username="bo")
    client.force_login(consulent)
    assert client.get(reverse("tweestaps_beheer")).status_code == 403
    assert client.post(reverse("tweestaps_beheer"), {"gebruiker": user.pk}).status_code == 403
    assert TOTPApparaat.objects.filter(user=user).exists()


def test_beheer_kan_ook_herstellen_met_een_actie_in_het_beheer(client, met_app):
    user, _ = met_app
    beheerder = user_met_rol(Rol.FUNCTIONEEL_BEHEER, username="fb", is_staff=True)
    beheerder.is_superuser = True
    beheerder.save()
    client.force_login(beheerder)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "herstel_tweestaps", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302
    assert not TOTPApparaat.objects.filter(user=user).exists()
    assert LogEntry.objects.filter(object_id=str(user.pk), user=beheerder).exists()


def test_menu_biedt_instellen_zonder_app_en_beheren_aan_functioneel_beheer(
    client, met_app, heusden
):
    instellen = reverse("tweestaps_instellen")
    beheer = reverse("tweestaps_beheer")

    zonder = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="zonder.app")
    client.force_login(zonder)
    pagina = client.get(WERKVOORRAAD).content.decode()
    assert f'href="{instellen}"' in pagina and f'href="{beheer}"' not in pagina

    user, apparaat = met_app
    client.logout()
    _wachtwoord(client, user.username)
    _code(client, huidige_code(apparaat))
    pagina = client.get(WERKVOORRAAD).content.decode()
    assert f'href="{instellen}"' not in pagina

    fb = user_met_rol(Rol.FUNCTIONEEL_BEHEER, gemeente=heusden, username="beheerder")
    client.logout()
    client.force_login(fb)
    pagina = client.get(WERKVOORRAAD).content.decode()
    assert f'href="{beheer}"' in pagina
