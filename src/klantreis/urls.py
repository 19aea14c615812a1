from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from klantreis.accounts import views as accounts
from klantreis.accounts.inloggen import InlogForm

urlpatterns = [
    path("admin/", admin.site.urls),
    path("inloggen/", auth_views.LoginView.as_view(authentication_form=InlogForm), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("inloggen/code/", accounts.code, name="tweestaps_code"),
    path("inloggen/tweestaps/", accounts.instellen, name="tweestaps_instellen"),
    path("tweestaps/beheer/", accounts.beheer, name="tweestaps_beheer"),
    path("ggk/", include("klantreis.berichten.ggk_urls")),
    path("api/v1/", include("klantreis.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("", include("klantreis.portal.urls")),
]
