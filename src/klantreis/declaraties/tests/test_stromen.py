"""Whole flows: a 323 with a mix of faults and the exact 325 that answers it, corrections
(credit, then a new debet), late declarations, the Heusden hold-and-release of payments, the
payment file, and the 325 termijn."""

import datetime as dt

import pytest
from django.core.management import call_command

from klantreis import istandaarden as ist
from klantreis.accounts.models import Rol
from klantreis.declaraties.afhandeling import te_laat
from klantreis.declaraties.betaling import betaalbestand
from klantreis.declaraties.models import Betaalstatus, Declaratie, Prestatie
from klantreis.routes import engine
from klantreis.simulatie.aanbieder import Persoon, bouw_305
from klantreis.termijnen.models import Termijn
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import actoren
from klantreis.toewijzingen.models import ZorgMelding

from .conftest import MAAND, TARIEF, VANDAAG, codes_per_prestatie, maand, prestatie, retourcodes


@pytest.fixture
def cap(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def test_heel_323_met_mix_van_fouten_en_het_exacte_325(omgeving, cap):
    a, b = omgeving.clienten
    vreemde = ClientFactory(gemeente=omgeving.gemeente, wet="wmo")
    message = omgeving.bericht(
        {
            a.bsn: [
                prestatie("A1"),  # approved
                prestatie("A2", nummer=2),  # TR338: toewijzing 2 is b's
                prestatie("A3", categorie="02", code="02A01", tarief=6000, begin=maand(3)),
            ],
            b.bsn: [
                prestatie("B1", nummer=2, volume=4),  # approved
                prestatie("B2", nummer=2, credit=True, vorig="ONBEKEND", volume=1),  # TR323
                prestatie("B3", nummer=2, bedrag=1, begin=maand(3)),  # TR346 (codec, 9346)
            ],
            vreemde.bsn: [prestatie("V1")],  # TR304 on the client, V1 not judged
        },
        nummer="MIX1",
    )
    heen, retour = omgeving.lever(message, cap)
    assert isinstance(retour, ist.modellen.Bericht325), heen.fouten
    antwoord = retour.declaratie_antwoord
    assert antwoord.declaratie_nummer == "MIX1"
    # document order: the header 0200; per client its rejected prestaties with their codes,
    # then the client's own code; last the declaratie's 0200 (partly approved: no 8001)
    assert retourcodes(retour) == [
        "0200",
        "9338", "0611", "0200",
        "8017", "9346", "0200",
        "0233", "8187",
        "0200",
    ]  # fmt: skip
    assert codes_per_prestatie(retour) == {
        "A2": ["9338"],
        "A3": ["0611"],
        "B2": ["8017"],
        "B3": ["9346"],
        "V1": ["0233"],
    }
    assert [c.bsn for c in antwoord.clienten] == [a.bsn, b.bsn, vreemde.bsn]
    toegekend = 8 * TARIEF + 4 * TARIEF
    assert antwoord.totaal_toegekend_bedrag.totaal_bedrag == toegekend
    assert antwoord.totaal_toegekend_bedrag.debet_credit.value == "D"
    d = Declaratie.objects.get(nummer="MIX1")
    assert d.totaal_toegekend == toegekend and d.bericht == heen
    assert d.totaal_ingediend == message.declaratie.totaal_ingediend_bedrag.totaal_bedrag
    assert set(
        Prestatie.objects.filter(goedgekeurd=True).values_list("referentienummer", flat=True)
    ) == {"A1", "B1"}
    assert Prestatie.objects.count() == 7  # the rejected ones are recorded too
    assert Prestatie.objects.get(referentienummer="B2").bedrag == -TARIEF
    assert Prestatie.objects.get(referentienummer="A2").retourcodes == ["9338"]
    assert d.antwoord_uiterlijk > VANDAAG and d.beantwoord_op == VANDAAG


def test_correctie_credit_dan_nieuw_debet(omgeving, cap):
    """OP366: credit the original fully (VorigReferentieNummer), then a new debet; the
    payment lines net out."""
    assert retourcodes(omgeving.declareer([prestatie("R1", volume=8)], cap, nummer="D1")) == [
        "0200",
        "8001",
    ]
    # a second debet for the same toewijzing and month, without a credit: TR389
    retour = omgeving.declareer([prestatie("R2", volume=6)], cap, nummer="D2")
    assert codes_per_prestatie(retour) == {"R2": ["9389"]}
    # credit of R1 and the corrected debet in one declaratie (the same month again: allowed)
    retour = omgeving.declareer(
        [prestatie("R3", volume=6), prestatie("C1", vorig="R1", credit=True, volume=8)],
        cap,
        nummer="D3",
    )
    assert retourcodes(retour) == ["0200", "8001"]
    assert retour.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 2 * TARIEF
    assert retour.declaratie_antwoord.totaal_toegekend_bedrag.debet_credit.value == "C"
    # R1 cannot be credited twice, and a credit of R3 needs R3's key fields
    retour = omgeving.declareer(
        [prestatie("C2", vorig="R1", credit=True, volume=8)], cap, nummer="D4"
    )
    assert codes_per_prestatie(retour) == {"C2": ["9390"]}
    csv = betaalbestand(MAAND)
    regel = csv.splitlines()[1].split(";")
    assert regel[1] == omgeving.aanbieder.agb_code
    assert regel[5:7] == ["3", str(6 * TARIEF)]  # R1 + C1 + R3 = 6 hours


def test_late_declaratie_waarschuwing_geen_afkeur(omgeving, cap):
    oud = maand(5)
    retour = omgeving.declareer([prestatie("R1", begin=oud)], cap, nummer="D1", periode=oud)
    assert retourcodes(retour) == ["0200", "8001"]
    d = Declaratie.objects.get()
    assert d.te_laat and "drie maanden" in d.waarschuwingen[0]
    recent = omgeving.declareer([prestatie("R2")], cap, nummer="D2")
    assert retourcodes(recent) == ["0200", "8001"]
    assert not Declaratie.objects.get(nummer="D2").te_laat


def test_te_laat_grens():
    assert not te_laat(dt.date(2026, 1, 31), dt.date(2026, 4, 30))
    assert te_laat(dt.date(2026, 1, 31), dt.date(2026, 5, 1))
    assert not te_laat(dt.date(2025, 11, 30), dt.date(2026, 2, 28))
    assert te_laat(dt.date(2025, 11, 30), dt.date(2026, 3, 1))


def test_iv090_niet_voor_laatste_periode_maar_wel_laat(omgeving, cap):
    """Late is allowed (OP354), a DeclaratiePeriode before the last one is not (IV090)."""
    omgeving.declareer([prestatie("R1", begin=maand(5))], cap, nummer="D1", periode=maand(5))
    assert Declaratie.objects.get(nummer="D1").te_laat
    retour = omgeving.declareer([prestatie("R2")], cap, nummer="D2")
    assert retourcodes(retour) == ["0200", "8001"]
    retour = omgeving.declareer([prestatie("R3", begin=maand(3))], cap, nummer="D3",
                                periode=maand(3))  # fmt: skip
    assert [c.value for c in retour.declaratie_antwoord.retour_codes] == ["8214"]
    assert retour.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0


def _persoon(client) -> Persoon:
    return Persoon(
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        geslacht=client.geslacht,
        achternaam=client.achternaam,
        voorletters="J",
    )


def test_heusden_betaling_na_startbericht_aanhouden_en_vrijgeven(omgeving, cap):
    omgeving.gemeente.betaling_na_startbericht = True
    omgeving.gemeente.save()
    retour = omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    assert retourcodes(retour) == ["0200", "8001"]  # the 325 follows the standard (OP364)
    p = Prestatie.objects.get()
    assert p.goedgekeurd and p.betaalstatus == Betaalstatus.AANGEHOUDEN
    assert betaalbestand(MAAND).count("\n") == 1  # held: no payment line

    client = omgeving.clienten[0]
    start = bouw_305(
        ist.Standaard.IWMO,
        ist.nieuwe_header(
            ist.Standaard.IWMO, "305", afzender=omgeving.aanbieder.agb_code,
            ontvanger=omgeving.gemeente.code, dagtekening=VANDAAG,
            identificatie=omgeving.generator,
        ),
        _persoon(client),
        [(1, MAAND, "1")],
    )  # fmt: skip
    omgeving.lever(start, cap)
    assert ZorgMelding.objects.filter(toewijzing__nummer=1, actueel=True).exists()
    p.refresh_from_db()
    assert p.betaalstatus == Betaalstatus.TE_BETALEN
    # once started, a new declaratie is payable straight away
    omgeving.declareer([prestatie("R2", begin=maand(1), volume=2)], cap, nummer="D2",
                       periode=maand(1))  # fmt: skip
    assert Prestatie.objects.get(referentienummer="R2").betaalstatus == Betaalstatus.TE_BETALEN


def test_zonder_beleid_direct_te_betalen(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap)
    assert Prestatie.objects.get().betaalstatus == Betaalstatus.TE_BETALEN


def test_afgekeurde_prestatie_wordt_niet_betaald(omgeving, cap):
    omgeving.declareer([prestatie("R1", nummer=99)], cap)
    assert Prestatie.objects.get().betaalstatus == Betaalstatus.GEEN
    assert betaalbestand(MAAND).count("\n") == 1


def test_betaalbestand_commando_en_markeren(omgeving, cap, capsys):
    a, b = omgeving.clienten
    omgeving.lever(
        omgeving.bericht({a.bsn: [prestatie("A1")], b.bsn: [prestatie("B1", nummer=2)]}), cap
    )
    call_command("declaraties", "betaalbestand", "--periode", f"{MAAND:%Y-%m}")
    uit = capsys.readouterr().out.splitlines()
    assert uit[0].startswith("gemeentecode;agb_code;")
    assert uit[1] == (
        f"0797;{omgeving.aanbieder.agb_code};Begeleiding Oost;wmo;{MAAND:%Y-%m};2;"
        f"{16 * TARIEF};{16 * TARIEF // 100},{16 * TARIEF % 100:02d};;"
    )  # no IBAN known, no payment run yet (a preview)
    call_command("declaraties", "betaalbestand", "--periode", f"{MAAND:%Y-%m}", "--markeer-betaald")
    capsys.readouterr()
    assert set(Prestatie.objects.values_list("betaalstatus", flat=True)) == {"betaald"}
    call_command("declaraties", "betaalbestand", "--periode", f"{MAAND:%Y-%m}")
    assert len(capsys.readouterr().out.splitlines()) == 1  # not paid twice


def test_325_termijn_heusden(omgeving, cap):
    wie = actoren(omgeving.gemeente, omgeving.aanbieder)
    traject = engine.start_traject(
        client=omgeving.clienten[0],
        gemeente=omgeving.gemeente,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    omgeving.toewijzingen[0].traject = traject
    omgeving.toewijzingen[0].save()
    heen, _ = omgeving.lever(omgeving.bericht({omgeving.bsn: [prestatie("R1")]}), cap)
    termijn = Termijn.objects.get(traject=traject, sleutel="declaratie-antwoord-325")
    assert termijn.startdatum == VANDAAG
    assert termijn.voldaan_op == VANDAAG  # the 325 went out with the processing
    assert termijn.einddatum == Declaratie.objects.get().antwoord_uiterlijk
    assert heen.traject == traject


def test_0001_geen_afhandeling(omgeving, cap):
    """A level-2 fault (here TR358: the total does not match) gives a header-only 325 with
    0001 and stores nothing."""
    message = omgeving.bericht({omgeving.bsn: [prestatie("R1")]})
    decl = message.declaratie
    fout = ist.modellen.TotaalBedragMetDC(
        totaal_bedrag=1, debet_credit=decl.totaal_ingediend_bedrag.debet_credit
    )
    import dataclasses

    message = dataclasses.replace(
        message, declaratie=dataclasses.replace(decl, totaal_ingediend_bedrag=fout)
    )
    _, retour = omgeving.lever(message, cap)
    assert retourcodes(retour) == ["0001"] and retour.declaratie_antwoord is None
    assert not Declaratie.objects.exists()


def test_tr385_toewijzing_met_goedgekeurde_prestaties_niet_verwijderen(omgeving, cap):
    from klantreis.toewijzingen import services

    toewijzing = omgeving.toewijzingen[0]
    omgeving.declareer([prestatie("R1", volume=8)], cap, nummer="D1")
    with pytest.raises(services.ToewijzingFout, match="TR385"):
        services.verwijder(toewijzing)
    toewijzing.refresh_from_db()
    assert toewijzing.reden_wijziging != "13"
    # once the prestatie is credited, the toewijzing may be deleted
    omgeving.declareer([prestatie("C1", vorig="R1", credit=True, volume=8)], cap, nummer="D2")
    services.verwijder(toewijzing)
    toewijzing.refresh_from_db()
    assert (toewijzing.reden_wijziging, toewijzing.einddatum) == ("13", toewijzing.ingangsdatum)
