from django.apps import AppConfig


class ToegangConfig(AppConfig):
    """Who may see what: the access policy above the domain (decision 0016). Portal, API and
    audit ask it; no domain context imports it."""

    name = "klantreis.toegang"
    verbose_name = "Toegang tot gegevens"
