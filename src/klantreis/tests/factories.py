from datetime import date
from itertools import count

import factory

from klantreis.accounts.models import Roltoewijzing, User
from klantreis.clients.models import Client
from klantreis.demo.bsn import test_bsns
from klantreis.organisaties.models import Aanbieder, Gemeente, Regio

_bsns = test_bsns(999_980_000)
_agb = count(1)


class RegioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Regio
        django_get_or_create = ("code",)

    code = "achterhoek"
    naam = "Sociaal Domein Achterhoek"


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("code",)

    code = "0797"
    naam = "Heusden"


class AanbiederFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Aanbieder

    agb_code = factory.LazyFunction(lambda: f"{98_000_000 + next(_agb):08d}")
    naam = factory.Sequence(lambda n: f"Zorgaanbieder {n}")


class ClientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Client

    bsn = factory.LazyFunction(lambda: next(_bsns))
    voornamen = "Jan"
    achternaam = factory.Sequence(lambda n: f"Jansen-{n}")
    geboortedatum = date(1950, 3, 14)
    gemeente = factory.SubFactory(GemeenteFactory)
    wet = "wmo"
    # the address from the BRP, which a 301 names (TR006)
    straat = "Kerkstraat"
    huisnummer = factory.Sequence(lambda n: str(n + 1))
    postcode = "5251 AA"
    woonplaats = "Vlijmen"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.PostGenerationMethodCall("set_password", "geheim-wachtwoord")


def user_met_rol(rol: str, gemeente=None, aanbieder=None, **kwargs) -> User:
    user = UserFactory(**kwargs)
    user.save()
    Roltoewijzing.objects.create(user=user, rol=rol, gemeente=gemeente, aanbieder=aanbieder)
    return user
