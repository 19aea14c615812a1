from django.urls import include, path
from rest_framework.routers import SimpleRouter

from . import views

app_name = "api"

router = SimpleRouter()
router.register("clients", views.ClientViewSet, basename="client")
router.register("trajecten", views.TrajectViewSet, basename="traject")
router.register("documenten", views.DocumentViewSet, basename="document")
router.register("termijnen", views.TermijnViewSet, basename="termijn")
router.register("toewijzingen", views.ToewijzingViewSet, basename="toewijzing")
router.register("verzoeken", views.VerzoekViewSet, basename="verzoek")
router.register("berichten", views.BerichtViewSet, basename="bericht")

urlpatterns = [path("", include(router.urls))]
