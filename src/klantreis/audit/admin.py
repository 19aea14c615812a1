from django.contrib import admin

from klantreis.beheer import AlleenLezen

from .models import Inzage


@admin.register(Inzage)
class InzageAdmin(AlleenLezen, admin.ModelAdmin):
    """The audit log for functioneel beheer: read only, nobody edits or deletes a row."""

    list_display = [
        "op",
        "user",
        "model",
        "object_pk",
        "client_bsn",
        "aantal",
        "via",
        "reden",
        "toelichting",
        "doorbraak",
    ]
    list_filter = ["doorbraak", "via", "model", ("op", admin.DateFieldListFilter), "user"]
    search_fields = ["client_bsn", "user__username", "reden", "toelichting", "pad"]
    date_hierarchy = "op"
    list_select_related = ["user"]
