from django.contrib import admin

from klantreis.beheer import AlleenLezen

from .cak import meldingsoort
from .models import CakMelding


@admin.register(CakMelding)
class CakMeldingAdmin(AlleenLezen, admin.ModelAdmin):
    """Read-only: a notice is made by the 305/307 handler and delivered by
    ``toewijzingen.cak.exporteer`` (daily by Celery beat, the portal's /cak/ or ``klantreis cak
    exporteer``); a row edited by hand would tell the CAK something no message said."""

    list_display = [
        "pk",
        "soort_in_bestand",
        "datum",
        "gemeente",
        "aanbieder",
        "toewijzingnummer",
        "aangemaakt_op",
        "geexporteerd_op",
    ]
    list_filter = ["soort", "toewijzing__gemeente", ("geexporteerd_op", admin.EmptyFieldListFilter)]
    search_fields = ["toewijzing__client__bsn", "=toewijzing__nummer", "exportbestand"]
    list_select_related = [
        "toewijzing__gemeente",
        "toewijzing__aanbieder",
        "melding",
    ]
    date_hierarchy = "aangemaakt_op"

    @admin.display(description="melding")
    def soort_in_bestand(self, obj) -> str:
        return meldingsoort(obj)

    @admin.display(description="gemeente", ordering="toewijzing__gemeente__naam")
    def gemeente(self, obj) -> str:
        return obj.toewijzing.gemeente.naam

    @admin.display(description="aanbieder", ordering="toewijzing__aanbieder__naam")
    def aanbieder(self, obj) -> str:
        return obj.toewijzing.aanbieder.naam

    @admin.display(description="toewijzingnummer", ordering="toewijzing__nummer")
    def toewijzingnummer(self, obj) -> int:
        return obj.toewijzing.nummer
