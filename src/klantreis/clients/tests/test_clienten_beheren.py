"""Registering a resident and keeping address, representatives and consent
(``clients.services``): only Toegang and Backoffice of the client's own gemeente, one client
per BSN, Dutch refusals with the API's status, and every change in the admin history."""

import datetime as dt

import pytest
import time_machine
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry

from klantreis.accounts.models import Rol
from klantreis.clients import services
from klantreis.clients.models import Client, Toestemming, mag_delen
from klantreis.tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory, user_met_rol

pytestmark = pytest.mark.django_db

VANDAAG = dt.date(2026, 12, 5)  # a Saturday; the clock is frozen where a rule reads it


@pytest.fixture
def heusden():
    return GemeenteFactory(code="0797", naam="Heusden")


@pytest.fixture
def consulent(heusden):
    return user_met_rol(Rol.TOEGANG, gemeente=heusden)


def _schrijf_in(door, gemeente, **anders):
    velden = dict(
        bsn="111222333",
        achternaam="Nieuwkomer",
        geboortedatum=dt.date(1950, 3, 1),
        wet="wmo",
        postcode="5251ab",
        huisnummer="1",
    )
    velden.update(anders)
    return services.schrijf_in(door=door, gemeente=gemeente, **velden)


def _geschiedenis(client) -> list[tuple[int, int, str]]:
    return list(
        LogEntry.objects.filter(object_id=str(client.pk))
        .order_by("pk")
        .values_list("user_id", "action_flag", "change_message")
    )


@pytest.mark.parametrize("rol", [Rol.TOEGANG, Rol.BACKOFFICE])
def test_toegang_en_backoffice_schrijven_in_met_geschiedenis(heusden, rol):
    door = user_met_rol(rol, gemeente=heusden)
    client = _schrijf_in(door, heusden)
    assert client.gemeente == heusden and client.postcode == "5251 AB"
    assert _geschiedenis(client) == [(door.pk, ADDITION, "Cliënt ingeschreven.")]


@pytest.mark.parametrize(
    "wie",
    [
        lambda g: user_met_rol(Rol.AANBIEDER, aanbieder=AanbiederFactory()),
        lambda g: user_met_rol(Rol.TOEGANG, gemeente=GemeenteFactory(code="0222")),
        lambda g: user_met_rol(Rol.GI, gemeente=g),
        lambda g: user_met_rol(Rol.VERWIJZER, gemeente=g),
    ],
    ids=["aanbieder", "toegang-andere-gemeente", "gi", "verwijzer"],
)
def test_anderen_mogen_niet_inschrijven(heusden, wie):
    with pytest.raises(services.ClientFout) as exc:
        _schrijf_in(wie(heusden), heusden)
    assert (exc.value.code, exc.value.status) == ("verkeerde_rol", 403)
    assert "Heusden" in exc.value.melding
    assert not Client.objects.exists() and not LogEntry.objects.exists()


def test_toegang_voor_alle_gemeenten_mag_overal(heusden):
    door = user_met_rol(Rol.TOEGANG, gemeente=None)
    assert services.mag_beheren(door, heusden)
    assert _schrijf_in(door, heusden).pk


@pytest.mark.parametrize(
    ("anders", "code", "status"),
    [
        ({"bsn": "123456789"}, "ongeldig_bsn", 400),
        ({"bsn": "12345678"}, "ongeldig_bsn", 400),
        ({"postcode": "0123 AB"}, "ongeldige_postcode", 400),  # never starts with 0
        ({"postcode": "1234 A"}, "ongeldige_postcode", 400),
    ],
)
def test_ongeldige_invoer_wordt_in_het_nederlands_geweigerd(
    heusden, consulent, anders, code, status
):
    with pytest.raises(services.ClientFout) as exc:
        _schrijf_in(consulent, heusden, **anders)
    assert (exc.value.code, exc.value.status) == (code, status)
    assert not Client.objects.exists()


def test_een_bsn_wordt_maar_een_keer_ingeschreven_ook_in_een_andere_gemeente(heusden, consulent):
    bestaand = ClientFactory(bsn="123456782", gemeente=GemeenteFactory(code="0222"))
    with pytest.raises(services.ClientFout) as exc:
        _schrijf_in(consulent, heusden, bsn=" 123456782 ")  # spaces around: the same BSN
    assert (exc.value.code, exc.value.status) == ("bsn_bestaat", 409)
    assert "0222" not in exc.value.melding  # the message does not say where the client lives
    assert list(Client.objects.values_list("pk", flat=True)) == [bestaand.pk]


def test_geboortedatum_in_de_toekomst_wordt_geweigerd(heusden, consulent):
    with time_machine.travel(dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC), tick=False):
        with pytest.raises(services.ClientFout, match="toekomst"):
            _schrijf_in(consulent, heusden, geboortedatum=VANDAAG + dt.timedelta(days=1))
        assert _schrijf_in(consulent, heusden, geboortedatum=VANDAAG).geboortedatum == VANDAAG


def test_adres_wijzigen_schrijft_alleen_wat_verandert(heusden, consulent):
    client = ClientFactory(gemeente=heusden, straat="Kerkstraat", postcode="5251 AA")
    services.wijzig_adres(client, door=consulent, straat="Kerkstraat", postcode="5251aa")
    assert _geschiedenis(client) == []  # nothing changed: no history line
    services.wijzig_adres(client, door=consulent, straat="Markt", postcode="5251aa")
    client.refresh_from_db()
    assert (client.straat, client.postcode) == ("Markt", "5251 AA")
    assert _geschiedenis(client) == [(consulent.pk, CHANGE, "Gewijzigd: straat.")]


def test_bsn_en_naam_komen_uit_de_brp_en_zijn_niet_te_wijzigen(heusden, consulent):
    client = ClientFactory(gemeente=heusden)
    with pytest.raises(services.ClientFout, match="achternaam, bsn") as exc:
        services.wijzig_adres(client, door=consulent, bsn="123456782", achternaam="X")
    assert exc.value.code == "onbekend_veld"
    client.refresh_from_db()
    assert client.bsn != "123456782"


def test_aanbieder_mag_het_adres_niet_wijzigen(heusden):
    aanbieder = AanbiederFactory()
    client = ClientFactory(gemeente=heusden, straat="Kerkstraat")
    with pytest.raises(services.ClientFout) as exc:
        services.wijzig_adres(
            client, door=user_met_rol(Rol.AANBIEDER, aanbieder=aanbieder), straat="Markt"
        )
    assert exc.value.status == 403
    client.refresh_from_db()
    assert client.straat == "Kerkstraat"


def test_vertegenwoordiger_toevoegen_staat_in_de_geschiedenis(heusden, consulent):
    client = ClientFactory(gemeente=heusden)
    v = services.voeg_vertegenwoordiger_toe(
        client, door=consulent, soort="curator", naam="Mr. De Vries"
    )
    assert list(client.vertegenwoordigers.all()) == [v]
    assert _geschiedenis(client) == [
        (consulent.pk, CHANGE, "Vertegenwoordiger toegevoegd: Mr. De Vries (Curator).")
    ]


def test_toestemming_geven_en_intrekken_heusden_stap_3(heusden, consulent):
    """Nothing is shared without consent; consent per document kind per provider; a
    withdrawal ends it from now on and keeps the history."""
    client = ClientFactory(gemeente=heusden)
    aanbieder, ander = AanbiederFactory(), AanbiederFactory()
    assert not mag_delen(client, aanbieder, "zorgplan")
    gegeven = services.leg_toestemming_vast(
        client, door=consulent, aanbieder=aanbieder, document_soort="zorgplan", gegeven=True
    )
    nogmaals = services.leg_toestemming_vast(
        client, door=consulent, aanbieder=aanbieder, document_soort="zorgplan", gegeven=True
    )
    assert nogmaals == gegeven and Toestemming.objects.count() == 1
    assert mag_delen(client, aanbieder, "zorgplan")
    assert not mag_delen(client, aanbieder, "iva")  # another kind
    assert not mag_delen(client, ander, "zorgplan")  # another provider
    assert (
        services.leg_toestemming_vast(
            client, door=consulent, aanbieder=aanbieder, document_soort="zorgplan", gegeven=False
        )
        is None
    )
    assert not mag_delen(client, aanbieder, "zorgplan")
    gegeven.refresh_from_db()
    assert mag_delen(client, aanbieder, "zorgplan", op=gegeven.gegeven_op)  # it was valid then
    assert [m for _, _, m in _geschiedenis(client)] == [
        f"Toestemming gegeven: {gegeven}.",
        f"Toestemming ingetrokken: zorgplan voor {aanbieder.naam}.",
    ]
    # withdrawing what is not there changes nothing and writes nothing
    services.leg_toestemming_vast(
        client, door=consulent, aanbieder=ander, document_soort="zorgplan", gegeven=False
    )
    assert len(_geschiedenis(client)) == 2


@pytest.mark.parametrize(
    ("geboren", "op", "leeftijd"),
    [
        (dt.date(2008, 12, 6), dt.date(2026, 12, 5), 17),  # the day before the 18th birthday
        (dt.date(2008, 12, 5), dt.date(2026, 12, 5), 18),
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),  # born on 29 February
        (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
    ],
)
def test_leeftijd_op_een_datum(geboren, op, leeftijd):
    assert Client(geboortedatum=geboren).leeftijd_op(op) == leeftijd


def test_naam_met_voorletters_en_voorvoegsel():
    assert Client(voorletters="J.", voorvoegsel="van", achternaam="Dijk").naam == "J. van Dijk"
    assert Client(voornamen="Anna", voorletters="A.", achternaam="Dijk").naam == "Anna Dijk"
