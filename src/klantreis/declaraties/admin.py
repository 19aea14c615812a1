from django.contrib import admin

from .models import Betaalopdracht


@admin.register(Betaalopdracht)
class BetaalopdrachtAdmin(admin.ModelAdmin):
    """Read-only: runs change only through ``declaraties.betaalopdracht`` (the portal's
    /betaalopdrachten/ or ``klantreis declaraties``), never by editing a row."""

    list_display = ["kenmerk", "gemeente", "status", "aantal", "totaal", "aangemaakt_op"]
    list_filter = ["status", "gemeente"]
    search_fields = ["kenmerk"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
