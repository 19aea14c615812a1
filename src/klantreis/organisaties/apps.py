from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "klantreis.organisaties"
    verbose_name = "Gemeenten en aanbieders"
