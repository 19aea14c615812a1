from django.contrib import admin, messages
from django.db import transaction
from django.utils.html import format_html

from klantreis.beheer import AlleenLezen

from . import workflow
from .models import Bericht, IdentificatieTeller, Quarantaine
from .services import _plan_bezorging, _plan_verwerking
from .workflow import Richting, Status


@admin.register(Bericht)
class BerichtAdmin(admin.ModelAdmin):
    list_display = (
        "pk",
        "richting",
        "berichtcode",
        "afzender",
        "ontvanger",
        "identificatie",
        "status",
        "eigenaar",
        "pogingen",
        "aangemaakt_op",
    )
    list_filter = ("richting", "berichtcode", "status", "eigenaar", "standaard")
    search_fields = ("identificatie", "afzender", "ontvanger", "bestandsnaam", "sha256")
    date_hierarchy = "aangemaakt_op"
    actions = ["opnieuw_verwerken", "opnieuw_verzenden"]

    def get_readonly_fields(self, request, obj=None):
        # Nothing here is edited by hand: the exchange and its workflow own every field.
        return [f.name for f in self.model._meta.fields] + ["xml"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # nothing received or sent is ever lost

    @admin.display(description="Inhoud (XML)")
    def xml(self, obj):
        return format_html(
            '<pre style="white-space: pre-wrap">{}</pre>',
            obj.bytes.decode("utf-8", errors="replace"),
        )

    @admin.action(description="Opnieuw verwerken (ontvangen berichten)")
    def opnieuw_verwerken(self, request, queryset):
        n = 0
        with transaction.atomic():
            # A message that was answered keeps its answer: processing it again would send
            # a second retour. Only unanswered ones (XML/XSD, stuck) are taken again.
            kandidaten = queryset.filter(richting=Richting.IN).exclude(
                retouren__richting=Richting.UIT
            )
            for pk in kandidaten.values_list("pk", flat=True):
                if workflow.zet(
                    Bericht.objects.filter(pk=pk),
                    Status.ONTVANGEN,
                    van=[Status.AFGEKEURD, Status.IN_VERWERKING],
                    claim=None,
                ):
                    _plan_verwerking(pk)
                    n += 1
        self.message_user(request, f"{n} bericht(en) opnieuw in verwerking genomen.")
        if n < queryset.count():
            self.message_user(
                request,
                "Beantwoorde, verwerkte en uitgaande berichten worden niet opnieuw verwerkt.",
                messages.WARNING,
            )

    @admin.action(description="Opnieuw verzenden (uitgaande berichten)")
    def opnieuw_verzenden(self, request, queryset):
        n = 0
        with transaction.atomic():
            for pk in queryset.filter(richting=Richting.UIT).values_list("pk", flat=True):
                if workflow.zet(
                    Bericht.objects.filter(pk=pk),
                    Status.TE_VERZENDEN,
                    van=[Status.MISLUKT, Status.VERZONDEN],
                    pogingen=0,
                    volgende_poging=None,
                ):
                    _plan_bezorging(pk)
                    n += 1
        self.message_user(request, f"{n} bericht(en) opnieuw ter verzending aangeboden.")


@admin.register(IdentificatieTeller)
class IdentificatieTellerAdmin(admin.ModelAdmin):
    list_display = ("afzender", "berichtcode", "laatste")
    readonly_fields = ("afzender", "berichtcode", "laatste")


@admin.register(Quarantaine)
class QuarantaineAdmin(AlleenLezen, admin.ModelAdmin):
    """What the inbound channels refused (docs/security.md, "Inkomende kanalen"): to look
    at, never to process. A message rightly refused is offered again by its sender."""

    list_display = (
        "ontvangen_op",
        "kanaal",
        "reden_code",
        "afzender",
        "ontvanger",
        "identiteit",
        "adres",
        "grootte",
    )
    list_filter = ("kanaal", "reden_code")
    search_fields = ("afzender", "ontvanger", "identiteit", "sha256", "kanaal_referentie")
    date_hierarchy = "ontvangen_op"
    exclude = ("inhoud",)
    readonly_fields = ("begin",)

    def get_queryset(self, request):
        return super().get_queryset(request).defer("inhoud")

    @admin.display(description="Begin van de inhoud (eerste 20.000 bytes)")
    def begin(self, obj):
        return format_html(
            '<pre style="white-space: pre-wrap">{}</pre>',
            bytes(obj.inhoud[:20_000]).decode("utf-8", errors="replace"),
        )
