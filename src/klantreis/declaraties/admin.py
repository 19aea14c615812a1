from django.contrib import admin

from klantreis.beheer import AlleenLezen

from .models import Betaalopdracht


@admin.register(Betaalopdracht)
class BetaalopdrachtAdmin(AlleenLezen, admin.ModelAdmin):
    """Read-only: runs change only through ``declaraties.betaalopdracht`` (the portal's
    /betaalopdrachten/ or ``klantreis declaraties``), never by editing a row."""

    list_display = ["kenmerk", "gemeente", "status", "aantal", "totaal", "aangemaakt_op"]
    list_filter = ["status", "gemeente"]
    search_fields = ["kenmerk"]
