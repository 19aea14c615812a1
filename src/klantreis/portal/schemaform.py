"""A Django form built from a document soort's JSON Schema (``documenten.inhoud.SCHEMAS``), so
every document kind gets a form without hand-written code, and a new kind only needs a schema.

Mapping: strings → text (a textarea at the top level), ``format: date`` → date input, enums →
select, booleans → checkbox, integers → number, arrays of strings or dates → one per line,
arrays of objects → a few repeated fieldsets, objects → one fieldset. Field names are the
JSON path joined with ``-`` (``leefdomeinen-0-zelfredzaamheid``). The content is validated
against the schema and every error is attached, in Dutch, to the field it concerns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django import forms

from klantreis.documenten.inhoud import SCHEMAS, label_van, schemafouten

SCHEIDING = "-"
EXTRA_RIJEN = 2  # empty fieldsets offered after the filled ones
MIN_RIJEN = 3


def leesbaar(schema: dict, waarde):
    """Content for reading: keys as labels, enum values in words, nested as it was."""
    if "enum" in schema and isinstance(waarde, str):
        return label_van(waarde)
    if isinstance(waarde, dict):
        eigenschappen = schema.get("properties", {})
        return {label_van(k): leesbaar(eigenschappen.get(k, {}), v) for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [leesbaar(schema.get("items", {}), w) for w in waarde]
    return waarde


def _is_datum(schema: dict) -> bool:
    return schema.get("format") == "date"


def _meervoud_naar_enkel(sleutel: str) -> str:
    for uitgang in ("en", "s"):
        if sleutel.endswith(uitgang):
            return sleutel[: -len(uitgang)]
    return sleutel


@dataclass
class Groep:
    """A set of fields drawn together: the top level (no legend) or one fieldset."""

    titel: str
    namen: list[str] = field(default_factory=list)
    velden: list = field(default_factory=list)  # bound fields, filled by the form


def _veld(schema: dict, *, label: str, bovenaan: bool, verplicht: bool) -> forms.Field:
    help_text = "Verplicht." if verplicht else ""
    if "enum" in schema:
        keuzes = [("", "— maak een keuze —")] + [(w, label_van(w)) for w in schema["enum"]]
        return forms.ChoiceField(label=label, choices=keuzes, required=False, help_text=help_text)
    soort = schema.get("type")
    if soort == "boolean":
        return forms.BooleanField(label=label, required=False)
    if soort == "integer":
        return forms.IntegerField(
            label=label,
            required=False,
            min_value=schema.get("minimum"),
            max_value=schema.get("maximum"),
            help_text=help_text,
        )
    if soort == "array":
        items = schema.get("items", {})
        uitleg = "Eén datum per regel (jjjj-mm-dd)." if _is_datum(items) else "Eén per regel."
        return forms.CharField(
            label=label,
            required=False,
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=f"{help_text} {uitleg}".strip(),
        )
    if _is_datum(schema):
        return forms.DateField(
            label=label,
            required=False,
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            help_text=help_text,
        )
    widget = forms.Textarea(attrs={"rows": 3}) if bovenaan else forms.TextInput()
    return forms.CharField(label=label, required=False, widget=widget, help_text=help_text)


def _is_objectlijst(schema: dict) -> bool:
    return schema.get("type") == "array" and schema.get("items", {}).get("type") == "object"


class InhoudForm(forms.Form):
    """The form for one document soort; ``inhoud()`` returns the JSON content."""

    def __init__(self, soort: str, *args, vorige: dict | None = None, **kwargs):
        self.soort = soort
        self.schema = SCHEMAS[soort]
        vorige = vorige or {}
        super().__init__(*args, **kwargs)
        self.groepen: list[Groep] = []
        bovenaan = Groep(titel="")
        self.groepen.append(bovenaan)
        verplicht = set(self.schema.get("required", ()))
        for sleutel, sub in self.schema.get("properties", {}).items():
            if _is_objectlijst(sub):
                self._objectlijst(sleutel, sub, vorige.get(sleutel) or [], sleutel in verplicht)
            elif sub.get("type") == "object":
                groep = Groep(titel=label_van(sleutel))
                self._object(groep, [sleutel], sub, vorige.get(sleutel) or {})
                self.groepen.append(groep)
            else:
                self._voeg_toe(
                    bovenaan, [sleutel], sub, vorige.get(sleutel), True, sleutel in verplicht
                )

    # --- building -------------------------------------------------------------------------

    def _voeg_toe(self, groep, pad, schema, waarde, bovenaan, verplicht):
        naam = SCHEIDING.join(str(p) for p in pad)
        self.fields[naam] = _veld(
            schema, label=label_van(str(pad[-1])), bovenaan=bovenaan, verplicht=verplicht
        )
        if waarde is not None:
            if schema.get("type") == "array":
                waarde = "\n".join(str(w) for w in waarde)
            self.initial[naam] = waarde
        groep.namen.append(naam)

    def _object(self, groep, pad, schema, waarden):
        verplicht = set(schema.get("required", ()))
        for sleutel, sub in schema.get("properties", {}).items():
            self._voeg_toe(
                groep, [*pad, sleutel], sub, waarden.get(sleutel), False, sleutel in verplicht
            )

    def _objectlijst(self, sleutel, schema, waarden, verplicht):
        aantal = max(MIN_RIJEN, len(waarden) + EXTRA_RIJEN)
        enkel = label_van(_meervoud_naar_enkel(sleutel))
        for index in range(aantal):
            titel = f"{enkel} {index + 1}"
            if index == 0 and (verplicht or schema.get("minItems")):
                titel += " (minstens één verplicht)"
            groep = Groep(titel=titel)
            waarde = waarden[index] if index < len(waarden) else {}
            self._object(groep, [sleutel, index], schema["items"], waarde)
            self.groepen.append(groep)

    def getekende_groepen(self) -> list[Groep]:
        for groep in self.groepen:
            groep.velden = [self[naam] for naam in groep.namen]
        return [g for g in self.groepen if g.velden]

    # --- reading ----------------------------------------------------------------------------

    def _lees(self, pad, schema):
        naam = SCHEIDING.join(str(p) for p in pad)
        waarde = self.cleaned_data.get(naam)
        if schema.get("type") == "boolean":
            return bool(waarde)
        if waarde in (None, ""):
            return None
        if schema.get("type") == "array":
            return [regel.strip() for regel in str(waarde).splitlines() if regel.strip()]
        if isinstance(waarde, date):
            return waarde.isoformat()
        if isinstance(waarde, str):
            return waarde.strip() or None
        return waarde

    def _lees_object(self, pad, schema, *, weglaten_als_leeg: bool):
        uit = {}
        ingevuld = False
        for sleutel, sub in schema.get("properties", {}).items():
            waarde = self._lees([*pad, sleutel], sub)
            if waarde in (None, []):
                continue
            if sub.get("type") != "boolean" or waarde:
                ingevuld = True
            uit[sleutel] = waarde
        if weglaten_als_leeg and not ingevuld:
            return None
        return uit

    def inhoud(self) -> dict:
        """The JSON content from the cleaned data (call after ``is_valid``)."""
        uit: dict = {}
        verplicht = set(self.schema.get("required", ()))
        for sleutel, sub in self.schema.get("properties", {}).items():
            if _is_objectlijst(sub):
                rijen = []
                index = 0
                while SCHEIDING.join([sleutel, str(index), _eerste(sub["items"])]) in self.fields:
                    rij = self._lees_object([sleutel, index], sub["items"], weglaten_als_leeg=True)
                    if rij is not None:
                        rijen.append(rij)
                    index += 1
                if rijen or sleutel in verplicht:
                    uit[sleutel] = rijen
            elif sub.get("type") == "object":
                waarde = self._lees_object([sleutel], sub, weglaten_als_leeg=True)
                if waarde is not None:
                    uit[sleutel] = waarde
            else:
                waarde = self._lees([sleutel], sub)
                if waarde is not None and not (waarde == [] and sleutel not in verplicht):
                    uit[sleutel] = waarde
        return uit

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        for pad, melding in schemafouten(self.soort, self.inhoud()):
            naam = self._veldnaam(pad)
            self.add_error(naam, melding)
        return cleaned

    def _veldnaam(self, pad: list) -> str | None:
        naam = SCHEIDING.join(str(p) for p in pad)
        if naam in self.fields:
            return naam
        # an error on a whole list of objects: attach to the first field of its first row
        if pad and pad[0] in self.schema.get("properties", {}):
            sub = self.schema["properties"][pad[0]]
            if _is_objectlijst(sub):
                eerste = SCHEIDING.join([str(pad[0]), "0", _eerste(sub["items"])])
                if eerste in self.fields:
                    return eerste
        return None


def _eerste(schema: dict) -> str:
    return next(iter(schema.get("properties", {})))


# --- JSON Schema errors in Dutch ---------------------------------------------------------------
