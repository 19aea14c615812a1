"""Settings for the test suite. DATABASE_URL picks SQLite (default) or PostgreSQL."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import afgeleide_sleutel

SECRET_KEY = "test-key"
KLANTREIS_TWEESTAPS_SLEUTELS = [afgeleide_sleutel(SECRET_KEY)]
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

# Two-factor login is optional in tests: users without a device log in with their password
# (the browser tests); tests of the "verplicht" mode override the setting.
KLANTREIS_TWEESTAPS = os.environ.get("KLANTREIS_TWEESTAPS", "optioneel").strip().lower()
# django-otp's own per-device delay after a wrong code (1 s, 2 s, 4 s …) would make a test that
# enters a wrong code and then the right one wait; the failed-login limit still counts.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# The GGk tests post with this header (berichten/tests/test_ggk_view.py): the GGk may send
# for every provider; one provider has a certificate of its own, for the binding tests.
KLANTREIS_INKOMEND = {
    **KLANTREIS_INKOMEND,  # noqa: F405
    "cert_header": "X-SSL-Client-S-DN",
    "cert_verify_header": "X-SSL-Client-Verify",
    "peers": {
        "CN=ggk.test,O=VNG Realisatie": {"naam": "GGk (test)", "partijen": ["*"]},
        "CN=aanbieder.test,O=Zorg Oost": {"naam": "Zorg Oost", "partijen": ["42420001"]},
    },
}
