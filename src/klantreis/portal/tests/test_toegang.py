"""Login, and who sees which traject: gemeente by gemeente, provider by provider."""

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.tests.factories import AanbiederFactory, user_met_rol
from klantreis.tests.lopen import rond_af

from .conftest import start

pytestmark = pytest.mark.django_db


def test_inlogpagina_is_in_het_nederlands(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nl"' in html
    assert 'for="id_username">Gebruikersnaam</label>' in html
    assert 'for="id_password">Wachtwoord</label>' in html


def test_consulent_logt_in_en_komt_op_de_werkvoorraad(client, consulent):
    response = client.post(
        reverse("login"), {"username": consulent.username, "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302
    assert response.url == reverse("portal:werkvoorraad")


def test_verkeerd_wachtwoord_geeft_nederlandse_melding(client, consulent):
    response = client.post(reverse("login"), {"username": consulent.username, "password": "fout"})
    assert response.status_code == 200
    assert "wachtwoord" in response.content.decode().split("utrecht-alert--error")[1]


@pytest.mark.parametrize("naam", ["portal:trajecten", "portal:nieuw_traject"])
def test_anoniem_wordt_naar_inloggen_gestuurd(client, naam):
    response = client.get(reverse(naam))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login") + "?next=")


def test_anoniem_ziet_geen_traject(client, traject):
    response = client.get(reverse("portal:traject", args=[traject.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_lijst_toont_eigen_trajecten_en_niet_die_van_een_andere_gemeente(
    client, traject, consulent, doetinchem
):
    elders = start(doetinchem, "achterhoek-route-1", voornamen="Gerrit", achternaam="Wissink")
    client.force_login(consulent)
    html = client.get(reverse("portal:trajecten")).content.decode()
    assert "Anna Bakker" in html
    assert "Gerrit Wissink" not in html
    client.force_login(elders.wie[Rol.TOEGANG])
    html = client.get(reverse("portal:trajecten")).content.decode()
    assert "Gerrit Wissink" in html
    assert "Anna Bakker" not in html


def test_consulent_krijgt_404_voor_traject_van_andere_gemeente(client, consulent, doetinchem):
    elders = start(doetinchem, "achterhoek-route-1")
    client.force_login(consulent)
    assert client.get(reverse("portal:traject", args=[elders.pk])).status_code == 404
    response = client.post(
        reverse("portal:actie", args=[elders.pk]), {"soort": "close", "rol": "toegang"}
    )
    assert response.status_code == 404


def test_zorgaanbieder_ziet_alleen_trajecten_van_de_eigen_aanbieder(
    client, heusden, andere_aanbieder
):
    eigen = start(heusden, voornamen="Daan", achternaam="Smit")
    for _ in range(3):  # IVA, IPA, keuze aanbieder: the provider of eigen.wie is chosen
        rond_af(eigen, eigen.wie)
    ander = start(heusden, voornamen="Fenna", achternaam="Mulder")
    ander.wie.aanbieder = andere_aanbieder
    for _ in range(3):
        rond_af(ander, ander.wie)
    assert eigen.aanbieder != ander.aanbieder

    client.force_login(eigen.wie[Rol.AANBIEDER])
    html = client.get(reverse("portal:trajecten")).content.decode()
    assert "Daan Smit" in html
    assert "Fenna Mulder" not in html
    assert client.get(reverse("portal:traject", args=[eigen.pk])).status_code == 200
    response = client.get(reverse("portal:traject", args=[ander.pk]))
    assert response.status_code == 404
    assert "Deze pagina bestaat niet, of u heeft geen toegang tot dit traject." in (
        response.content.decode()
    )
    document_url = reverse("portal:document", args=[ander.pk, "ondersteuningsplan"])
    assert client.get(document_url).status_code == 404


def test_hoofdaannemer_ziet_trajecten_van_zijn_onderaannemer(client, heusden):
    onderaannemer = AanbiederFactory(naam="Dagbesteding De Schakel")
    hoofdaannemer = AanbiederFactory(naam="Zorgkracht Heusden")
    hoofdaannemer.onderaannemers.add(onderaannemer)
    traject = start(heusden, voornamen="Iris", achternaam="Lensink")
    traject.wie.aanbieder = onderaannemer
    for _ in range(3):
        rond_af(traject, traject.wie)
    medewerker = user_met_rol(Rol.AANBIEDER, aanbieder=hoofdaannemer)
    client.force_login(medewerker)
    assert "Iris Lensink" in client.get(reverse("portal:trajecten")).content.decode()
    assert client.get(reverse("portal:traject", args=[traject.pk])).status_code == 200


def test_gebruiker_zonder_rol_ziet_niets(client, traject):
    zonder = user_met_rol(Rol.TOEGANG, gemeente=traject.gemeente)
    zonder.roltoewijzingen.all().delete()  # the role is withdrawn
    client.force_login(zonder)
    html = client.get(reverse("portal:trajecten")).content.decode()
    assert "Anna Bakker" not in html
    assert client.get(reverse("portal:traject", args=[traject.pk])).status_code == 404
