from django.contrib import admin

from .models import Client, Toestemming, Vertegenwoordiger


class VertegenwoordigerInline(admin.TabularInline):
    model = Vertegenwoordiger
    extra = 0


class ToestemmingInline(admin.TabularInline):
    model = Toestemming
    extra = 0
    autocomplete_fields = ["aanbieder"]


@admin.register(Client)
class ClientAdmin(admin.ModelAdmin):
    list_display = ["achternaam", "voornamen", "bsn", "geboortedatum", "gemeente", "wet"]
    list_filter = ["wet", "gemeente", "geslacht"]
    search_fields = ["bsn", "achternaam", "voornamen"]
    inlines = [VertegenwoordigerInline, ToestemmingInline]


@admin.register(Toestemming)
class ToestemmingAdmin(admin.ModelAdmin):
    list_display = ["client", "aanbieder", "document_soort", "gegeven_op", "ingetrokken_op"]
    list_filter = ["document_soort", "aanbieder"]
    search_fields = ["client__bsn", "client__achternaam", "aanbieder__naam"]
    autocomplete_fields = ["client", "aanbieder"]
    readonly_fields = ["vastgelegd_door"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.vastgelegd_door = request.user
        super().save_model(request, obj, form, change)


@admin.register(Vertegenwoordiger)
class VertegenwoordigerAdmin(admin.ModelAdmin):
    list_display = ["naam", "soort", "client", "organisatie"]
    list_filter = ["soort"]
    search_fields = ["naam", "client__bsn", "client__achternaam"]
    autocomplete_fields = ["client", "organisatie"]
