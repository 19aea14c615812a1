"""Filters of the declaratie, payment and message screens; they only gather input."""

from __future__ import annotations

import datetime as dt

from django import forms

from klantreis.berichten.workflow import Richting, Status
from klantreis.producten.models import Wet

SELECT = {"class": "utrecht-select utrecht-select--html-select"}
TEKST = {"class": "utrecht-textbox utrecht-textbox--html-input"}


def maand(tekst: str) -> dt.date | None:
    """Month "2026-09" -> 1 September 2026; anything else -> None (bad input is no error)."""
    try:
        return dt.datetime.strptime(tekst or "", "%Y-%m").date()
    except ValueError:
        return None


class DeclaratieFilter(forms.Form):
    gemeente = forms.ChoiceField(required=False, label="Gemeente", widget=forms.Select(SELECT))
    aanbieder = forms.ChoiceField(required=False, label="Aanbieder", widget=forms.Select(SELECT))
    wet = forms.ChoiceField(
        required=False,
        label="Wet",
        choices=[("", "Wmo en Jeugdwet"), *Wet.choices],
        widget=forms.Select(SELECT),
    )
    van = forms.ChoiceField(required=False, label="Periode vanaf", widget=forms.Select(SELECT))
    tot = forms.ChoiceField(required=False, label="Periode tot en met", widget=forms.Select(SELECT))

    def __init__(self, *args, gemeenten, aanbieders, periodes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle gemeenten")] + [
            (g.code, g.naam) for g in gemeenten
        ]
        self.fields["aanbieder"].choices = [("", "Alle aanbieders")] + [
            (str(a.pk), f"{a.naam} ({a.agb_code})") for a in aanbieders
        ]
        keuzes = [(f"{p:%Y-%m}", f"{p:%m-%Y}") for p in periodes]
        self.fields["van"].choices = [("", "Eerste"), *keuzes]
        self.fields["tot"].choices = [("", "Laatste"), *keuzes]


class BetaalopdrachtForm(forms.Form):
    gemeente = forms.ChoiceField(label="Gemeente", widget=forms.Select(SELECT))
    tot_en_met = forms.ChoiceField(
        required=False,
        label="Prestaties tot en met",
        help_text="Leeg: alle te betalen prestaties.",
        widget=forms.Select(SELECT),
    )
    uitvoerdatum = forms.DateField(
        required=False,
        label="Uitvoerdatum",
        help_text="Leeg: de volgende werkdag.",
        widget=forms.DateInput({"type": "date", **TEKST}),
    )

    def __init__(self, *args, gemeenten, periodes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [(g.code, g.naam) for g in gemeenten]
        self.fields["tot_en_met"].choices = [("", "Alle periodes")] + [
            (f"{p:%Y-%m}", f"{p:%m-%Y}") for p in periodes
        ]

    def clean_uitvoerdatum(self):
        datum = self.cleaned_data["uitvoerdatum"]
        if datum is not None and datum < dt.date.today():
            raise forms.ValidationError("De uitvoerdatum ligt in het verleden.")
        return datum


WACHTEND = "wachtend"


class BerichtFilter(forms.Form):
    richting = forms.ChoiceField(
        required=False,
        label="Richting",
        choices=[("", "In en uit"), *Richting.choices],
        widget=forms.Select(SELECT),
    )
    berichtcode = forms.ChoiceField(required=False, label="Bericht", widget=forms.Select(SELECT))
    status = forms.ChoiceField(
        required=False,
        label="Status",
        choices=[
            ("", "Alle statussen"),
            (WACHTEND, "Wacht op actie (niet verwerkt, afgekeurd of niet verzonden)"),
            *Status.choices,
        ],
        widget=forms.Select(SELECT),
    )
    partij = forms.CharField(
        required=False,
        max_length=8,
        label="Afzender of ontvanger",
        help_text="Gemeentecode of AGB-code.",
        widget=forms.TextInput(TEKST),
    )
    van = forms.DateField(
        required=False, label="Vanaf", widget=forms.DateInput({"type": "date", **TEKST})
    )
    tot = forms.DateField(
        required=False, label="Tot en met", widget=forms.DateInput({"type": "date", **TEKST})
    )

    def __init__(self, *args, codes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["berichtcode"].choices = [("", "Alle berichten")] + [(c, c) for c in codes]
