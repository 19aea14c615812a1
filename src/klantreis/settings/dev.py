"""The embedded default: SQLite, DEBUG, eager Celery. For the demo and development only."""

import os

from .base import *  # noqa: F403
from .base import KLANTREIS_TWEESTAPS_SLEUTELS, STATIC_ROOT, VAR_DIR, afgeleide_sleutel, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-do-not-use-in-production"
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", True)
VAR_DIR.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from here after collectstatic

KLANTREIS_TWEESTAPS = os.environ.get("KLANTREIS_TWEESTAPS", "optioneel").strip().lower()
KLANTREIS_TWEESTAPS_SLEUTELS = KLANTREIS_TWEESTAPS_SLEUTELS or [afgeleide_sleutel(SECRET_KEY)]

# The demo trusts a header a developer can set with curl (docs/transports.md): never do this
# where the header can reach Django from outside a TLS terminator that sets it.
KLANTREIS_INKOMEND = {
    **KLANTREIS_INKOMEND,  # noqa: F405
    "cert_header": KLANTREIS_INKOMEND["cert_header"] or "X-SSL-Client-S-DN",  # noqa: F405
    "peers": KLANTREIS_INKOMEND["peers"]  # noqa: F405
    or {"CN=ggk.demo.klantreis.nl,O=VNG Realisatie": {"naam": "GGk (demo)", "partijen": ["*"]}},
}
