from django.apps import AppConfig


class DeclaratiesConfig(AppConfig):
    name = "klantreis.declaraties"
    verbose_name = "Declaraties"

    def ready(self):
        from . import (
            afhandeling,  # noqa: F401  (registers the 323 handler)
            betaling,  # noqa: F401  (releases held payments when a 305 arrives)
        )
