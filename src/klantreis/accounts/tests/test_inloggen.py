"""Failed logins are rate limited per username and per IP address."""

import pytest
from django.urls import reverse

from klantreis.accounts import inloggen
from klantreis.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-goed-wachtwoord-2026"


@pytest.fixture
def gebruiker(db):
    user = UserFactory(username="consulent.test", is_staff=True)
    user.set_password(WACHTWOORD)
    user.save()
    return user


def _inloggen(client, username, wachtwoord, ip="10.0.0.1", url=None):
    return client.post(
        url or reverse("login"),
        {"username": username, "password": wachtwoord},
        REMOTE_ADDR=ip,
    )


def test_goed_wachtwoord_logt_in(client, gebruiker):
    response = _inloggen(client, "consulent.test", WACHTWOORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(gebruiker.pk)


def test_na_vijf_mislukte_pogingen_ook_het_goede_wachtwoord_geweigerd(client, gebruiker):
    for _ in range(inloggen.MAX_POGINGEN - 1):
        response = _inloggen(client, "consulent.test", "fout")
        assert response.status_code == 200
        assert "Te veel mislukte" not in response.content.decode()
    response = _inloggen(client, "consulent.test", "fout")
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    # blocked for this username even from another address, with the right password
    response = _inloggen(client, "Consulent.Test", WACHTWOORD, ip="10.9.9.9")
    assert response.status_code == 200
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_blokkade_per_ip_adres_over_verschillende_namen(client, gebruiker):
    for i in range(inloggen.MAX_POGINGEN):
        _inloggen(client, f"naam{i}", "fout", ip="10.0.0.7")
    response = _inloggen(client, "consulent.test", WACHTWOORD, ip="10.0.0.7")
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
    # the same user from another address is not blocked
    response = _inloggen(client, "consulent.test", WACHTWOORD, ip="10.0.0.8")
    assert response.status_code == 302


def test_blokkade_vervalt_na_het_venster(client, gebruiker):
    from django.core.cache import cache

    for _ in range(inloggen.MAX_POGINGEN):
        _inloggen(client, "consulent.test", "fout")
    assert inloggen.geblokkeerd(None, "consulent.test")
    cache.clear()  # stands in for the 15 minutes passing (the keys' timeout)
    assert _inloggen(client, "consulent.test", WACHTWOORD).status_code == 302


def test_beheerlogin_is_ook_begrensd(client, gebruiker):
    url = reverse("admin:login")
    for _ in range(inloggen.MAX_POGINGEN):
        _inloggen(client, "consulent.test", "fout", url=url)
    response = _inloggen(client, "consulent.test", WACHTWOORD, url=url)
    assert response.status_code == 200
    assert "Te veel mislukte inlogpogingen" in response.content.decode()
