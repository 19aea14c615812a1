"""Two 315s for a client the gemeente does not know yet, processed at the same moment by two
workers: one Client row, both messages processed and answered (the outside review of
2026-12-05 saw one fail on the unique BSN and stay claimed until the time-out)."""

import datetime as dt
import threading

import pytest
from django.db import connection

from klantreis import istandaarden as ist
from klantreis.berichten import services as berichten
from klantreis.berichten import verwerking
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status
from klantreis.clients import services as clients_services
from klantreis.clients.models import Client
from klantreis.demo import bsn as demo_bsn
from klantreis.simulatie.aanbieder import Aanvraag, Persoon, bouw_315

from .test_verzoeken import BEGIN, EIND, jeugd  # noqa: F401  (the fixture)

NIEUW_BSN = next(demo_bsn.test_bsns(999_970_000))


def _315_nieuwe_client(keten, referentie: str):
    """A 315 of keten's provider for a youth the gemeente has no Client row for."""
    aanvraag = Aanvraag(
        referentie=referentie,
        categorie="45",
        code="45A03",
        ingangsdatum=BEGIN,
        einddatum=EIND,
        volume=3,
        eenheid="04",
        frequentie="2",
        verwijzer="02",
    )
    persoon = Persoon(
        bsn=NIEUW_BSN,
        geboortedatum=dt.date(2013, 3, 1),
        geslacht="2",
        achternaam="Nieuwkomer",
        voorletters="A",
    )
    header = keten.header("315", ist.Standaard.IJW)
    return bouw_315(ist.Standaard.IJW, header, persoon, [aanvraag])


def _sla_op(keten, message) -> int:
    return berichten.ontvang(ist.write(message), transport="test", eigenaar=keten.gemeente.code).pk


@pytest.mark.django_db(transaction=True)
def test_twee_315_voor_een_nieuw_bsn_tegelijk_geven_een_client(jeugd, monkeypatch):  # noqa: F811
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith("file:"):
        pytest.skip(
            "SQLite's in-memory test database (shared cache) refuses a second connection "
            "while one writes; run with DATABASE_URL=postgres://… (as test_twee_workers)."
        )
    monkeypatch.setattr(verwerking.verwerk, "delay", lambda pk: None)  # the threads process
    ids = [_sla_op(jeugd, _315_nieuwe_client(jeugd, f"REF-T{i}")) for i in (1, 2)]
    assert not Client.objects.filter(bsn=NIEUW_BSN).exists()

    # Both workers have seen that the BSN is new and create at the same moment.
    samen = threading.Barrier(2, timeout=30)
    maak = clients_services._maak_client

    def maak_tegelijk(**velden):
        samen.wait()
        return maak(**velden)

    monkeypatch.setattr(clients_services, "_maak_client", maak_tegelijk)
    fouten: list[BaseException] = []
    uitkomsten: dict[int, str | None] = {}

    def worker(pk: int):
        try:
            uitkomsten[pk] = verwerking.verwerk(pk)
        except BaseException as exc:  # reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(pk,)) for pk in ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert fouten == []
    assert samen.broken is False  # both really reached the INSERT together
    assert uitkomsten == {pk: Status.VERWERKT for pk in ids}
    assert Client.objects.filter(bsn=NIEUW_BSN).count() == 1
    assert set(Bericht.objects.filter(pk__in=ids).values_list("laatste_fout", flat=True)) == {""}
    retouren = Bericht.objects.filter(richting=Richting.UIT, berichtcode="316", heen__in=ids)
    assert retouren.count() == 2


@pytest.mark.django_db
def test_client_uit_bericht_neemt_de_rij_van_de_winnaar(jeugd, monkeypatch):  # noqa: F811
    """The race on one connection: the lookup saw nothing, the INSERT meets the row another
    worker committed in between; the row is returned, the transaction goes on."""
    winnaar = Client.objects.create(
        bsn=NIEUW_BSN,
        achternaam="Eerder",
        geboortedatum=dt.date(2013, 3, 1),
        gemeente=jeugd.gemeente,
        wet="jeugdwet",
    )
    echte_filter = Client.objects.filter
    eerste = []

    def filter_zonder_eerste_treffer(*args, **kw):
        if not eerste:
            eerste.append(True)
            return echte_filter(pk=-1)
        return echte_filter(*args, **kw)

    monkeypatch.setattr(Client.objects, "filter", filter_zonder_eerste_treffer)
    client = clients_services.client_uit_bericht(
        bsn=NIEUW_BSN,
        achternaam="Nieuwkomer",
        geboortedatum=dt.date(2013, 3, 1),
        gemeente=jeugd.gemeente,
        wet="jeugdwet",
    )
    assert client == winnaar and client.achternaam == "Eerder"
    assert Client.objects.count() == echte_filter(bsn__isnull=False).count()
    assert echte_filter(bsn=NIEUW_BSN).count() == 1


@pytest.mark.django_db
def test_315_voor_een_nieuw_bsn_schrijft_de_client_in(jeugd, django_capture_on_commit_callbacks):  # noqa: F811
    heen, retour = jeugd.lever(
        _315_nieuwe_client(jeugd, "REF-N1"), django_capture_on_commit_callbacks
    )
    assert heen.status == Status.VERWERKT and retour.bericht == "316"
    client = Client.objects.get(bsn=NIEUW_BSN)
    assert (client.achternaam, client.gemeente, client.wet) == (
        "Nieuwkomer",
        jeugd.gemeente,
        "jeugdwet",
    )
