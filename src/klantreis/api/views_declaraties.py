"""Read-only API for declaraties (323), their prestaties with the rule that rejected each and
its payment state (the betaalregels), following the patterns of ``views.py``: querysets from
``toegang.beleid`` (another provider's record is a 404), reads written to the audit log,
plain query-parameter filters, pagination."""

from __future__ import annotations

from rest_framework import serializers

from klantreis.declaraties.models import Declaratie, Prestatie
from klantreis.declaraties.overzicht import uitleg
from klantreis.toegang import beleid as toegang

from .filters import Filter
from .views import AANBIEDER, GEMEENTE, Lezen


class DeclaratieSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)

    class Meta:
        model = Declaratie
        fields = [
            "id",
            "nummer",
            "gemeente",
            "aanbieder",
            "wet",
            "periode_begin",
            "periode_eind",
            "dagtekening",
            "totaal_ingediend",
            "totaal_toegekend",
            "status",
            "retourcodes",
            "te_laat",
            "waarschuwingen",
            "ontvangen_op",
            "antwoord_uiterlijk",
            "beantwoord_op",
            "bericht",
        ]


class AfkeurredenSerializer(serializers.Serializer):
    retourcode = serializers.CharField()
    omschrijving = serializers.CharField(help_text="De betekenis van de retourcode.")
    regel = serializers.CharField(help_text="De regel die afkeurde (TRnnn), of leeg.")
    regel_omschrijving = serializers.CharField()


class PrestatieSerializer(serializers.ModelSerializer):
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    betaalopdracht = serializers.SlugRelatedField(slug_field="kenmerk", read_only=True)
    redenen = serializers.SerializerMethodField(
        help_text="Per retourcode de betekenis en de regel die afkeurde."
    )

    class Meta:
        model = Prestatie
        fields = [
            "id",
            "declaratie",
            "aanbieder",
            "wet",
            "bsn",
            "toewijzing",
            "toewijzing_nummer",
            "referentienummer",
            "vorig_referentienummer",
            "categorie",
            "code",
            "periode_begin",
            "periode_eind",
            "volume",
            "eenheid",
            "tarief",
            "bedrag",
            "goedgekeurd",
            "retourcodes",
            "redenen",
            "betaalstatus",
            "betaalopdracht",
            "betaald_op",
        ]

    def get_redenen(self, obj) -> list[dict]:
        return AfkeurredenSerializer(
            [uitleg(c, obj.wet) for c in obj.retourcodes or []], many=True
        ).data


class DeclaratieViewSet(Lezen):
    """Ontvangen declaraties (323) met hun uitkomst: voor de backoffice die van de eigen
    gemeenten, voor een aanbieder alleen de eigen."""

    zichtbaar = toegang.zichtbare_declaraties
    related = ("gemeente", "aanbieder")
    serializer_class = DeclaratieSerializer
    filters = {
        "gemeente": GEMEENTE,
        "aanbieder": AANBIEDER,
        "wet": Filter(("wet",), "wmo of jw."),
        "nummer": Filter(("nummer",), "DeclaratieNummer."),
        "status": Filter(("status",), "verwerkt of afgekeurd."),
    }

    def get_queryset(self):
        return super().get_queryset().order_by("-periode_begin", "-pk")


class PrestatieViewSet(Lezen):
    """Prestaties uit declaraties, goedgekeurd en afgekeurd (met de regel die afkeurde), met
    de stand van de betaling: te_betalen, aangehouden, in_bestand, betaald."""

    zichtbaar = toegang.zichtbare_prestaties
    related = ("aanbieder", "betaalopdracht")
    serializer_class = PrestatieSerializer
    filters = {
        "declaratie": Filter(("declaratie_id",), "Id van de declaratie.", "integer"),
        "aanbieder": AANBIEDER,
        "gemeente": Filter(("declaratie__gemeente__code",), "CBS-code van de gemeente."),
        "bsn": Filter(("bsn",), "BSN van de cliënt."),
        "goedgekeurd": Filter(("goedgekeurd",), "Alleen (niet) goedgekeurde.", "boolean"),
        "betaalstatus": Filter(
            ("betaalstatus",), "te_betalen, aangehouden, in_bestand of betaald."
        ),
        "referentienummer": Filter(("referentienummer",), "ReferentieNummer."),
    }

    def get_queryset(self):
        return super().get_queryset().order_by("declaratie_id", "pk")
