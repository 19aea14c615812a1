"""What the API shows of each record, and what it accepts for the actions. Serializers only
read and validate; the views hand validated data to the engine or a service."""

from __future__ import annotations

import json

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from klantreis.accounts.models import Rol
from klantreis.berichten.models import Bericht
from klantreis.clients.bsn import is_valid_bsn
from klantreis.clients.models import (
    Client,
    Geslacht,
    SoortVertegenwoordiger,
    Toestemming,
    Vertegenwoordiger,
)
from klantreis.documenten.models import Akkoord, Document, DocumentSoort, DocumentVersie
from klantreis.producten.models import Wet
from klantreis.routes.models import Traject, TrajectGebeurtenis
from klantreis.termijnen.models import Termijn, TermijnStatus
from klantreis.toewijzingen.models import Toewijzing, Verzoek, ZorgMelding


class ClientSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Client
        fields = [
            "id",
            "bsn",
            "naam",
            "voornamen",
            "voorletters",
            "voorvoegsel",
            "achternaam",
            "geboortedatum",
            "geslacht",
            "straat",
            "huisnummer",
            "postcode",
            "woonplaats",
            "gemeente",
            "wet",
        ]


class ClientInvoerSerializer(serializers.Serializer):
    """A new client. The BSN must pass the 11-proef and be new to klantreis."""

    bsn = serializers.CharField(max_length=9, help_text="9 cijfers, 11-proef.")
    voornamen = serializers.CharField(max_length=200, required=False, allow_blank=True)
    voorletters = serializers.CharField(max_length=20, required=False, allow_blank=True)
    voorvoegsel = serializers.CharField(max_length=20, required=False, allow_blank=True)
    achternaam = serializers.CharField(max_length=200)
    geboortedatum = serializers.DateField()
    geslacht = serializers.ChoiceField(choices=Geslacht.choices, required=False)
    straat = serializers.CharField(max_length=200, required=False, allow_blank=True)
    huisnummer = serializers.CharField(max_length=20, required=False, allow_blank=True)
    postcode = serializers.CharField(max_length=7, required=False, allow_blank=True)
    woonplaats = serializers.CharField(max_length=200, required=False, allow_blank=True)
    gemeente = serializers.CharField(
        max_length=4, help_text="CBS-code van de woonplaatsgemeente, bijvoorbeeld 0797."
    )
    wet = serializers.ChoiceField(choices=Wet.choices)

    def validate_bsn(self, bsn: str) -> str:
        if not is_valid_bsn(bsn.strip()):
            raise serializers.ValidationError(
                "Dit BSN is ongeldig: het voldoet niet aan de 11-proef."
            )
        return bsn.strip()


class AdresSerializer(serializers.Serializer):
    """Address and contact fields: the only ones a PATCH changes."""

    straat = serializers.CharField(max_length=200, required=False, allow_blank=True)
    huisnummer = serializers.CharField(max_length=20, required=False, allow_blank=True)
    postcode = serializers.CharField(max_length=7, required=False, allow_blank=True)
    woonplaats = serializers.CharField(max_length=200, required=False, allow_blank=True)


class VertegenwoordigerSerializer(serializers.ModelSerializer):
    organisatie = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)

    class Meta:
        model = Vertegenwoordiger
        fields = ["id", "soort", "naam", "organisatie", "telefoon", "email"]


class VertegenwoordigerInvoerSerializer(serializers.Serializer):
    soort = serializers.ChoiceField(choices=SoortVertegenwoordiger.choices)
    naam = serializers.CharField(max_length=200)
    organisatie = serializers.CharField(
        max_length=8,
        required=False,
        allow_blank=True,
        default="",
        help_text="Bij een GI: de AGB-code van de instelling.",
    )
    telefoon = serializers.CharField(max_length=30, required=False, allow_blank=True)
    email = serializers.EmailField(max_length=254, required=False, allow_blank=True)


class ToestemmingSerializer(serializers.ModelSerializer):
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    vastgelegd_door = serializers.SlugRelatedField(slug_field="username", read_only=True)
    geldig = serializers.SerializerMethodField()

    class Meta:
        model = Toestemming
        fields = [
            "id",
            "aanbieder",
            "document_soort",
            "gegeven_op",
            "ingetrokken_op",
            "vastgelegd_door",
            "geldig",
        ]

    def get_geldig(self, obj) -> bool:
        return obj.ingetrokken_op is None or obj.ingetrokken_op > timezone.now()


class ToestemmingInvoerSerializer(serializers.Serializer):
    aanbieder = serializers.CharField(max_length=8, help_text="AGB-code van de aanbieder.")
    document_soort = serializers.ChoiceField(choices=DocumentSoort.choices)
    gegeven = serializers.BooleanField(
        default=True, help_text="true: toestemming geven; false: intrekken."
    )


class TermijnSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=TermijnStatus.choices, read_only=True)

    class Meta:
        model = Termijn
        fields = [
            "id",
            "traject",
            "sleutel",
            "naam",
            "duur",
            "bron",
            "startdatum",
            "einddatum",
            "oorspronkelijke_einddatum",
            "status",
            "voldaan_op",
            "vervallen",
            "uitleg",
        ]


class GebeurtenisSerializer(serializers.ModelSerializer):
    door = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = TrajectGebeurtenis
        fields = [
            "id",
            "soort",
            "van_stap",
            "naar_stap",
            "overgang_soort",
            "door",
            "rol",
            "op",
            "reden",
        ]


class StapSerializer(serializers.Serializer):
    id = serializers.CharField()
    naam = serializers.CharField()
    rol = serializers.CharField()


class TrajectSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    eigenaar = serializers.SlugRelatedField(slug_field="username", read_only=True)
    route = serializers.SerializerMethodField()
    stap = serializers.SerializerMethodField()

    class Meta:
        model = Traject
        fields = [
            "id",
            "client",
            "gemeente",
            "route",
            "wet",
            "status",
            "huidige_stap",
            "stap",
            "eigenaar",
            "aanbieder",
            "gestart_op",
            "opgeschort_sinds",
            "afgesloten_op",
            "versie",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "id": {"type": "string"},
                "versie": {"type": "integer"},
                "naam": {"type": "string"},
            },
        }
    )
    def get_route(self, traject: Traject) -> dict:
        rv = traject.route_versie
        return {"id": rv.basis_route_id or rv.route_id, "versie": rv.versie, "naam": rv.naam}

    @extend_schema_field(StapSerializer)
    def get_stap(self, traject: Traject) -> dict:
        stap = traject.stap
        return {"id": stap.id, "naam": stap.naam, "rol": stap.rol}


class TrajectDetailSerializer(TrajectSerializer):
    termijnen = TermijnSerializer(many=True, read_only=True)
    gebeurtenissen = GebeurtenisSerializer(many=True, read_only=True)

    class Meta(TrajectSerializer.Meta):
        fields = [*TrajectSerializer.Meta.fields, "termijnen", "gebeurtenissen"]


class AkkoordSerializer(serializers.ModelSerializer):
    door = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Akkoord
        fields = ["id", "rol", "door", "namens", "akkoord", "op", "toelichting"]


class VersieSerializer(serializers.ModelSerializer):
    gemaakt_door = serializers.SlugRelatedField(slug_field="username", read_only=True)
    akkoorden = AkkoordSerializer(many=True, read_only=True)

    class Meta:
        model = DocumentVersie
        fields = ["nummer", "inhoud", "gemaakt_door", "rol", "gemaakt_op", "akkoorden"]


class DocumentSerializer(serializers.ModelSerializer):
    versies = VersieSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = ["id", "traject", "soort", "status", "aangemaakt_op", "versies"]


class ZorgMeldingSerializer(serializers.ModelSerializer):
    class Meta:
        model = ZorgMelding
        fields = [
            "id",
            "soort",
            "begindatum",
            "einddatum",
            "reden_beeindiging",
            "status_aanlevering",
            "actueel",
            "bericht",
            "ontvangen_op",
        ]


class ToewijzingSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)
    meldingen = ZorgMeldingSerializer(many=True, read_only=True)

    class Meta:
        model = Toewijzing
        fields = [
            "id",
            "nummer",
            "gemeente",
            "aanbieder",
            "client",
            "traject",
            "wet",
            "categorie",
            "code",
            "toewijzingsdatum",
            "ingangsdatum",
            "einddatum",
            "reden_wijziging",
            "volume",
            "eenheid",
            "frequentie",
            "budget",
            "referentie_aanbieder",
            "commentaar",
            "verzonden_op",
            "meldingen",
        ]


class VerzoekSerializer(serializers.ModelSerializer):
    gemeente = serializers.SlugRelatedField(slug_field="code", read_only=True)
    aanbieder = serializers.SlugRelatedField(slug_field="agb_code", read_only=True)

    class Meta:
        model = Verzoek
        fields = [
            "id",
            "soort",
            "status",
            "gemeente",
            "aanbieder",
            "client",
            "traject",
            "wet",
            "referentie_aanbieder",
            "inhoud",
            "dagtekening",
            "bericht",
            "reden_afwijzing",
            "beantwoord_op",
        ]


class BerichtSerializer(serializers.ModelSerializer):
    """The metadata; the message itself is at ``/berichten/{id}/xml/``."""

    class Meta:
        model = Bericht
        fields = [
            "id",
            "richting",
            "standaard",
            "berichtcode",
            "afzender",
            "ontvanger",
            "identificatie",
            "dagtekening",
            "status",
            "niveau",
            "fouten",
            "heen",
            "traject",
            "bestandsnaam",
            "aangemaakt_op",
            "verwerkt_op",
            "verzonden_op",
        ]


# --- input of the actions ---------------------------------------------------------------------

ROL_KEUZES = Rol.choices
# an id beyond a bigint cannot exist (and SQLite raises OverflowError on it)
MAX_ID = 2**63 - 1


def id_veld(**kwargs) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


ACTIES = ["advance", "skip", "return_to", "suspend", "resume", "close"]


class StartSerializer(serializers.Serializer):
    client = id_veld(help_text="Id van een cliënt die u mag zien.")
    gemeente = serializers.CharField(help_text="CBS-code van de gemeente, bijvoorbeeld 0797.")
    route = serializers.CharField(help_text="Route-id, bijvoorbeeld heusden-stappenplan.")
    rol = serializers.ChoiceField(choices=ROL_KEUZES, required=False)
    reden = serializers.CharField(required=False, allow_blank=True, default="")


class ActieSerializer(serializers.Serializer):
    actie = serializers.ChoiceField(choices=ACTIES)
    naar = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None)
    rol = serializers.ChoiceField(choices=ROL_KEUZES, required=False)
    reden = serializers.CharField(required=False, allow_blank=True, default="")
    versie = serializers.IntegerField(
        min_value=0,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        default=None,
        help_text="De versie van het traject die u zag; een andere versie geeft 409.",
    )


class BeschikbareActieSerializer(serializers.Serializer):
    actie = serializers.CharField(source="soort")
    label = serializers.CharField()
    rol = serializers.CharField()
    naar = serializers.CharField(allow_null=True)
    mogelijk = serializers.BooleanField()
    bezwaren = serializers.ListField(child=serializers.CharField())


class AanbiederKeuzeSerializer(serializers.Serializer):
    aanbieder = serializers.CharField(help_text="AGB-code van een aanbieder met een contract.")
    rol = serializers.ChoiceField(choices=ROL_KEUZES, required=False)
    reden = serializers.CharField(required=False, allow_blank=True, default="")


class VersieInvoerSerializer(serializers.Serializer):
    traject = id_veld()
    soort = serializers.ChoiceField(choices=DocumentSoort.choices)
    inhoud = serializers.DictField()
    rol = serializers.ChoiceField(choices=ROL_KEUZES, required=False)
    vaststellen = serializers.BooleanField(required=False, default=False)

    def validate_inhoud(self, inhoud: dict) -> dict:
        # PostgreSQL's jsonb cannot store U+0000; refuse it here instead of failing there
        if "\\u0000" in json.dumps(inhoud):
            raise serializers.ValidationError("De inhoud mag geen NUL-tekens bevatten.")
        return inhoud


class VaststellenSerializer(serializers.Serializer):
    rol = serializers.ChoiceField(choices=ROL_KEUZES, required=False)


class AkkoordInvoerSerializer(serializers.Serializer):
    rol = serializers.ChoiceField(choices=ROL_KEUZES, help_text="Wiens akkoord het is.")
    akkoord = serializers.BooleanField()
    door_rol = serializers.ChoiceField(
        choices=ROL_KEUZES,
        required=False,
        help_text="De rol waarin u het vastlegt (bij een akkoord namens de cliënt).",
    )
    namens = serializers.CharField(required=False, allow_blank=True, default="")
    toelichting = serializers.CharField(required=False, allow_blank=True, default="")


class FoutSerializer(serializers.Serializer):
    code = serializers.CharField()
    melding = serializers.CharField()
