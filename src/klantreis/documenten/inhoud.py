"""The structured content of each document kind (DOMAIN.md "Documents"), as JSON Schema.

A DocumentVersie's ``inhoud`` is validated against the schema of its soort, so every
version is a complete, machine-readable record (forms, API and reports read the same keys).
"""

from jsonschema import Draft202012Validator

_tekst = {"type": "string"}
_datum = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_aard = {"enum": ["ondersteuning", "activering", "monitoring"]}

LEEFDOMEINEN = [
    "financien",
    "dagbesteding",
    "huisvesting",
    "huiselijke_relaties",
    "geestelijke_gezondheid",
    "lichamelijke_gezondheid",
    "middelengebruik",
    "activiteiten_dagelijks_leven",
    "sociaal_netwerk",
    "maatschappelijke_participatie",
    "justitie",
    "opvoeding_en_ontwikkeling",
]

SCHEMAS: dict[str, dict] = {
    "iva": {
        "type": "object",
        "required": ["leefdomeinen"],
        "properties": {
            "leefdomeinen": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["leefdomein", "zelfredzaamheid"],
                    "properties": {
                        "leefdomein": {"enum": LEEFDOMEINEN},
                        "problemen": _tekst,
                        "krachten": _tekst,
                        "zelfredzaamheid": {"type": "integer", "minimum": 1, "maximum": 5},
                        "ontwikkelperspectief": _tekst,
                    },
                },
            },
            "samenvatting": _tekst,
        },
    },
    "ipa": {
        "type": "object",
        "required": ["resultaten", "aard"],
        "properties": {
            "resultaten": {"type": "array", "minItems": 1, "items": _tekst},
            "netwerk": _tekst,
            "maatwerk_nodig": {"type": "boolean"},
            "aard": _aard,
            "voorkeur_leveringsvorm": {"enum": ["zin", "pgb"]},
            "geinformeerd_eigen_bijdrage": {"type": "boolean"},
        },
    },
    "ondersteuningsplan": {
        "type": "object",
        "required": ["resultaatgebieden"],
        "properties": {
            "resultaatgebieden": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["resultaatgebied", "aard"],
                    "properties": {
                        "resultaatgebied": _tekst,
                        "aard": _aard,
                        "frequentie": _tekst,
                        "start": _datum,
                        "intensiteit": _tekst,
                        "motivatie": _tekst,
                        "onderaannemers": {"type": "array", "items": _tekst},
                    },
                },
            },
            "subsegment": _tekst,
            "duur_advies": _tekst,
            "evaluatiemomenten": {"type": "array", "items": _datum},
            "opties_aanbieders": {"type": "array", "items": _tekst},
            "afspraken": {
                "type": "object",
                "properties": {
                    "coordinatie": _tekst,
                    "informatie_uitwisseling": _tekst,
                    "evaluatie": _tekst,
                    "contact": _tekst,
                },
            },
        },
    },
    "zorgplan": {
        "type": "object",
        "required": ["omvang"],
        "properties": {
            "omvang": _tekst,
            "samenwerking": _tekst,
            "afstemming_toegang": _tekst,
            "aansluiting_resultaten": _tekst,
        },
    },
    "beschikking": {
        "type": "object",
        "required": ["besluit", "producten"],
        "properties": {
            "besluit": {"enum": ["toegekend", "afgewezen", "gedeeltelijk_toegekend"]},
            "producten": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["product", "ingangsdatum"],
                    "properties": {
                        "product": _tekst,
                        "ingangsdatum": _datum,
                        "einddatum": _datum,
                        "omvang": _tekst,
                    },
                },
            },
            "advies_wonen": {"type": "boolean"},
            "aanvulling_omvang_aanbieder": _tekst,
            "motivering": _tekst,
        },
    },
    "evaluatieformulier": {
        "type": "object",
        "required": ["voortgang", "advies"],
        "properties": {
            "voortgang": _tekst,
            "tevredenheid_client": {"type": "integer", "minimum": 1, "maximum": 10},
            "advies": {"enum": ["afschalen", "beeindigen", "continueren", "opschalen"]},
            "vervolgvraag": _tekst,
        },
    },
    "bepaling_jeugdhulp": {
        "type": "object",
        "required": ["duur", "zorgvorm_subsegment"],
        "properties": {
            "duur": _tekst,
            "zorgvorm_subsegment": _tekst,
            "evaluatiemomenten": {"type": "array", "items": _datum},
        },
    },
    "aanmeldformulier": {
        "type": "object",
        "required": ["hulpvraag"],
        "properties": {"hulpvraag": _tekst, "urgentie": _tekst, "betrokkenen": _tekst},
    },
    "regionaal_aanmeldformulier": {
        "type": "object",
        "required": ["hulpvraag"],
        "properties": {"hulpvraag": _tekst, "complexiteit": _tekst, "benaderde_aanbieders": _tekst},
    },
}

_validators = {soort: Draft202012Validator(schema) for soort, schema in SCHEMAS.items()}


# Dutch spelling of keys and enum values that are written without diacritics in the schema.
WOORDEN = {
    "financien": "financiën",
    "geinformeerd": "geïnformeerd",
    "beeindigen": "beëindigen",
    "coordinatie": "coördinatie",
    "zin": "zorg in natura (ZIN)",
    "pgb": "persoonsgebonden budget (pgb)",
}


def label_van(sleutel: str) -> str:
    woorden = [WOORDEN.get(w, w) for w in sleutel.split("_")]
    tekst = " ".join(woorden)
    return tekst[:1].upper() + tekst[1:]


def _melding(error) -> tuple[list, str]:
    pad = list(error.absolute_path)
    soort, waarde = error.validator, error.validator_value
    if soort == "required":
        ontbreekt = [p for p in waarde if p not in (error.instance or {})]
        if ontbreekt:
            return [*pad, ontbreekt[0]], "Dit veld is verplicht."
        return pad, "Een verplicht veld ontbreekt."
    if soort == "enum":
        return pad, "Kies een van: " + ", ".join(label_van(str(w)).lower() for w in waarde) + "."
    if soort == "minItems":
        return pad, f"Vul er minstens {waarde} in." if waarde != 1 else "Vul er minstens één in."
    if soort == "maxItems":
        return pad, f"Vul er hoogstens {waarde} in."
    if soort == "minimum":
        return pad, f"De waarde moet minstens {waarde} zijn."
    if soort == "maximum":
        return pad, f"De waarde mag hoogstens {waarde} zijn."
    if soort in ("pattern", "format"):
        return pad, "Gebruik een datum in de vorm jjjj-mm-dd."
    if soort == "type":
        namen = {
            "string": "tekst",
            "integer": "een geheel getal",
            "boolean": "ja of nee",
            "array": "een lijst",
            "object": "een groep velden",
        }
        return pad, f"Dit moet {namen.get(waarde, waarde)} zijn."
    return pad, "Deze waarde is niet juist."


def schemafouten(soort: str, inhoud: dict) -> list[tuple[list, str]]:
    """(path, Dutch message) for every way the content breaks the soort's schema."""
    validator = _validators[soort]
    fouten = sorted(validator.iter_errors(inhoud), key=lambda e: [str(p) for p in e.path])
    return [_melding(e) for e in fouten]


def fouten_in_inhoud(soort: str, inhoud: dict) -> list[str]:
    """Dutch descriptions of what is wrong with this content; empty when it is valid."""
    if soort not in _validators:
        return [f"Onbekende documentsoort: {soort}."]
    return [
        f"{label_van(str(pad[-1])) if pad else 'Document'}: {melding}"
        for pad, melding in schemafouten(soort, inhoud)
    ]
