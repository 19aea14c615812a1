"""The REST API. Every queryset comes from ``toegang.beleid`` (who sees what, the same rule
as the portal): another provider's object is a 404, never a 403 that confirms it exists.
Views only read and call the engine or a document service; a refusal becomes
``{"code": ..., "melding": ...}`` (``fouten.exception_handler``)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from klantreis.accounts.models import Rol
from klantreis.audit.services import Via, log_inzage
from klantreis.clients import services as clients
from klantreis.documenten import services as documenten
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.producten.models import Product
from klantreis.routes import engine
from klantreis.termijnen.models import Termijn
from klantreis.toegang import beleid as toegang
from klantreis.toewijzingen import services as toewijzingen
from klantreis.toewijzingen.models import VerzoekSoort

from . import invoer_toewijzingen as inv
from . import serializers as s
from .filters import Filter, ParameterFilter

FOUTEN = {
    400: OpenApiResponse(s.FoutSerializer, description="Onjuiste invoer."),
    403: OpenApiResponse(s.FoutSerializer, description="Niet in deze rol."),
    404: OpenApiResponse(description="Bestaat niet, of u heeft er geen toegang toe."),
    409: OpenApiResponse(s.FoutSerializer, description="Kan niet in de huidige stand."),
}


def fout(code: str, melding: str, http_status: int = status.HTTP_400_BAD_REQUEST) -> Response:
    return Response({"code": code, "melding": melding}, status=http_status)


class Zichtbaar(viewsets.GenericViewSet):
    """A viewset over the records the user sees; ids are digits only."""

    zichtbaar = None  # a function of toegang.beleid
    related: tuple[str, ...] = ()
    filter_backends = [ParameterFilter]
    filters: dict[str, Filter] = {}
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self):
        qs = type(self).zichtbaar(self.request.user)
        return qs.select_related(*self.related) if self.related else qs


class Lezen(mixins.ListModelMixin, mixins.RetrieveModelMixin, Zichtbaar):
    """Reads are written to the audit log (``audit.Inzage``): a detail as its record, a list
    as one row with the number of records on the page. A refused read (404) is not logged."""

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        data = self.get_serializer(instance).data
        log_inzage(request, instance, via=Via.API)
        return Response(data)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        resultaten = response.data.get("results") if isinstance(response.data, dict) else None
        aantal = len(resultaten) if resultaten is not None else len(response.data or [])
        log_inzage(
            request, via=Via.API, model=self.get_queryset().model._meta.model_name, aantal=aantal
        )
        return response


GEMEENTE = Filter(("gemeente__code",), "CBS-code van de gemeente, bijvoorbeeld 0797.")
AANBIEDER = Filter(("aanbieder__agb_code",), "AGB-code van de aanbieder.")
BSN = Filter(("client__bsn",), "BSN van de cliënt.")
CLIENT = Filter(("client_id",), "Id van de cliënt.", "integer")
TRAJECT = Filter(("traject_id",), "Id van het traject.", "integer")


@extend_schema_view(
    create=extend_schema(
        summary="Cliënt inschrijven",
        description=(
            "Alleen Toegang en Backoffice van de woonplaatsgemeente. Het BSN moet aan de "
            "11-proef voldoen en mag nog niet ingeschreven zijn (409)."
        ),
        request=s.ClientInvoerSerializer,
        responses={201: s.ClientSerializer, **FOUTEN},
    ),
    partial_update=extend_schema(
        summary="Adres wijzigen",
        description="Alleen straat, huisnummer, postcode en woonplaats zijn te wijzigen.",
        request=s.AdresSerializer,
        responses={200: s.ClientSerializer, **FOUTEN},
    ),
)
class ClientViewSet(Lezen):
    """Cliënten: de inwoners van uw gemeenten, en wie een traject of toewijzing heeft die u
    ziet. Toegang en Backoffice schrijven cliënten in en leggen vertegenwoordigers en
    toestemmingen vast."""

    zichtbaar = toegang.zichtbare_clients
    related = ("gemeente",)
    serializer_class = s.ClientSerializer
    http_method_names = ["get", "post", "patch", "head", "options"]
    filters = {
        "bsn": Filter(("bsn",), "BSN van de cliënt."),
        "gemeente": GEMEENTE,
        "wet": Filter(("wet",), "wmo of jw."),
    }

    def _eis_beheerrol(self):
        # a provider's staff never register clients: refused before their input is judged
        if not any(self.request.user.heeft_rol(rol) for rol in clients.BEHEERROLLEN):
            raise clients.ClientFout(
                "verkeerde_rol", "Alleen Toegang of Backoffice mag cliënten inschrijven.", 403
            )

    def create(self, request):
        self._eis_beheerrol()
        invoer = s.ClientInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        gemeente = Gemeente.objects.filter(code=data.pop("gemeente")).first()
        if gemeente is None:
            return fout("onbekende_gemeente", "Er is geen gemeente met deze CBS-code.")
        client = clients.schrijf_in(door=request.user, gemeente=gemeente, **data)
        return Response(s.ClientSerializer(client).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        client = self.get_object()
        self._eis_beheerrol()
        if isinstance(request.data, dict):
            onbekend = set(request.data) - set(clients.ADRESVELDEN)
            if onbekend:
                return fout(
                    "onbekend_veld",
                    "Alleen straat, huisnummer, postcode en woonplaats zijn te wijzigen; niet: "
                    + ", ".join(sorted(map(str, onbekend)))[:200]
                    + ".",
                )
        invoer = s.AdresSerializer(data=request.data, partial=True)
        invoer.is_valid(raise_exception=True)
        client = clients.wijzig_adres(client, door=request.user, **invoer.validated_data)
        return Response(s.ClientSerializer(client).data)

    @extend_schema(
        methods=["GET"],
        summary="Vertegenwoordigers van de cliënt",
        request=None,
        responses={200: s.VertegenwoordigerSerializer(many=True)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Vertegenwoordiger toevoegen",
        request=s.VertegenwoordigerInvoerSerializer,
        responses={201: s.VertegenwoordigerSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def vertegenwoordigers(self, request, pk=None):
        client = self.get_object()
        if request.method == "GET":
            data = s.VertegenwoordigerSerializer(
                client.vertegenwoordigers.select_related("organisatie"), many=True
            ).data
            log_inzage(request, client, via=Via.API, model="vertegenwoordiger")
            return Response(data)
        self._eis_beheerrol()
        invoer = s.VertegenwoordigerInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        agb = data.pop("organisatie", "")
        organisatie = None
        if agb:
            organisatie = Aanbieder.objects.filter(agb_code=agb).first()
            if organisatie is None:
                return fout("onbekende_aanbieder", "Er is geen instelling met deze AGB-code.")
        vertegenwoordiger = clients.voeg_vertegenwoordiger_toe(
            client, door=request.user, organisatie=organisatie, **data
        )
        return Response(
            s.VertegenwoordigerSerializer(vertegenwoordiger).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(
        methods=["GET"],
        summary="Toestemmingen om documenten te delen",
        request=None,
        responses={200: s.ToestemmingSerializer(many=True)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Toestemming geven of intrekken",
        description=(
            "Per documentsoort per aanbieder (Heusden stap 3: zonder toestemming wordt niets "
            "gedeeld). Met gegeven=false eindigt de geldige toestemming nu."
        ),
        request=s.ToestemmingInvoerSerializer,
        responses={200: s.ToestemmingSerializer(many=True), **FOUTEN},
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def toestemmingen(self, request, pk=None):
        client = self.get_object()
        if request.method == "POST":
            self._eis_beheerrol()
            invoer = s.ToestemmingInvoerSerializer(data=request.data)
            invoer.is_valid(raise_exception=True)
            data = invoer.validated_data
            aanbieder = Aanbieder.objects.filter(agb_code=data["aanbieder"]).first()
            if aanbieder is None:
                return fout("onbekende_aanbieder", "Er is geen aanbieder met deze AGB-code.")
            clients.leg_toestemming_vast(
                client,
                door=request.user,
                aanbieder=aanbieder,
                document_soort=data["document_soort"],
                gegeven=data["gegeven"],
            )
        toestemmingen = client.toestemmingen.select_related("aanbieder", "vastgelegd_door")
        data = s.ToestemmingSerializer(toestemmingen.order_by("-gegeven_op", "-pk"), many=True).data
        log_inzage(request, client, via=Via.API, model="toestemming")
        return Response(data)


@extend_schema_view(
    create=extend_schema(
        summary="Traject starten",
        request=s.StartSerializer,
        responses={201: s.TrajectDetailSerializer, **FOUTEN},
    ),
)
class TrajectViewSet(Lezen):
    """Trajecten, met de huidige stap, de route, de termijnen en de geschiedenis. Overgangen
    zijn acties: ``/trajecten/{id}/acties/``."""

    zichtbaar = toegang.zichtbare_trajecten
    related = ("client", "gemeente", "route_versie", "aanbieder", "eigenaar")
    filters = {
        "gemeente": GEMEENTE,
        "route": Filter(
            ("route_versie__route_id", "route_versie__basis_route_id"),
            "Route-id (een gemeentevariant telt mee onder zijn basisroute).",
        ),
        "status": Filter(("status",), "actief, opgeschort of afgesloten."),
        "stap": Filter(("huidige_stap",), "Id van de huidige stap."),
        "bsn": BSN,
        "client": CLIENT,
        "aanbieder": AANBIEDER,
    }

    def get_serializer_class(self):
        return s.TrajectSerializer if self.action == "list" else s.TrajectDetailSerializer

    def get_queryset(self):
        qs = super().get_queryset()
        if self.action != "list":
            qs = qs.prefetch_related("termijnen", "gebeurtenissen__door")
        return qs

    def _detail(self, traject, http_status=status.HTTP_200_OK) -> Response:
        traject = self.get_queryset().get(pk=traject.pk)
        return Response(s.TrajectDetailSerializer(traject).data, status=http_status)

    def create(self, request):
        invoer = s.StartSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        gemeente = toegang.gemeenten_van(request.user).filter(code=data["gemeente"]).first()
        if gemeente is None:
            return fout("onbekende_gemeente", "U heeft geen rol voor deze gemeente.")
        client = toegang.zichtbare_clients(request.user).filter(pk=data["client"]).first()
        if client is None:
            return fout("onbekende_client", "Deze cliënt bestaat niet of u heeft geen toegang.")
        rol = data.get("rol")
        if rol is None:
            route = engine.route_voor(gemeente, data["route"], timezone.localdate()).route
            mogelijk = engine.startrollen(request.user, gemeente, route)
            if not mogelijk:
                return fout(
                    "verkeerde_rol",
                    "U heeft geen rol waarmee u dit traject kunt starten.",
                    status.HTTP_403_FORBIDDEN,
                )
            rol = mogelijk[0]
        with transaction.atomic():
            traject = engine.start_traject(
                client=client,
                gemeente=gemeente,
                route_id=data["route"],
                door=request.user,
                rol=rol,
                reden=data["reden"],
            )
        return self._detail(traject, status.HTTP_201_CREATED)

    @extend_schema(
        methods=["GET"],
        summary="Wat u nu kunt doen",
        request=None,
        responses={200: s.BeschikbareActieSerializer(many=True)},
    )
    @extend_schema(
        methods=["POST"],
        summary="Een overgang doen",
        request=s.ActieSerializer,
        responses={200: s.TrajectDetailSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def acties(self, request, pk=None):
        traject = self.get_object()
        if request.method == "GET":
            acties = engine.available_actions(traject, request.user)
            return Response(s.BeschikbareActieSerializer(acties, many=True).data)
        invoer = s.ActieSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        if data["versie"] is not None and data["versie"] != traject.versie:
            return fout(
                "gelijktijdig",
                "Iemand anders heeft dit traject intussen gewijzigd. Laad het opnieuw en "
                "probeer het nog eens.",
                status.HTTP_409_CONFLICT,
            )
        soort, naar, reden = data["actie"], data["naar"] or None, data["reden"].strip()
        rol = data.get("rol") or self._rol_voor(traject, soort, naar)
        if rol is None:
            return fout("verkeerde_rol", "U heeft geen rol in dit traject.", 403)
        kwargs = {"door": request.user, "rol": rol, "reden": reden}
        if soort == "advance":
            engine.advance(traject, naar=naar, **kwargs)
        elif soort == "skip":
            engine.skip(traject, **kwargs)
        elif soort == "return_to":
            engine.return_to(traject, naar=naar or "", **kwargs)
        elif soort == "suspend":
            engine.suspend(traject, **kwargs)
        elif soort == "resume":
            engine.resume(traject, **kwargs)
        else:
            engine.close(traject, **kwargs)
        return self._detail(traject)

    def _rol_voor(self, traject, soort: str, naar: str | None) -> str | None:
        """The role the engine offers this user for this action, else their first role."""
        for actie in engine.available_actions(traject, self.request.user):
            if actie.soort == soort and (actie.naar or None) == naar:
                return actie.rol
        rollen = engine.rollen_van(traject, self.request.user)
        return rollen[0] if rollen else None

    @extend_schema(
        summary="Aanbieder kiezen",
        request=s.AanbiederKeuzeSerializer,
        responses={200: s.TrajectDetailSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def aanbieder(self, request, pk=None):
        traject = self.get_object()
        invoer = s.AanbiederKeuzeSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        aanbieder = (
            Aanbieder.objects.filter(
                contracten__gemeente=traject.gemeente, agb_code=data["aanbieder"]
            )
            .distinct()
            .first()
        )
        if aanbieder is None:
            return fout(
                "onbekende_aanbieder", "Kies een aanbieder met een contract voor deze gemeente."
            )
        rollen = engine.rollen_van(traject, request.user)
        rol = data.get("rol") or next(
            (r for r in (traject.stap.rol, *traject.route.regie) if r in rollen), None
        )
        if rol is None:
            return fout("verkeerde_rol", "In deze stap kunt u geen aanbieder kiezen.", 403)
        engine.kies_aanbieder(traject, aanbieder, door=request.user, rol=rol, reden=data["reden"])
        return self._detail(traject)


@extend_schema_view(
    create=extend_schema(
        summary="Een versie schrijven (en zo nodig vaststellen)",
        request=s.VersieInvoerSerializer,
        responses={201: s.DocumentSerializer, **FOUTEN},
    ),
)
class DocumentViewSet(Lezen):
    """Documenten met hun versies en akkoorden. Een zorgaanbieder ziet alleen wat hij zelf
    schrijft of wat de cliënt met hem wil delen (toestemming)."""

    zichtbaar = toegang.zichtbare_documenten
    serializer_class = s.DocumentSerializer
    filters = {
        "traject": TRAJECT,
        "soort": Filter(("soort",), "Documentsoort, bijvoorbeeld zorgplan."),
        "status": Filter(("status",), "concept, vastgesteld of vervallen."),
    }

    def get_queryset(self):
        return super().get_queryset().prefetch_related("versies__akkoorden__door")

    def _document(self, document, http_status=status.HTTP_200_OK) -> Response:
        document = self.get_queryset().get(pk=document.pk)
        return Response(s.DocumentSerializer(document).data, status=http_status)

    def create(self, request):
        invoer = s.VersieInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        traject = get_object_or_404(toegang.zichtbare_trajecten(request.user), pk=data["traject"])
        rol = data.get("rol") or documenten.schrijfrol(
            traject, engine.rollen_van(traject, request.user), data["soort"]
        )
        if rol is None:
            return fout("verkeerde_rol", "U mag dit document niet schrijven.", 403)
        with transaction.atomic():
            versie = documenten.schrijf_versie(
                traject, data["soort"], data["inhoud"], door=request.user, rol=rol
            )
            if data["vaststellen"]:
                documenten.stel_vast(versie.document, door=request.user, rol=rol)
        return self._document(versie.document, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Document vaststellen",
        request=s.VaststellenSerializer,
        responses={200: s.DocumentSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def vaststellen(self, request, pk=None):
        document = self.get_object()
        invoer = s.VaststellenSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        rol = invoer.validated_data.get("rol") or documenten.schrijfrol(
            document.traject, engine.rollen_van(document.traject, request.user), document.soort
        )
        if rol is None:
            return fout("verkeerde_rol", "U mag dit document niet vaststellen.", 403)
        documenten.stel_vast(document, door=request.user, rol=rol)
        return self._document(document)

    @extend_schema(
        summary="Akkoord (of niet akkoord) vastleggen op de laatste versie",
        request=s.AkkoordInvoerSerializer,
        responses={201: s.AkkoordSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def akkoorden(self, request, pk=None):
        document = self.get_object()
        invoer = s.AkkoordInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        traject = document.traject
        rol, door_rol = data["rol"], data.get("door_rol")
        if door_rol is None:
            door_rol = rol
            if rol == Rol.CLIENT:
                rollen = engine.rollen_van(traject, request.user)
                namens = [r for r in rollen if r in documenten.NAMENS_CLIENT]
                if Rol.CLIENT not in rollen and namens:
                    door_rol = traject.stap.rol if traject.stap.rol in namens else namens[0]
        akkoord = documenten.geef_akkoord(
            document,
            rol=rol,
            akkoord=data["akkoord"],
            door=request.user,
            door_rol=door_rol,
            namens=data["namens"],
            toelichting=data["toelichting"],
        )
        return Response(s.AkkoordSerializer(akkoord).data, status=status.HTTP_201_CREATED)


class TermijnViewSet(Lezen):
    """Termijnen van de trajecten die u ziet, met de uitleg van de berekening (Atw)."""

    serializer_class = s.TermijnSerializer
    filters = {
        "traject": TRAJECT,
        "sleutel": Filter(("sleutel",), "Sleutel van de termijn uit de route."),
        "gemeente": Filter(("traject__gemeente__code",), "CBS-code van de gemeente."),
        "vervallen": Filter(("vervallen",), "Alleen (niet) vervallen termijnen.", "boolean"),
    }

    @staticmethod
    def zichtbaar(user):
        return Termijn.objects.filter(traject__in=toegang.zichtbare_trajecten(user))


def _eis_backoffice(user, gemeente=None) -> None:
    """Back-office work is for a back-office role of the record's gemeente; a provider's
    staff never (refused before their input is judged)."""
    toegestaan = (
        toegang.is_backoffice(user, gemeente)
        if gemeente is not None
        else toegang.backoffice_gemeenten(user).exists()
    )
    if not toegestaan:
        raise clients.ClientFout(
            "verkeerde_rol",
            "Alleen de backoffice van de gemeente mag toewijzen en verzoeken beantwoorden.",
            403,
        )


def _dienst(actie):
    """Runs a toewijzingen service; a value the codec refuses is a 409, never a 500."""
    try:
        return actie()
    except toewijzingen.OPSTELFOUTEN as exc:
        raise toewijzingen.ToewijzingFout(
            "Het bericht kon niet worden opgesteld met deze gegevens; er is niets verstuurd."
        ) from exc


@extend_schema_view(
    create=extend_schema(
        summary="Toewijzen: een nieuwe toewijzing, verstuurd als 301",
        request=inv.ToewijzingInvoerSerializer,
        responses={201: s.ToewijzingSerializer, **FOUTEN},
    ),
)
class ToewijzingViewSet(Lezen):
    """Toewijzingen (301) met hun start- en stopmeldingen (305/307). De backoffice van de
    gemeente wijst toe, wijzigt de einddatum of de omvang, en trekt in; elke wijziging gaat
    als 301 naar de aanbieder."""

    zichtbaar = toegang.zichtbare_toewijzingen
    related = ("gemeente", "aanbieder")
    serializer_class = s.ToewijzingSerializer
    filters = {
        "gemeente": GEMEENTE,
        "aanbieder": AANBIEDER,
        "bsn": BSN,
        "client": CLIENT,
        "traject": TRAJECT,
        "wet": Filter(("wet",), "wmo of jw."),
        "nummer": Filter(("nummer",), "ToewijzingNummer.", "integer"),
    }

    def get_queryset(self):
        return super().get_queryset().prefetch_related("meldingen")

    def _toewijzing(self, t, http_status=status.HTTP_200_OK) -> Response:
        t = self.get_queryset().get(pk=t.pk)
        return Response(s.ToewijzingSerializer(t).data, status=http_status)

    def create(self, request):
        _eis_backoffice(request.user)
        invoer = inv.ToewijzingInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        client = toegang.zichtbare_clients(request.user).filter(pk=data["client"]).first()
        if client is None:
            return fout("onbekende_client", "Deze cliënt bestaat niet of u heeft geen toegang.")
        traject = None
        if data.get("traject"):
            traject = (
                toegang.zichtbare_trajecten(request.user)
                .filter(pk=data["traject"], client=client)
                .first()
            )
            if traject is None:
                return fout(
                    "onbekend_traject", "Dit traject bestaat niet of hoort niet bij de cliënt."
                )
        gemeente = traject.gemeente if traject else client.gemeente
        _eis_backoffice(request.user, gemeente)
        aanbieder = Aanbieder.objects.filter(agb_code=data["aanbieder"]).first()
        if aanbieder is None:
            return fout("onbekende_aanbieder", "Er is geen aanbieder met deze AGB-code.")
        product = Product.objects.filter(
            wet=client.wet, categorie=data["categorie"], code=data["code"]
        ).first()
        if product is None:
            return fout(
                "onbekend_product", "Er is geen product met deze categorie en code voor deze wet."
            )
        t = _dienst(
            lambda: toewijzingen.wijs_toe(
                client=client,
                aanbieder=aanbieder,
                gemeente=gemeente,
                product=product,
                ingangsdatum=data["ingangsdatum"],
                einddatum=data["einddatum"],
                volume=data.get("volume"),
                frequentie=data["frequentie"],
                budget=data["budget"],
                commentaar=data["commentaar"],
                traject=traject,
                door=request.user,
            )
        )
        return self._toewijzing(t, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Einddatum wijzigen (zelfde nummer, nieuwe 301)",
        request=inv.EinddatumInvoerSerializer,
        responses={200: s.ToewijzingSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def einddatum(self, request, pk=None):
        t = self.get_object()
        _eis_backoffice(request.user, t.gemeente)
        invoer = inv.EinddatumInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        einde = invoer.validated_data["einddatum"]
        _dienst(lambda: toewijzingen.wijzig_einddatum(t, einde, door=request.user))
        return self._toewijzing(t)

    @extend_schema(
        summary="Omvang wijzigen (de huidige eindigt, een nieuwe begint; 301)",
        request=inv.OmvangWijzigingSerializer,
        responses={200: s.ToewijzingSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def omvang(self, request, pk=None):
        t = self.get_object()
        _eis_backoffice(request.user, t.gemeente)
        invoer = inv.OmvangWijzigingSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = invoer.validated_data
        nieuw = _dienst(
            lambda: toewijzingen.wijzig_omvang(
                t,
                per=data["per"],
                volume=data["volume"],
                frequentie=data["frequentie"],
                door=request.user,
            )
        )
        return self._toewijzing(nieuw)

    @extend_schema(
        summary="Intrekken (reden wijziging 13, 301)",
        request=None,
        responses={200: s.ToewijzingSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def intrekken(self, request, pk=None):
        t = self.get_object()
        _eis_backoffice(request.user, t.gemeente)
        _dienst(lambda: toewijzingen.verwijder(t, door=request.user))
        return self._toewijzing(t)


class VerzoekViewSet(Lezen):
    """Verzoeken om toewijzing (315) en om wijziging (317). De backoffice van de gemeente
    zet een verzoek in onderzoek, wijst het toe (301) of wijst het af (319)."""

    zichtbaar = toegang.zichtbare_verzoeken
    related = ("gemeente", "aanbieder")
    serializer_class = s.VerzoekSerializer
    filters = {
        "gemeente": GEMEENTE,
        "aanbieder": AANBIEDER,
        "bsn": BSN,
        "soort": Filter(("soort",), "vot of vow."),
        "status": Filter(("status",), "ontvangen, in_onderzoek, toegewezen of afgewezen."),
    }

    def _verzoek(self, verzoek) -> Response:
        verzoek.refresh_from_db()
        return Response(s.VerzoekSerializer(verzoek).data)

    @extend_schema(
        summary="In onderzoek zetten (319, één keer per verzoek: TR360)",
        request=None,
        responses={200: s.VerzoekSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def onderzoek(self, request, pk=None):
        verzoek = self.get_object()
        _eis_backoffice(request.user, verzoek.gemeente)
        _dienst(lambda: toewijzingen.zet_in_onderzoek(verzoek, door=request.user))
        return self._verzoek(verzoek)

    @extend_schema(
        summary="Toewijzen (301): een VOT per product, een VOW als geheel",
        request=inv.HonoreerInvoerSerializer,
        responses={200: s.VerzoekSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def honoreren(self, request, pk=None):
        verzoek = self.get_object()
        _eis_backoffice(request.user, verzoek.gemeente)
        if verzoek.soort == VerzoekSoort.VOW:
            _dienst(lambda: toewijzingen.honoreer_vow(verzoek, door=request.user))
            return self._verzoek(verzoek)
        invoer = inv.HonoreerInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        data = dict(invoer.validated_data)
        if not data.get("categorie"):
            return fout("product_ontbreekt", "Geef het product (categorie en code) dat u toewijst.")
        product = Product.objects.filter(
            wet=verzoek.wet, categorie=data.pop("categorie"), code=data.pop("code", "")
        ).first()
        if product is None:
            return fout(
                "onbekend_product", "Er is geen product met deze categorie en code voor deze wet."
            )
        if data.get("volume") is None:
            data.pop("volume", None)
            data.pop("frequentie", None)
        _dienst(
            lambda: toewijzingen.honoreer_vot(verzoek, product=product, door=request.user, **data)
        )
        return self._verzoek(verzoek)

    @extend_schema(
        summary="Afwijzen (319 met de reden)",
        request=inv.AfwijzenInvoerSerializer,
        responses={200: s.VerzoekSerializer, **FOUTEN},
    )
    @action(detail=True, methods=["post"], pagination_class=None, filter_backends=[])
    def afwijzen(self, request, pk=None):
        verzoek = self.get_object()
        _eis_backoffice(request.user, verzoek.gemeente)
        invoer = inv.AfwijzenInvoerSerializer(data=request.data)
        invoer.is_valid(raise_exception=True)
        reden, woonplaats = invoer.validated_data["reden"], invoer.validated_data["woonplaats"]
        _dienst(
            lambda: toewijzingen.wijs_verzoek_af(
                verzoek, reden=reden, door=request.user, woonplaats=woonplaats
            )
        )
        return self._verzoek(verzoek)


class XmlRenderer(BaseRenderer):
    media_type = "application/xml"
    format = "xml"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        melding = str((data or {}).get("detail", "")) if isinstance(data, dict) else ""
        return f"<fout>{melding}</fout>".encode()


class BerichtViewSet(Lezen):
    """Berichten (iWmo/iJw) die uw gemeente of aanbieder verzond of ontving: de gegevens, en
    het bericht zelf onder ``/berichten/{id}/xml/``."""

    zichtbaar = toegang.zichtbare_berichten
    serializer_class = s.BerichtSerializer
    filters = {
        "berichtcode": Filter(("berichtcode",), "Berichtcode, bijvoorbeeld 301."),
        "richting": Filter(("richting",), "in of uit."),
        "status": Filter(("status",), "Status van het bericht."),
        "afzender": Filter(("afzender",), "Gemeentecode of AGB-code van de afzender."),
        "ontvanger": Filter(("ontvanger",), "Gemeentecode of AGB-code van de ontvanger."),
        "traject": TRAJECT,
    }

    def get_queryset(self):
        return super().get_queryset().defer("gegevens")  # the bytes are apart anyway

    @extend_schema(
        summary="Het bericht zelf (XML, ongewijzigd)",
        responses={(200, "application/xml"): OpenApiTypes.BINARY},
    )
    @action(
        detail=True,
        methods=["get"],
        pagination_class=None,
        filter_backends=[],
        renderer_classes=[JSONRenderer, XmlRenderer],
    )
    def xml(self, request, pk=None):
        bericht = self.get_object()
        inhoud = bericht.bytes
        log_inzage(request, bericht, via=Via.API)
        return HttpResponse(inhoud, content_type="application/xml")
