# ruff: noqa: E501
"""GEGENEREERD door ``python -m klantreis.istandaarden._genereer`` uit ``xsd/``: niet bewerken. Codelijsten."""

from klantreis.istandaarden.code import Code


class AanduidingWoonadres(Code):
    """De aanduiding die wordt gebruikt voor adressen die niet zijn voorzien van de
    gebruikelijke straatnaam en huisnummeraanduidingen.
    """

    AAN_BOORD = "AB", "Aan boord"
    BIJ = "BY", "Bij"
    TEGENOVER = "TO", "Tegenover"
    WOONWAGEN = "WW", "Woonwagen"


class AdresSoort(Code):
    """Nadere typering van het adres."""

    BRP_ADRES = "01", "BRP-adres"
    CORRESPONDENTIE_ADRES = "02", "Correspondentie-adres"
    VERBLIJFADRES = "03", "Verblijfadres"
    TIJDELIJK_VERBLIJFADRES = "04", "Tijdelijk verblijfadres"


class Communicatievorm(Code):
    """Gecodeerde aanduiding van de bijzondere vorm van communicatie die gebruikt dient te
    worden.
    """

    TOLK_TAAL = "1", "Tolk taal"
    DOVENTOLK = "2", "Doventolk"
    DOOFBLINDENTOLK = "3", "Doofblindentolk"


class DatumGebruik(Code):
    """Indicator die aangeeft welk deel van de voorafgaande datum gebruikt mag worden."""

    DAG_ONBEKEND_ALLEEN_MAAND_EN_JAAR_GEBRUIKEN = (
        "1",
        "dag onbekend; alleen maand en jaar gebruiken",
    )
    DAG_EN_MAAND_ONBEKEND_ALLEEN_JAAR_GEBRUIKEN = (
        "2",
        "dag en maand onbekend; alleen jaar gebruiken",
    )
    DAG_MAAND_EN_JAAR_ONBEKEND_ONBEKENDE_DATUM = "3", "dag, maand en jaar onbekend; onbekende datum"


class DebetCredit(Code):
    """DebetCredit"""

    CREDITBEDRAG_EN_AANTAL = "C", "Creditbedrag en aantal"
    DEBETBEDRAG_EN_AANTAL = "D", "Debetbedrag en aantal"


class Eenheid(Code):
    """Aanduiding van de eenheid waarin de omvang van een ondersteuningsproduct is beschreven."""

    MINUUT = "01", "Minuut"
    UUR = "04", "Uur"
    ETMAAL = "14", "Etmaal"
    DAGDEEL_4_UUR = "16", "Dagdeel (4 uur)"
    STUKS_OUTPUT = "82", "Stuks (output)"
    EURO_S = "83", "Euro's"
    STUKS_INSPANNING = "84", "Stuks (inspanning)"


class Frequentie(Code):
    """Aanduiding van de frequentie waarmee een ondersteuningsproduct geleverd wordt."""

    PER_DAG = "1", "Per dag"
    PER_WEEK = "2", "Per week"
    PER_MAAND = "4", "Per maand"
    TOTAAL_BINNEN_GELDIGHEIDSDUUR_TOEWIJZING = "6", "Totaal binnen geldigheidsduur toewijzing"


class Geslacht(Code):
    """De sekse van een persoon, zoals bij geboorte formeel vastgesteld of nadien formeel
    gewijzigd.
    """

    ONBEKEND = "0", "Onbekend"
    MANNELIJK = "1", "Mannelijk"
    VROUWELIJK = "2", "Vrouwelijk"


class JaNee(Code):
    """Codering voor ja of nee."""

    JA = "1", "Ja"
    NEE = "2", "Nee"


class JuridischeStatus(Code):
    """Juridische situatie die voor de client van toepassing is op het moment van beoordeling."""

    RECHTERLIJKE_MACHTIGING_RM_VOORLOPIG_VOORTGEZETT = (
        "01",
        "Rechterlijke machtiging (rm) voorlopig / voortgezette machtiging",
    )
    RM_OP_EIGEN_VERZOEK = "02", "RM op eigen verzoek"
    RM_MET_VOORWAARDELIJK_ONTSLAG = "03", "RM met voorwaardelijk ontslag"
    ONDER_TOEZICHTSTELLING_OTS = "04", "Onder toezichtstelling (ots)"
    IN_BEWARING_STELLING_IBS = "05", "In bewaring stelling (ibs)"
    STRAFRECHTERLIJKE_JUSTITIELE_CONTACTEN_TBS = "11", "Strafrechterlijke justitiele contacten: tbs"
    STRAFRECHTERLIJKE_JUSTITIELE_CONTACTEN_OVERIG = (
        "12",
        "Strafrechterlijke justitiele contacten: overig",
    )


class LandCode(Code):
    """Identificatie van een (historisch/actueel) land of gebiedsdeel."""

    ANDORRA = "AD", "ANDORRA"
    VERENIGDE_ARABISCHE_EMIRATEN = "AE", "VERENIGDE ARABISCHE EMIRATEN"
    AFGHANISTAN = "AF", "AFGHANISTAN"
    ANTIGUA_EN_BARBUDA = "AG", "ANTIGUA EN BARBUDA"
    ANGUILA = "AI", "ANGUILA"
    ALBANIE = "AL", "ALBANIE"
    ARMENIE = "AM", "ARMENIE"
    ANGOLA = "AO", "ANGOLA"
    ANTARTICA = "AQ", "ANTARTICA"
    ARGENTINIE = "AR", "ARGENTINIE"
    AMERIKAANS_SAMOA = "AS", "AMERIKAANS-SAMOA"
    OOSTENRIJK = "AT", "OOSTENRIJK"
    AUSTRALIE = "AU", "AUSTRALIE"
    ARUBA = "AW", "ARUBA"
    ALANDSEILANDEN = "AX", "ÅLANDSEILANDEN"
    AZERBEIDZJAN = "AZ", "AZERBEIDZJAN"
    BOSNIE_EN_HERZEGOVINA = "BA", "BOSNIE EN HERZEGOVINA"
    BARBADOS = "BB", "BARBADOS"
    BANGLADESH = "BD", "BANGLADESH"
    BELGIE = "BE", "BELGIE"
    BURKINA_FASO = "BF", "BURKINA FASO"
    BULGARIJE = "BG", "BULGARIJE"
    BAHREIN = "BH", "BAHREIN"
    BURUNDI = "BI", "BURUNDI"
    BENIN = "BJ", "BENIN"
    SAINT_BARTHELEMY = "BL", "SAINT BARTHÉLEMY"
    BERMUDA = "BM", "BERMUDA"
    BRUNEI = "BN", "BRUNEI"
    BOLIVIA = "BO", "BOLIVIA"
    BONAIRE_SINT_EUSTATIUS_EN_SABA = "BQ", "BONAIRE, SINT EUSTATIUS en SABA"
    BRAZILIE = "BR", "BRAZILIE"
    BAHAMA_S = "BS", "BAHAMA'S"
    BHUTAN = "BT", "BHUTAN"
    BOUVET = "BV", "BOUVET"
    BOTSWANA = "BW", "BOTSWANA"
    WIT_RUSLAND = "BY", "WIT-RUSLAND"
    BELIZE = "BZ", "BELIZE"
    CANADA = "CA", "CANADA"
    COCOSEILANDEN = "CC", "COCOSEILANDEN"
    CONGO_KINSHASA = "CD", "CONGO-KINSHASA"
    CENTRAAL_AFRIKAANSE_REPUBLIEK = "CF", "CENTRAAL-AFRIKAANSE REPUBLIEK"
    CONGO_BRAZZAVILLE = "CG", "CONGO-BRAZZAVILLE"
    ZWITSERLAND = "CH", "ZWITSERLAND"
    IVOORKUST = "CI", "IVOORKUST"
    COOKEILANDEN = "CK", "COOKEILANDEN"
    CHILI = "CL", "CHILI"
    KAMEROEN = "CM", "KAMEROEN"
    CHINA = "CN", "CHINA"
    COLOMBIA = "CO", "COLOMBIA"
    COSTA_RICA = "CR", "COSTA RICA"
    CUBA = "CU", "CUBA"
    KAAPVERDIE = "CV", "KAAPVERDIE"
    CURACAO = "CW", "CURAÇAO"
    CHRISTMASEILAND = "CX", "CHRISTMASEILAND"
    CYPRUS = "CY", "CYPRUS"
    TSJECHIE = "CZ", "TSJECHIE"
    DUITSLAND = "DE", "DUITSLAND"
    DJIBOUTI = "DJ", "DJIBOUTI"
    DENEMARKEN = "DK", "DENEMARKEN"
    DOMINICA = "DM", "DOMINICA"
    DOMINICAANSE_REPUBLIEK = "DO", "DOMINICAANSE REPUBLIEK"
    ALGERIJE = "DZ", "ALGERIJE"
    ECUADOR = "EC", "ECUADOR"
    ESTLAND = "EE", "ESTLAND"
    EGYPTE = "EG", "EGYPTE"
    WESTELIJKE_SAHARA = "EH", "WESTELIJKE SAHARA"
    ERITREA = "ER", "ERITREA"
    SPANJE = "ES", "SPANJE"
    ETHIOPIE = "ET", "ETHIOPIE"
    FINLAND = "FI", "FINLAND"
    FIJI = "FJ", "FIJI"
    FALKLANDEILANDEN = "FK", "FALKLANDEILANDEN"
    MICRONESIA = "FM", "MICRONESIA"
    FAEROER = "FO", "FAERÖER"
    FRANKRIJK = "FR", "FRANKRIJK"
    GABON = "GA", "GABON"
    VERENIGD_KONINKRIJK = "GB", "VERENIGD KONINKRIJK"
    GRENADA = "GD", "GRENADA"
    GEORGIE = "GE", "GEORGIE"
    FRANS_GUYANA = "GF", "FRANS-GUYANA"
    GUERNSEY = "GG", "GUERNSEY"
    GHANA = "GH", "GHANA"
    GIBRALTAR = "GI", "GIBRALTAR"
    GROENLAND = "GL", "GROENLAND"
    GAMBIA = "GM", "GAMBIA"
    GUINEA = "GN", "GUINEA"
    GUADELOUPE = "GP", "GUADELOUPE"
    EQUATORIAAL_GUINEA = "GQ", "EQUATORIAAL-GUINEA"
    GRIEKENLAND = "GR", "GRIEKENLAND"
    ZUID_GEORGIE_EN_DE_ZUIDELIJKE_SANDWICHEILANDEN = (
        "GS",
        "ZUID-GEORGIE EN DE ZUIDELIJKE SANDWICHEILANDEN",
    )
    GUATEMALA = "GT", "GUATEMALA"
    GUAM = "GU", "GUAM"
    GUINEE_BISSAU = "GW", "GUINEE-BISSAU"
    GUYANA = "GY", "GUYANA"
    HONGKONG = "HK", "HONGKONG"
    HEARD_EN_MCDONALDEILANDEN = "HM", "HEARD EN MCDONALDEILANDEN"
    HONDURAS = "HN", "HONDURAS"
    KROATIE = "HR", "KROATIE"
    HAITI = "HT", "HAÏTI"
    HONGARIJE = "HU", "HONGARIJE"
    INDONESIE = "ID", "INDONESIE"
    IERLAND = "IE", "IERLAND"
    ISRAEL = "IL", "ISRAEL"
    ISLE_OF_MAN = "IM", "ISLE OF MAN"
    INDIA = "IN", "INDIA"
    BRITS_TERRITORIUM_IN_DE_INDISCHE_OCEAAN = "IO", "BRITS TERRITORIUM IN DE INDISCHE OCEAAN"
    IRAK = "IQ", "IRAK"
    IRAN = "IR", "IRAN"
    IJSLAND = "IS", "IJSLAND"
    ITALIE = "IT", "ITALIE"
    JERSEY = "JE", "JERSEY"
    JAMAICA = "JM", "JAMAICA"
    JORDANIE = "JO", "JORDANIE"
    JAPAN = "JP", "JAPAN"
    KENIA = "KE", "KENIA"
    KIRGIZIE = "KG", "KIRGIZIE"
    CAMBODJA = "KH", "CAMBODJA"
    KIRIBATI = "KI", "KIRIBATI"
    COMOREN = "KM", "COMOREN"
    SAINT_KITTS_EN_NEVIS = "KN", "SAINT KITTS EN NEVIS"
    NOORD_KOREA = "KP", "NOORD-KOREA"
    ZUID_KOREA = "KR", "ZUID-KOREA"
    KOEWEIT = "KW", "KOEWEIT"
    CAYMANEILANDEN = "KY", "CAYMANEILANDEN"
    KAZACHSTAN = "KZ", "KAZACHSTAN"
    LAOS = "LA", "LAOS"
    LIBANON = "LB", "LIBANON"
    SAINT_LUCIA = "LC", "SAINT LUCIA"
    LIECHTENSTEIN = "LI", "LIECHTENSTEIN"
    SRI_LANKA = "LK", "SRI LANKA"
    LIBERIA = "LR", "LIBERIA"
    LESOTHO = "LS", "LESOTHO"
    LITOUWEN = "LT", "LITOUWEN"
    LUXEMBURG = "LU", "LUXEMBURG"
    LETLAND = "LV", "LETLAND"
    LIBIE = "LY", "LIBIE"
    MAROKKO = "MA", "MAROKKO"
    MONACO = "MC", "MONACO"
    MOLDAVIE = "MD", "MOLDAVIE"
    MONTENEGRO = "ME", "MONTENEGRO"
    SAINT_MARTIN = "MF", "SAINT MARTIN"
    MADAGASKAR = "MG", "MADAGASKAR"
    MARSHALLEILANDEN = "MH", "MARSHALLEILANDEN"
    MACEDONIE = "MK", "MACEDONIE"
    MALI = "ML", "MALI"
    MYANMAR = "MM", "MYANMAR"
    MONGOLIE = "MN", "MONGOLIE"
    MACAU = "MO", "MACAU"
    NOORDELIJKE_MARIANEN = "MP", "NOORDELIJKE MARIANEN"
    MARTINIQUE = "MQ", "MARTINIQUE"
    MAURITANIE = "MR", "MAURITANIE"
    MONTSERRAT = "MS", "MONTSERRAT"
    MALTA = "MT", "MALTA"
    MAURITIUS = "MU", "MAURITIUS"
    MALDIVEN = "MV", "MALDIVEN"
    MALAWI = "MW", "MALAWI"
    MEXICO = "MX", "MEXICO"
    MALEISIE = "MY", "MALEISIE"
    MOZAMBIQUE = "MZ", "MOZAMBIQUE"
    NAMIBIE = "NA", "NAMIBIE"
    NIEUW_CALEDONIE = "NC", "NIEUW-CALEDONIE"
    NIGER = "NE", "NIGER"
    NORFOLK = "NF", "NORFOLK"
    NIGERIA = "NG", "NIGERIA"
    NICARAGUA = "NI", "NICARAGUA"
    NEDERLAND = "NL", "NEDERLAND"
    NOORWEGEN = "NO", "NOORWEGEN"
    NEPAL = "NP", "NEPAL"
    NAURU = "NR", "NAURU"
    NIUE = "NU", "NIUE"
    NIEUW_ZEELAND = "NZ", "NIEUW-ZEELAND"
    OMAN = "OM", "OMAN"
    PANAMA = "PA", "PANAMA"
    PERU = "PE", "PERU"
    FRANS_POLYNESIE = "PF", "FRANS-POLYNESIE"
    PAPOEA_NIEUW_GUINEA = "PG", "PAPOEA-NIEUW-GUINEA"
    FILIPIJNEN = "PH", "FILIPIJNEN"
    PAKISTAN = "PK", "PAKISTAN"
    POLEN = "PL", "POLEN"
    SAINT_PIERRE_EN_MIQUELON = "PM", "SAINT-PIERRE EN MIQUELON"
    PITCAIRNEILANDEN = "PN", "PITCAIRNEILANDEN"
    PUERTO_RICO = "PR", "PUERTO RICO"
    PALESTIJNSE_AUTORITEIT = "PS", "PALESTIJNSE AUTORITEIT"
    PORTUGAL = "PT", "PORTUGAL"
    PALAU = "PW", "PALAU"
    PARAGUAY = "PY", "PARAGUAY"
    QATAR = "QA", "QATAR"
    REUNION = "RE", "RÉUNION"
    ROEMENIE = "RO", "ROEMENIE"
    SERVIE = "RS", "SERVIE"
    RUSLAND = "RU", "RUSLAND"
    RWANDA = "RW", "RWANDA"
    SAOEDI_ARABIE = "SA", "SAOEDI-ARABIE"
    SALOMONSEILANDEN = "SB", "SALOMONSEILANDEN"
    SEYCHELLEN = "SC", "SEYCHELLEN"
    SOEDAN = "SD", "SOEDAN"
    ZWEDEN = "SE", "ZWEDEN"
    SINGAPORE = "SG", "SINGAPORE"
    SINT_HELENA = "SH", "SINT-HELENA"
    SLOVENIE = "SI", "SLOVENIE"
    SPITSBERGEN_EN_JAN_MAYEN = "SJ", "SPITSBERGEN EN JAN MAYEN"
    SLOWAKIJE = "SK", "SLOWAKIJE"
    SIERRA_LEONE = "SL", "SIERRA LEONE"
    SAN_MARINO = "SM", "SAN MARINO"
    SENEGAL = "SN", "SENEGAL"
    SOMALIE = "SO", "SOMALIE"
    SURINAME = "SR", "SURINAME"
    ZUID_SOEDAN = "SS", "ZUID SOEDAN"
    SAO_TOME_EN_PRINCIPE = "ST", "SAO TOMÉ EN PRINCIPE"
    EL_SALVADOR = "SV", "EL SALVADOR"
    SINT_MAARTEN_NEDERLANDS_DEEL = "SX", "SINT MAARTEN (Nederlands deel)"
    SYRIE = "SY", "SYRIE"
    SWAZILAND = "SZ", "SWAZILAND"
    TURKS_EN_CAICOSEILANDEN = "TC", "TURKS- EN CAICOSEILANDEN"
    TSJAAD = "TD", "TSJAAD"
    FRANSE_ZUIDELIJKE_EN_ANTARCTISCHE_GEBIEDEN = "TF", "FRANSE ZUIDELIJKE EN ANTARCTISCHE GEBIEDEN"
    TOGO = "TG", "TOGO"
    THAILAND = "TH", "THAILAND"
    TADZJIKISTAN = "TJ", "TADZJIKISTAN"
    TOKELAU = "TK", "TOKELAU"
    OOST_TIMOR = "TL", "OOST-TIMOR"
    TURKMENISTAN = "TM", "TURKMENISTAN"
    TUNESIE = "TN", "TUNESIE"
    TONGA = "TO", "TONGA"
    TURKIJE = "TR", "TURKIJE"
    TRINIDAD_EN_TOBAGO = "TT", "TRINIDAD EN TOBAGO"
    TUVALU = "TV", "TUVALU"
    TAIWAN = "TW", "TAIWAN"
    TANZANIA = "TZ", "TANZANIA"
    OEKRAINE = "UA", "OEKRAINE"
    OEGANDA = "UG", "OEGANDA"
    KLEINE_PACIFISCHE_EILANDEN_VAN_DE_VERENIGDE_STAT = (
        "UM",
        "KLEINE PACIFISCHE EILANDEN VAN DE VERENIGDE STATEN",
    )
    VERENIGDE_STATEN = "US", "VERENIGDE STATEN"
    URUGUAY = "UY", "URUGUAY"
    OEZBEKISTAN = "UZ", "OEZBEKISTAN"
    VATICAANSTAD = "VA", "VATICAANSTAD"
    SAINT_VINCENT_EN_DE_GRENADINES = "VC", "SAINT VINCENT EN DE GRENADINES"
    VENEZUELA = "VE", "VENEZUELA"
    BRITSE_MAAGDENEILANDEN = "VG", "BRITSE MAAGDENEILANDEN"
    AMERIKAANSE_MAAGDENEILANDEN = "VI", "AMERIKAANSE MAAGDENEILANDEN"
    VIETNAM = "VN", "VIETNAM"
    VANUATU = "VU", "VANUATU"
    WALLIS_EN_FUTUNA = "WF", "WALLIS EN FUTUNA"
    SAMOA = "WS", "SAMOA"
    JEMEN = "YE", "JEMEN"
    MAYOTTE = "YT", "MAYOTTE"
    ZUID_AFRIKA = "ZA", "ZUID-AFRIKA"
    ZAMBIA = "ZM", "ZAMBIA"
    ZIMBABWE = "ZW", "ZIMBABWE"


class NaamGebruik(Code):
    """Aanduiding naamgebruik (gecodeerd)."""

    EIGEN_NAAM = "1", "Eigen naam"
    NAAM_ECHTGENOOT_OF_GEREGISTREERD_PARTNER_OF_ALTE = (
        "2",
        "Naam echtgenoot of geregistreerd partner of alternatieve naam",
    )
    NAAM_ECHTGENOOT_OF_GEREGISTREERD_PARTNER_GEVOLGD = (
        "3",
        "Naam echtgenoot of geregistreerd partner gevolgd door eigen naam",
    )
    EIGEN_NAAM_GEVOLGD_DOOR_NAAM_ECHTGENOOT_OF_GEREG = (
        "4",
        "Eigen naam gevolgd door naam echtgenoot of geregistreerd partner",
    )
    PSEUDONIEM = "5", "Pseudoniem"
    NIET_NATUURLIJK_PERSOON = "6", "Niet-natuurlijk persoon"


class WmoProductCategorie(Code):
    """Gecodeerde aanduiding van hoofdcategorieen van producten in het kader van de Wet
    maatschappelijke ondersteuning (Wmo).
    """

    HULP_BIJ_HET_HUISHOUDEN = "01", "Hulp bij het huishouden"
    BEGELEIDING = "02", "Begeleiding"
    PERSOONLIJKE_VERZORGING = "03", "Persoonlijke verzorging"
    KORTDUREND_VERBLIJF = "04", "Kortdurend verblijf"
    WOONDIENSTEN = "05", "Woondiensten"
    OVERIGE_ONDERSTEUNING_GERICHT_OP_HET_INDIVIDU_OF = (
        "06",
        "Overige ondersteuning gericht op het individu of huishouden/gezin",
    )
    DAGBESTEDING = "07", "Dagbesteding"
    VERVOERDIENSTEN = "08", "Vervoerdiensten"
    OVERIGE_GROEPSGERICHTE_ONDERSTEUNING = "09", "Overige groepsgerichte ondersteuning"
    OVERIGE_MAATWERK_ARRANGEMENTEN = "10", "Overige maatwerk arrangementen"
    ROLSTOELEN = "11", "Rolstoelen"
    VERVOERVOORZIENINGEN = "12", "Vervoervoorzieningen"
    WOONVOORZIENINGEN = "13", "Woonvoorzieningen"
    OVERIGE_HULPMIDDELEN = "14", "Overige hulpmiddelen"
    BESCHERMD_WONEN = "15", "Beschermd wonen"
    OPVANG = "16", "Opvang"
    SPOEDOPVANG = "17", "Spoedopvang"
    OVERIGE_BESCHERMD_WONEN_EN_OPVANG = "18", "Overige beschermd wonen en opvang"


class JwProductCategorie(Code):
    """Gecodeerde aanduiding van hoofdcategorieen van producten in het kader van de Jeugdwet."""

    C_2015_ZONDER_VERBLIJF_UITGEVOERD_DOOR_WIJK_OF_B = (
        "31",
        "(2015) Zonder verblijf: uitgevoerd door wijk- of buurtteam",
    )
    C_2015_ZONDER_VERBLIJF_AMBULANTE_JEUGDHULP_OP_LO = (
        "32",
        "(2015) Zonder verblijf: ambulante jeugdhulp op locatie van de aanbieder",
    )
    C_2015_ZONDER_VERBLIJF_DAGHULP_OP_LOCATIE_VAN_DE = (
        "33",
        "(2015) Zonder verblijf: daghulp op locatie van de aanbieder",
    )
    C_2015_ZONDER_VERBLIJF_JEUGDHULP_IN_HET_NETWERK = (
        "34",
        "(2015) Zonder verblijf: jeugdhulp in het netwerk van de jeugdige",
    )
    C_2015_MET_VERBLIJF_PLEEGZORG = "35", "(2015) Met verblijf: pleegzorg"
    C_2015_MET_VERBLIJF_GEZINSGERICHT = "36", "(2015) Met verblijf: gezinsgericht"
    C_2015_MET_VERBLIJF_GESLOTEN_PLAATSING = "37", "(2015) Met verblijf: gesloten plaatsing"
    C_2015_MET_VERBLIJF_OVERIG_RESIDENTIEEL = "38", "(2015) Met verblijf: overig residentieel"
    PERSOONLIJKE_VERZORGING = "40", "Persoonlijke verzorging"
    DAGBEHANDELING = "41", "Dagbehandeling"
    VERVOERDIENSTEN = "42", "Vervoerdiensten"
    JEUGDHULP_VERBLIJF_INCL_BEHANDELING = "43", "Jeugdhulp verblijf (incl. behandeling)"
    JEUGDHULP_VERBLIJF_EXCL_BEHANDELING = "44", "Jeugdhulp verblijf (excl. behandeling)"
    JEUGDHULP_AMBULANT = "45", "Jeugdhulp ambulant"
    JEUGDHULP_CRISIS = "46", "Jeugdhulp crisis"
    JEUGDRECLASSERING = "47", "Jeugdreclassering"
    JEUGDBESCHERMING = "48", "Jeugdbescherming"
    ACTIVITEITEN_IN_HET_PREVENTIEF_JUSTITIEEL_KADER = (
        "49",
        "Activiteiten in het preventief justitieel kader",
    )
    MAATWERKARRANGEMENTEN_JEUGD = "50", "Maatwerkarrangementen jeugd"
    GENERALISTISCHE_BASIS_GGZ = "51", "Generalistische basis-ggz"
    SPECIALISTISCHE_GGZ = "52", "Specialistische ggz"
    KINDERGENEESKUNDE = "53", "Kindergeneeskunde"
    JEUGD_GGZ = "54", "Jeugd-ggz"
    LANDELIJK_INGEKOCHTE_ZORG = "55", "Landelijk ingekochte zorg"


ProductCategorie = WmoProductCategorie | JwProductCategorie


class RedenAfwijzingVerzoek(Code):
    """De reden van afwijzing van een verzoek."""

    GEEN_WIJZIGING_MAAR_NIEUWE_AANVRAAG = "1", "Geen wijziging, maar nieuwe aanvraag"
    PAST_NIET_BINNEN_BUDGET = "2", "Past niet binnen budget"
    GEEN_CONTRACT = "3", "Geen contract"
    PAST_NIET_BINNEN_CONTRACT = "4", "Past niet binnen contract"
    ANDERE_GEMEENTE = "5", "Andere gemeente"
    STAPELING = "6", "Stapeling"
    ZORGINHOUDELIJKE_AFKEUR = "7", "Zorginhoudelijke afkeur"
    WOONPLAATSBEGINSEL = "8", "Woonplaatsbeginsel"
    LEEFTIJDSGRENS_IS_BEREIKT = "9", "Leeftijdsgrens is bereikt"


class WmoRedenBeeindiging(Code):
    """De reden van beeindiging van Wmo ondersteuning bij een client."""

    OVERLIJDEN = "02", "Overlijden"
    LEVERING_VOLGENS_PLAN_BEEINDIGD = "19", "Levering volgens plan beeindigd"
    LEVERING_IS_TIJDELIJK_BEEINDIGD = "20", "Levering is tijdelijk beeindigd"
    LEVERING_IS_EENZIJDIG_DOOR_CLIENT_BEEINDIGD = (
        "21",
        "Levering is eenzijdig door client beeindigd",
    )
    LEVERING_IS_EENZIJDIG_DOOR_AANBIEDER_BEEINDIGD = (
        "22",
        "Levering is eenzijdig door aanbieder beeindigd",
    )
    LEVERING_IS_IN_OVEREENSTEMMING_VOORTIJDIG_BEEIND = (
        "23",
        "Levering is in overeenstemming voortijdig beeindigd",
    )
    VERHUIZING_NAAR_EEN_ANDERE_GEMEENTE = "31", "Verhuizing naar een andere gemeente"
    GEINITIEERD_DOOR_DE_GEMEENTE = "36", "Geinitieerd door de gemeente"
    IN_VERBAND_MET_WIJZIGINGSVERZOEK = "37", "In verband met wijzigingsverzoek"
    OVERSTAP_NAAR_ANDERE_AANBIEDER = "38", "Overstap naar andere aanbieder"
    UITSTROOM_NAAR_ANDER_DOMEIN = "39", "Uitstroom naar ander domein"


class JwRedenBeeindiging(Code):
    """De reden van beeindiging van de Jeugdhulp bij een client."""

    OVERLIJDEN = "02", "Overlijden"
    LEVERING_IS_TIJDELIJK_BEEINDIGD = "20", "Levering is tijdelijk beeindigd."
    LEVERING_IS_VOLGENS_PLAN_BEEINDIGD = "31", "Levering is volgens plan beeindigd."
    VOORTIJDIG_AFGESLOTEN_EENZIJDIG_DOOR_DE_CLIENT = (
        "32",
        "Voortijdig afgesloten: eenzijdig door de client.",
    )
    VOORTIJDIG_AFGESLOTEN_EENZIJDIG_DOOR_DE_AANBIEDE = (
        "33",
        "Voortijdig afgesloten: eenzijdig door de aanbieder.",
    )
    VOORTIJDIG_AFGESLOTEN_IN_OVEREENSTEMMING = "34", "Voortijdig afgesloten: in overeenstemming."
    VOORTIJDIG_AFGESLOTEN_WEGENS_EXTERNE_OMSTANDIGHE = (
        "35",
        "Voortijdig afgesloten: wegens externe omstandigheden.",
    )
    GEINITIEERD_DOOR_DE_GEMEENTE = "36", "Geinitieerd door de gemeente"
    IN_VERBAND_MET_WIJZIGINGSVERZOEK = "37", "In verband met wijzigingsverzoek"
    OVERSTAP_NAAR_ANDERE_AANBIEDER = "38", "Overstap naar andere aanbieder"
    UITSTROOM_NAAR_ANDER_DOMEIN = "39", "Uitstroom naar ander domein"


RedenBeeindiging = WmoRedenBeeindiging | JwRedenBeeindiging


class RedenVerzoek(Code):
    """Reden waarom een verzoek wordt ingediend"""

    VERANDERING_CLIENTSITUATIE = "1", "Verandering clientsituatie"
    WIJZIGING_ZORGPLAN = "2", "Wijziging zorgplan"


class RedenWijziging(Code):
    """De reden waarom een toewijzing wordt gewijzigd."""

    ADMINISTRATIEVE_CORRECTIE_VERVALLEN = "01", "Administratieve correctie (vervallen)"
    CLIENT_OVERLEDEN = "02", "Client overleden"
    CONTRACTWIJZIGING = "03", "Contractwijziging"
    HERBEOORDELING_VERLENGING_TOEWIJZING = "04", "Herbeoordeling: verlenging toewijzing"
    HERBEOORDELING_VERKORTING_TOEWIJZING = "05", "Herbeoordeling: verkorting toewijzing"
    UITSTROOM_NAAR_ANDER_DOMEIN = "06", "Uitstroom naar ander domein"
    VERHUIZING_NAAR_EEN_ANDERE_GEMEENTE = "07", "Verhuizing naar een andere gemeente"
    WIJZIGING_LEVERINGSVORM = "08", "Wijziging leveringsvorm"
    OVERSTAP_NAAR_ANDERE_AANBIEDER = "09", "Overstap naar andere aanbieder"
    OVERGANG_NAAR_NIEUWE_BEKOSTIGINGSSYSTEMATIEK = (
        "10",
        "Overgang naar nieuwe bekostigingssystematiek",
    )
    GEMEENTELIJKE_HERINDELING = "11", "Gemeentelijke herindeling"
    GEINITIEERD_DOOR_DE_AANBIEDER = "12", "Geinitieerd door de aanbieder"
    VERWIJDERD = "13", "Verwijderd"
    ADMINISTRATIEVE_CORRECTIE = "14", "Administratieve correctie"


class WmoRetourCode(Code):
    """Melding in een iStandaarden-retourbericht. Het betreft een code die in een retourbericht
    het resultaat van de beoordeling van een (deel van een) ontvangen bericht weergeeft.
    """

    BERICHT_IS_AFGEKEURD_OM_TECHNISCHE_REDENEN = (
        "0001",
        "Bericht is afgekeurd om technische redenen.",
    )
    GEEN_OPMERKING_OVER_DEZE_BERICHTKLASSE = "0200", "Geen opmerking over deze berichtklasse."
    BERICHTKLASSE_IS_NIET_BEOORDEELD = "0233", "Berichtklasse is niet beoordeeld."
    HET_INGEDIENDE_TARIEF_KOMT_NIET_OVEREEN_MET_HET = (
        "0611",
        "Het ingediende tarief komt niet overeen met het contractuele tarief",
    )
    DECLARATIE_IS_VOLLEDIG_TOEGEWEZEN = "8001", "Declaratie is volledig toegewezen."
    VAN_DEZE_CREDIT_PRESTATIE_IS_GEEN_DEBET_PRESTATI = (
        "8017",
        "Van deze credit prestatie is geen debet prestatie bekend.",
    )
    REFERENTIENUMMER_PRESTATIE_IS_REEDS_AANGELEVERD = (
        "8021",
        "Referentienummer prestatie is reeds aangeleverd.",
    )
    DE_PRESTATIE_HOORT_NIET_BIJ_DEZE_CLIENT = "8187", "De prestatie hoort niet bij deze client."
    DECLARATIEPERIODE_IS_NIET_DE_KALENDERMAAND_DIE_V = (
        "8214",
        "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.",
    )
    DAGTEKENING_MOET_GELIJK_ZIJN_AAN_OF_VOOR_DE_SYST = (
        "8848",
        "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
    )
    HET_REGIE_BERICHT_KAN_NIET_GEKOPPELD_WORDEN_AAN = (
        "9019",
        "Het regie bericht kan niet gekoppeld worden aan een toewijzing.",
    )
    IDENTIFICATIE_MOET_PER_BERICHTSOORT_UNIEK_ZIJN_V = (
        "9056",
        "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.",
    )
    HET_BERICHT_KAN_NIET_VERWERKT_WORDEN_OMDAT_GEEN = (
        "9063",
        "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.",
    )
    ER_IS_GEEN_ACTUEEL_STARTBERICHT_MET_DEZELFDE_SLE = (
        "9069",
        "Er is geen actueel startbericht met dezelfde sleutel.",
    )
    HET_EERDERE_START_BERICHT_KAN_NIET_VERWIJDERD_WO = (
        "9071",
        "Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is",
    )
    ER_IS_AL_EEN_EERDER_BERICHT_ONTVANGEN_MET_DEZELF = (
        "9074",
        "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
    )
    BEGINDATUM_PRESTATIE_LIGT_NIET_TUSSEN_DE_INGANGS = (
        "9307",
        "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
    )
    EINDDATUM_PRESTATIE_LIGT_NIET_TUSSEN_DE_INGANGSD = (
        "9308",
        "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
    )
    DE_PRODUCTPERIODE_VALT_NIET_GEHEEL_BINNEN_EEN_DE = (
        "9319",
        "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.",
    )
    HET_INGEDIENDE_VOLUME_OVERSCHRIJDT_HET_TOEGEWEZE = (
        "9321",
        "Het ingediende volume overschrijdt het toegewezen volume.",
    )
    DE_SOM_VAN_DE_INGEDIENDE_VOLUMES_OVERSCHRIJDT_HE = (
        "9322",
        "De som van de ingediende volumes overschrijdt het toegewezen volume",
    )
    DE_ACTUELE_LEVERING_IS_NOG_NIET_GESTOPT_MET_EEN = (
        "9326",
        "De actuele levering is nog niet gestopt met een Stopbericht.",
    )
    TOEWIJZING_HEEFT_GEEN_UNIEK_NUMMER_BINNEN_WETTEL = (
        "9332",
        "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
    )
    DECLARATIENUMMER_IS_NIET_UNIEK = "9333", "Declaratienummer is niet uniek"
    NIET_IEDERE_PRESTATIE_IN_EEN_DECLARATIEBERICHT_I = (
        "9338",
        "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer",
    )
    PRODUCTCATEGORIE_IN_DE_PRESTATIE_IS_NIET_GELIJK = (
        "9339",
        "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
    )
    PRODUCTCODE_IN_DE_PRESTATIE_IS_NIET_GELIJK_AAN_P = (
        "9340",
        "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
    )
    EENHEID_IN_DE_PRESTATIE_PAST_NIET_BIJ_EENHEID_IN = (
        "9341",
        "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct",
    )
    EENHEID_IS_ONGELIJK_IS_AAN_WAARDE_83_EURO_S_MAAR = (
        "9346",
        "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
    )
    REFERENTIEAANBIEDER_IS_NIET_UNIEK_VOOR_DE_AANBIE = (
        "9347",
        "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein",
    )
    HET_VOW_BERICHT_BEVAT_NIET_ALLE_ACTUELE_TOEGEWEZ = (
        "9349",
        "Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct",
    )
    ONGEWIJZIGDPRODUCT_IS_NIET_GERELATEERD_AAN_EEN_A = (
        "9350",
        "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.",
    )
    TEWIJZIGENPRODUCT_IS_NIET_GERELATEERD_AAN_EEN_AC = (
        "9351",
        "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
    )
    REFERENTIEAANBIEDER_IN_HET_ANTWOORDBERICHT_KOMT = (
        "9355",
        "ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging",
    )
    GEWENSTEINGANGSDATUM_IS_KLEINER_DAN_OF_GELIJK_AA = (
        "9357",
        "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.",
    )
    ER_IS_AL_EEN_TOEWIJZING_GESTUURD_MET_DEZE_REFERE = (
        "9359",
        "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
    )
    ER_IS_AL_EEN_ANTWOORDBERICHT_MET_DEZE_REFERENTIE = (
        "9360",
        "Er is al een antwoordbericht met deze ReferentieAanbieder, terwijl antwoordbericht in VerzoekAntwoord waarde 2 (aanvraag in onderzoek) heeft.",
    )
    HET_PRODUCT_KOMT_VAKER_VOOR_MET_OVERLAPPENDE_ZOR = (
        "9361",
        "Het product komt vaker voor met overlappende zorgperiodes.",
    )
    ER_IS_AL_EEN_ANTWOORDBERICHT_MET_DEZELFDE_REFERE = (
        "9365",
        "Er is al een antwoordbericht met dezelfde ReferentieAanbieder waar VerzoekAntwoord niet de waarde 'Aanvraag in onderzoek' heeft.",
    )
    PRODUCTREFERENTIE_KOMT_NIET_VOOR_IN_EEN_DECLARAT = (
        "9366",
        "ProductReferentie komt niet voor in een Declaratiebericht",
    )
    DE_WAARDE_KOMT_NIET_OVEREEN_MET_DE_WAARDE_UIT_HE = (
        "9367",
        "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie",
    )
    BUDGET_IS_MEEGEGEVEN_MAAR_DE_SOM_VAN_GELEVERDVOL = (
        "9369",
        "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.",
    )
    BUDGET_IS_GEWIJZIGD_MAAR_GEWENSTEINGANGSDATUM_IS = (
        "9373",
        "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing",
    )
    ER_IS_AL_EEN_VERZOEK_ONDERHANDEN = "9374", "Er is al een verzoek onderhanden."
    OMVANG_IS_GEVULD_TERWIJL_PRODUCT_IN_TOEWIJZING_M = (
        "9375",
        "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is",
    )
    REFERENTIEAANBIEDER_REFEREERT_NIET_NAAR_EEN_VERZ = (
        "9379",
        "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld",
    )
    DECLARATIE_OP_TOEWIJZING_MET_REDENWIJZIGING_13_V = (
        "9384",
        'Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)',
    )
    TOEWIJZING_HEEFT_GOEDGEKEURDE_DECLARATIEREGELS = (
        "9385",
        "Toewijzing heeft goedgekeurde declaratieregels",
    )
    BEGINDATUM_VAN_DE_PRODUCTPERIODE_IS_NIET_EERSTE = (
        "9387",
        "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand",
    )
    EINDDATUM_VAN_DE_PRODUCTPERIODE_IS_NIET_LAATSTE = (
        "9388",
        "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.",
    )
    DEZE_PRESTATIE_HEEFT_EEN_DEBETPRESTATIE_ZONDER_B = (
        "9389",
        "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie",
    )
    ER_IS_AL_EEN_PRESTATIE_MET_GELIJK_PRODUCTREFEREN = (
        "9390",
        "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit",
    )
    OMVANG_IS_LEEG_TERWIJL_CODE_IN_PRODUCT_BIJ_DE_TO = (
        "9411",
        "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
    )
    OMVANG_IS_NIET_LEEG_TERWIJL_CODE_IN_PRODUCT_BIJ = (
        "9412",
        "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is",
    )
    STATUSAANLEVERING_IS_WAARDE_1_OF_2_EN_REDENBEEIN = (
        "9413",
        "StatusAanlevering is waarde 1 of 2 en RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
    )
    EINDDATUM_IS_NIET_AAN_EINDDATUM_UIT_ACTUELE_STOP = (
        "9414",
        "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum",
    )
    ER_IS_AL_EEN_STOPPRODUCT_MET_GELIJK_BSN_TOEWIJZI = (
        "9415",
        "Er is al een StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20 en StatusAanlevering heeft waarde 1 of 2.",
    )
    GEMEENTECODE_KOMT_NIET_VOOR_IN_DE_LIJST_VAN_CBS = (
        "S300",
        "Gemeentecode komt niet voor in de lijst van CBS.",
    )
    PRODUCTCODE_HOORT_NIET_BIJ_DE_PRODUCTCATEGORIE = (
        "S329",
        "ProductCode hoort niet bij de ProductCategorie.",
    )


class JwRetourCode(Code):
    """Melding in een iStandaarden-retourbericht. Het betreft een code die in een retourbericht
    het resultaat van de beoordeling van een (deel van een) ontvangen bericht weergeeft.
    """

    BERICHT_IS_AFGEKEURD_OM_TECHNISCHE_REDENEN = (
        "0001",
        "Bericht is afgekeurd om technische redenen.",
    )
    GEEN_OPMERKING_OVER_DEZE_BERICHTKLASSE = "0200", "Geen opmerking over deze berichtklasse."
    BERICHTKLASSE_IS_NIET_BEOORDEELD = "0233", "Berichtklasse is niet beoordeeld."
    HET_INGEDIENDE_TARIEF_KOMT_NIET_OVEREEN_MET_HET = (
        "0611",
        "Het ingediende tarief komt niet overeen met het contractuele tarief",
    )
    DECLARATIE_IS_VOLLEDIG_TOEGEWEZEN = "8001", "Declaratie is volledig toegewezen."
    VAN_DEZE_CREDIT_PRESTATIE_IS_GEEN_DEBET_PRESTATI = (
        "8017",
        "Van deze credit prestatie is geen debet prestatie bekend.",
    )
    REFERENTIENUMMER_PRESTATIE_IS_REEDS_AANGELEVERD = (
        "8021",
        "Referentienummer prestatie is reeds aangeleverd.",
    )
    DE_PRESTATIE_HOORT_NIET_BIJ_DEZE_CLIENT = "8187", "De prestatie hoort niet bij deze client."
    DECLARATIEPERIODE_IS_NIET_DE_KALENDERMAAND_DIE_V = (
        "8214",
        "DeclaratiePeriode is niet de kalendermaand die volgt op voorgaande DeclaratiePeriode terwijl iedere declaratieperiode zorg geleverd is.",
    )
    DAGTEKENING_MOET_GELIJK_ZIJN_AAN_OF_VOOR_DE_SYST = (
        "8848",
        "Dagtekening moet gelijk zijn aan of voor de systeemdatum liggen.",
    )
    HET_REGIE_BERICHT_KAN_NIET_GEKOPPELD_WORDEN_AAN = (
        "9019",
        "Het regie bericht kan niet gekoppeld worden aan een toewijzing.",
    )
    IDENTIFICATIE_MOET_PER_BERICHTSOORT_UNIEK_ZIJN_V = (
        "9056",
        "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.",
    )
    HET_BERICHT_KAN_NIET_VERWERKT_WORDEN_OMDAT_GEEN = (
        "9063",
        "Het bericht kan niet verwerkt worden omdat geen eerder bericht ontvangen is.",
    )
    ER_IS_GEEN_ACTUEEL_STARTBERICHT_MET_DEZELFDE_SLE = (
        "9069",
        "Er is geen actueel startbericht met dezelfde sleutel.",
    )
    HET_EERDERE_START_BERICHT_KAN_NIET_VERWIJDERD_WO = (
        "9071",
        "Het eerdere start bericht kan niet verwijderd worden omdat de zorg al beeindigd is",
    )
    ER_IS_AL_EEN_EERDER_BERICHT_ONTVANGEN_MET_DEZELF = (
        "9074",
        "Er is al een eerder bericht ontvangen met dezelfde sleutel.",
    )
    BEGINDATUM_PRESTATIE_LIGT_NIET_TUSSEN_DE_INGANGS = (
        "9307",
        "Begindatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
    )
    EINDDATUM_PRESTATIE_LIGT_NIET_TUSSEN_DE_INGANGSD = (
        "9308",
        "Einddatum prestatie ligt niet tussen de ingangsdatum en einddatum toewijzing",
    )
    DE_PRODUCTPERIODE_VALT_NIET_GEHEEL_BINNEN_EEN_DE = (
        "9319",
        "De ProductPeriode valt niet geheel binnen een DeclaratiePeriode.",
    )
    HET_INGEDIENDE_VOLUME_OVERSCHRIJDT_HET_TOEGEWEZE = (
        "9321",
        "Het ingediende volume overschrijdt het toegewezen volume.",
    )
    DE_SOM_VAN_DE_INGEDIENDE_VOLUMES_OVERSCHRIJDT_HE = (
        "9322",
        "De som van de ingediende volumes overschrijdt het toegewezen volume",
    )
    DE_ACTUELE_LEVERING_IS_NOG_NIET_GESTOPT_MET_EEN = (
        "9326",
        "De actuele levering is nog niet gestopt met een Stopbericht.",
    )
    TOEWIJZING_HEEFT_GEEN_UNIEK_NUMMER_BINNEN_WETTEL = (
        "9332",
        "Toewijzing heeft geen uniek nummer binnen wettelijk domein.",
    )
    DECLARATIENUMMER_IS_NIET_UNIEK = "9333", "Declaratienummer is niet uniek"
    NIET_IEDERE_PRESTATIE_IN_EEN_DECLARATIEBERICHT_I = (
        "9338",
        "Niet iedere prestatie in een declaratiebericht is gerelateerd aan een toegewezen product op basis van het toewijzingnummer",
    )
    PRODUCTCATEGORIE_IN_DE_PRESTATIE_IS_NIET_GELIJK = (
        "9339",
        "ProductCategorie in de prestatie is niet gelijk aan ProductCategorie in het ToegewezenProduct.",
    )
    PRODUCTCODE_IN_DE_PRESTATIE_IS_NIET_GELIJK_AAN_P = (
        "9340",
        "ProductCode in de Prestatie is niet gelijk aan ProductCode in het ToegewezenProduct.",
    )
    EENHEID_IN_DE_PRESTATIE_PAST_NIET_BIJ_EENHEID_IN = (
        "9341",
        "Eenheid in de Prestatie past niet bij Eenheid in het ToegewezenProduct",
    )
    EENHEID_IS_ONGELIJK_IS_AAN_WAARDE_83_EURO_S_MAAR = (
        "9346",
        "Eenheid is ongelijk is aan waarde 83 (Euro's), maar IngediendBedrag is niet gelijk aan GeleverdVolume vermenigvuldigd met (het onafgeronde) ProductTarief.",
    )
    REFERENTIEAANBIEDER_IS_NIET_UNIEK_VOOR_DE_AANBIE = (
        "9347",
        "ReferentieAanbieder is niet uniek voor de aanbieder binnen het wettelijk domein",
    )
    HET_VOW_BERICHT_BEVAT_NIET_ALLE_ACTUELE_TOEGEWEZ = (
        "9349",
        "Het VOW bericht bevat niet alle actuele toegewezen producten van de client, hetzij in OngewijzigdProduct, hetzij in TeWijzigenProduct",
    )
    ONGEWIJZIGDPRODUCT_IS_NIET_GERELATEERD_AAN_EEN_A = (
        "9350",
        "OngewijzigdProduct is niet gerelateerd aan een actueel toegewezen product op basis van het toewijzingnummer.",
    )
    TEWIJZIGENPRODUCT_IS_NIET_GERELATEERD_AAN_EEN_AC = (
        "9351",
        "TeWijzigenProduct is niet gerelateerd aan een actuele toewijzing op basis van ToewijzingNummer.",
    )
    REFERENTIEAANBIEDER_IN_HET_ANTWOORDBERICHT_KOMT = (
        "9355",
        "ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek om toewijzing of verzoek om wijziging",
    )
    GEWENSTEINGANGSDATUM_IS_KLEINER_DAN_OF_GELIJK_AA = (
        "9357",
        "GewensteIngangsdatum is kleiner dan of gelijk aan de dagtekening, maar niet gelijk aan de ingangsdatum van het originele ToegewezenProduct.",
    )
    ER_IS_AL_EEN_TOEWIJZING_GESTUURD_MET_DEZE_REFERE = (
        "9359",
        "Er is al een toewijzing gestuurd met deze ReferentieAanbieder.",
    )
    ER_IS_AL_EEN_ANTWOORDBERICHT_MET_DEZE_REFERENTIE = (
        "9360",
        "Er is al een antwoordbericht met deze ReferentieAanbieder",
    )
    HET_PRODUCT_KOMT_VAKER_VOOR_MET_OVERLAPPENDE_ZOR = (
        "9361",
        "Het product komt vaker voor met overlappende zorgperiodes.",
    )
    ER_KOMT_AL_EEN_ANTWOORDBERICHT_MET_DEZELFDE_REFE = (
        "9365",
        "Er komt al een antwoordbericht met dezelfde ReferentieAanbieder voor waar VerzoekAntwoord de waarde Nee heeft.",
    )
    PRODUCTREFERENTIE_KOMT_NIET_VOOR_IN_EEN_DECLARAT = (
        "9366",
        "ProductReferentie komt niet voor in een Declaratiebericht",
    )
    DE_WAARDE_KOMT_NIET_OVEREEN_MET_DE_WAARDE_UIT_HE = (
        "9367",
        "De waarde komt niet overeen met de waarde uit heenbericht met gelijke ProductReferentie",
    )
    BUDGET_IS_MEEGEGEVEN_MAAR_DE_SOM_VAN_GELEVERDVOL = (
        "9369",
        "Budget is meegegeven, maar de som van GeleverdVolume in alle ingediende Prestaties passen niet binnen het toegewezen Budget.",
    )
    BUDGET_IS_GEWIJZIGD_MAAR_GEWENSTEINGANGSDATUM_IS = (
        "9373",
        "Budget is gewijzigd, maar GewensteIngangsdatum is niet gelijk aan die in de actuele toewijzing",
    )
    ER_IS_AL_EEN_VERZOEK_ONDERHANDEN = "9374", "Er is al een verzoek onderhanden."
    OMVANG_IS_GEVULD_TERWIJL_PRODUCT_IN_TOEWIJZING_M = (
        "9375",
        "Omvang is gevuld, terwijl Product in toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is",
    )
    REFERENTIEAANBIEDER_REFEREERT_NIET_NAAR_EEN_VERZ = (
        "9379",
        "ReferentieAanbieder refereert niet naar een verzoek om toewijzing of verzoek om wijziging, is onterecht gevuld",
    )
    DECLARATIE_OP_TOEWIJZING_MET_REDENWIJZIGING_13_V = (
        "9384",
        'Declaratie op toewijzing met RedenWijziging "13" (Verwijderd)',
    )
    TOEWIJZING_HEEFT_GOEDGEKEURDE_DECLARATIEREGELS = (
        "9385",
        "Toewijzing heeft goedgekeurde declaratieregels",
    )
    BEGINDATUM_VAN_DE_PRODUCTPERIODE_IS_NIET_EERSTE = (
        "9387",
        "Begindatum van de ProductPeriode is niet eerste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Ingangsdatum van de toewijzing ligt niet later in deze betreffende maand",
    )
    EINDDATUM_VAN_DE_PRODUCTPERIODE_IS_NIET_LAATSTE = (
        "9388",
        "Einddatum van de ProductPeriode is niet laatste dag van de kalendermaand waarop ProductPeriode betrekking heeft en Einddatum van de toewijzing ligt niet eerder in deze betreffende maand.",
    )
    DEZE_PRESTATIE_HEEFT_EEN_DEBETPRESTATIE_ZONDER_B = (
        "9389",
        "Deze prestatie heeft een debetprestatie zonder bijbehorende creditprestatie",
    )
    ER_IS_AL_EEN_PRESTATIE_MET_GELIJK_PRODUCTREFEREN = (
        "9390",
        "Er is al een Prestatie met gelijk ProductReferentie met waarde Credit",
    )
    OMVANG_IS_LEEG_TERWIJL_CODE_IN_PRODUCT_BIJ_DE_TO = (
        "9411",
        "Omvang is leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer gevuld is.",
    )
    OMVANG_IS_NIET_LEEG_TERWIJL_CODE_IN_PRODUCT_BIJ = (
        "9412",
        "Omvang is niet leeg, terwijl Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is",
    )
    REDENBEEINDIGING_HEEFT_WAARDE_20_TERWIJL_ER_AL_E = (
        "9413",
        "RedenBeeindiging heeft waarde 20, terwijl er al een ander StopProduct met hetzelfde Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging waarde 20 is.",
    )
    EINDDATUM_IS_NIET_AAN_EINDDATUM_UIT_ACTUELE_STOP = (
        "9414",
        "Einddatum is niet >= aan Einddatum uit actuele StopProduct met gelijk Bsn, ToewijzingNummer en Begindatum",
    )
    ER_IS_STOPPRODUCT_MET_GELIJK_BSN_TOEWIJZINGNUMME = (
        "9415",
        "Er is StopProduct met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20",
    )
    GEMEENTECODE_KOMT_NIET_VOOR_IN_DE_LIJST_VAN_CBS = (
        "S300",
        "Gemeentecode komt niet voor in de lijst van CBS.",
    )
    PRODUCTCODE_HOORT_NIET_BIJ_DE_PRODUCTCATEGORIE = (
        "S329",
        "ProductCode hoort niet bij de ProductCategorie.",
    )


RetourCode = WmoRetourCode | JwRetourCode


class SoortRelatie(Code):
    """De soort relatie die een persoon ten opzichte van de client heeft."""

    CURATOR_JURIDISCH = "03", "Curator (juridisch)"
    FINANCIEEL_GEMACHTIGD = "04", "Financieel (gemachtigd)"
    FINANCIEEL_TOETSING = "05", "Financieel (toetsing)"
    LEEFEENHEID = "06", "Leefeenheid"
    HULPVERLENER = "07", "Hulpverlener"
    SPECIALIST = "08", "Specialist"
    ANDERS = "09", "Anders"
    OUDER = "10", "Ouder"
    VOOGD = "11", "Voogd"
    PARTNER_ECHTGENO_O_T_E = "12", "Partner/echtgeno(o)t(e)"
    PLEEGOUDER = "13", "Pleegouder"
    BEWINDVOERDER = "14", "Bewindvoerder"
    MENTOR = "15", "Mentor"
    ZOON_DOCHTER = "16", "Zoon/dochter"
    FAMILIELID = "17", "Familielid"
    GEZINSLID = "18", "Gezinslid"
    BUUR = "19", "Buur"
    VRIEND_IN_KENNIS = "20", "Vriend(in)/kennis"
    CLIENTONDERSTEUNER = "21", "Clientondersteuner"
    HUISARTS = "22", "Huisarts"
    ERVEN_VAN = "23", "Erven van"
    WERKGEVER = "24", "Werkgever"
    WIJKCOACH = "25", "Wijkcoach"


class StatusAanlevering(Code):
    """Indicatie over de status van de informatie in de berichtklasse."""

    EERSTE_AANLEVERING = "1", "Eerste aanlevering"
    GEWIJZIGDE_AANLEVERING = "2", "Gewijzigde aanlevering"
    VERWIJDEREN_AANLEVERING = "3", "Verwijderen aanlevering"
    NIET_VAN_TOEPASSING_ONGEWIJZIGD = "9", "Niet van toepassing (ongewijzigd)"


class TypeVerwijzer(Code):
    """Aanduiding van de aard van de verwijzer."""

    GEMEENTE = "01", "Gemeente"
    HUISARTS = "02", "Huisarts"
    JEUGDARTS = "03", "Jeugdarts"
    GECERTIFICEERDE_INSTELLING = "04", "Gecertificeerde instelling"
    MEDISCH_SPECIALIST = "05", "Medisch specialist"
    ZELFVERWIJZER_GEEN_VERWIJZER = "06", "Zelfverwijzer/geen verwijzer"
    RECHTER_OFFICIER_VAN_JUSTITIE_FUNCTIONARIS_JUSTI = (
        "08",
        "Rechter, Officier van Justitie, functionaris Justitiele jeugdinrichting",
    )


class VerzoekAntwoord(Code):
    """Het antwoord op een verzoek"""

    VERZOEK_AFGEWEZEN = "1", "Verzoek afgewezen"
    AANVRAAG_IN_ONDERZOEK = "2", "Aanvraag in onderzoek"


class WettelijkeVertegenwoordiging(Code):
    """Wettelijke vertegenwoordiging die voor de client van toepassing is op het moment van
    beoordeling.
    """

    VOOGDIJ = "06", "Voogdij"
    BEWINDVOERING = "07", "Bewindvoering"
    MENTORSCHAP = "08", "Mentorschap"
    ONDER_CURATELE_STELLING = "09", "Onder curatele stelling"
    ZAAKWAARNEMING = "10", "Zaakwaarneming"
