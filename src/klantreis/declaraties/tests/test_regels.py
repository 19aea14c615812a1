"""One pass and one fail test per history rule of the 323 (``grep -r TR338`` finds both),
each through the exchange: a 323 in, the 325 out, the prestaties stored."""

import datetime as dt

import pytest

from klantreis.declaraties import regels
from klantreis.declaraties.models import Declaratie, DeclaratieStatus, Prestatie
from klantreis.tests.factories import ClientFactory

from .conftest import (
    MAAND,
    TARIEF,
    codes_per_prestatie,
    maak_toewijzing,
    maand,
    prestatie,
    retourcodes,
)

ALLES_GOED = ["0200", "8001"]


@pytest.fixture
def cap(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def goedgekeurd(ref: str) -> bool:
    return Prestatie.objects.get(referentienummer=ref, goedgekeurd__in=[True, False]).goedgekeurd


def codes(retour, ref: str) -> list[str]:
    return codes_per_prestatie(retour).get(ref, [])


# --- declaratie level ---------------------------------------------------------------------


def test_tr333_declaratienummer_uniek_ok(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap, nummer="D1", periode=maand(3))
    retour = omgeving.declareer([prestatie("R2")], cap, nummer="D2")
    assert retourcodes(retour) == ALLES_GOED


def test_tr333_declaratienummer_uniek_fout(omgeving, cap):
    omgeving.declareer([prestatie("R1", begin=maand(3))], cap, nummer="D1", periode=maand(3))
    retour = omgeving.declareer([prestatie("R2")], cap, nummer="D1")
    antwoord = retour.declaratie_antwoord
    assert [c.value for c in antwoord.retour_codes] == ["9333"]
    assert antwoord.totaal_toegekend_bedrag.totaal_bedrag == 0
    d = Declaratie.objects.get(nummer="D1", status=DeclaratieStatus.AFGEKEURD)
    assert d.totaal_toegekend == 0
    assert not d.prestaties.get().goedgekeurd  # IV087: nothing approved


def test_tr318_periode_niet_voor_laatste_ok(omgeving, cap):
    """A gap is allowed (no care in between), and so is the last month again."""
    omgeving.declareer([prestatie("R1", begin=maand(4))], cap, nummer="D1", periode=maand(4))
    retour = omgeving.declareer([prestatie("R2")], cap, nummer="D2")
    assert retourcodes(retour) == ALLES_GOED
    tweede = omgeving.clienten[1].bsn
    _, retour = omgeving.lever(
        omgeving.bericht({tweede: [prestatie("R3", nummer=2)]}, nummer="D3"), cap
    )
    assert retourcodes(retour) == ALLES_GOED


def test_tr318_periode_niet_voor_laatste_fout(omgeving, cap):
    """IV090: late declaring is allowed, but never with a DeclaratiePeriode before the last."""
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer(
        [prestatie("R2", begin=maand(3))], cap, nummer="D2", periode=maand(3)
    )
    assert [c.value for c in retour.declaratie_antwoord.retour_codes] == ["8214"]
    assert not goedgekeurd("R2")


def test_tr318_late_prestatie_in_latere_declaratie_ok(omgeving, cap):
    """OP354: a prestatie of an earlier month in the current declaratie is fine."""
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer([prestatie("R2", begin=maand(3))], cap, nummer="D2", periode=MAAND)
    assert retourcodes(retour) == ALLES_GOED


# --- client level -------------------------------------------------------------------------


def test_tr304_client_bekend_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1")], cap)) == ALLES_GOED


def test_tr304_client_bekend_fout(omgeving, cap):
    vreemde = ClientFactory(gemeente=omgeving.gemeente, wet="wmo")
    _, retour = omgeving.lever(omgeving.bericht({vreemde.bsn: [prestatie("R1")]}), cap)
    client = retour.declaratie_antwoord.clienten[0]
    assert [c.value for c in client.retour_codes] == ["8187"]
    assert codes(retour, "R1") == ["0233"]  # not judged
    assert not goedgekeurd("R1")
    assert Prestatie.objects.get(referentienummer="R1").retourcodes == ["0233"]


# --- prestatie level ----------------------------------------------------------------------


def test_tr314_referentienummer_uniek_ok(omgeving, cap):
    omgeving.declareer([prestatie("R1", begin=maand(3))], cap, nummer="D1", periode=maand(3))
    assert retourcodes(omgeving.declareer([prestatie("R2")], cap, nummer="D2")) == ALLES_GOED


def test_tr314_referentienummer_uniek_fout(omgeving, cap):
    omgeving.declareer([prestatie("R1", begin=maand(3))], cap, nummer="D1", periode=maand(3))
    retour = omgeving.declareer([prestatie("R1")], cap, nummer="D2")
    assert codes(retour, "R1") == ["8021"]


def test_tr314_afgekeurde_referentie_mag_opnieuw(omgeving, cap):
    """A rejected prestatie is not 'aangeleverd': corrected, it may come with its number."""
    retour = omgeving.declareer([prestatie("R1", nummer=99)], cap, nummer="D1")
    assert codes(retour, "R1") == ["9338"]
    assert retourcodes(omgeving.declareer([prestatie("R1")], cap, nummer="D2")) == ALLES_GOED


def test_tr323_credit_heeft_debet_ok(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer([prestatie("C1", vorig="R1", credit=True)], cap, nummer="D2")
    assert retourcodes(retour) == ALLES_GOED


def test_tr323_credit_heeft_debet_fout(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer([prestatie("C1", vorig="ONBEKEND", credit=True)], cap, nummer="D2")
    assert codes(retour, "C1") == ["8017"]
    # other key fields than the debet: also not its credit
    retour = omgeving.declareer(
        [prestatie("C2", vorig="R1", credit=True, volume=4)], cap, nummer="D3"
    )
    assert codes(retour, "C2") == []  # volume is no key field: the credit is accepted
    retour = omgeving.declareer(
        [prestatie("C3", vorig="R1", credit=True, nummer=2)], cap, nummer="D4"
    )
    assert "8017" in codes(retour, "C3")


def test_tr390_niet_dubbel_gecrediteerd_ok(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer([prestatie("C1", vorig="R1", credit=True)], cap, nummer="D2")
    assert codes(retour, "C1") == []


def test_tr390_niet_dubbel_gecrediteerd_fout(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    omgeving.declareer([prestatie("C1", vorig="R1", credit=True)], cap, nummer="D2")
    retour = omgeving.declareer([prestatie("C2", vorig="R1", credit=True)], cap, nummer="D3")
    assert codes(retour, "C2") == ["9390"]


def test_tr389_geen_dubbel_debet_ok(omgeving, cap):
    """After a credit of the first debet a new debet is allowed (OP366)."""
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer(
        [prestatie("R2", volume=6), prestatie("C1", vorig="R1", credit=True)], cap, nummer="D2"
    )
    assert retourcodes(retour) == ALLES_GOED


def test_tr389_geen_dubbel_debet_fout(omgeving, cap):
    omgeving.declareer([prestatie("R1")], cap, nummer="D1")
    retour = omgeving.declareer([prestatie("R2", volume=1)], cap, nummer="D2")
    assert codes(retour, "R2") == ["9389"]


def test_tr338_toewijzing_bestaat_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1", nummer=1)], cap)) == ALLES_GOED


def test_tr338_toewijzing_bestaat_fout(omgeving, cap):
    # nummer 2 exists, but for the other client
    assert codes(omgeving.declareer([prestatie("R1", nummer=2)], cap), "R1") == ["9338"]


def test_tr384_niet_verwijderd_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1")], cap)) == ALLES_GOED


def test_tr384_niet_verwijderd_fout(omgeving, cap):
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(reden_wijziging="13")
    assert codes(omgeving.declareer([prestatie("R1")], cap), "R1") == ["9384"]


def test_tr339_categorie_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1", categorie="02")], cap)) == ALLES_GOED


def test_tr339_categorie_fout(omgeving, cap):
    assert "9339" in codes(omgeving.declareer([prestatie("R1", categorie="03")], cap), "R1")


def test_tr340_code_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1", code="02A01")], cap)) == ALLES_GOED


def test_tr340_code_fout(omgeving, cap):
    assert "9340" in codes(omgeving.declareer([prestatie("R1", code="02A02")], cap), "R1")


def test_tr341_eenheid_ok(omgeving, cap):
    """Hours assigned, minutes declared: allowed, at uurtarief / 60 (IV081)."""
    tarief = round(TARIEF / 60)
    retour = omgeving.declareer([prestatie("R1", eenheid="01", volume=480, tarief=tarief)], cap)
    assert retourcodes(retour) == ALLES_GOED


def test_tr341_eenheid_fout(omgeving, cap):
    assert "9341" in codes(omgeving.declareer([prestatie("R1", eenheid="14")], cap), "R1")


def test_tr307_niet_voor_toewijzing_ok(omgeving, cap):
    start = MAAND + dt.timedelta(days=10)
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(ingangsdatum=start)
    assert retourcodes(omgeving.declareer([prestatie("R1", begin=start)], cap)) == ALLES_GOED


def test_tr307_niet_voor_toewijzing_fout(omgeving, cap):
    start = MAAND + dt.timedelta(days=10)
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(ingangsdatum=start)
    assert "9307" in codes(omgeving.declareer([prestatie("R1")], cap), "R1")


def test_tr308_niet_na_toewijzing_ok(omgeving, cap):
    eind = MAAND + dt.timedelta(days=14)
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(einddatum=eind)
    assert retourcodes(omgeving.declareer([prestatie("R1", eind=eind)], cap)) == ALLES_GOED


def test_tr308_niet_na_toewijzing_fout(omgeving, cap):
    eind = MAAND + dt.timedelta(days=14)
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(einddatum=eind)
    assert "9308" in codes(omgeving.declareer([prestatie("R1")], cap), "R1")


def test_tr387_begin_van_maand_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1", begin=MAAND)], cap)) == ALLES_GOED


def test_tr387_begin_van_maand_fout(omgeving, cap):
    retour = omgeving.declareer(
        [prestatie("R1", begin=MAAND + dt.timedelta(days=1), eind=regels.laatste_dag(MAAND))],
        cap,
    )
    assert codes(retour, "R1") == ["9387"]


def test_tr388_eind_van_maand_ok(omgeving, cap):
    retour = omgeving.declareer([prestatie("R1", eind=regels.laatste_dag(MAAND))], cap)
    assert retourcodes(retour) == ALLES_GOED


def test_tr388_eind_van_maand_fout(omgeving, cap):
    eind = regels.laatste_dag(MAAND) - dt.timedelta(days=1)
    assert codes(omgeving.declareer([prestatie("R1", eind=eind)], cap), "R1") == ["9388"]


def test_tr321_volume_per_prestatie_ok(omgeving, cap):
    """10 hours per week: a month holds 5 or 6 (partial) weeks (IV076/IV077)."""
    ruimte = 10 * regels.weken(MAAND, regels.laatste_dag(MAAND))
    assert retourcodes(omgeving.declareer([prestatie("R1", volume=ruimte)], cap)) == ALLES_GOED


def test_tr321_volume_per_prestatie_fout(omgeving, cap):
    ruimte = 10 * regels.weken(MAAND, regels.laatste_dag(MAAND))
    retour = omgeving.declareer([prestatie("R1", volume=ruimte + 1)], cap)
    assert "9321" in codes(retour, "R1")


def test_weken_telt_gedeeltelijke_weken():
    assert regels.weken(dt.date(2026, 6, 1), dt.date(2026, 6, 30)) == 5  # Mon 1 … Tue 30
    assert regels.weken(dt.date(2026, 8, 1), dt.date(2026, 8, 31)) == 6  # Sat 1 … Mon 31
    assert regels.weken(dt.date(2021, 2, 1), dt.date(2021, 2, 28)) == 4  # Mon 1 … Sun 28


def test_tr322_volume_som_ok(omgeving, cap):
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(frequentie="6", volume=100)
    omgeving.declareer([prestatie("R1", volume=60, begin=maand(3))], cap, nummer="D1",
                       periode=maand(3))  # fmt: skip
    retour = omgeving.declareer([prestatie("R2", volume=40)], cap, nummer="D2")
    assert retourcodes(retour) == ALLES_GOED


def test_tr322_volume_som_fout(omgeving, cap):
    """Frequentie 6 (totaal): the sum over all declaraties counts, each prestatie fits."""
    omgeving.toewijzingen[0].__class__.objects.filter(nummer=1).update(frequentie="6", volume=100)
    omgeving.declareer([prestatie("R1", volume=60, begin=maand(3))], cap, nummer="D1",
                       periode=maand(3))  # fmt: skip
    retour = omgeving.declareer([prestatie("R2", volume=41)], cap, nummer="D2")
    assert codes(retour, "R2") == ["9322"]


def test_tr369_binnen_budget_ok(omgeving, cap):
    maak_toewijzing(
        omgeving.gemeente, omgeving.aanbieder, omgeving.clienten[0], 3,
        code="", volume=None, eenheid="", frequentie="", budget=8 * TARIEF,
        einddatum=dt.date(2030, 12, 31),
    )  # fmt: skip
    assert retourcodes(omgeving.declareer([prestatie("R1", nummer=3)], cap)) == ALLES_GOED


def test_tr369_binnen_budget_fout(omgeving, cap):
    maak_toewijzing(
        omgeving.gemeente, omgeving.aanbieder, omgeving.clienten[0], 3,
        code="", volume=None, eenheid="", frequentie="", budget=8 * TARIEF,
        einddatum=dt.date(2030, 12, 31),
    )  # fmt: skip
    retour = omgeving.declareer([prestatie("R1", nummer=3, volume=9)], cap)
    assert codes(retour, "R1") == ["9369"]


def test_tr418_contracttarief_ok(omgeving, cap):
    assert retourcodes(omgeving.declareer([prestatie("R1", tarief=TARIEF)], cap)) == ALLES_GOED


def test_tr418_contracttarief_fout(omgeving, cap):
    assert codes(omgeving.declareer([prestatie("R1", tarief=6000)], cap), "R1") == ["0611"]


# --- level-2 codes on a prestatie: the handler still judges the rest ------------------------


def test_tr346_en_tr319_van_de_codec_met_de_rest_goedgekeurd(omgeving, cap):
    retour = omgeving.declareer(
        [
            prestatie("R1", bedrag=100),  # TR346: 9346
            prestatie("R2", nummer=1, begin=maand(1), volume=1),  # TR319: after the period
            prestatie("R3", begin=maand(3), volume=2),
        ],
        cap,
    )
    assert codes(retour, "R1") == ["9346"]
    assert codes(retour, "R2") == ["9319"]
    assert "R3" not in codes_per_prestatie(retour)
    assert retour.declaratie_antwoord.totaal_toegekend_bedrag.totaal_bedrag == 2 * TARIEF
    assert goedgekeurd("R3") and not goedgekeurd("R1") and not goedgekeurd("R2")


def test_elke_regel_heeft_een_ok_en_een_fout_test():
    """``grep -r TR338`` finds the rule and its two tests; a new rule without them fails."""
    import inspect
    import re
    import sys

    hier = {naam for naam, _ in inspect.getmembers(sys.modules[__name__], inspect.isfunction)}
    regelnamen = [
        n for n, _ in inspect.getmembers(regels, inspect.isfunction) if re.match(r"tr\d+_", n)
    ]
    assert len(regelnamen) >= 20
    for naam in regelnamen:
        assert f"test_{naam}_ok" in hier, naam
        assert f"test_{naam}_fout" in hier, naam
