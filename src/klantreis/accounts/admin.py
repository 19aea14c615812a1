from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin

from . import tweestaps
from .inloggen import BeheerInlogForm
from .models import Roltoewijzing, User

admin.site.login_form = BeheerInlogForm


class RoltoewijzingInline(admin.TabularInline):
    model = Roltoewijzing
    extra = 1
    autocomplete_fields = ["gemeente", "aanbieder"]


@admin.register(User)
class KlantreisUserAdmin(UserAdmin):
    """Users with their roles: what a user may do in klantreis comes from the roltoewijzingen."""

    inlines = [RoltoewijzingInline]
    actions = ["herstel_tweestaps"]
    list_display = ["username", "first_name", "last_name", "email", "rollen_kort", "is_active"]
    list_filter = ["is_active", "is_staff", "roltoewijzingen__rol", "roltoewijzingen__gemeente"]

    @admin.display(description="rollen")
    def rollen_kort(self, obj):
        return ", ".join(sorted({t.get_rol_display() for t in obj.roltoewijzingen.all()}))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roltoewijzingen")

    @admin.action(description="Tweestapsverificatie herstellen (app en reservecodes vervallen)")
    def herstel_tweestaps(self, request, queryset):
        """The same reset as functioneel beheer's page, for whoever may change users here;
        each user's history records it (``tweestaps.herstel``)."""
        for user in queryset:
            tweestaps.herstel(user, door=request.user)
        self.message_user(
            request,
            f"Tweestapsverificatie hersteld voor {queryset.count()} gebruiker(s).",
            messages.SUCCESS,
        )


@admin.register(Roltoewijzing)
class RoltoewijzingAdmin(admin.ModelAdmin):
    list_display = ["user", "rol", "gemeente", "aanbieder"]
    list_filter = ["rol", "gemeente"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "aanbieder__naam"]
    autocomplete_fields = ["user", "gemeente", "aanbieder"]
