"""Forms of the back office's screens: a toewijzing (301), its changes, and the answer to a
verzoek (315/317). They only gather input; ``toewijzingen.services`` decides, and its
refusals (OP087, OP259, TR332, the contract) come back as form errors."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db.models import Q
from django.utils import timezone

from klantreis.istandaarden import codes
from klantreis.organisaties.models import Aanbieder, Contract
from klantreis.producten.models import Eenheid, Product
from klantreis.toewijzingen import services

DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def keuzes(codelijst) -> list[tuple[str, str]]:
    """An iStandaarden codelist as form choices: the code and its Dutch meaning."""
    return [(code.value, code.omschrijving) for code in codelijst]


def omschrijving(codelijst, waarde: str) -> str:
    """The Dutch meaning of a code, or the code itself when the list does not know it."""
    return dict(keuzes(codelijst)).get(waarde, waarde)


FREQUENTIES = [("", "—"), *keuzes(codes.Frequentie)]
REDENEN_AFWIJZING = keuzes(codes.RedenAfwijzingVerzoek)


def geldige_contracten(gemeente, wet: str, op=None):
    """The gemeente's contracts for products of this wet in force on ``op`` — the contract
    check of ``toewijzingen.services`` as a queryset."""
    op = op or timezone.localdate()
    return Contract.objects.filter(
        Q(einddatum__isnull=True) | Q(einddatum__gte=op),
        gemeente=gemeente,
        product__wet=wet,
        ingangsdatum__lte=op,
    )


def gecontracteerde_producten(gemeente, wet: str, aanbieder=None, op=None):
    """Products a provider (or any provider) has a contract for with the gemeente."""
    contracten = geldige_contracten(gemeente, wet, op)
    if aanbieder is not None:
        contracten = contracten.filter(aanbieder=aanbieder)
    return Product.objects.filter(pk__in=contracten.values("product")).order_by("categorie", "code")


def _productnaam(product: Product) -> str:
    eenheid = Eenheid(product.eenheid).label.lower() if product.eenheid in Eenheid.values else ""
    code = product.code or f"categorie {product.categorie}"
    return f"{code} {product.naam}" + (f" (eenheid: {eenheid})" if eenheid else "")


class OmvangVelden(forms.Form):
    """Volume and frequentie together (the ToegewezenProduct's Omvang; its eenheid follows
    from the product), or neither."""

    volume = forms.IntegerField(
        required=False, min_value=1, max_value=99999999, label="Volume (omvang)"
    )
    frequentie = forms.ChoiceField(required=False, choices=FREQUENTIES, label="Frequentie")

    def clean(self):
        cleaned = super().clean()
        volume, frequentie = cleaned.get("volume"), cleaned.get("frequentie")
        if volume is not None and not frequentie:
            self.add_error("frequentie", "Kies bij een volume ook de frequentie.")
        if frequentie and volume is None and "volume" not in self.errors:
            self.add_error("volume", "Vul bij een frequentie ook het volume in.")
        return cleaned


class ToewijzingForm(OmvangVelden):
    """Heusden stap 6 / Achterhoek stap 5: the back office allocates the chosen provider."""

    aanbieder = forms.ModelChoiceField(
        queryset=Aanbieder.objects.none(),
        label="Aanbieder",
        empty_label=None,
        error_messages={
            "invalid_choice": "Kies een aanbieder met een contract voor deze gemeente."
        },
    )
    product = forms.ModelChoiceField(
        queryset=Product.objects.none(),
        label="Product",
        empty_label="— kies een product —",
        help_text="Alleen producten waarvoor de gekozen aanbieder een contract heeft met de "
        "gemeente, voor de wet van de cliënt.",
        error_messages={
            "invalid_choice": "De gekozen aanbieder heeft voor dit product geen contract met "
            "de gemeente.",
            "required": "Kies een product.",
        },
    )
    ingangsdatum = forms.DateField(label="Ingangsdatum", widget=DATUM)
    einddatum = forms.DateField(required=False, label="Einddatum", widget=DATUM)
    budget = forms.DecimalField(
        required=False,
        min_value=Decimal("0.01"),
        max_value=Decimal("99999999.99"),
        decimal_places=2,
        label="Budget in euro (in plaats van een omvang)",
    )
    commentaar = forms.CharField(
        required=False,
        max_length=1000,
        label="Commentaar voor de aanbieder",
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    field_order = [
        "aanbieder",
        "product",
        "ingangsdatum",
        "einddatum",
        "volume",
        "frequentie",
        "budget",
        "commentaar",
    ]

    def __init__(self, *args, gemeente, wet: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanbieder"].queryset = Aanbieder.objects.filter(
            pk__in=geldige_contracten(gemeente, wet).values("aanbieder")
        ).order_by("naam")
        aanbieder = self._gekozen_aanbieder()
        self.fields["product"].queryset = gecontracteerde_producten(gemeente, wet, aanbieder)
        self.fields["product"].label_from_instance = _productnaam

    def _gekozen_aanbieder(self):
        """The provider posted (when it is a valid choice), else the preset one: the product
        list follows it, so a product without contract is refused as a field error."""
        qs = self.fields["aanbieder"].queryset
        waarde = self.data.get(self.add_prefix("aanbieder")) if self.is_bound else None
        if waarde is None:
            waarde = self.initial.get("aanbieder")
        waarde = getattr(waarde, "pk", waarde)
        if waarde is not None and str(waarde).isdigit():
            return qs.filter(pk=int(waarde)).first()
        return None

    def clean_budget(self):
        budget = self.cleaned_data.get("budget")
        return None if budget is None else int(budget * 100)  # eurocent


class EinddatumForm(forms.Form):
    einddatum = forms.DateField(label="Nieuwe einddatum", widget=DATUM)
    reden_wijziging = forms.ChoiceField(
        label="Reden wijziging",
        required=False,
        choices=[
            ("", "Herbeoordeling: verlenging of verkorting (04/05, volgt uit de datum)"),
            *[(c.value, f"{c.value} {c.omschrijving}") for c in services.REDENEN_EINDDATUM],
        ],
        help_text="Na een definitieve stop (307) staat hier de reden die bij de reden van "
        "beëindiging past.",
    )


class OmvangForm(OmvangVelden):
    per = forms.DateField(
        label="Nieuwe omvang gaat in op",
        widget=DATUM,
        help_text="De huidige toewijzing eindigt de dag ervoor; een nieuwe toewijzing begint "
        "op deze datum (OP033x1). Bij frequentie 'totaal' wijzigt alleen het volume.",
    )
    field_order = ["per", "volume", "frequentie"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["volume"].required = True
        self.fields["frequentie"].required = True


class HonoreerForm(OmvangVelden):
    """A VOT (315) honoured per product: what the provider asked for, changeable."""

    product = forms.ModelChoiceField(
        queryset=Product.objects.none(),
        label="Product",
        empty_label="— kies een product —",
        error_messages={
            "invalid_choice": "De aanbieder heeft voor dit product geen contract met de gemeente."
        },
    )
    ingangsdatum = forms.DateField(label="Ingangsdatum", widget=DATUM)
    einddatum = forms.DateField(required=False, label="Einddatum", widget=DATUM)
    field_order = ["product", "ingangsdatum", "einddatum", "volume", "frequentie"]

    def __init__(self, *args, verzoek, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["product"].queryset = gecontracteerde_producten(
            verzoek.gemeente, verzoek.wet, verzoek.aanbieder
        )
        self.fields["product"].label_from_instance = _productnaam


class AfwijzenForm(forms.Form):
    reden = forms.ChoiceField(
        label="Reden van afwijzing (319)",
        choices=[("", "— kies een reden —"), *REDENEN_AFWIJZING],
        error_messages={"required": "Kies de reden van afwijzing."},
    )
    woonplaats = forms.RegexField(
        label="Gemeente volgens het woonplaatsbeginsel",
        regex=r"^\d{4}$",
        required=False,
        help_text="Alleen bij reden 8 in de jeugdwet: de gemeentecode (CBS, 4 cijfers) van de "
        "gemeente die verantwoordelijk is.",
        error_messages={"invalid": "Een gemeentecode bestaat uit 4 cijfers."},
    )


def verzoek_beginwaarden(verzoek) -> dict:
    """The VOT's own content as the honour form's starting values; a content that does not
    have the expected shape (it came from outside) simply presets nothing."""
    inhoud = verzoek.inhoud if isinstance(verzoek.inhoud, dict) else {}
    product = inhoud.get("product") if isinstance(inhoud.get("product"), dict) else {}
    omvang = inhoud.get("omvang") if isinstance(inhoud.get("omvang"), dict) else {}
    begin: dict = {
        "ingangsdatum": inhoud.get("toewijzing_ingangsdatum"),
        "einddatum": inhoud.get("toewijzing_einddatum"),
        "volume": omvang.get("volume"),
        "frequentie": omvang.get("frequentie"),
    }
    if product:
        begin["product"] = (
            Product.objects.filter(
                wet=verzoek.wet,
                categorie=str(product.get("categorie") or ""),
                code=str(product.get("code") or ""),
            )
            .values_list("pk", flat=True)
            .first()
        )
    return {k: v for k, v in begin.items() if v not in (None, "")}
