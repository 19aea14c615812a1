from django.apps import AppConfig


class DocumentenConfig(AppConfig):
    name = "klantreis.documenten"
    verbose_name = "Documenten"
