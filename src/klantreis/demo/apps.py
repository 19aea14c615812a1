from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "klantreis.demo"
    verbose_name = "Demodata"
