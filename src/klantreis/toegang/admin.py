"""Functioneel beheer's report of every break-the-glass (who, which traject, why, when)."""

from django.contrib import admin

from klantreis.beheer import AlleenLezen

from .models import Doorbraak


@admin.register(Doorbraak)
class DoorbraakAdmin(AlleenLezen, admin.ModelAdmin):
    list_display = ("op", "user", "traject", "reden", "tot")
    list_filter = ("op",)
    search_fields = ("user__username", "reden", "traject__client__bsn")
    date_hierarchy = "op"
    list_select_related = ("user", "traject")
