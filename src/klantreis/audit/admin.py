from django.contrib import admin

from .models import Inzage


@admin.register(Inzage)
class InzageAdmin(admin.ModelAdmin):
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
    ]
    list_filter = ["via", "model", ("op", admin.DateFieldListFilter), "user"]
    search_fields = ["client_bsn", "user__username", "reden", "toelichting", "pad"]
    date_hierarchy = "op"
    list_select_related = ["user"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
