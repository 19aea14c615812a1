"""Input of the back office's write actions on toewijzingen and verzoeken. Only the shape is
checked here; ``toewijzingen.services`` judges the content (OP087, OP259, TR332, CS003, the
contract) and its refusal comes back as ``{"code": "toewijzing_geweigerd", ...}`` (409)."""

from __future__ import annotations

from rest_framework import serializers

from klantreis.istandaarden import codes

from .serializers import id_veld

FREQUENTIES = [(c.value, c.omschrijving) for c in codes.Frequentie]
REDENEN_AFWIJZING = [(c.value, c.omschrijving) for c in codes.RedenAfwijzingVerzoek]
VOLUME = {"min_value": 1, "max_value": 99999999}


class OmvangInvoer(serializers.Serializer):
    volume = serializers.IntegerField(required=False, allow_null=True, **VOLUME)
    frequentie = serializers.ChoiceField(
        choices=FREQUENTIES, required=False, allow_blank=True, default=""
    )

    def validate(self, attrs):
        if (attrs.get("volume") is None) != (not attrs.get("frequentie")):
            raise serializers.ValidationError(
                "Geef volume en frequentie samen (de omvang), of geen van beide."
            )
        return attrs


class ToewijzingInvoerSerializer(OmvangInvoer):
    """A new toewijzing (Heusden stap 6, Achterhoek stap 5): sent at once as a 301."""

    client = id_veld(help_text="Id van een cliënt die u mag zien.")
    traject = id_veld(
        required=False,
        allow_null=True,
        help_text="Id van het traject; de stap die met de 301 wordt afgerond, gaat verder.",
    )
    aanbieder = serializers.CharField(max_length=8, help_text="AGB-code van de aanbieder.")
    categorie = serializers.CharField(max_length=2, help_text="Productcategorie.")
    code = serializers.CharField(
        max_length=5,
        required=False,
        allow_blank=True,
        default="",
        help_text="Productcode; leeg voor een aspecifieke toewijzing.",
    )
    ingangsdatum = serializers.DateField()
    einddatum = serializers.DateField(required=False, allow_null=True, default=None)
    budget = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text="Eurocent.", **VOLUME
    )
    commentaar = serializers.CharField(
        max_length=1000, required=False, allow_blank=True, default=""
    )


class EinddatumInvoerSerializer(serializers.Serializer):
    einddatum = serializers.DateField()


class OmvangWijzigingSerializer(serializers.Serializer):
    per = serializers.DateField(help_text="Datum waarop de nieuwe omvang ingaat.")
    volume = serializers.IntegerField(**VOLUME)
    frequentie = serializers.ChoiceField(choices=FREQUENTIES)


class HonoreerInvoerSerializer(OmvangInvoer):
    """A VOT: the product (required) and what differs from the request; a VOW: nothing."""

    categorie = serializers.CharField(max_length=2, required=False)
    code = serializers.CharField(max_length=5, required=False, allow_blank=True, default="")
    ingangsdatum = serializers.DateField(required=False)
    einddatum = serializers.DateField(required=False, allow_null=True)


class AfwijzenInvoerSerializer(serializers.Serializer):
    reden = serializers.ChoiceField(
        choices=REDENEN_AFWIJZING, help_text="RedenAfwijzingVerzoek van de 319."
    )
    woonplaats = serializers.RegexField(
        r"^\d{4}$",
        required=False,
        default="",
        help_text="Alleen bij reden 8 in de jeugdwet (TR377): de gemeentecode (CBS, 4 cijfers) "
        "van de gemeente die volgens het woonplaatsbeginsel verantwoordelijk is.",
        error_messages={"invalid": "Een gemeentecode bestaat uit 4 cijfers."},
    )
