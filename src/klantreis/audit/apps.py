from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "klantreis.audit"
    verbose_name = "Inzage (audit)"
