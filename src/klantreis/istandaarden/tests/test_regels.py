"""Every level-2 rule: a passing and a failing test, named after its code.

The passing case is a valid shared example (or a variant that satisfies the rule); the failing
case changes one field. A failing case is also written and checked end to end, so the rule is
proven to surface through ``check`` with its code.
"""

from __future__ import annotations

import dataclasses
import datetime

import klantreis.istandaarden as ist
from klantreis.istandaarden import codes, modellen
from klantreis.istandaarden.regels import REGISTER, regels_voor
from klantreis.istandaarden.regels.algemeen import elfproef
from klantreis.istandaarden.tests.helpers import voorbeeld, zet

D = datetime.date
TP = "client.toegewezen_producten[0]"
AP = "client.aangevraagde_producten"
NP = "client.verzoek.nieuwe_producten"
PR = "declaratie.clienten[0].prestaties[0]"


def ok(code: str, msg) -> None:
    assert REGISTER[code].berichten >= {msg.bericht} or msg.bericht in REGISTER[code].berichten
    assert [f.regel for f in REGISTER[code](msg)] == []


def fout(code: str, msg, pad_eindigt: str | None = None) -> list[ist.Fout]:
    found = list(REGISTER[code](msg))
    assert found, f"{code} vond niets"
    assert {f.regel for f in found} == {code}
    assert all(f.retourcode == REGISTER[code].retourcode for f in found)
    if pad_eindigt:
        assert found[0].pad.endswith(pad_eindigt), found[0].pad
    res = ist.check(ist.write(msg))  # end to end: still XSD-valid, rejected on level 2
    assert not res.geldig
    assert res.niveau is ist.Niveau.BERICHT
    assert code in {f.regel for f in res.fouten}
    return found


def b301():
    return voorbeeld("WMO301")


def b315():
    return voorbeeld("WMO315")


def b317():
    return voorbeeld("WMO317")


def b323():
    return voorbeeld("WMO323")


def test_register_en_codes_in_functienamen():
    for code, r in REGISTER.items():
        assert code.lower() in r.functie.__name__, (code, r.functie.__name__)
    assert {r.code for r in regels_voor("323")} >= {"CS002", "CD087", "CS339", "TR346", "TR358"}
    assert "CS340" not in {r.code for r in regels_voor("301")}


# --- algemeen ----------------------------------------------------------------------------


def test_cs002_bsn_elfproef_ok():
    assert elfproef("123456782") and elfproef("999900006")
    for msg in (b301(), b323(), voorbeeld("JW305"), voorbeeld("WMO317")):
        ok("CS002", msg)


def test_cs002_bsn_elfproef_fout():
    assert not elfproef("123456789")
    f = fout("CS002", zet(b301(), "client.bsn", "123456789"), "/Bericht/Client/Bsn")
    assert f[0].retourcode == "0001"
    fout("CS002", zet(b323(), "declaratie.clienten[1].bsn", "123456789"), "Client[2]/Bsn")


def test_tr002_geboortedatum_max_120_jaar_ok():
    ok("TR002", b301())
    msg = zet(b301(), "client.geboortedatum", modellen.Geboortedatum(
        datum=D(1800, 1, 1), datum_gebruik=codes.DatumGebruik("3")))  # fmt: skip
    ok("TR002", msg)


def test_tr002_geboortedatum_max_120_jaar_fout():
    fout("TR002", zet(b301(), "client.geboortedatum.datum", D(1890, 1, 1)), "Geboortedatum/Datum")


def test_cs318_naamgebruik_6_niet_voor_client_ok():
    ok("CS318", b301())


def test_cs318_naamgebruik_6_niet_voor_client_fout():
    fout("CS318", zet(b301(), "client.naam.naam_gebruik", codes.NaamGebruik("6")))


def test_cs058_status_aanlevering_1_of_3_ok():
    ok("CS058", voorbeeld("WMO305"))
    ok("CS058", zet(voorbeeld("WMO307"), "client.stop_producten[0].status_aanlevering",
                    codes.StatusAanlevering("3")))  # fmt: skip


def test_cs058_status_aanlevering_1_of_3_fout():
    twee = codes.StatusAanlevering("2")
    fout("CS058", zet(voorbeeld("WMO305"), "client.start_producten[1].status_aanlevering", twee),
         "StartProduct[2]/StatusAanlevering")  # fmt: skip
    fout("CS058", zet(voorbeeld("JW307"), "client.stop_producten[0].status_aanlevering", twee))


def test_tr006_contact_telefoon_of_huis_en_postcode_ok():
    ok("TR006", b301())


def test_tr006_contact_telefoon_of_huis_en_postcode_fout():
    msg = zet(b301(), "client.contactgegevens[0].adres.postcode", None)
    fout("TR006", msg, "/Bericht/Client/Contactgegevens/Contact[1]")


def test_tr061_client_heeft_brp_correspondentie_of_verblijfadres_ok():
    ok("TR061", b301())


def test_tr061_client_heeft_brp_correspondentie_of_verblijfadres_fout():
    fout("TR061", zet(b301(), "client.contactgegevens[0].soort", codes.AdresSoort("04")))


def test_cs089_nederlandse_postcode_ok():
    ok("CS089", zet(b301(), "client.contactgegevens[0].adres.land_code", codes.LandCode("NL")))


def test_cs089_nederlandse_postcode_fout():
    msg = zet(b301(), "client.contactgegevens[0].adres.land_code", codes.LandCode("NL"))
    msg = zet(msg, "client.contactgegevens[0].adres.postcode", "0999XX")
    fout("CS089", msg, "Adres/Postcode")


def test_cs003_einddatum_niet_voor_begindatum_ok():
    for msg in (b301(), b315(), b317()):
        ok("CS003", msg)
    ok("CS003", zet(b301(), f"{TP}.einddatum", D(2023, 1, 1)))  # equal is allowed


def test_cs003_einddatum_niet_voor_begindatum_fout():
    fout("CS003", zet(b301(), f"{TP}.einddatum", D(2022, 12, 31)), "ToegewezenProduct[1]/Einddatum")
    fout("CS003", zet(b315(), f"{AP}[1].toewijzing_einddatum", D(2023, 5, 31)),
         "AangevraagdProduct[2]/ToewijzingEinddatum")  # fmt: skip


def test_tr018_stop_einddatum_niet_voor_begindatum_ok():
    ok("TR018", voorbeeld("WMO307"))
    ok("TR018", zet(voorbeeld("WMO307"), "client.stop_producten[0].einddatum", D(2025, 4, 3)))


def test_tr018_stop_einddatum_niet_voor_begindatum_fout():
    msg = zet(voorbeeld("WMO307"), "client.stop_producten[0].einddatum", D(2025, 4, 2))
    fout("TR018", msg, "StopProduct[1]/Einddatum")


# --- toewijzing / verzoek producten ------------------------------------------------------


def test_cd041_omvang_verplicht_bij_productcode_ok():
    ok("CD041", b301())
    msg = zet(zet(b301(), f"{TP}.omvang", None), f"{TP}.product.code", None)
    ok("CD041", msg)


def test_cd041_omvang_verplicht_bij_productcode_fout():
    fout("CD041", zet(b301(), f"{TP}.omvang", None), "ToegewezenProduct[1]/Omvang")
    fout("CD041", zet(b315(), f"{AP}[0].omvang", None))


def test_cd075_einddatum_verplicht_bij_budget_ok():
    msg = zet(zet(b301(), f"{TP}.omvang", None), f"{TP}.budget", 100000)
    ok("CD075", msg)


def test_cd075_einddatum_verplicht_bij_budget_fout():
    msg = zet(zet(b301(), f"{TP}.omvang", None), f"{TP}.budget", 100000)
    fout("CD075", zet(msg, f"{TP}.einddatum", None), "ToegewezenProduct[1]/Einddatum")


def _per_week(msg, pad):
    return zet(msg, f"{pad}.omvang.frequentie", codes.Frequentie("2"))


def test_cd076_einddatum_verplicht_bij_frequentie_per_week_ok():
    ok("CD076", _per_week(b301(), TP))


def test_cd076_einddatum_verplicht_bij_frequentie_per_week_fout():
    fout("CD076", zet(_per_week(b301(), TP), f"{TP}.einddatum", None))
    fout("CD076", zet(_per_week(b317(), f"{NP}[0]"), f"{NP}[0].einddatum", None))


def test_cd077_omvang_leeg_bij_budget_ok():
    ok("CD077", b301())
    ok("CD077", zet(zet(b301(), f"{TP}.omvang", None), f"{TP}.budget", 5000))


def test_cd077_omvang_leeg_bij_budget_fout():
    fout("CD077", zet(b301(), f"{TP}.budget", 5000), "ToegewezenProduct[1]/Omvang")


def test_cd078_budget_leeg_bij_omvang_ok():
    ok("CD078", b315())


def test_cd078_budget_leeg_bij_omvang_fout():
    fout("CD078", zet(b315(), f"{AP}[0].budget", 5000), "AangevraagdProduct[1]/Budget")


def test_cd079_product_verplicht_zonder_budget_ok():
    msg = zet(zet(zet(b301(), f"{TP}.omvang", None), f"{TP}.product", None), f"{TP}.budget", 9)
    ok("CD079", msg)


def test_cd079_product_verplicht_zonder_budget_fout():
    fout("CD079", zet(zet(b301(), f"{TP}.omvang", None), f"{TP}.product", None))


def test_cd080_omvang_leeg_zonder_productcode_ok():
    msg = zet(b301(), f"{TP}.product.code", None)
    msg = zet(zet(msg, f"{TP}.ingangsdatum", D(2020, 1, 1)), f"{TP}.einddatum", D(2020, 12, 31))
    ok("CD080", msg)  # until 2020 an aspecifieke toewijzing could carry an Omvang


def test_cd080_omvang_leeg_zonder_productcode_fout():
    fout("CD080", zet(b301(), f"{TP}.product.code", None), "ToegewezenProduct[1]/Omvang")


def test_cd095_omvang_leeg_zonder_productcode_vot_ok():
    ok("CD095", b315())


def test_cd095_omvang_leeg_zonder_productcode_vot_fout():
    fout("CD095", zet(b315(), f"{AP}[1].product.code", None), "AangevraagdProduct[2]/Omvang")


def test_cd096_omvang_leeg_zonder_productcode_vow_ok():
    ok("CD096", b317())


def test_cd096_omvang_leeg_zonder_productcode_vow_fout():
    fout("CD096", zet(b317(), f"{NP}[0].product.code", None), "NieuwProduct[1]/Omvang")


def _eenheid(msg, pad, eenheid, freq):
    msg = zet(msg, f"{pad}.omvang.eenheid", codes.Eenheid(eenheid))
    return zet(msg, f"{pad}.omvang.frequentie", codes.Frequentie(freq))


def test_cs338_eenheid_vraagt_frequentie_2_4_of_6_ok():
    ok("CS338", b301())  # minuten per dag: no constraint
    ok("CS338", _eenheid(b301(), TP, "14", "4"))
    ok("CS338", b317())


def test_cs338_eenheid_vraagt_frequentie_2_4_of_6_fout():
    fout("CS338", _eenheid(b301(), TP, "14", "1"), "ToegewezenProduct[1]/Omvang/Frequentie")
    fout("CS338", _eenheid(b317(), f"{NP}[0]", "84", "1"))


def test_cs343_eenheid_vraagt_frequentie_2_4_of_6_vot_ok():
    ok("CS343", b315())


def test_cs343_eenheid_vraagt_frequentie_2_4_of_6_vot_fout():
    fout("CS343", _eenheid(b315(), f"{AP}[0]", "16", "1"))


def test_cs335_reden_verwijderd_alleen_bij_einddatum_is_ingangsdatum_ok():
    msg = zet(b301(), f"{TP}.reden_wijziging", codes.RedenWijziging("13"))
    ok("CS335", zet(msg, f"{TP}.einddatum", D(2023, 1, 1)))


def test_cs335_reden_verwijderd_alleen_bij_einddatum_is_ingangsdatum_fout():
    fout("CS335", zet(b301(), f"{TP}.reden_wijziging", codes.RedenWijziging("13")))


def test_cs336_reden_wijziging_01_niet_gebruiken_ok():
    ok("CS336", zet(b301(), f"{TP}.reden_wijziging", codes.RedenWijziging("14")))


def test_cs336_reden_wijziging_01_niet_gebruiken_fout():
    fout("CS336", zet(b301(), f"{TP}.reden_wijziging", codes.RedenWijziging("01")))


def _tweemaal_301(eind_eerste, begin_tweede):
    msg = b301()
    p = msg.client.toegewezen_producten[0]
    p1 = dataclasses.replace(p, einddatum=eind_eerste)
    p2 = dataclasses.replace(p, toewijzing_nummer=102, ingangsdatum=begin_tweede, einddatum=None)
    return zet(msg, "client.toegewezen_producten", (p1, p2))


def test_tr302_product_vaker_alleen_zonder_overlap_ok():
    ok("TR302", _tweemaal_301(D(2023, 6, 30), D(2023, 7, 1)))


def test_tr302_product_vaker_alleen_zonder_overlap_fout():
    fout("TR302", _tweemaal_301(D(2023, 12, 31), D(2023, 7, 1)), "ToegewezenProduct[2]/Product")


def test_tr386_product_vaker_in_vot_alleen_zonder_overlap_ok():
    ok("TR386", b315())


def test_tr386_product_vaker_in_vot_alleen_zonder_overlap_fout():
    msg = b315()
    tweede = dataclasses.replace(msg.client.aangevraagde_producten[0], referentie_aanbieder="X9")
    fout("TR386", zet(msg, f"{AP}[1]", tweede), "AangevraagdProduct[2]/Product")


def test_tr410_nieuw_product_vaker_alleen_zonder_overlap_ok():
    ok("TR410", b317())


def test_tr410_nieuw_product_vaker_alleen_zonder_overlap_fout():
    msg = b317()
    n = msg.client.verzoek.nieuwe_producten[0]
    fout("TR410", zet(msg, NP, (n, n)), "NieuwProduct[2]/Product")


# --- verzoek / antwoord -------------------------------------------------------------------


def test_tr383_referentie_aanbieder_uniek_in_vot_ok():
    ok("TR383", b315())


def test_tr383_referentie_aanbieder_uniek_in_vot_fout():
    fout("TR383", zet(b315(), f"{AP}[1].referentie_aanbieder", "42420001"))


def _verwijzer(msg, type_, naam, code):
    v = modellen.Verwijzer(type=codes.TypeVerwijzer(type_), naam=naam, zorgverlener_code=code)
    return zet(msg, f"{AP}[0].verwijzer", v)


def test_cd066_naam_verwijzer_leeg_bij_zorgverlenercode_ok():
    ok("CD066", _verwijzer(b315(), "02", None, "01234567"))


def test_cd066_naam_verwijzer_leeg_bij_zorgverlenercode_fout():
    fout("CD066", _verwijzer(b315(), "02", "Dokter", "01234567"), "Verwijzer/Naam")


def test_cd067_naam_verwijzer_verplicht_zonder_zorgverlenercode_ok():
    ok("CD067", b315())


def test_cd067_naam_verwijzer_verplicht_zonder_zorgverlenercode_fout():
    fout("CD067", _verwijzer(b315(), "03", None, None))


def test_cd068_zorgverlenercode_alleen_bij_verwijzer_02_tot_05_ok():
    ok("CD068", _verwijzer(b315(), "01", "Gemeente", None))


def test_cd068_zorgverlenercode_alleen_bij_verwijzer_02_tot_05_fout():
    fout("CD068", _verwijzer(b315(), "06", None, "01234567"), "Verwijzer/ZorgverlenerCode")


def test_tr352_vow_heeft_ongewijzigd_of_te_wijzigen_product_ok():
    ok("TR352", zet(b317(), "client.verzoek.ongewijzigde_producten", ()))


def test_tr352_vow_heeft_ongewijzigd_of_te_wijzigen_product_fout():
    msg = zet(b317(), "client.verzoek.ongewijzigde_producten", ())
    fout("TR352", zet(msg, "client.verzoek.te_wijzigen_producten", ()))


def test_tr353_vow_heeft_te_wijzigen_of_nieuw_product_ok():
    ok("TR353", zet(b317(), NP, ()))


def test_tr353_vow_heeft_te_wijzigen_of_nieuw_product_fout():
    msg = zet(zet(b317(), NP, ()), "client.verzoek.te_wijzigen_producten", ())
    fout("TR353", msg, "/Bericht/Client/Verzoek")


def test_cd085_reden_afwijzing_verplicht_bij_afwijzing_ok():
    ok("CD085", voorbeeld("WMO319"))


def test_cd085_reden_afwijzing_verplicht_bij_afwijzing_fout():
    fout("CD085", zet(voorbeeld("WMO319"), "antwoord.reden_afwijzing_verzoek", None))


def test_cd086_reden_afwijzing_leeg_bij_onderzoek_ok():
    msg = zet(voorbeeld("WMO319"), "antwoord.verzoek_antwoord", codes.VerzoekAntwoord("2"))
    ok("CD086", zet(msg, "antwoord.reden_afwijzing_verzoek", None))


def test_cd086_reden_afwijzing_leeg_bij_onderzoek_fout():
    fout("CD086", zet(voorbeeld("WMO319"), "antwoord.verzoek_antwoord", codes.VerzoekAntwoord("2")))


def test_tr377_woonplaatsbeginsel_verplicht_bij_reden_8_ok():
    ok("TR377", voorbeeld("JW319"))


def test_tr377_woonplaatsbeginsel_verplicht_bij_reden_8_fout():
    fout("TR377", zet(voorbeeld("JW319"), "antwoord.woonplaatsbeginsel", None))


def test_tr409_woonplaatsbeginsel_alleen_bij_reden_8_ok():
    ok("TR409", voorbeeld("JW319"))
    ok("TR409", voorbeeld("WMO319"))


def test_tr409_woonplaatsbeginsel_alleen_bij_reden_8_fout():
    reden = codes.RedenAfwijzingVerzoek("7")
    fout("TR409", zet(voorbeeld("JW319"), "antwoord.reden_afwijzing_verzoek", reden))


# --- declaratie ---------------------------------------------------------------------------


def _periode(b, e):
    return modellen.GeslotenPeriode(begindatum=b, einddatum=e)


def test_cs100_periode_vanaf_2021_ok():
    ok("CS100", b323())


def test_cs100_periode_vanaf_2021_fout():
    fout("CS100", zet(b323(), f"{PR}.product_periode", _periode(D(2020, 12, 1), D(2020, 12, 31))))


def test_cs340_declaratieperiode_is_een_kalendermaand_ok():
    ok("CS340", b323())
    ok(
        "CS340",
        zet(b323(), "declaratie.declaratie_periode", _periode(D(2024, 2, 1), D(2024, 2, 29))),
    )


def test_cs340_declaratieperiode_is_een_kalendermaand_fout():
    msg = zet(b323(), "declaratie.declaratie_periode", _periode(D(2023, 4, 1), D(2023, 4, 29)))
    fout("CS340", msg, "/Bericht/Declaratie/DeclaratiePeriode")


def test_tr137_productperiode_einddatum_tussen_begindatum_en_dagtekening_ok():
    ok("TR137", b323())
    ok("TR137", voorbeeld("JW325"))


def test_tr137_productperiode_einddatum_tussen_begindatum_en_dagtekening_fout():
    msg = zet(b323(), f"{PR}.product_periode", _periode(D(2023, 4, 20), D(2023, 4, 10)))
    fout("TR137", msg, "Prestatie[1]/ProductPeriode/Einddatum")
    msg = zet(b323(), "header.bericht_identificatie.dagtekening", D(2023, 4, 29))
    assert "na de Dagtekening" in fout("TR137", msg)[0].melding


def test_cs337_productperiode_binnen_een_kalendermaand_ok():
    ok("CS337", zet(b323(), f"{PR}.product_periode", _periode(D(2023, 4, 10), D(2023, 4, 20))))


def test_cs337_productperiode_binnen_een_kalendermaand_fout():
    fout("CS337", zet(b323(), f"{PR}.product_periode", _periode(D(2023, 3, 1), D(2023, 4, 30))))


def _euro(msg, bedrag, volume, tarief=None):
    msg = zet(msg, f"{PR}.eenheid", codes.Eenheid("83"))
    msg = zet(msg, f"{PR}.product_tarief", tarief)
    msg = zet(msg, f"{PR}.geleverd_volume", volume)
    msg = zet(msg, f"{PR}.ingediend_bedrag.bedrag", bedrag)
    return msg


def test_cd087_producttarief_alleen_en_altijd_buiten_euro_ok():
    ok("CD087", b323())
    ok("CD087", _euro(b323(), 5000, 5000))


def test_cd087_producttarief_alleen_en_altijd_buiten_euro_fout():
    fout("CD087", zet(b323(), f"{PR}.product_tarief", None), "Prestatie[1]/ProductTarief")
    fout("CD087", _euro(b323(), 5000, 5000, tarief=1))


def test_cs339_euro_bedrag_is_volume_ok():
    ok("CS339", _euro(b323(), 5000, 5000))


def test_cs339_euro_bedrag_is_volume_fout():
    fout("CS339", _euro(b323(), 5000, 4999), "IngediendBedrag/Bedrag")


def test_tr346_bedrag_is_volume_maal_tarief_ok():
    ok("TR346", b323())
    # IV081: minutes against an hourly rate of 6000: tarief 100/min, bedrag 6000*7/60 = 7000
    msg = zet(b323(), f"{PR}.eenheid", codes.Eenheid("01"))
    msg = zet(zet(msg, f"{PR}.geleverd_volume", 7), f"{PR}.product_tarief", 1000)
    ok("TR346", zet(msg, f"{PR}.ingediend_bedrag.bedrag", 7003))


def test_tr346_bedrag_is_volume_maal_tarief_fout():
    msg = zet(b323(), f"{PR}.ingediend_bedrag.bedrag", 5001)
    msg = zet(msg, "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 58001)
    found = list(REGISTER["TR346"](msg))
    assert [(f.regel, f.retourcode) for f in found] == [("TR346", "9346")]
    assert found[0].klasse is msg.declaratie.clienten[0].prestaties[0]
    res = ist.check(ist.write(msg))
    assert [f.regel for f in res.fouten] == ["TR346"]
    assert not res.afgekeurd  # a per-prestatie code, not a 0001 rejection


def test_tr358_totaal_is_som_van_prestaties_ok():
    ok("TR358", b323())


def test_tr358_totaal_is_som_van_prestaties_fout():
    fout("TR358", zet(b323(), "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 57999))


def test_cs325_nulbedrag_is_debet_ok():
    ok("CS325", b323())
    ok("CS325", voorbeeld("JW325"))


def test_cs325_nulbedrag_is_debet_fout():
    msg = zet(b323(), f"{PR}.ingediend_bedrag.debet_credit", codes.DebetCredit("C"))
    msg = zet(zet(msg, f"{PR}.ingediend_bedrag.bedrag", 0), f"{PR}.geleverd_volume", 0)
    msg = zet(msg, "declaratie.totaal_ingediend_bedrag.totaal_bedrag", 53000)
    fout("CS325", msg, "IngediendBedrag/DebetCredit")


def _credit(msg, i=0, vorig="RT001"):
    pr = f"declaratie.clienten[0].prestaties[{i}]"
    msg = zet(msg, f"{pr}.ingediend_bedrag.debet_credit", codes.DebetCredit("C"))
    return zet(msg, f"{pr}.product_referentie.vorig_referentie_nummer", vorig)


def _totaal(msg, bedrag):
    return zet(msg, "declaratie.totaal_ingediend_bedrag.totaal_bedrag", bedrag)


def test_cd060_vorig_referentienummer_alleen_en_altijd_bij_credit_ok():
    ok("CD060", b323())
    ok("CD060", _credit(b323()))


def test_cd060_vorig_referentienummer_alleen_en_altijd_bij_credit_fout():
    fout("CD060", _totaal(_credit(b323(), vorig=None), 48000))
    fout("CD060", zet(b323(), f"{PR}.product_referentie.vorig_referentie_nummer", "X1"))


def test_tr315_vorig_referentienummer_uniek_ok():
    ok("TR315", _credit(_credit(b323(), 0, "RT001"), 1, "RT002"))


def test_tr315_vorig_referentienummer_uniek_fout():
    msg = _totaal(_credit(_credit(b323(), 0, "RT001"), 1, "RT001"), 10000)
    fout("TR315", msg, "Prestatie[2]/ProductReferentie/VorigReferentieNummer")


def test_tr316_debet_niet_crediteren_in_zelfde_bericht_ok():
    ok("TR316", _credit(b323(), 0, "ELDERS1"))


def test_tr316_debet_niet_crediteren_in_zelfde_bericht_fout():
    fout("TR316", _totaal(_credit(b323(), 0, "RN002"), 48000))


def test_tr416_geen_dubbele_debet_ok():
    ok("TR416", b323())
    ok("TR416", voorbeeld("JW323"))  # same toewijzing number, but another client


def test_tr416_geen_dubbele_debet_fout():
    msg = b323()
    p = msg.declaratie.clienten[0].prestaties[0]
    dubbel = dataclasses.replace(p, product_referentie=modellen.Referentie(referentie_nummer="X"))
    msg = zet(msg, "declaratie.clienten[0].prestaties", (p, dubbel))
    fout("TR416", _totaal(msg, 39000), "Client[1]/Prestaties/Prestatie[2]")


def test_tr335_einddatum_max_5_jaar_oud_ok():
    ok("TR335", b323())


def test_tr335_einddatum_max_5_jaar_oud_fout():
    msg = zet(b323(), "declaratie.declaratie_dagtekening", D(2028, 5, 1))
    fout("TR335", msg, "ProductPeriode/Einddatum")


def test_tr319_productperiode_niet_na_declaratieperiode_ok():
    ok("TR319", b323())


def test_tr319_productperiode_niet_na_declaratieperiode_fout():
    msg = zet(b323(), f"{PR}.product_periode", _periode(D(2023, 5, 1), D(2023, 5, 31)))
    found = list(REGISTER["TR319"](msg))
    assert [(f.regel, f.retourcode) for f in found] == [("TR319", "9319")]
    assert "TR319" in {f.regel for f in ist.check(ist.write(msg)).fouten}


def test_elke_regel_heeft_een_ok_en_een_fout_test():
    namen = [n for n in globals() if n.startswith("test_")]
    for code in REGISTER:
        c = code.lower()
        assert any(n.startswith(f"test_{c}_") and n.endswith("_ok") for n in namen), code
        assert any(n.startswith(f"test_{c}_") and n.endswith("_fout") for n in namen), code


def test_tr101_geen_dubbele_regels_ok():
    for msg in (b301(), b315(), b317(), b323(), voorbeeld("JW323"), voorbeeld("WMO305")):
        ok("TR101", msg)


def test_tr101_geen_dubbele_regels_fout():
    msg = voorbeeld("WMO305")
    s = msg.client.start_producten
    fout("TR101", zet(msg, "client.start_producten", (*s, s[0])), "StartProduct[3]")
    msg = b323()
    ps = msg.declaratie.clienten[1].prestaties
    msg = zet(msg, "declaratie.clienten[1].prestaties", (*ps, ps[0]))
    fout("TR101", _totaal(msg, 63000), "Client[2]/Prestaties/Prestatie[3]")


def test_kapotte_regel_laat_check_niet_crashen(monkeypatch):
    from klantreis.istandaarden.regels import Regel

    def kapot(bericht):
        raise RuntimeError("stuk")
        yield  # pragma: no cover

    monkeypatch.setitem(REGISTER, "ZZ999", Regel("ZZ999", "0001", frozenset({"301"}), "", kapot))
    res = ist.check(ist.write(b301()))
    assert (res.geldig, res.niveau) == (False, ist.Niveau.BERICHT)
    assert [(f.regel, f.retourcode) for f in res.fouten] == [("INTERN", None)]
    assert "ZZ999" in res.fouten[0].melding


def test_tr342_alleen_afgewezen_prestaties_in_325_ok():
    ok("TR342", voorbeeld("JW325"))


def test_tr342_alleen_afgewezen_prestaties_in_325_fout():
    msg = voorbeeld("JW325")
    ok200 = (codes.JwRetourCode("0200"),)
    pad = "declaratie_antwoord.clienten[0].prestaties[0].retour_codes"
    fout("TR342", zet(msg, pad, ok200), "Prestatie[1]/RetourCodes")
