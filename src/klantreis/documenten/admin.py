from django.contrib import admin

from klantreis.beheer import AlleenLezen

from .models import Akkoord, Document, DocumentVersie


class VersieInline(AlleenLezen, admin.TabularInline):
    model = DocumentVersie
    extra = 0
    fields = ["nummer", "gemaakt_op", "gemaakt_door", "rol", "inhoud"]
    readonly_fields = fields


@admin.register(Document)
class DocumentAdmin(AlleenLezen, admin.ModelAdmin):
    """Documents change through ``documenten.services`` (the portal); here they can be read."""

    list_display = ["soort", "status", "traject", "aangemaakt_op"]
    list_filter = ["soort", "status", "traject__gemeente"]
    search_fields = ["traject__client__bsn", "traject__client__achternaam"]
    date_hierarchy = "aangemaakt_op"
    list_select_related = ["traject__client", "traject__route_versie"]
    readonly_fields = ["traject", "soort", "status", "aangemaakt_op"]
    inlines = [VersieInline]


class AkkoordInline(AlleenLezen, admin.TabularInline):
    model = Akkoord
    extra = 0
    fields = ["op", "rol", "akkoord", "door", "namens", "toelichting"]
    readonly_fields = fields


@admin.register(DocumentVersie)
class DocumentVersieAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["document", "nummer", "gemaakt_op", "gemaakt_door", "rol"]
    list_filter = ["document__soort", "rol"]
    search_fields = ["document__traject__client__bsn", "document__traject__client__achternaam"]
    readonly_fields = [f.name for f in DocumentVersie._meta.fields]
    inlines = [AkkoordInline]


@admin.register(Akkoord)
class AkkoordAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ["versie", "rol", "akkoord", "door", "namens", "op"]
    list_filter = ["rol", "akkoord", "versie__document__soort"]
    search_fields = ["namens", "door__username", "versie__document__traject__client__bsn"]
    date_hierarchy = "op"
    readonly_fields = [f.name for f in Akkoord._meta.fields]
