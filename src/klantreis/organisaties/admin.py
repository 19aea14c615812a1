from django.contrib import admin

from .models import Aanbieder, Consortium, Contract, Gemeente, Regio


@admin.register(Regio)
class RegioAdmin(admin.ModelAdmin):
    list_display = ["naam", "code"]
    search_fields = ["naam", "code"]


@admin.register(Gemeente)
class GemeenteAdmin(admin.ModelAdmin):
    list_display = ["naam", "code", "regio", "beschikkingsarm", "betaling_na_startbericht"]
    list_filter = ["regio", "beschikkingsarm", "betaling_na_startbericht"]
    search_fields = ["naam", "code"]


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0
    autocomplete_fields = ["gemeente", "product"]


@admin.register(Aanbieder)
class AanbiederAdmin(admin.ModelAdmin):
    list_display = ["naam", "agb_code", "is_gi"]
    list_filter = ["is_gi"]
    search_fields = ["naam", "agb_code"]
    filter_horizontal = ["onderaannemers"]
    inlines = [ContractInline]


@admin.register(Consortium)
class ConsortiumAdmin(admin.ModelAdmin):
    list_display = ["naam", "penvoerder"]
    search_fields = ["naam", "penvoerder__naam"]
    filter_horizontal = ["leden"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["aanbieder", "gemeente", "product", "tarief", "ingangsdatum", "einddatum"]
    list_filter = ["gemeente", "product__wet", "product"]
    search_fields = ["aanbieder__naam", "aanbieder__agb_code", "product__naam", "product__code"]
    autocomplete_fields = ["aanbieder", "gemeente", "product"]
    date_hierarchy = "ingangsdatum"
