from django.urls import path

from . import (
    views,
    views_berichten,
    views_cak,
    views_clienten,
    views_declaraties,
    views_doorbraak,
    views_toewijzingen,
)

app_name = "portal"
urlpatterns = [
    path("", views.werkvoorraad, name="werkvoorraad"),
    path("trajecten/", views.trajecten, name="trajecten"),
    path("trajecten/nieuw/", views.nieuw_traject, name="nieuw_traject"),
    path("trajecten/<int:pk>/", views.traject, name="traject"),
    path("trajecten/<int:pk>/doorbreken/", views_doorbraak.doorbreken, name="doorbreken"),
    path("clienten/<int:pk>/adres/", views_clienten.client_adres, name="client_adres"),
    path("trajecten/<int:pk>/toestemming/", views_clienten.toestemming, name="toestemming"),
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
    # declaraties and payment (issue 5 points 4–5), messages (issue 6)
    path("declaraties/", views_declaraties.declaraties, name="declaraties"),
    path(
        "declaraties/aanbieders/<int:pk>/",
        views_declaraties.declaraties_aanbieder,
        name="declaraties_aanbieder",
    ),
    path("declaraties/prestaties/<int:pk>/", views_declaraties.prestatie, name="prestatie"),
    path("betaalopdrachten/", views_declaraties.betaalopdrachten, name="betaalopdrachten"),
    path("betaalopdrachten/<int:pk>/", views_declaraties.betaalopdracht, name="betaalopdracht"),
    path(
        "betaalopdrachten/<int:pk>/<str:formaat>/",
        views_declaraties.betaalopdracht_bestand,
        name="betaalopdracht_bestand",
    ),
    path("berichten/", views_berichten.berichten, name="berichten"),
    path("berichten/<int:pk>/", views_berichten.bericht, name="bericht"),
    path("berichten/<int:pk>/xml/", views_berichten.bericht_xml, name="bericht_xml"),
    # the back office: toewijzingen (301) and verzoeken (315/317)
    path(
        "trajecten/<int:pk>/toewijzing/",
        views_toewijzingen.toewijzing_nieuw,
        name="toewijzing_nieuw",
    ),
    path("toewijzingen/<int:pk>/", views_toewijzingen.toewijzing, name="toewijzing"),
    path("verzoeken/", views_toewijzingen.verzoeken, name="verzoeken"),
    path("verzoeken/<int:pk>/", views_toewijzingen.verzoek, name="verzoek"),
    # the CAK notices (start/stop eigen bijdrage) of the back office's gemeenten
    path("cak/", views_cak.cak_meldingen, name="cak"),
    path("cak/<int:pk>/bestand/", views_cak.cak_bestand, name="cak_bestand"),
]
