from django.apps import AppConfig


class SimulatieConfig(AppConfig):
    name = "klantreis.simulatie"
    verbose_name = "Simulatie"
