"""System checks of the accounts app (run by migrate, runserver and `klantreis check`)."""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from . import geheimen


@register()
def tweestaps_sleutels(app_configs, **kwargs):
    """A missing or malformed KLANTREIS_TWEESTAPS_SLEUTELS is a start-up error in every
    environment, not a failure at the first login (production refuses already in its settings
    module)."""
    try:
        geheimen.controleer_sleutels(getattr(settings, geheimen.SETTING, None))
    except ImproperlyConfigured as exc:
        return [
            Error(
                str(exc),
                hint="docs/configuration.md, KLANTREIS_TWEESTAPS_SLEUTELS",
                id="accounts.E001",
            )
        ]
    return []
