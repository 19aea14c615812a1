from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("trajecten/", views.trajecten, name="trajecten"),
    path("trajecten/nieuw/", views.nieuw_traject, name="nieuw_traject"),
    path("trajecten/<int:pk>/", views.traject, name="traject"),
    path("trajecten/<int:pk>/actie/", views.actie, name="actie"),
    path("trajecten/<int:pk>/aanbieder/", views.aanbieder_kiezen, name="aanbieder_kiezen"),
    path("trajecten/<int:pk>/documenten/<str:soort>/", views.document, name="document"),
    path(
        "trajecten/<int:pk>/documenten/<int:document_pk>/vaststellen/",
        views.vaststellen,
        name="vaststellen",
    ),
    path(
        "trajecten/<int:pk>/documenten/<int:document_pk>/akkoord/",
        views.akkoord,
        name="akkoord",
    ),
]
