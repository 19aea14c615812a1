from django.apps import AppConfig


class TermijnenConfig(AppConfig):
    name = "klantreis.termijnen"
    verbose_name = "Termijnen"
