from django.apps import AppConfig


class ToewijzingenConfig(AppConfig):
    name = "klantreis.toewijzingen"
    verbose_name = "Toewijzingen"

    def ready(self):
        from . import afhandeling  # noqa: F401  (registers the 305/307/315/317 handlers)
