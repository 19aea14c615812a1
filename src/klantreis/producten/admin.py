from django.contrib import admin

from .models import Product, Segment


@admin.register(Segment)
class SegmentAdmin(admin.ModelAdmin):
    list_display = ["code", "naam", "wet", "hoofdsegment"]
    list_filter = ["wet", "hoofdsegment"]
    search_fields = ["code", "naam"]


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["categorie", "code", "naam", "wet", "segment", "uitvoeringsvariant", "eenheid"]
    list_filter = ["wet", "uitvoeringsvariant", "eenheid", "segment"]
    search_fields = ["code", "naam", "categorie"]
