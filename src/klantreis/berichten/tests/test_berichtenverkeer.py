"""The exchange end to end: receipt, check, handler, retour, outbox, delivery, recovery."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from klantreis import istandaarden as ist
from klantreis.berichten import afhandeling, services, tasks, verwerking
from klantreis.berichten.models import Bericht
from klantreis.berichten.workflow import Richting, Status
from klantreis.organisaties.models import Gemeente

from .conftest import AANBIEDER, GEMEENTE, Teller, inbox, met_header, voorbeeld

pytestmark = pytest.mark.django_db


def _retour(heen: Bericht) -> Bericht:
    return heen.retouren.get(richting=Richting.UIT)


def test_dubbele_aanlevering_eenmaal_verwerkt_zelfde_retour_tweemaal_bezorgd(
    bericht305, lever, berichtenmap, afhandelaar
):
    handler = afhandelaar("305", Teller())
    data = bericht305("DUBBEL1")

    eerste = lever(data)
    tweede = lever(data)

    assert tweede.pk == eerste.pk
    assert Bericht.objects.filter(richting=Richting.IN).count() == 1
    assert handler.aanroepen == [eerste.pk]
    eerste.refresh_from_db()
    assert eerste.status == Status.VERWERKT
    retour = _retour(eerste)
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 1
    assert retour.status == Status.VERZONDEN
    assert retour.pogingen == 2  # one outbound row, delivered twice
    ontvangen = inbox(berichtenmap, AANBIEDER)
    assert len(ontvangen) == 2
    assert ontvangen[0] == ontvangen[1] == retour.bytes
    r = ist.read(retour.bytes)
    assert r.bericht == "306"
    assert r.header.bericht_identificatie.identificatie == "DUBBEL1"
    assert r.header.retour_codes == ()  # accepted: header only


def test_zelfde_bestand_voor_andere_eigenaar_is_een_ander_bericht(bericht305, lever, berichtenmap):
    data = bericht305("EIG1")
    a = lever(data, eigenaar=GEMEENTE)
    b = lever(data, eigenaar="0797")
    assert a.pk != b.pk


def test_tr056_zelfde_identificatie_ander_bericht_krijgt_9056(
    bericht305, lever, berichtenmap, afhandelaar
):
    handler = afhandelaar("305", Teller())
    eerste = lever(bericht305("HERGEBRUIK"))
    tweede = lever(bericht305("HERGEBRUIK", bsn="999900018"))

    assert handler.aanroepen == [eerste.pk]  # the handler never sees the second one
    tweede.refresh_from_db()
    assert tweede.status == Status.AFGEKEURD
    assert [f["regel"] for f in tweede.fouten] == ["TR056"]
    r = ist.read(_retour(tweede).bytes)
    assert [c.value for c in r.header.retour_codes] == ["9056"]
    assert [c.value for c in ist.read(_retour(eerste).bytes).header.retour_codes] == []


def test_onzin_en_niet_xsd_geldig_bewaard_en_afgekeurd_zonder_retour(lever, berichtenmap):
    onzin = b"\x00\xffdit is geen xml"
    niet_xsd = ist.write(voorbeeld("WMO305.xml")).replace(b"<wmo305:Bsn>", b"<wmo305:Bsnn>", 1)
    niet_xsd = niet_xsd.replace(b"</wmo305:Bsn>", b"</wmo305:Bsnn>", 1)
    assert niet_xsd != ist.write(voorbeeld("WMO305.xml"))

    a = lever(onzin, eigenaar=GEMEENTE)
    b = lever(niet_xsd)

    for bericht, niveau in ((a, "xml"), (b, "xsd")):
        bericht.refresh_from_db()
        assert bericht.status == Status.AFGEKEURD
        assert bericht.niveau == niveau
        assert bericht.fouten and bericht.fouten[0]["retourcode"] is None
        assert not bericht.retouren.exists()
        assert bericht.gegevens is None
    assert a.bytes == onzin  # stored unaltered
    assert b.bytes == niet_xsd
    assert b.afzender == AANBIEDER and b.berichtcode == "305"  # the lenient header look
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 0


def test_cs002_ongeldig_bsn_krijgt_retour_met_0001(bericht305, lever, berichtenmap, afhandelaar):
    handler = afhandelaar("305", Teller())
    bericht = lever(bericht305("BSN1", bsn="123456789"))
    bericht.refresh_from_db()
    assert handler.aanroepen == []
    assert bericht.status == Status.AFGEKEURD
    assert [f["regel"] for f in bericht.fouten] == ["CS002"]
    assert bericht.gegevens["client"]["bsn"] == "123456789"
    r = ist.read(_retour(bericht).bytes)
    assert [c.value for c in r.header.retour_codes] == ["0001"]
    assert r.client is None  # header only


def test_afhandelaar_fouten_in_de_juiste_klasse_en_wijzigingen_teruggedraaid(
    bericht305, lever, berichtenmap, afhandelaar
):
    def verwerk_305(bericht, message):
        Gemeente.objects.create(code="9999", naam="Mag niet blijven")
        product = message.client.start_producten[1]
        return verwerking.Afhandeling(
            fouten=[
                ist.Fout(
                    regel="TR019",
                    retourcode="9019",
                    pad="/Bericht/Client/StartProducten/StartProduct",
                    melding="Geen toewijzing bij deze start.",
                    klasse=product,
                )
            ]
        )

    afhandelaar("305", verwerk_305)
    bericht = lever(bericht305("FOUT1"))
    bericht.refresh_from_db()

    assert not Gemeente.objects.filter(code="9999").exists()
    assert bericht.status == Status.VERWERKT
    assert [f["retourcode"] for f in bericht.fouten] == ["9019"]
    r = ist.read(_retour(bericht).bytes)
    codes = [[c.value for c in p.retour_codes] for p in r.client.start_producten]
    # the client with the fault is returned, each class with its codes or 0200 (OP065)
    assert codes == [["0200"], ["9019"]]
    assert r.client.start_producten[1].toewijzing_nummer == 300202
    assert [c.value for c in r.header.retour_codes] == ["0200"]


def test_afhandelaar_met_behouden_houdt_wijzigingen_en_meldt_de_fouten(
    bericht305, lever, berichtenmap, afhandelaar
):
    """A 323 is judged per prestatie: the approved part stays although the retour carries
    faults. ``behouden=True`` says so; the fouten still go in the retour per class."""

    def verwerk_305(bericht, message):
        Gemeente.objects.create(code="9996", naam="Blijft ondanks fouten")
        product = message.client.start_producten[1]
        fout = ist.Fout("TR019", "9019", "/Bericht/Client/StartProducten/StartProduct", "x",
                        klasse=product)  # fmt: skip
        return verwerking.Afhandeling(fouten=[fout], behouden=True)

    afhandelaar("305", verwerk_305)
    bericht = lever(bericht305("BEHOUD1"))
    bericht.refresh_from_db()
    assert Gemeente.objects.filter(code="9996").exists()
    assert [f["retourcode"] for f in bericht.fouten] == ["9019"]
    r = ist.read(_retour(bericht).bytes)
    assert [[c.value for c in p.retour_codes] for p in r.client.start_producten] == [
        ["0200"],
        ["9019"],
    ]


def test_afhandelaar_zonder_fouten_houdt_wijzigingen(bericht305, lever, berichtenmap, afhandelaar):
    def verwerk_305(bericht, message):
        Gemeente.objects.create(code="9998", naam="Blijft")
        return verwerking.Afhandeling(fouten=[])

    afhandelaar("305", verwerk_305)
    bericht = lever(bericht305("GOED1"))
    assert Gemeente.objects.filter(code="9998").exists()
    assert ist.read(_retour(bericht).bytes).header.retour_codes == ()


def test_zonder_afhandelaar_geaccepteerd_met_lege_retour(lever, berichtenmap, caplog):
    data = ist.write(met_header(voorbeeld("WMO315.xml"), identificatie="VOT1"))
    bericht = lever(data)
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    r = ist.read(_retour(bericht).bytes)
    assert r.bericht == "316" and r.header.retour_codes == ()
    assert "Geen afhandelaar voor bericht 315" in caplog.text


def test_crash_voor_verwerking_achterstand_verwerkt_het_alsnog(
    bericht305, taken_staan_stil, berichtenmap, afhandelaar, django_capture_on_commit_callbacks
):
    handler = afhandelaar("305", Teller())
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.ontvang(bericht305("CRASH1"), transport="directory")
    assert taken_staan_stil["verwerk"] == [bericht.pk]  # sent, but no worker ran it
    bericht.refresh_from_db()
    assert bericht.status == Status.ONTVANGEN
    assert handler.aanroepen == []

    with django_capture_on_commit_callbacks(execute=True):
        uitkomst = tasks.verwerk_achterstand()

    assert uitkomst == {"verwerkt": 1, "bezorgd": 1, "mislukt": 0}
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    assert handler.aanroepen == [bericht.pk]
    retour = _retour(bericht)
    # the retour's own task did not run either (the worker is down), the sweep delivered it
    assert taken_staan_stil["bezorg"] == [retour.pk]
    assert retour.status == Status.VERZONDEN
    assert inbox(berichtenmap, AANBIEDER) == [retour.bytes]


class WorkerGedood(BaseException):
    """The worker process dies mid-processing (SIGKILL): nothing after this point runs."""


def test_worker_gedood_tussen_ontvangst_en_retour_verwerkt_na_de_grens(
    bericht305, lever, berichtenmap, afhandelaar, settings, django_capture_on_commit_callbacks
):
    settings.KLANTREIS_BERICHTEN = {**settings.KLANTREIS_BERICHTEN, "vastgelopen_na": 600}
    sterft = {"ja": True}
    aanroepen = []

    def verwerk_305(bericht, message):
        Gemeente.objects.create(code="9997", naam="Half werk")
        aanroepen.append(bericht.pk)
        if sterft["ja"]:
            raise WorkerGedood
        return verwerking.Afhandeling(fouten=[])

    afhandelaar("305", verwerk_305)
    with pytest.raises(WorkerGedood):
        lever(bericht305("KILL1"))
    bericht = Bericht.objects.get(identificatie="KILL1")
    assert bericht.status == Status.IN_VERWERKING
    assert not bericht.retouren.exists()
    assert not Gemeente.objects.filter(code="9997").exists()  # half work rolled back

    sterft["ja"] = False
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.verwerk_achterstand()["verwerkt"] == 0  # another worker may still hold it
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(minutes=11), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert tasks.verwerk_achterstand()["verwerkt"] == 1
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    assert aanroepen == [bericht.pk, bericht.pk]  # the killed attempt, then the one that counts
    assert Gemeente.objects.filter(code="9997").count() == 1
    assert bericht.retouren.count() == 1
    assert len(inbox(berichtenmap, AANBIEDER)) == 1


def test_verwerk_twee_keer_aangeroepen_verwerkt_eenmaal(
    bericht305, taken_staan_stil, berichtenmap, afhandelaar, django_capture_on_commit_callbacks
):
    handler = afhandelaar("305", Teller())
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.ontvang(bericht305("TWEE1"), transport="directory")
    assert verwerking.verwerk(bericht.pk) == Status.VERWERKT
    assert verwerking.verwerk(bericht.pk) is None
    assert handler.aanroepen == [bericht.pk]


def test_outbox_teruggedraaide_transactie_laat_niets_achter(
    berichtenmap, django_capture_on_commit_callbacks
):
    toewijzing = met_header(voorbeeld("WMO301.xml"), identificatie="X")
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ident = services.nieuwe_identificatie(toewijzing.header.afzender, "301")
        services.verstuur(met_header(toewijzing, identificatie=ident))
        raise RuntimeError("de toewijzing wordt niet vastgelegd")
    assert callbacks == []
    assert not Bericht.objects.exists()
    assert not berichtenmap.exists() or not any(berichtenmap.rglob("*.xml"))


def test_outbox_vastgelegde_transactie_bezorgt_het_bericht(
    berichtenmap, django_capture_on_commit_callbacks
):
    toewijzing = voorbeeld("WMO301.xml")
    h = toewijzing.header
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        ident = services.nieuwe_identificatie(h.afzender, "301")
        bericht = services.verstuur(met_header(toewijzing, identificatie=ident))
    bericht.refresh_from_db()
    assert bericht.status == Status.VERZONDEN
    assert (bericht.afzender, bericht.ontvanger, bericht.identificatie) == (
        h.afzender,
        h.ontvanger,
        ident,
    )
    assert bericht.gegevens["client"]["bsn"] == toewijzing.client.bsn
    assert inbox(berichtenmap, h.ontvanger) == [bericht.bytes]
    assert bericht.kanaal_referentie.startswith(f"{h.ontvanger}/inbox/{h.afzender}/")


def test_transportfout_opnieuw_geprobeerd_pogingen_geteld_dan_bezorgd(
    tmp_path, settings, django_capture_on_commit_callbacks
):
    # The real directory transport, its root blocked by a file: writing fails (OSError).
    root = tmp_path / "berichten"
    root.write_bytes(b"geen map")
    settings.KLANTREIS_TRANSPORT = {"plugin": "directory", "opties": {"map": str(root)}}
    toewijzing = met_header(voorbeeld("WMO301.xml"), identificatie="T1")
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.verstuur(toewijzing)
    bericht.refresh_from_db()
    assert bericht.status == Status.TE_VERZENDEN
    assert bericht.pogingen == 1
    assert "mislukt" in bericht.laatste_fout
    assert bericht.volgende_poging > timezone.now()

    assert tasks.verwerk_achterstand()["bezorgd"] == 0  # not due yet
    later = timezone.now() + datetime.timedelta(seconds=61)
    with time_machine.travel(later, tick=False):
        assert tasks.verwerk_achterstand() == {"verwerkt": 0, "bezorgd": 0, "mislukt": 1}
    bericht.refresh_from_db()
    assert bericht.pogingen == 2
    assert bericht.volgende_poging >= later + datetime.timedelta(seconds=120)  # backoff

    root.unlink()  # the share is back
    with time_machine.travel(later + datetime.timedelta(minutes=5), tick=False):
        assert tasks.verwerk_achterstand()["bezorgd"] == 1
    bericht.refresh_from_db()
    assert bericht.status == Status.VERZONDEN
    assert bericht.pogingen == 3
    assert bericht.laatste_fout == ""
    assert inbox(root, toewijzing.header.ontvanger) == [bericht.bytes]


def test_na_max_pogingen_mislukt_en_beheerder_kan_opnieuw_verzenden(
    tmp_path, settings, django_capture_on_commit_callbacks, admin_client
):
    root = tmp_path / "berichten"
    root.write_bytes(b"geen map")
    settings.KLANTREIS_TRANSPORT = {"plugin": "directory", "opties": {"map": str(root)}}
    settings.KLANTREIS_BERICHTEN = {**settings.KLANTREIS_BERICHTEN, "max_pogingen": 2}
    with django_capture_on_commit_callbacks(execute=True):
        bericht = services.verstuur(met_header(voorbeeld("WMO301.xml"), identificatie="M1"))
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False):
        tasks.verwerk_achterstand()
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen) == (Status.MISLUKT, 2)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1), tick=False):
        assert tasks.verwerk_achterstand()["bezorgd"] == 0  # no longer tried by itself

    root.unlink()
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = admin_client.post(
            "/admin/berichten/bericht/",
            {"action": "opnieuw_verzenden", "_selected_action": [bericht.pk]},
        )
    assert antwoord.status_code == 302
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen) == (Status.VERZONDEN, 1)


def test_ontvangen_retour_302_gekoppeld_aan_de_verzonden_301(
    berichtenmap, lever, django_capture_on_commit_callbacks
):
    toewijzing = voorbeeld("WMO301.xml")
    with django_capture_on_commit_callbacks(execute=True):
        ident = services.nieuwe_identificatie(toewijzing.header.afzender, "301")
        heen = services.verstuur(met_header(toewijzing, identificatie=ident))
    # the aanbieder answers with the codec's retour of exactly what it received
    ontvangen = inbox(berichtenmap, toewijzing.header.ontvanger)[0]
    retour = ist.build_retour(
        ist.read(ontvangen),
        ist.check(ontvangen),
        identificatie="R77",
        dagtekening=datetime.date(2026, 11, 20),
    )
    bericht = lever(ist.write(retour))
    bericht.refresh_from_db()
    assert bericht.eigenaar == toewijzing.header.afzender  # we are the 302's recipient
    assert (bericht.afzender, bericht.identificatie) == (toewijzing.header.ontvanger, "R77")
    assert bericht.status == Status.VERWERKT
    assert bericht.heen_id == heen.pk
    assert not bericht.retouren.exists()  # a retour needs no answer
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 1


def test_retour_zonder_bekende_heen_afgekeurd(berichtenmap, lever):
    toewijzing = met_header(voorbeeld("WMO301.xml"), identificatie="ONBEKEND")
    data = ist.write(toewijzing)
    retour = ist.build_retour(
        toewijzing, ist.check(data), identificatie="R1", dagtekening=datetime.date(2026, 1, 5)
    )
    bericht = lever(ist.write(retour))
    bericht.refresh_from_db()
    assert bericht.status == Status.AFGEKEURD
    assert bericht.fouten[-1]["regel"] == "KOPPELING"


def test_ontvangen_325_gekoppeld_aan_de_verzonden_323(
    berichtenmap, lever, django_capture_on_commit_callbacks
):
    declaratie = voorbeeld("WMO323.xml")
    with django_capture_on_commit_callbacks(execute=True):
        heen = services.verstuur(met_header(declaratie, identificatie="D1"))
    ontvangen = inbox(berichtenmap, declaratie.header.ontvanger)[0]
    antwoord = ist.build_retour(
        ist.read(ontvangen),
        ist.check(ontvangen),
        identificatie="A325",
        dagtekening=datetime.date(2026, 11, 20),
    )
    bericht = lever(ist.write(antwoord))
    bericht.refresh_from_db()
    assert bericht.berichtcode == "325"
    assert bericht.status == Status.VERWERKT
    assert bericht.heen_id == heen.pk


def test_ontvangen_323_beantwoord_met_325(berichtenmap, lever):
    bericht = lever(ist.write(met_header(voorbeeld("WMO323.xml"), identificatie="D2")))
    r = ist.read(_retour(bericht).bytes)
    assert r.bericht == "325"
    assert r.header.declaratie_identificatie.identificatie == "D2"
    retour = _retour(bericht)
    assert (retour.afzender, retour.ontvanger) == (r.header.afzender, r.header.ontvanger)


def test_nieuwe_identificatie_oplopend_per_afzender_en_berichtcode():
    assert [services.nieuwe_identificatie("0363", "301") for _ in range(3)] == ["1", "2", "3"]
    assert services.nieuwe_identificatie("0363", "302") == "1"
    assert services.nieuwe_identificatie("0797", "301") == "1"
    assert services.nieuwe_identificatie("0363", "301") == "4"


def test_retour_krijgt_identificatie_uit_de_teller(bericht305, lever, berichtenmap):
    a = lever(bericht305("ID1"))
    b = lever(bericht305("ID2"))
    ids = [ist.read(_retour(x).bytes).header.identificatie_retour for x in (a, b)]
    assert ids == ["1", "2"]
    assert services.nieuwe_identificatie(GEMEENTE, "306") == "3"


def test_haal_op_slaat_op_en_bevestigt(
    bericht305, berichtenmap, django_capture_on_commit_callbacks
):
    from klantreis.berichten.transports import Uitgaand, maak_transport

    aanbieder = maak_transport("directory", {"map": str(berichtenmap), "partij": AANBIEDER})
    data = bericht305("POLL1")
    aanbieder.verzend(
        Uitgaand(
            inhoud=data,
            bestandsnaam="WMO305_POLL1.xml",
            functie="WMO305",
            afzender=AANBIEDER,
            ontvanger=GEMEENTE,
            identificatie="POLL1",
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.haal_op() == 1
    bericht = Bericht.objects.get(richting=Richting.IN)
    assert (bericht.eigenaar, bericht.status, bericht.bytes) == (GEMEENTE, Status.VERWERKT, data)
    assert bericht.kanaal_referentie == f"{GEMEENTE}/inbox/{AANBIEDER}/WMO305_POLL1.xml"
    assert inbox(berichtenmap, GEMEENTE) == []  # archived after storing
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.haal_op() == 0


def test_zelfde_bericht_als_ander_bestand_eenmaal_verwerkt_met_dezelfde_retour(
    bericht305, lever, berichtenmap, afhandelaar
):
    handler = afhandelaar("305", Teller())
    data = bericht305("HERSCHREVEN")
    eerste = lever(data)
    tweede = lever(data + b"\n")  # re-serialised by a channel: other bytes, same message

    assert tweede.pk != eerste.pk
    assert handler.aanroepen == [eerste.pk]
    tweede.refresh_from_db()
    assert tweede.status == Status.VERWERKT
    assert [f["regel"] for f in tweede.fouten] == ["DUBBEL"]
    assert not tweede.retouren.exists()
    retour = _retour(eerste)
    assert inbox(berichtenmap, AANBIEDER) == [retour.bytes, retour.bytes]


def test_afhandelaar_met_programmeerfout_laat_het_bericht_staan_voor_later(
    bericht305, lever, berichtenmap, afhandelaar, django_capture_on_commit_callbacks
):
    stuk = {"ja": True}

    def verwerk_305(bericht, message):
        Gemeente.objects.create(code="9996", naam="Half")
        if stuk["ja"]:
            raise ValueError("bug in de afhandelaar")
        return verwerking.Afhandeling(fouten=[])

    afhandelaar("305", verwerk_305)
    bericht = lever(bericht305("BUG1"))
    bericht.refresh_from_db()
    assert bericht.status == Status.IN_VERWERKING
    assert "ValueError: bug in de afhandelaar" in bericht.laatste_fout
    assert not bericht.retouren.exists()
    assert not Gemeente.objects.filter(code="9996").exists()

    stuk["ja"] = False  # fixed and deployed
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(hours=1), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        tasks.verwerk_achterstand()
    bericht.refresh_from_db()
    assert bericht.status == Status.VERWERKT
    assert bericht.laatste_fout == ""
    assert Gemeente.objects.filter(code="9996").count() == 1


@pytest.fixture
def traject(heusden):
    from klantreis.accounts.models import Rol
    from klantreis.routes import engine
    from klantreis.tests.factories import ClientFactory
    from klantreis.tests.lopen import actoren

    wie = actoren(heusden)
    return engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )


@pytest.mark.parametrize("met_fouten", [False, True])
def test_afhandelaar_koppelt_het_traject_alleen_als_het_bericht_geaccepteerd_is(
    bericht305, lever, berichtenmap, afhandelaar, traject, met_fouten
):
    def verwerk_305(bericht, message):
        bericht.traject = traject
        fout = ist.Fout("TR019", "9019", "/Bericht/Client", "Geen toewijzing.", message.client)
        return verwerking.Afhandeling(fouten=[fout] if met_fouten else [])

    afhandelaar("305", verwerk_305)
    bericht = lever(bericht305("TRJ1"))
    bericht.refresh_from_db()
    verwacht = None if met_fouten else traject.pk
    assert bericht.traject_id == verwacht
    assert _retour(bericht).traject_id == verwacht


def test_verstuur_weigert_een_gebruikte_identificatie(berichtenmap):
    toewijzing = met_header(voorbeeld("WMO301.xml"), identificatie="ZELFDE")
    services.verstuur(toewijzing)
    with pytest.raises(ValueError, match="TR056"):
        services.verstuur(toewijzing)
    assert Bericht.objects.count() == 1


def test_dubbele_vot_levert_de_316_opnieuw_niet_de_301_die_de_afhandelaar_stuurde(
    lever, berichtenmap, afhandelaar
):
    toewijzing = voorbeeld("WMO301.xml")

    def verwerk_315(bericht, message):
        ident = services.nieuwe_identificatie(toewijzing.header.afzender, "301")
        services.verstuur(met_header(toewijzing, identificatie=ident), heen=bericht)
        return verwerking.Afhandeling(fouten=[])

    afhandelaar("315", verwerk_315)
    data = ist.write(met_header(voorbeeld("WMO315.xml"), identificatie="VOT2"))
    vot = lever(data)
    lever(data)
    codes = sorted(vot.retouren.values_list("berichtcode", "pogingen"))
    assert codes == [("301", 1), ("316", 2)]
    assert services.retour_van(vot).berichtcode == "316"


def test_worker_vraagt_celery_opnieuw_te_proberen_op_de_vastgelegde_volgende_poging(
    tmp_path, settings, monkeypatch, taken_staan_stil
):
    from celery.exceptions import Retry

    root = tmp_path / "berichten"
    root.write_bytes(b"geen map")
    settings.KLANTREIS_TRANSPORT = {"plugin": "directory", "opties": {"map": str(root)}}
    bericht = services.verstuur(met_header(voorbeeld("WMO301.xml"), identificatie="C1"))
    gevraagd = {}

    def retry(exc=None, countdown=None, **kw):
        gevraagd.update(exc=exc, countdown=countdown)
        return Retry()

    monkeypatch.setattr(tasks.bezorg, "retry", retry)
    tasks.bezorg.push_request(is_eager=False)  # as in a real worker
    try:
        with pytest.raises(Retry):
            tasks.bezorg.run(bericht.pk)
    finally:
        tasks.bezorg.pop_request()
    bericht.refresh_from_db()
    assert bericht.pogingen == 1
    assert isinstance(gevraagd["exc"], tasks.TransportFout)
    assert 55 <= gevraagd["countdown"] <= 61  # the first backoff step (60 s)


def test_ijw_305_beantwoord_met_jw306_en_leesbaar_opgeslagen(lever, berichtenmap):
    # (the shared JW315.xml example is not XSD-valid: ToewijzingEinddatum 2027-06-31)
    vot = met_header(voorbeeld("JW305.xml"), identificatie="JW1")
    bericht = lever(ist.write(vot))
    bericht.refresh_from_db()
    assert (bericht.standaard, bericht.berichtcode, bericht.status) == ("ijw", "305", "verwerkt")
    assert bericht.gegevens["bericht"] == "305"
    assert bericht.gegevens["header"]["bericht_identificatie"] == {
        "identificatie": "JW1",
        "dagtekening": vot.header.bericht_identificatie.dagtekening.isoformat(),
    }
    retour = _retour(bericht)
    assert (retour.standaard, retour.berichtcode) == ("ijw", "306")
    assert retour.bestandsnaam.startswith(f"JW306_{vot.header.ontvanger}_{vot.header.afzender}_")
    assert inbox(berichtenmap, vot.header.afzender) == [retour.bytes]


def test_herschreven_afgekeurd_bericht_krijgt_geen_tweede_retour(bericht305, lever, berichtenmap):
    data = bericht305("BSN2", bsn="123456789")  # CS002: 0001, TR056 is not even reached
    eerste = lever(data)
    tweede = lever(data + b"\n")
    tweede.refresh_from_db()
    assert [f["regel"] for f in tweede.fouten] == ["DUBBEL"]
    assert Bericht.objects.filter(richting=Richting.UIT).count() == 1
    assert inbox(berichtenmap, AANBIEDER) == [_retour(eerste).bytes] * 2


def test_herschreven_retour_wordt_niet_tweemaal_afgehandeld(
    berichtenmap, lever, afhandelaar, django_capture_on_commit_callbacks
):
    handler = afhandelaar("302", Teller())
    toewijzing = met_header(voorbeeld("WMO301.xml"), identificatie="H1")
    with django_capture_on_commit_callbacks(execute=True):
        services.verstuur(toewijzing)
    ontvangen = inbox(berichtenmap, toewijzing.header.ontvanger)[0]
    retour = ist.write(
        ist.build_retour(
            ist.read(ontvangen),
            ist.check(ontvangen),
            identificatie="R9",
            dagtekening=datetime.date(2026, 11, 20),
        )
    )
    eerste = lever(retour)
    tweede = lever(retour + b"\n")
    tweede.refresh_from_db()
    assert handler.aanroepen == [eerste.pk]
    assert tweede.status == Status.VERWERKT
    assert tweede.fouten[0]["melding"].endswith("niet opnieuw verwerkt.")


def test_tr135_dagtekening_in_de_toekomst_krijgt_8848(lever, berichtenmap, afhandelaar):
    handler = afhandelaar("305", Teller())
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    data = ist.write(met_header(voorbeeld("WMO305.xml"), identificatie="TOEK1", dagtekening=morgen))
    bericht = lever(data)
    bericht.refresh_from_db()
    assert handler.aanroepen == []
    assert [f["regel"] for f in bericht.fouten] == ["TR135"]
    r = ist.read(_retour(bericht).bytes)
    assert [c.value for c in r.header.retour_codes] == ["8848"]


def test_klassefouten_alleen_met_een_afhandelaar_die_erom_vraagt(afhandelaar):
    from klantreis.berichten.afhandeling import afmelden, wil_klassefouten

    assert not wil_klassefouten("323")  # no handler (the fixture cleared them)
    afhandeling.registreer("323", klassefouten=True)(lambda b, m, k=(): None)
    assert wil_klassefouten("323")
    afhandeling.registreer("323")(lambda b, m: None)  # re-registered without: off again
    assert not wil_klassefouten("323")
    afhandeling.registreer("323", klassefouten=True)(lambda b, m, k=(): None)
    afmelden("323")
    assert not wil_klassefouten("323")
