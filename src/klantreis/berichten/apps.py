from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "klantreis.berichten"
    verbose_name = "Berichtenverkeer"

    def ready(self):
        # Makes klantreis's Celery app the current one in every Django process, so tasks
        # sent from the web app use the configured broker (or run eagerly in the demo).
        from klantreis import celery  # noqa: F401
