from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "klantreis.api"
    label = "api"
    verbose_name = "API"
