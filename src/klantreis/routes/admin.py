from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html

from klantreis.beheer import AlleenLezen

from .models import RouteVersie, Traject, TrajectGebeurtenis


@admin.register(RouteVersie)
class RouteVersieAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["naam", "route_id", "versie", "ingangsdatum", "basis_route_id", "geladen_op"]
    list_filter = ["route_id", "ingangsdatum"]
    search_fields = ["naam", "route_id", "bestand"]
    readonly_fields = [f.name for f in RouteVersie._meta.fields]


class GebeurtenisInline(AlleenLezen, admin.TabularInline):
    model = TrajectGebeurtenis
    extra = 0
    fields = ["op", "soort", "van_stap", "naar_stap", "door", "rol", "reden"]
    readonly_fields = fields


@admin.register(Traject)
class TrajectAdmin(AlleenLezen, admin.ModelAdmin):
    """Trajects move only through the engine (the portal, the API); here they can be read."""

    list_display = [
        "client",
        "gemeente",
        "route_versie",
        "huidige_stap",
        "status",
        "aanbieder",
        "gestart_op",
        "in_portaal",
    ]
    list_filter = ["status", "gemeente", "route_versie__route_id", "wet"]
    search_fields = ["client__bsn", "client__achternaam", "aanbieder__naam", "aanbieder__agb_code"]
    date_hierarchy = "gestart_op"
    list_select_related = ["client", "gemeente", "route_versie", "aanbieder"]
    readonly_fields = [f.name for f in Traject._meta.fields]
    inlines = [GebeurtenisInline]

    @admin.display(description="portaal")
    def in_portaal(self, obj):
        return format_html('<a href="{}">bekijken</a>', reverse("portal:traject", args=[obj.pk]))


@admin.register(TrajectGebeurtenis)
class TrajectGebeurtenisAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["op", "traject", "soort", "van_stap", "naar_stap", "door", "rol"]
    list_filter = ["soort", "rol", "traject__gemeente"]
    search_fields = ["traject__client__bsn", "traject__client__achternaam", "reden"]
    date_hierarchy = "op"
    list_select_related = ["traject__client", "traject__route_versie", "door"]
    readonly_fields = [f.name for f in TrajectGebeurtenis._meta.fields]
