from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _laad_routes(sender, using="default", **kwargs):
    from .services import laad_routes

    if using == "default":
        laad_routes()


class RoutesConfig(AppConfig):
    name = "klantreis.routes"
    verbose_name = "Routes en trajecten"

    def ready(self):
        # Route files are data: every migrate stores new versions (and refuses changed ones).
        post_migrate.connect(_laad_routes, sender=self)
