from django.apps import AppConfig


class RoutesConfig(AppConfig):
    name = "klantreis.routes"
    verbose_name = "Routes en trajecten"
