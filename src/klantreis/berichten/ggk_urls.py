from django.urls import path

from . import ggk_views

app_name = "ggk"
urlpatterns = [
    path("", ggk_views.ontvang, name="ontvang"),
]
