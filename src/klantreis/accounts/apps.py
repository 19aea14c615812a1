from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "klantreis.accounts"
    verbose_name = "Gebruikers en rollen"
