from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "klantreis.accounts"
    verbose_name = "Gebruikers en rollen"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
