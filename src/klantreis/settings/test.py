"""Settings for the test suite. DATABASE_URL picks SQLite (default) or PostgreSQL."""

import tempfile

from .base import *  # noqa: F403

SECRET_KEY = "test-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
# Static files come from the app directories in tests; WhiteNoise is for served deployments.
MIDDLEWARE = [m for m in MIDDLEWARE if "whitenoise" not in m]  # noqa: F405

# Messages the tests deliver go to a folder of this test run, not the checkout's var/.
KLANTREIS_TRANSPORT = {
    **KLANTREIS_TRANSPORT,  # noqa: F405
    "opties": {"map": tempfile.mkdtemp(prefix="klantreis-test-berichten-")},
}
