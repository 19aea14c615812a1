"""Realistic document contents for each document kind, used by the demo and by the tests
that walk the routes. Each validates against ``documenten.inhoud.SCHEMAS``."""

from datetime import date, timedelta


def inhoud(soort: str, *, vandaag: date | None = None) -> dict:
    vandaag = vandaag or date.today()
    start = (vandaag + timedelta(days=14)).isoformat()
    eind = (vandaag + timedelta(days=365)).isoformat()
    return {
        "iva": {
            "leefdomeinen": [
                {
                    "leefdomein": "activiteiten_dagelijks_leven",
                    "problemen": "Overzicht over post en huishouden ontbreekt.",
                    "krachten": "Gemotiveerd; dochter komt wekelijks langs.",
                    "zelfredzaamheid": 2,
                    "ontwikkelperspectief": "Zelf de administratie bijhouden met hulp.",
                },
                {
                    "leefdomein": "sociaal_netwerk",
                    "problemen": "Weinig contacten buiten de familie.",
                    "krachten": "Buurvrouw biedt hulp aan.",
                    "zelfredzaamheid": 3,
                    "ontwikkelperspectief": "Eén vaste activiteit in de wijk.",
                },
            ],
            "samenvatting": "Ondersteuning bij structuur en administratie nodig.",
        },
        "ipa": {
            "resultaten": [
                "Cliënt houdt zelf de administratie bij.",
                "Cliënt neemt wekelijks deel aan een activiteit in de wijk.",
            ],
            "netwerk": "Dochter helpt met boodschappen; buurvrouw bij de post.",
            "maatwerk_nodig": True,
            "aard": "activering",
            "voorkeur_leveringsvorm": "zin",
            "geinformeerd_eigen_bijdrage": True,
        },
        "ondersteuningsplan": {
            "resultaatgebieden": [
                {
                    "resultaatgebied": "Financiën en administratie op orde",
                    "aard": "activering",
                    "frequentie": "wekelijks",
                    "start": start,
                    "intensiteit": "2 uur per week",
                    "motivatie": "Opbouwen van een vaste structuur.",
                    "onderaannemers": [],
                }
            ],
            "subsegment": "Begeleiding individueel",
            "duur_advies": "12 maanden",
            "evaluatiemomenten": [(vandaag + timedelta(days=180)).isoformat()],
            "opties_aanbieders": [],
            "afspraken": {
                "coordinatie": "De aanbieder coördineert; de consulent bewaakt de resultaten.",
                "informatie_uitwisseling": "Via beveiligde e-mail.",
                "evaluatie": "Na zes maanden met cliënt, aanbieder en consulent.",
                "contact": "Maandelijks telefonisch.",
            },
        },
        "zorgplan": {
            "omvang": "2 uur begeleiding per week",
            "samenwerking": "Met de wijkverpleging en de dagbesteding.",
            "afstemming_toegang": "Voortgang per kwartaal naar de consulent.",
            "aansluiting_resultaten": "Sluit aan op beide resultaten van het plan.",
        },
        "beschikking": {
            "besluit": "toegekend",
            "producten": [
                {
                    "product": "02A01 Begeleiding individueel",
                    "ingangsdatum": start,
                    "einddatum": eind,
                    "omvang": "2 uur per week",
                }
            ],
            "motivering": "Passend bij de resultaten uit het ondersteuningsplan.",
        },
        "evaluatieformulier": {
            "voortgang": "Administratie grotendeels zelfstandig; activiteit loopt.",
            "tevredenheid_client": 8,
            "advies": "afschalen",
            "vervolgvraag": "",
        },
        "bepaling_jeugdhulp": {
            "duur": "6 maanden",
            "zorgvorm_subsegment": "Jeugdhulp ambulant — gezinsbehandeling",
            "evaluatiemomenten": [(vandaag + timedelta(days=90)).isoformat()],
        },
        "aanmeldformulier": {
            "hulpvraag": "Gezinsbehandeling bij opvoedproblemen na ondertoezichtstelling.",
            "urgentie": "Binnen vier weken starten.",
            "betrokkenen": "Moeder, jeugdige, jeugdbeschermer.",
        },
        "regionaal_aanmeldformulier": {
            "hulpvraag": "Complexe casus: begeleiding bij wonen en werk.",
            "complexiteit": "Meerdere leefdomeinen, eerdere hulp gestopt.",
            "benaderde_aanbieders": "",
        },
    }[soort]
