from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "klantreis.clients"
    verbose_name = "Cliënten"
