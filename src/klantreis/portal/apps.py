from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "klantreis.portal"
    verbose_name = "Portaal"
