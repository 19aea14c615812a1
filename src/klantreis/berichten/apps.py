from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "klantreis.berichten"
    verbose_name = "Berichtenverkeer"
