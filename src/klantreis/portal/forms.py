"""The portal's forms. Each only gathers input; the engine and the services decide."""

from __future__ import annotations

from django import forms

from klantreis.accounts.models import Rol
from klantreis.clients.bsn import is_valid_bsn
from klantreis.clients.models import Client
from klantreis.producten.models import Wet
from klantreis.routes.models import TrajectStatus

ACTIES = ["advance", "skip", "return_to", "suspend", "resume", "close"]


class FilterForm(forms.Form):
    gemeente = forms.ChoiceField(required=False, label="Gemeente")
    route = forms.ChoiceField(required=False, label="Route")
    status = forms.ChoiceField(
        required=False,
        label="Status",
        choices=[("", "Alle statussen"), *TrajectStatus.choices],
    )
    verlopen = forms.BooleanField(required=False, label="Alleen met verlopen termijn")

    def __init__(self, *args, gemeenten, routes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", "Alle gemeenten")] + [
            (str(g.pk), g.naam) for g in gemeenten
        ]
        self.fields["route"].choices = [("", "Alle routes"), *routes]


class WerkvoorraadFilter(forms.Form):
    gemeente = forms.ChoiceField(required=False, label="Gemeente")
    route = forms.ChoiceField(required=False, label="Route")
    stap = forms.ChoiceField(required=False, label="Stap")
    aanbieder = forms.ChoiceField(required=False, label="Aanbieder")

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)

        def keuzes(paren, alle):
            return [("", alle), *sorted(set(paren), key=lambda p: p[1])]

        self.fields["gemeente"].choices = keuzes(
            [(str(i.gemeente.pk), i.gemeente.naam) for i in items if i.gemeente], "Alle gemeenten"
        )
        self.fields["route"].choices = keuzes(
            [(i.route, i.routenaam) for i in items if i.route], "Alle routes"
        )
        self.fields["stap"].choices = keuzes(
            [(i.stap, f"Stap {i.stap}: {i.stapnaam}") for i in items if i.stap], "Alle stappen"
        )
        self.fields["aanbieder"].choices = keuzes(
            [(str(i.aanbieder.pk), i.aanbieder.naam) for i in items if i.aanbieder],
            "Alle aanbieders",
        )
        for naam, veld in self.fields.items():  # a value nothing waits at now stays valid
            waarde = (self.data.get(naam) or "").strip() if self.is_bound else ""
            if waarde and waarde not in dict(veld.choices):
                veld.choices = [*veld.choices, (waarde, waarde)]


class ActieForm(forms.Form):
    soort = forms.ChoiceField(choices=[(a, a) for a in ACTIES])
    naar = forms.CharField(required=False)
    rol = forms.ChoiceField(choices=Rol.choices)
    reden = forms.CharField(required=False, label="Reden", widget=forms.Textarea(attrs={"rows": 2}))
    versie = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AanbiederForm(forms.Form):
    aanbieder = forms.ModelChoiceField(queryset=None, label="Aanbieder", empty_label=None)
    rol = forms.ChoiceField(choices=Rol.choices, widget=forms.HiddenInput)
    reden = forms.CharField(required=False, label="Toelichting")

    def __init__(self, *args, aanbieders, labels: dict[int, str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = aanbieders
        if labels:
            self.fields["aanbieder"].label_from_instance = lambda a: labels.get(a.pk, a.naam)


class AkkoordForm(forms.Form):
    rol = forms.ChoiceField(label="Akkoord van")
    akkoord = forms.TypedChoiceField(
        label="Oordeel",
        choices=[("ja", "Akkoord"), ("nee", "Niet akkoord")],
        coerce=lambda w: w == "ja",
        widget=forms.RadioSelect,
    )
    namens = forms.CharField(
        required=False, label="Naam (als de cliënt het niet zelf is, bv. een vertegenwoordiger)"
    )
    toelichting = forms.CharField(
        required=False, label="Toelichting", widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, rollen: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].choices = rollen


class NieuwTrajectForm(forms.Form):
    """Start a traject: for an existing client (by BSN) or a new one."""

    gemeente = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput)
    route = forms.ChoiceField(label="Route")
    bsn = forms.CharField(
        label="BSN",
        max_length=9,
        min_length=9,
        help_text="9 cijfers. Een bekende cliënt wordt gebruikt; anders vult u hieronder de "
        "gegevens in.",
    )
    voornamen = forms.CharField(required=False, label="Voornamen")
    voorvoegsel = forms.CharField(required=False, label="Tussenvoegsel")
    achternaam = forms.CharField(required=False, label="Achternaam")
    geboortedatum = forms.DateField(
        required=False,
        label="Geboortedatum",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    wet = forms.ChoiceField(required=False, label="Wet", choices=[("", "—"), *Wet.choices])
    reden = forms.CharField(
        required=False, label="Aanleiding", widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, gemeenten, routes: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten
        self.fields["route"].choices = routes
        self.client = None

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        if not is_valid_bsn(bsn):
            raise forms.ValidationError("Dit BSN is ongeldig: het voldoet niet aan de 11-proef.")
        return bsn

    def clean(self):
        cleaned = super().clean()
        bsn = cleaned.get("bsn")
        if not bsn:
            return cleaned
        self.client = Client.objects.filter(bsn=bsn).first()
        if self.client is None:
            for naam in ("achternaam", "geboortedatum", "wet"):
                if not cleaned.get(naam):
                    self.add_error(naam, "Vul dit in voor een nieuwe cliënt.")
        return cleaned
