"""Tests van de termijnenkalender op echte datums (Algemene termijnenwet)."""

import ast
import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import holidays
import pytest
from dateutil.easter import easter
from hypothesis import given, settings
from hypothesis import strategies as st

from klantreis.termijnen import kalender
from klantreis.termijnen.kalender import (
    EXTRA_DAGEN_BESTAND,
    Berekening,
    Duur,
    Eenheid,
    Kalender,
    bereken,
    datum_lang,
    verschuif,
)

KALENDER = Kalender()


# --- feestdagen (Atw art. 3) --------------------------------------------------------------


def test_koningsdag_2026_op_maandag_27_april():
    assert KALENDER.feestdagen(2026)[date(2026, 4, 27)] == "Koningsdag"
    assert not KALENDER.is_werkdag(date(2026, 4, 27))
    assert date(2026, 4, 27).weekday() == 0


def test_koningsdag_2025_op_zaterdag_26_april_want_de_27e_was_een_zondag():
    feestdagen = KALENDER.feestdagen(2025)
    assert feestdagen[date(2025, 4, 26)] == "Koningsdag"
    assert date(2025, 4, 27) not in feestdagen
    assert KALENDER.is_werkdag(date(2025, 4, 28))


def test_koningsdag_is_27_april_of_26_april_als_de_27e_een_zondag_is():
    for jaar in range(2014, 2101):
        zevenentwintig = date(jaar, 4, 27)
        verwacht = (
            zevenentwintig - timedelta(days=1)
            if zevenentwintig.weekday() == 6
            else (zevenentwintig)
        )
        koningsdagen = [d for d, n in KALENDER.feestdagen(jaar).items() if n == "Koningsdag"]
        assert koningsdagen == [verwacht], jaar


def test_goede_vrijdag_2026_op_3_april_en_tweede_paasdag_op_6_april():
    feestdagen = KALENDER.feestdagen(2026)
    assert feestdagen[date(2026, 4, 3)] == "Goede Vrijdag"
    assert feestdagen[date(2026, 4, 6)] == "Tweede Paasdag"
    assert not KALENDER.is_werkdag(date(2026, 4, 3))
    assert not KALENDER.is_werkdag(date(2026, 4, 6))
    # Eerste Paasdag is geen Atw-feestdag (het is een zondag; art. 3 noemt alleen de tweede).
    assert date(2026, 4, 5) not in feestdagen


def test_5_mei_2026_is_feestdag_ook_al_is_2026_geen_lustrumjaar():
    # De holidays-bibliotheek kent Bevrijdingsdag in 2026 niet als feestdag; de Atw wel.
    assert date(2026, 5, 5) not in holidays.NL(years=2026)
    assert KALENDER.feestdagen(2026)[date(2026, 5, 5)] == "Bevrijdingsdag"
    assert not KALENDER.is_werkdag(date(2026, 5, 5))
    assert KALENDER.is_werkdag(date(2026, 5, 4))


def test_hemelvaartsdag_2026_op_14_mei_en_de_vrijdag_erna_gelijkgesteld_bij_besluit():
    feestdagen = KALENDER.feestdagen(2026)
    assert feestdagen[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert "gelijkgesteld" in feestdagen[date(2026, 5, 15)]
    assert KALENDER.volgende_werkdag(date(2026, 5, 14)) == date(2026, 5, 18)


def test_tweede_pinksterdag_2026_op_25_mei_en_eerste_pinksterdag_niet_in_de_lijst():
    feestdagen = KALENDER.feestdagen(2026)
    assert feestdagen[date(2026, 5, 25)] == "Tweede Pinksterdag"
    assert date(2026, 5, 24) not in feestdagen


def test_beide_kerstdagen_en_nieuwjaarsdag():
    assert KALENDER.feestdagen(2026)[date(2026, 12, 25)] == "Eerste Kerstdag"
    assert KALENDER.feestdagen(2026)[date(2026, 12, 26)] == "Tweede Kerstdag"
    assert KALENDER.feestdagen(2027)[date(2027, 1, 1)] == "Nieuwjaarsdag"
    # Kerst 2025 op donderdag en vrijdag: de eerstvolgende werkdag is maandag 29 december.
    assert KALENDER.volgende_werkdag(date(2025, 12, 25)) == date(2025, 12, 29)
    # Nieuwjaarsdag 2026 (donderdag) plus de gelijkgestelde vrijdag 2 januari.
    assert KALENDER.volgende_werkdag(date(2026, 1, 1)) == date(2026, 1, 5)


def test_feestdagen_2026_volledig():
    assert list(KALENDER.feestdagen(2026)) == [
        date(2026, 1, 1),
        date(2026, 1, 2),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 4, 27),
        date(2026, 5, 5),
        date(2026, 5, 14),
        date(2026, 5, 15),
        date(2026, 5, 25),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]


def test_paasgerelateerde_feestdagen_kloppen_met_de_paasdatum_1990_tot_2100():
    for jaar in range(1990, 2101):
        pasen = easter(jaar)
        feestdagen = Kalender(besluiten=False).feestdagen(jaar)
        assert feestdagen[pasen - timedelta(days=2)] == "Goede Vrijdag", jaar
        assert feestdagen[pasen + timedelta(days=1)] == "Tweede Paasdag", jaar
        assert "Hemelvaartsdag" in feestdagen[pasen + timedelta(days=39)], jaar
        assert feestdagen[pasen + timedelta(days=50)] == "Tweede Pinksterdag", jaar
        assert "Bevrijdingsdag" in feestdagen[date(jaar, 5, 5)], jaar
        assert len(feestdagen) == (8 if pasen + timedelta(days=39) == date(jaar, 5, 5) else 9)


def test_gelijkgestelde_dagen_uit_de_besluiten_zijn_vrijdagen_na_een_feestdag_met_bron():
    tabel = json.loads(EXTRA_DAGEN_BESTAND.read_text(encoding="utf-8"))
    assert tabel["dagen"], "de tabel met besluiten is leeg"
    zonder_besluiten = Kalender(besluiten=False)
    for regel in tabel["dagen"]:
        d = date.fromisoformat(regel["datum"])
        assert d.weekday() == 4, regel
        assert zonder_besluiten.feestdag(d - timedelta(days=1)) is not None, regel
        assert "Atw art. 3 lid 3" in regel["bron"]
        assert regel["datum"][8:10].lstrip("0") in regel["bron"]  # de datum staat in de titel
        assert not KALENDER.is_werkdag(d)
        assert zonder_besluiten.is_werkdag(d)


def test_extra_dag_van_de_gemeente_telt_niet_als_werkdag_en_wordt_genoemd():
    carnaval = date(2026, 2, 16)  # maandag
    kalender = Kalender({carnaval: "Carnavalsmaandag"})
    assert not kalender.is_werkdag(carnaval)
    assert KALENDER.is_werkdag(carnaval)
    berekening = kalender.bereken(date(2026, 2, 13), "1 werkdag")
    assert berekening.einddatum == date(2026, 2, 17)
    assert (
        "16 februari 2026 (Carnavalsmaandag) telt niet als werkdag (extra dag van de gemeente)."
        in berekening.uitleg
    )


def test_extra_dag_van_de_gemeente_vervangt_geen_wettelijke_feestdag():
    kalender = Kalender({date(2026, 5, 5): "Vrije dag"})
    assert kalender.feestdagen(2026)[date(2026, 5, 5)] == "Bevrijdingsdag"


def test_extra_dag_moet_een_datum_zijn():
    with pytest.raises(ValueError, match="moet een datum zijn"):
        Kalender({datetime(2026, 2, 16, 12): "Carnaval"})


# --- termijnen vooruit --------------------------------------------------------------------


def test_5_werkdagen_vanaf_30_april_2026_eindigt_op_vrijdag_8_mei():
    berekening = bereken(date(2026, 4, 30), "5 werkdagen")
    assert berekening.einddatum == date(2026, 5, 8)
    assert berekening.uitleg == (
        "Telling begint op de dag na 30-04-2026 (vrijdag 1 mei 2026).",
        "Zaterdagen en zondagen tellen niet als werkdag.",
        "5 mei 2026 (Bevrijdingsdag) telt niet als werkdag (Atw art. 3 lid 1).",
        "De 5e werkdag na 30-04-2026 is vrijdag 8 mei 2026.",
        "Een termijn in werkdagen eindigt altijd op een werkdag: Atw art. 1 en art. 2 "
        "verschuiven de einddatum niet.",
    )


def test_werkdagen_over_paasweekend_2026_noemen_elke_feestdag_een_keer():
    # Donderdag 2 april; Goede Vrijdag, weekend, Tweede Paasdag: 1e werkdag dinsdag 7 april.
    berekening = bereken(date(2026, 4, 2), "3 werkdagen")
    assert berekening.einddatum == date(2026, 4, 9)
    genoemd = [z for z in berekening.uitleg if "telt niet als werkdag (Atw" in z]
    assert genoemd == [
        "3 april 2026 (Goede Vrijdag) telt niet als werkdag (Atw art. 3 lid 2).",
        "6 april 2026 (Tweede Paasdag) telt niet als werkdag (Atw art. 3 lid 1).",
    ]


def test_1_werkdag_vanaf_vrijdag_is_maandag():
    assert bereken(date(2026, 3, 6), "1 werkdag").einddatum == date(2026, 3, 9)


def test_10_werkdagen_over_kerst_en_nieuwjaar_2025():
    # 22 dec 2025 (ma) + 10 werkdagen: 23, 24, 29, 30, 31 dec, 5, 6, 7, 8, 9 jan.
    # Nieuwjaarsdag (do) telt niet; 2 januari 2026 is bij besluit gelijkgesteld en telt ook niet.
    berekening = bereken(date(2025, 12, 22), "10 werkdagen")
    assert berekening.einddatum == date(2026, 1, 9)
    assert "1 januari 2026 (Nieuwjaarsdag) telt niet als werkdag (Atw art. 3 lid 1)." in (
        berekening.uitleg
    )
    assert any(z.startswith("2 januari 2026 (vrijdag na Nieuwjaarsdag") for z in berekening.uitleg)


def test_termijn_in_dagen_die_op_zondag_eindigt_schuift_naar_maandag():
    berekening = bereken(date(2026, 3, 4), "4 dagen")  # woensdag + 4 = zondag 8 maart
    assert berekening.einddatum == date(2026, 3, 9)
    assert berekening.uitleg[1] == "4 dagen na 04-03-2026 is zondag 8 maart 2026."
    assert berekening.uitleg[2] == (
        "Einddatum valt op zondag 8 maart 2026: verschoven naar maandag 9 maart 2026 (Atw art. 1)."
    )


def test_termijn_die_op_koningsdag_2026_eindigt_schuift_naar_dinsdag_28_april():
    berekening = bereken(date(2026, 4, 13), "2 weken")
    assert berekening.einddatum == date(2026, 4, 28)
    assert (
        "Einddatum valt op maandag 27 april 2026 (Koningsdag, Atw art. 3 lid 1): verschoven naar "
        "dinsdag 28 april 2026 (Atw art. 1)." in berekening.uitleg
    )


def test_termijn_die_op_hemelvaartsdag_2026_eindigt_schuift_over_de_gelijkgestelde_vrijdag():
    berekening = bereken(date(2026, 5, 11), "3 dagen")
    assert berekening.einddatum == date(2026, 5, 18)


def test_termijn_die_op_goede_vrijdag_eindigt_schuift_over_pasen_naar_dinsdag():
    assert bereken(date(2026, 3, 27), "1 week").einddatum == date(2026, 4, 7)


def test_atw_art_2_drie_dagen_over_kerst_2025_bevat_twee_werkdagen():
    # Woensdag 24 december + 3 dagen = zaterdag 27 december. Art. 1 geeft maandag 29 december,
    # maar daarin valt maar één werkdag; art. 2 verlengt tot dinsdag 30 december.
    berekening = bereken(date(2025, 12, 24), "3 dagen")
    assert berekening.einddatum == date(2025, 12, 30)
    assert berekening.uitleg[-1] == (
        "Tot en met maandag 29 december 2025 bevat de termijn 1 werkdag: verlengd tot en met "
        "dinsdag 30 december 2025, zodat er twee werkdagen in vallen (Atw art. 2)."
    )


def test_atw_art_2_geldt_niet_voor_een_termijn_van_twee_dagen():
    berekening = bereken(date(2025, 12, 24), "2 dagen")  # vrijdag 26 december
    assert berekening.einddatum == date(2025, 12, 29)
    assert berekening.uitleg[-1] == (
        "Atw art. 2 geldt niet: een termijn van 2 dagen is korter dan drie dagen."
    )


def test_3_maanden_vanaf_31_januari_2026_eindigt_op_30_april():
    berekening = bereken(date(2026, 1, 31), "3 maanden")
    assert berekening.einddatum == date(2026, 4, 30)
    assert berekening.uitleg[1] == (
        "3 maanden na 31-01-2026 zou op 31 april 2026 vallen, maar april heeft 30 dagen: de "
        "termijn eindigt op de laatste dag van die maand, donderdag 30 april 2026."
    )


def test_1_maand_vanaf_31_januari_2026_is_28_februari_een_zaterdag_dus_maandag_2_maart():
    berekening = bereken(date(2026, 1, 31), "1 maand")
    assert berekening.einddatum == date(2026, 3, 2)
    assert "de laatste dag van die maand, zaterdag 28 februari 2026." in berekening.uitleg[1]


def test_1_maand_vanaf_31_januari_2024_is_29_februari_schrikkeljaar():
    assert bereken(date(2024, 1, 31), "1 maand").einddatum == date(2024, 2, 29)


def test_4_weken_is_dezelfde_weekdag():
    berekening = bereken(date(2026, 6, 3), "4 weken")
    assert berekening.einddatum == date(2026, 7, 1)
    assert berekening.uitleg[1] == (
        "4 weken na 03-06-2026 is dezelfde weekdag: woensdag 1 juli 2026."
    )


def test_3_maanden_valt_nog_onder_de_atw():
    # 3 februari 2026 + 3 maanden = zondag 3 mei 2026 → maandag 4 mei.
    assert bereken(date(2026, 2, 3), "3 maanden").einddatum == date(2026, 5, 4)


def test_atw_art_4_termijn_van_meer_dan_drie_maanden_houdt_zijn_zondag():
    berekening = bereken(date(2026, 1, 3), "4 maanden")
    assert berekening.einddatum == date(2026, 5, 3)
    assert "(Atw art. 4 onder a)" in berekening.uitleg[-1]


@pytest.mark.parametrize(
    ("duur", "buiten"),
    [("90 dagen", False), ("91 dagen", True), ("12 weken", False), ("13 weken", True)],
)
def test_atw_art_4_grenzen(duur, buiten):
    assert Duur.parse(duur).buiten_atw is buiten


def test_atw_false_laat_een_contractuele_termijn_op_zondag_eindigen():
    berekening = bereken(date(2026, 3, 4), "4 dagen", atw=False)
    assert berekening.einddatum == date(2026, 3, 8)
    assert "bewust niet toegepast" in berekening.uitleg[-1]


# --- terugrekenen (Atw art. 1 lid 2) -------------------------------------------------------


def test_terugrekenen_8_weken_voor_einde_beschikking_houdt_de_zondag():
    berekening = bereken(date(2026, 12, 27), "8 weken", terugrekenen=True)
    assert berekening.einddatum == date(2026, 11, 1)
    assert date(2026, 11, 1).weekday() == 6
    assert berekening.uitleg == (
        "Teruggerekend vanaf 27-12-2026 (zondag 27 december 2026).",
        "8 weken vóór 27-12-2026 is dezelfde weekdag: zondag 1 november 2026.",
        "De termijn wordt teruggerekend vanaf een tijdstip: Atw art. 1 geldt dan niet "
        "(art. 1 lid 2) en art. 2 ook niet; de einddatum blijft zondag 1 november 2026, ook al "
        "is dat een zondag.",
    )


def test_terugrekenen_in_werkdagen_slaat_feestdagen_over():
    # 5 werkdagen vóór vrijdag 8 mei 2026: 7, 6, 4 mei, (5 mei niet), 1 mei, 30 april.
    berekening = bereken(date(2026, 5, 8), "5 werkdagen", terugrekenen=True)
    assert berekening.einddatum == date(2026, 4, 30)


def test_terugrekenen_in_maanden_kapt_af_op_de_laatste_dag():
    assert bereken(date(2026, 5, 31), "3 maanden", terugrekenen=True).einddatum == date(2026, 2, 28)


# --- verschuiven (opschorting) ------------------------------------------------------------


def test_opschorting_van_3_dagen_verschuift_de_einddatum_en_past_art_1_opnieuw_toe():
    # Beschikking uiterlijk dinsdag 12 mei 2026; opgeschort 3 dagen → vrijdag 15 mei,
    # gelijkgesteld na Hemelvaart → maandag 18 mei.
    berekening = verschuif(date(2026, 5, 12), 3, reden="opschorting wegens ontbrekende stukken")
    assert berekening.einddatum == date(2026, 5, 18)
    assert berekening.uitleg[0] == (
        "Einddatum dinsdag 12 mei 2026 verschoven met 3 dagen wegens opschorting wegens "
        "ontbrekende stukken: vrijdag 15 mei 2026."
    )
    assert berekening.uitleg[1].endswith("verschoven naar maandag 18 mei 2026 (Atw art. 1).")


def test_opschorting_die_op_een_werkdag_eindigt_verschuift_alleen_de_dagen():
    berekening = verschuif(date(2026, 6, 2), 14, reden="opschorting")
    assert berekening.einddatum == date(2026, 6, 16)
    assert berekening.uitleg[1] == "Dinsdag 16 juni 2026 is een werkdag (Atw art. 1)."


def test_verschuiven_vraagt_een_reden_en_een_niet_negatief_aantal():
    with pytest.raises(ValueError, match="reden"):
        verschuif(date(2026, 6, 2), 14, reden=" ")
    with pytest.raises(ValueError, match="negatief"):
        verschuif(date(2026, 6, 2), -1, reden="correctie")


# --- Duur ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "aantal", "eenheid"),
    [
        ("5 werkdagen", 5, Eenheid.WERKDAGEN),
        ("1 werkdag", 1, Eenheid.WERKDAGEN),
        ("4 weken", 4, Eenheid.WEKEN),
        ("1 week", 1, Eenheid.WEKEN),
        ("3 maanden", 3, Eenheid.MAANDEN),
        ("1 maand", 1, Eenheid.MAANDEN),
        ("2 dagen", 2, Eenheid.DAGEN),
        ("1 dag", 1, Eenheid.DAGEN),
        ("  10   Werkdagen ", 10, Eenheid.WERKDAGEN),
        ("8WEKEN", 8, Eenheid.WEKEN),
    ],
)
def test_duur_parse(tekst, aantal, eenheid):
    assert Duur.parse(tekst) == Duur(aantal, eenheid)


@pytest.mark.parametrize("tekst", ["", "5", "vijf dagen", "5 jaren", "5 dagen extra", "1,5 week"])
def test_duur_parse_weigert_onzin_met_een_nederlandse_melding(tekst):
    with pytest.raises(ValueError, match="Onbekende"):
        Duur.parse(tekst)


def test_duur_van_nul_kan_niet():
    with pytest.raises(ValueError, match="ten minste 1"):
        Duur.parse("0 dagen")


@pytest.mark.parametrize(
    ("duur", "tekst"),
    [
        (Duur(5, Eenheid.WERKDAGEN), "5 werkdagen"),
        (Duur(1, Eenheid.WERKDAGEN), "1 werkdag"),
        (Duur(1, Eenheid.WEKEN), "1 week"),
        (Duur(2, Eenheid.WEKEN), "2 weken"),
        (Duur(1, Eenheid.MAANDEN), "1 maand"),
        (Duur(1, Eenheid.DAGEN), "1 dag"),
    ],
)
def test_duur_als_tekst_enkelvoud_en_meervoud(duur, tekst):
    assert str(duur) == tekst
    assert Duur.parse(str(duur)) == duur


def test_duur_neemt_eenheid_als_tekst_aan():
    assert Duur(3, "maanden") == Duur(3, Eenheid.MAANDEN)


def test_berekening_als_dict():
    assert bereken(date(2026, 4, 30), "5 werkdagen").als_dict()["einddatum"] == "2026-05-08"
    assert isinstance(Berekening(date(2026, 1, 1)).uitleg, tuple)


def test_datums_in_het_nederlands_zonder_locale():
    assert datum_lang(date(2026, 5, 4)) == "maandag 4 mei 2026"
    assert datum_lang(date(2025, 4, 26)) == "zaterdag 26 april 2025"


def test_kalender_module_importeert_geen_django():
    # klantreis/__init__.py laadt Celery (en daarmee Django); de kalender zelf mag er niets
    # aan toevoegen, en de bron mag Django nergens noemen.
    code = (
        "import sys, klantreis.termijnen; "
        "voor = {m for m in sys.modules if m.split('.')[0] == 'django'}; "
        "import klantreis.termijnen.kalender; "
        "print(sorted({m for m in sys.modules if m.split('.')[0] == 'django'} - voor))"
    )
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]"
    boom = ast.parse(Path(kalender.__file__).read_text(encoding="utf-8"))
    modules = {
        n.module if isinstance(n, ast.ImportFrom) else a.name
        for n in ast.walk(boom)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    }
    assert not any(m and m.split(".")[0] == "django" for m in modules), modules


def test_hemelvaartsdag_op_5_mei_2016_draagt_beide_namen():
    assert KALENDER.feestdagen(2016)[date(2016, 5, 5)] == "Hemelvaartsdag en Bevrijdingsdag"
    assert len(Kalender(besluiten=False).feestdagen(2016)) == 8


# --- eigenschappen ------------------------------------------------------------------------

datums = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31))
atw_duren = st.one_of(
    st.builds(Duur, st.integers(1, 90), st.just(Eenheid.DAGEN)),
    st.builds(Duur, st.integers(1, 30), st.just(Eenheid.WERKDAGEN)),
    st.builds(Duur, st.integers(1, 12), st.just(Eenheid.WEKEN)),
    st.builds(Duur, st.integers(1, 3), st.just(Eenheid.MAANDEN)),
)


@settings(max_examples=300, deadline=None)
@given(vanaf=datums, duur=atw_duren)
def test_eigenschap_vooruit_met_atw_eindigt_op_een_werkdag_na_vanaf(vanaf, duur):
    berekening = KALENDER.bereken(vanaf, duur)
    assert KALENDER.is_werkdag(berekening.einddatum)
    assert berekening.einddatum > vanaf
    if duur.eenheid is not Eenheid.WERKDAGEN and not (
        duur.eenheid is Eenheid.DAGEN and duur.aantal < 3
    ):
        assert KALENDER.werkdagen_tussen(vanaf, berekening.einddatum) >= 2  # art. 2


@settings(max_examples=300, deadline=None)
@given(vanaf=datums, aantal=st.integers(1, 60))
def test_eigenschap_werkdagen_bevatten_precies_n_werkdagen(vanaf, aantal):
    eind = KALENDER.bereken(vanaf, Duur(aantal, Eenheid.WERKDAGEN)).einddatum
    assert KALENDER.werkdagen_tussen(vanaf, eind) == aantal
    assert KALENDER.is_werkdag(eind)


@settings(max_examples=200, deadline=None)
@given(vanaf=datums, duur=atw_duren)
def test_eigenschap_atw_verschuift_nooit_naar_voren_en_terugrekenen_ligt_voor_vanaf(vanaf, duur):
    met = KALENDER.bereken(vanaf, duur).einddatum
    zonder = KALENDER.bereken(vanaf, duur, atw=False).einddatum
    assert zonder <= met
    assert zonder > vanaf
    assert KALENDER.bereken(vanaf, duur, terugrekenen=True).einddatum < vanaf


@settings(max_examples=200, deadline=None)
@given(einddatum=datums, dagen=st.integers(0, 120))
def test_eigenschap_verschuiven_eindigt_op_een_werkdag_niet_voor_de_opschorting(einddatum, dagen):
    eind = verschuif(einddatum, dagen, reden="opschorting").einddatum
    assert KALENDER.is_werkdag(eind)
    assert eind >= einddatum + timedelta(days=dagen)


def test_termijn_buiten_de_kalender_geeft_een_nederlandse_melding():
    with pytest.raises(ValueError, match="buiten de kalender"):
        bereken(date(9999, 12, 30), "5 maanden")
    with pytest.raises(ValueError, match="buiten de kalender"):
        bereken(date(1, 1, 2), "2 dagen", terugrekenen=True)
    with pytest.raises(ValueError, match="buiten de kalender"):
        verschuif(date(9999, 12, 30), 5, reden="opschorting")
