from django.contrib import admin
from django.db.models import F
from django.utils import timezone

from klantreis.beheer import AlleenLezen

from .models import Termijn, TermijnBeleid, TermijnStatus


class StatusFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return TermijnStatus.choices

    def queryset(self, request, queryset):
        vandaag = timezone.localdate()
        waarde = self.value()
        if waarde == TermijnStatus.OPEN:
            return queryset.lopend().filter(einddatum__gte=vandaag)
        if waarde == TermijnStatus.VERLOPEN:
            return queryset.verlopen(vandaag)
        if waarde == TermijnStatus.VERVALLEN:
            return queryset.filter(vervallen=True)
        if waarde == TermijnStatus.GEHAALD:
            return queryset.filter(vervallen=False, voldaan_op__lte=F("einddatum"))
        if waarde == TermijnStatus.TE_LAAT:
            return queryset.filter(vervallen=False, voldaan_op__gt=F("einddatum"))
        return queryset


@admin.register(Termijn)
class TermijnAdmin(AlleenLezen, admin.ModelAdmin):
    """Termijnen are made and met by the engine; here they can be read and searched."""

    list_display = ["naam", "traject", "startdatum", "einddatum", "status_nl", "voldaan_op"]
    list_filter = [StatusFilter, "sleutel", "traject__gemeente"]
    search_fields = ["naam", "sleutel", "traject__client__bsn", "traject__client__achternaam"]
    date_hierarchy = "einddatum"
    list_select_related = ["traject__client", "traject__route_versie"]
    readonly_fields = [f.name for f in Termijn._meta.fields]

    @admin.display(description="status")
    def status_nl(self, obj):
        return TermijnStatus(obj.status).label


@admin.register(TermijnBeleid)
class TermijnBeleidAdmin(admin.ModelAdmin):
    """A gemeente's own length for a termijn: policy data that functioneel beheer maintains."""

    list_display = ["gemeente", "route_id", "sleutel", "duur", "toelichting"]
    list_filter = ["gemeente", "route_id"]
    search_fields = ["sleutel", "route_id", "toelichting"]
