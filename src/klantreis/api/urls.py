from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import views, views_declaraties

app_name = "api"

router = SimpleRouter()
router.register("clients", views.ClientViewSet, basename="client")
router.register("trajecten", views.TrajectViewSet, basename="traject")
router.register("documenten", views.DocumentViewSet, basename="document")
router.register("termijnen", views.TermijnViewSet, basename="termijn")
router.register("toewijzingen", views.ToewijzingViewSet, basename="toewijzing")
router.register("verzoeken", views.VerzoekViewSet, basename="verzoek")
router.register("berichten", views.BerichtViewSet, basename="bericht")
router.register("declaraties", views_declaraties.DeclaratieViewSet, basename="declaratie")
router.register("prestaties", views_declaraties.PrestatieViewSet, basename="prestatie")

urlpatterns = [path("", include(router.urls))]
