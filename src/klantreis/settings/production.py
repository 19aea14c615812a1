"""Production: DEBUG off, a secret key is required, secure cookies."""

from django.core.exceptions import ImproperlyConfigured

from klantreis.accounts.geheimen import controleer_sleutels

from .base import *  # noqa: F403
from .base import KLANTREIS_TWEESTAPS_SLEUTELS, SECRET_KEY, env_bool

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY ontbreekt: zet de omgevingsvariabele SECRET_KEY voor productie."
    )

# Without its keys no one could log in with a second factor (and a key derived from SECRET_KEY
# would fall with it): refuse to start, naming the variable (decision 0011).
controleer_sleutels(KLANTREIS_TWEESTAPS_SLEUTELS)

DEBUG = False
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
