"""Heusden stap 8, payment: approved prestaties become a payment run whose files (CSV, XLSX,
SEPA pain.001) a finance department loads; a line is never paid twice, a held line is never
exported until the 305 releases it."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from lxml import etree
from openpyxl import load_workbook

from klantreis import istandaarden as ist
from klantreis.declaraties import betaalopdracht as bo
from klantreis.declaraties import workflow
from klantreis.declaraties.bestanden import csv_bestand, xlsx_bestand
from klantreis.declaraties.models import Betaalstatus, OpdrachtStatus, Prestatie
from klantreis.declaraties.sepa import NS, pain001, schema
from klantreis.simulatie.aanbieder import bouw_305
from klantreis.tests.factories import AanbiederFactory, ClientFactory

from .conftest import MAAND, TARIEF, VANDAAG, maak_toewijzing, maand, prestatie
from .test_stromen import _persoon

GEMEENTE_IBAN = "NL91ABNA0417164300"
AANBIEDER_IBAN = "NL44RABO0123456789"
TWEEDE_IBAN = "NL20INGB0001234567"


@pytest.fixture
def cap(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def rekeningen(omgeving):
    g, a = omgeving.gemeente, omgeving.aanbieder
    g.iban, g.rekeninghouder = GEMEENTE_IBAN, "Gemeente Heusden"
    g.save()
    a.iban, a.tenaamstelling = AANBIEDER_IBAN, "Stichting Begeleiding Oost-Brabant"
    a.save()
    return omgeving


def _x(doc, pad: str) -> list[str]:
    return [el.text for el in doc.iterfind(pad, {"p": NS})]


def test_iban_en_bic_worden_gecontroleerd(omgeving):
    a = omgeving.aanbieder
    a.iban = "nl91 abna 0417 1643 00"
    a.full_clean()  # valid, typed with spaces and lower case
    assert a.iban == "NL91ABNA0417164300"
    a.iban = "NL91ABNA0417164301"  # one digit off: mod-97 fails
    with pytest.raises(ValidationError, match="geen geldig IBAN"):
        a.full_clean()
    a.iban, a.bic = AANBIEDER_IBAN, "RABO"
    with pytest.raises(ValidationError, match="geen geldige BIC"):
        a.full_clean()


def test_betaalopdracht_neemt_elke_regel_een_keer(rekeningen, cap):
    a, b = rekeningen.clienten
    rekeningen.lever(
        rekeningen.bericht({a.bsn: [prestatie("A1")], b.bsn: [prestatie("B1", nummer=2)]}), cap
    )
    opdracht = bo.maak_betaalopdracht(rekeningen.gemeente, tot_en_met=MAAND)
    assert (opdracht.aantal, opdracht.totaal) == (2, 16 * TARIEF)
    assert opdracht.kenmerk == f"KR-0797-{dt.date.today():%Y%m%d}-{opdracht.pk}"
    assert set(Prestatie.objects.values_list("betaalstatus", "betaalopdracht")) == {
        (Betaalstatus.IN_BESTAND, opdracht.pk)
    }
    # a second run finds nothing: the lines are taken
    assert bo.maak_betaalopdracht(rekeningen.gemeente, tot_en_met=MAAND) is None
    bo.bevestig(opdracht)
    assert set(Prestatie.objects.values_list("betaalstatus", flat=True)) == {"betaald"}
    assert Prestatie.objects.filter(betaald_op__isnull=True).count() == 0
    with pytest.raises(bo.BetaalFout, match="al afgehandeld"):
        bo.bevestig(opdracht)
    with pytest.raises(bo.BetaalFout):
        bo.trek_in(opdracht)
    assert bo.maak_betaalopdracht(rekeningen.gemeente) is None


def test_ingetrokken_opdracht_geeft_de_regels_terug(rekeningen, cap):
    rekeningen.declareer([prestatie("R1")], cap)
    eerste = bo.maak_betaalopdracht(rekeningen.gemeente)
    assert bo.trek_in(eerste) == 1
    eerste.refresh_from_db()
    assert eerste.status == OpdrachtStatus.INGETROKKEN
    p = Prestatie.objects.get()
    assert (p.betaalstatus, p.betaalopdracht) == (Betaalstatus.TE_BETALEN, None)
    tweede = bo.maak_betaalopdracht(rekeningen.gemeente)
    assert tweede.kenmerk != eerste.kenmerk and tweede.aantal == 1


def test_database_weigert_betaald_zonder_opdracht(rekeningen, cap):
    from django.db import IntegrityError, transaction

    rekeningen.declareer([prestatie("R1")], cap)
    with pytest.raises(IntegrityError), transaction.atomic():
        Prestatie.objects.update(betaalstatus=Betaalstatus.BETAALD)


def test_workflow_kent_geen_sprong_van_aangehouden_naar_betaald():
    with pytest.raises(workflow.OngeldigeOvergang):
        workflow.zet_prestaties(Prestatie.objects.none(), "aangehouden", "betaald")


def test_periode_tot_en_met(rekeningen, cap):
    rekeningen.declareer([prestatie("R1")], cap, nummer="D1")
    rekeningen.declareer(
        [prestatie("R2", begin=maand(1), volume=2)], cap, nummer="D2", periode=maand(1)
    )
    opdracht = bo.maak_betaalopdracht(rekeningen.gemeente, tot_en_met=MAAND)
    assert opdracht.aantal == 1 and opdracht.totaal == 8 * TARIEF
    assert Prestatie.objects.get(referentienummer="R2").betaalstatus == Betaalstatus.TE_BETALEN


def test_aanbieder_met_netto_credit_wacht_op_een_volgende_run(rekeningen, cap):
    rekeningen.declareer([prestatie("R1", volume=8)], cap, nummer="D1")
    bo.bevestig(bo.maak_betaalopdracht(rekeningen.gemeente))
    # only a credit now: nothing to transfer, the credit waits to be offset
    rekeningen.declareer([prestatie("C1", vorig="R1", credit=True, volume=8)], cap, nummer="D2")
    assert bo.maak_betaalopdracht(rekeningen.gemeente) is None
    assert Prestatie.objects.get(referentienummer="C1").betaalstatus == Betaalstatus.TE_BETALEN
    rekeningen.declareer([prestatie("R2", volume=10)], cap, nummer="D3")
    opdracht = bo.maak_betaalopdracht(rekeningen.gemeente)
    assert (opdracht.aantal, opdracht.totaal) == (2, 2 * TARIEF)  # 10 − 8 hours


def test_heusden_aangehouden_niet_in_betaalbestand_tot_vrijgave(rekeningen, cap):
    g = rekeningen.gemeente
    g.betaling_na_startbericht = True
    g.save()
    rekeningen.declareer([prestatie("R1")], cap, nummer="D1")
    assert Prestatie.objects.get().betaalstatus == Betaalstatus.AANGEHOUDEN
    assert bo.maak_betaalopdracht(g) is None
    start = bouw_305(
        ist.Standaard.IWMO,
        ist.nieuwe_header(
            ist.Standaard.IWMO, "305", afzender=rekeningen.aanbieder.agb_code,
            ontvanger=g.code, dagtekening=VANDAAG, identificatie=rekeningen.generator,
        ),
        _persoon(rekeningen.clienten[0]),
        [(1, MAAND, "1")],
    )  # fmt: skip
    rekeningen.lever(start, cap)
    opdracht = bo.maak_betaalopdracht(g)
    assert opdracht is not None and opdracht.aantal == 1


def _twee_aanbieders(omgeving, cap):
    tweede = AanbiederFactory(agb_code="41000055", naam="Zorg & Welzijn Vlijmen")
    tweede.iban = TWEEDE_IBAN
    tweede.save()
    from klantreis.organisaties.models import Contract

    Contract.objects.create(
        aanbieder=tweede, gemeente=omgeving.gemeente, product=omgeving.product, tarief=TARIEF,
        ingangsdatum=dt.date(2023, 1, 1),
    )  # fmt: skip
    client = ClientFactory(gemeente=omgeving.gemeente, wet="wmo")
    maak_toewijzing(omgeving.gemeente, tweede, client, 7)
    a, b = omgeving.clienten
    omgeving.lever(
        omgeving.bericht(
            {a.bsn: [prestatie("A1", volume=8)], b.bsn: [prestatie("B1", nummer=2, volume=4)]},
            nummer="D1",
        ),
        cap,
    )
    andere = type(omgeving)(omgeving.gemeente, tweede, [client], [], omgeving.product)
    andere.lever(andere.bericht({client.bsn: [prestatie("Z1", nummer=7, volume=3)]}), cap)
    return tweede


def test_xlsx_cel_voor_cel(rekeningen, cap):
    tweede = _twee_aanbieders(rekeningen, cap)
    opdracht = bo.maak_betaalopdracht(rekeningen.gemeente)
    regels = bo.regels_van(opdracht.prestaties.all())
    wb = load_workbook(io.BytesIO(xlsx_bestand(regels, kenmerk=opdracht.kenmerk)))
    assert wb.sheetnames == ["Betaalregels", "Overboekingen"]
    ws = wb["Betaalregels"]
    rijen = [[c.value for c in rij] for rij in ws.iter_rows()]
    assert rijen[0] == [
        "Gemeente", "AGB-code", "Aanbieder", "Wet", "Periode", "Aantal prestaties", "Bedrag",
        "IBAN", "Betaalkenmerk",
    ]  # fmt: skip
    assert rijen[1] == [
        "0797", "41000044", "Begeleiding Oost", "wmo", f"{MAAND:%Y-%m}", 2, 12 * TARIEF / 100,
        AANBIEDER_IBAN, opdracht.kenmerk,
    ]  # fmt: skip
    assert rijen[2] == [
        "0797", "41000055", "Zorg & Welzijn Vlijmen", "wmo", f"{MAAND:%Y-%m}", 1,
        3 * TARIEF / 100, TWEEDE_IBAN, opdracht.kenmerk,
    ]  # fmt: skip
    assert rijen[3][:7] == ["Totaal", None, None, None, None, 3, 15 * TARIEF / 100]
    assert len(rijen) == 4
    assert ws["G2"].number_format.startswith('"€"')  # a number in euro format, not text
    wo = wb["Overboekingen"]
    assert [c.value for c in wo[2]] == [
        "41000044", "Stichting Begeleiding Oost-Brabant", AANBIEDER_IBAN, "RABONL2U", 2,
        12 * TARIEF / 100, f"{MAAND:%Y-%m}",
    ]  # fmt: skip
    assert [c.value for c in wo[3]][:3] == ["41000055", tweede.naam, TWEEDE_IBAN]


def test_csv_van_een_opdracht(rekeningen, cap):
    _twee_aanbieders(rekeningen, cap)
    opdracht = bo.maak_betaalopdracht(rekeningen.gemeente)
    regels = csv_bestand(bo.regels_van(opdracht.prestaties.all()), opdracht.kenmerk).splitlines()
    assert regels[0].split(";") == [
        "gemeentecode", "agb_code", "aanbieder", "wet", "periode", "aantal_prestaties",
        "bedrag_eurocent", "bedrag_euro", "iban", "betaalkenmerk",
    ]  # fmt: skip
    assert regels[1] == (
        f"0797;41000044;Begeleiding Oost;wmo;{MAAND:%Y-%m};2;73800;738,00;{AANBIEDER_IBAN};"
        f"{opdracht.kenmerk}"
    )
    assert regels[2].startswith("0797;41000055;Zorg & Welzijn Vlijmen;wmo;")
    assert regels[2].split(";")[5:8] == ["1", "18450", "184,50"]


def test_pain001_valide_tegen_de_xsd(rekeningen, cap):
    _twee_aanbieders(rekeningen, cap)
    opdracht = bo.maak_betaalopdracht(rekeningen.gemeente, uitvoerdatum=dt.date(2026, 12, 1))
    xml = pain001(opdracht)
    doc = etree.fromstring(xml)
    schema().assertValid(doc)  # the official ISO 20022 schema in declaraties/xsd/
    assert _x(doc, ".//p:GrpHdr/p:MsgId") == [opdracht.kenmerk]
    assert _x(doc, ".//p:GrpHdr/p:NbOfTxs") == ["2"]
    assert _x(doc, ".//p:GrpHdr/p:CtrlSum") == ["922.50"]  # 15 hours × € 61,50
    assert _x(doc, ".//p:PmtInf/p:ReqdExctnDt") == ["2026-12-01"]
    assert _x(doc, ".//p:DbtrAcct/p:Id/p:IBAN") == [GEMEENTE_IBAN]
    assert _x(doc, ".//p:DbtrAgt/p:FinInstnId/p:BIC") == ["ABNANL2A"]  # from the IBAN
    assert _x(doc, ".//p:CdtTrfTxInf/p:Amt/p:InstdAmt") == ["738.00", "184.50"]
    assert _x(doc, ".//p:CdtrAcct/p:Id/p:IBAN") == [AANBIEDER_IBAN, TWEEDE_IBAN]
    assert _x(doc, ".//p:Cdtr/p:Nm") == [
        "Stichting Begeleiding Oost-Brabant",
        "Zorg Welzijn Vlijmen",
    ]
    assert _x(doc, ".//p:EndToEndId") == [
        f"{opdracht.kenmerk}-41000044",
        f"{opdracht.kenmerk}-41000055",
    ]
    ustrd = _x(doc, ".//p:RmtInf/p:Ustrd")
    assert ustrd[0] == f"Zorgdeclaraties Heusden {opdracht.kenmerk} AGB 41000044 {MAAND:%Y-%m}"
    assert pain001(opdracht) == xml  # a second download is the same file (same MsgId)
    bo.bevestig(opdracht)
    with pytest.raises(bo.BetaalFout, match="betaald"):
        pain001(opdracht)  # paid: no bank file any more


def test_pain001_weigert_zonder_iban(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap)
    opdracht = bo.maak_betaalopdracht(omgeving.gemeente)
    with pytest.raises(bo.BetaalFout) as fout:
        pain001(opdracht)
    assert "Gemeente Heusden heeft geen IBAN" in str(fout.value)
    assert "Begeleiding Oost (41000044) heeft geen IBAN" in str(fout.value)


def test_commando_betaalopdracht_bestand_en_bevestig(rekeningen, cap, tmp_path, capsys):
    rekeningen.declareer([prestatie("R1")], cap)
    uit = tmp_path / "betaling.xml"
    call_command(
        "declaraties", "betaalopdracht", "--gemeente", "0797", "--formaat", "pain001",
        "--uitvoer", str(uit),
    )  # fmt: skip
    schema().assertValid(etree.parse(str(uit)))
    opdracht = Prestatie.objects.get().betaalopdracht
    xlsx = tmp_path / "betaling.xlsx"
    call_command(
        "declaraties", "bestand", "--opdracht", opdracht.kenmerk, "--formaat", "xlsx",
        "--uitvoer", str(xlsx),
    )  # fmt: skip
    assert load_workbook(xlsx)["Betaalregels"]["F2"].value == 1
    with pytest.raises(CommandError, match="Niets te betalen"):
        call_command("declaraties", "betaalopdracht", "--gemeente", "0797")
    call_command("declaraties", "bevestig", "--opdracht", opdracht.kenmerk)
    assert Prestatie.objects.get().betaalstatus == Betaalstatus.BETAALD
    with pytest.raises(CommandError, match="al afgehandeld"):
        call_command("declaraties", "intrekken", "--opdracht", opdracht.kenmerk)
    with pytest.raises(CommandError, match="--uitvoer"):
        call_command("declaraties", "betaalopdracht", "--gemeente", "0797", "--formaat", "xlsx")


@pytest.mark.django_db(transaction=True)
def test_twee_medewerkers_tegelijk_elke_regel_in_een_opdracht(omgeving, cap):
    """Two clerks make a run at the same moment, each on its own connection that really
    commits: the conditional UPDATE gives every line to one run only."""
    import threading

    from django.db import connection

    if connection.vendor == "sqlite":
        pytest.skip("SQLite's in-memory test database allows no second writing connection.")
    a, b = omgeving.clienten
    omgeving.lever(
        omgeving.bericht({a.bsn: [prestatie("A1")], b.bsn: [prestatie("B1", nummer=2)]}), cap
    )
    start = threading.Barrier(2)
    uitkomsten, fouten = [], []

    def medewerker():
        try:
            start.wait()
            uitkomsten.append(bo.maak_betaalopdracht(omgeving.gemeente))
        except BaseException as exc:  # reported below
            fouten.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=medewerker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert fouten == []
    gemaakt = [o for o in uitkomsten if o is not None]
    assert sum(o.aantal for o in gemaakt) == 2
    assert Prestatie.objects.filter(betaalopdracht__isnull=True).count() == 0
    assert len({o.kenmerk for o in gemaakt}) == len(gemaakt)
