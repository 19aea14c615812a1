"""Settings shared by every environment. Every environment variable is read here and
documented in docs/configuration.md; per-environment modules only change defaults."""

import os
from pathlib import Path

import dj_database_url

SRC_DIR = Path(__file__).resolve().parent.parent  # src/klantreis
PROJECT_DIR = SRC_DIR.parent.parent  # the checkout
VAR_DIR = Path(os.environ.get("KLANTREIS_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def afgeleide_sleutel(secret_key: str) -> str:
    """A Fernet key derived from SECRET_KEY, for dev and test only: production sets its own
    KLANTREIS_TWEESTAPS_SLEUTELS, so a leaked SECRET_KEY does not also open the second factor."""
    import base64
    import hashlib

    digest = hashlib.sha256(b"klantreis-tweestaps:" + secret_key.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # django-otp's framework only: its otp_totp and otp_static plugins keep the secrets in
    # plain text; accounts has its own devices instead (decision 0011)
    "django_otp",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "klantreis.accounts",
    "klantreis.audit",
    "klantreis.toegang",
    "klantreis.organisaties",
    "klantreis.producten",
    "klantreis.clients",
    "klantreis.documenten",
    "klantreis.termijnen",
    "klantreis.routes",
    "klantreis.berichten",
    "klantreis.toewijzingen",
    "klantreis.declaraties",
    "klantreis.simulatie",
    "klantreis.portal",
    "klantreis.api",
    "klantreis.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "klantreis.accounts.tweestaps.TweestapsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "klantreis.urls"
WSGI_APPLICATION = "klantreis.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'klantreis.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL: readers do not block the writer (portal and worker on one file), and a commit
    # appends to the log instead of copying pages to a rollback journal. synchronous=NORMAL
    # is the setting SQLite recommends with WAL: no fsync per commit, only at checkpoints; a
    # power cut may lose the last commits, never corrupts the file. A received 323 of 23 MB
    # is written at receipt and its row updated twice while processed: with the default
    # (rollback journal, fsync per commit) that waited on the disk for seconds per file
    # (docs/decisions/0006-snelle-323.md). Documented in docs/configuration.md.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"

# Two-factor login (accounts/tweestaps.py, docs/decisions/0008-tweestapsverificatie.md).
# "verplicht": every user without a confirmed device is sent to enrolment before anything
# else; "optioneel": a user WITH a confirmed device is always asked for the code. Production
# keeps the strict default; dev and test choose "optioneel".
KLANTREIS_TWEESTAPS = os.environ.get("KLANTREIS_TWEESTAPS", "verplicht").strip().lower()
OTP_TOTP_ISSUER = os.environ.get("KLANTREIS_TWEESTAPS_UITGEVER", "klantreis")
# The keys that encrypt the TOTP keys and key the backup codes' hashes (accounts/geheimen.py,
# decision 0011). Never in the database: comma-separated Fernet keys, the first one encrypts and
# every one decrypts (rotation). Required in production; dev and test derive one from SECRET_KEY.
KLANTREIS_TWEESTAPS_SLEUTELS = env_list("KLANTREIS_TWEESTAPS_SLEUTELS", [])
LOGIN_REDIRECT_URL = "portal:werkvoorraad"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"

# NL Design System: the Utrecht component CSS, the "voorbeeld" theme's design tokens and the
# fonts that theme names, installed from frontend/package-lock.json by scripts/bootstrap.sh
# (npm ci). Served straight from node_modules under static/nlds/… (runserver and WhiteNoise
# find them; collectstatic copies them), so an upgrade is a change of the lock file only.
# docs/decisions/0009-nl-design-system-en-browsertests.md explains the choice.
FRONTEND_NODE_MODULES = Path(
    os.environ.get("KLANTREIS_NODE_MODULES", PROJECT_DIR / "frontend" / "node_modules")
)
STATICFILES_DIRS = [
    ("nlds/utrecht", FRONTEND_NODE_MODULES / "@utrecht" / "component-library-css" / "dist"),
    (
        "nlds/thema",
        FRONTEND_NODE_MODULES / "@nl-design-system-unstable" / "voorbeeld-design-tokens" / "dist",
    ),
    ("nlds/fonts/noto-sans", FRONTEND_NODE_MODULES / "@fontsource" / "noto-sans"),
    ("nlds/fonts/noto-serif", FRONTEND_NODE_MODULES / "@fontsource" / "noto-serif"),
]

# Route definitions: the files shipped with klantreis, plus any directories a gemeente adds.
# Changing a route is editing (or adding) a file here; no code changes.
KLANTREIS_ROUTE_DIRS = [SRC_DIR / "routes" / "definities"] + [
    Path(p) for p in env_list("KLANTREIS_ROUTE_DIRS", [])
]

# One cache for every process: the failed-login limit counts here, so a production deployment
# with several processes sets CACHE_URL (redis://…); without it each process counts alone.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "memory://localhost")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "termijnen-signaleren": {
        "task": "termijnen.signaleer_verlopen",
        "schedule": 24 * 60 * 60,  # daily; run `celery -A klantreis.celery beat` beside a worker
    },
    # The exchange: pick up what a crash or a lost task left behind, retry due deliveries.
    "berichten-achterstand": {"task": "berichten.verwerk_achterstand", "schedule": 60},
    # Poll the transport (directory, VECOZO …) for the parties in KLANTREIS_TRANSPORT.
    "berichten-ophalen": {"task": "berichten.haal_op", "schedule": 60},
    # The CAK notices still waiting (start/stop eigen bijdrage), one delivery per gemeente.
    "cak-exporteren": {"task": "toewijzingen.cak_exporteren", "schedule": 24 * 60 * 60},
}

# The CAK channel (toewijzingen/cak.py): "csv" writes one file per gemeente and delivery.
KLANTREIS_CAK = {
    "kanaal": "csv",
    "opties": {"map": os.environ.get("KLANTREIS_CAK_MAP", str(VAR_DIR / "cak"))},
}

# The exchange's transport plugin (berichten/transports) and its options; "eigenaren" are the
# parties (gemeentecode or AGB) this installation receives for when polling.
KLANTREIS_TRANSPORT = {
    "plugin": os.environ.get("KLANTREIS_TRANSPORT", "directory"),
    "opties": {"map": os.environ.get("KLANTREIS_BERICHTEN_MAP", str(VAR_DIR / "berichten"))},
    "eigenaren": env_list("KLANTREIS_EIGENAREN", []),
}
KLANTREIS_BERICHTEN = {
    # delivery attempts before an outbound message is marked mislukt (an admin can retry)
    "max_pogingen": int(os.environ.get("KLANTREIS_BEZORG_MAX_POGINGEN", "10")),
    "wachttijd": 60,  # seconds before the second attempt; doubles per attempt (max 6 h)
    # seconds after which a message in_verwerking counts as left by a killed worker
    "vastgelopen_na": 15 * 60,
}


def env_json(name: str, default):
    """A JSON value from the environment (the peer map); invalid JSON stops the start-up."""
    import json

    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        return json.loads(value)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{name} is geen geldige JSON: {exc}") from None


# Inbound channels (berichten/inkomend.py, docs/security.md "Inkomende kanalen"): who may
# POST to /ggk/ and what it may send as. Empty peers: every request is refused (quarantine).
KLANTREIS_INKOMEND = {
    # certificate identity (subject DN or sha256 fingerprint) -> party codes, or a dict with
    # "partijen", "naam", "max_per_minuut", "max_mb_per_uur", "max_bericht"; "*" = any party
    "peers": env_json("KLANTREIS_INKOMEND_PEERS", {}),
    # the header in which the TLS terminator passes the verified client certificate's subject,
    # fingerprint or (URL-encoded) PEM; empty: no header is trusted
    "cert_header": os.environ.get("KLANTREIS_INKOMEND_CERT_HEADER", ""),
    # optional: the header that must say SUCCESS (nginx $ssl_client_verify)
    "cert_verify_header": os.environ.get("KLANTREIS_INKOMEND_VERIFY_HEADER", ""),
    "max_per_minuut": int(os.environ.get("KLANTREIS_INKOMEND_MAX_PER_MINUUT", "120")),
    "max_mb_per_uur": int(os.environ.get("KLANTREIS_INKOMEND_MAX_MB_PER_UUR", "2000")),
    "anoniem_per_minuut": int(os.environ.get("KLANTREIS_INKOMEND_ANONIEM_PER_MINUUT", "10")),
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "klantreis@localhost")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # a token for systems, the portal's session for a person trying the API in the browser
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "klantreis.api.paginering.Paginering",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "klantreis.api.fouten.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "klantreis API",
    "DESCRIPTION": (
        "De klantreis in het sociaal domein: cliënten, trajecten (met overgangen als acties), "
        "documenten, termijnen, toewijzingen, verzoeken en berichten. Elke gebruiker ziet "
        "precies wat hij in het portaal ziet."
    ),
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # no CDN: the Swagger UI is served from drf-spectacular-sidecar's static files
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "klantreis.api.schema.integer_bereik_van_postgresql",
    ],
    # one stable name per choice set, so the committed openapi.yaml does not depend on the
    # order in which drf-spectacular meets them
    "ENUM_NAME_OVERRIDES": {
        "RolEnum": "klantreis.accounts.models.Rol.choices",
        "TrajectStatusEnum": "klantreis.routes.models.TrajectStatus.choices",
        "GebeurtenisSoortEnum": "klantreis.routes.models.GebeurtenisSoort.choices",
        "DocumentSoortEnum": "klantreis.documenten.models.DocumentSoort.choices",
        "DocumentStatusEnum": "klantreis.documenten.models.DocumentStatus.choices",
        "TermijnStatusEnum": "klantreis.termijnen.models.TermijnStatus.choices",
        "ZorgMeldingSoortEnum": "klantreis.toewijzingen.models.MeldingSoort.choices",
        "VerzoekSoortEnum": "klantreis.toewijzingen.models.VerzoekSoort.choices",
        "VerzoekStatusEnum": "klantreis.toewijzingen.models.VerzoekStatus.choices",
        "BerichtStatusEnum": "klantreis.berichten.workflow.Status.choices",
        "SoortVertegenwoordigerEnum": "klantreis.clients.models.SoortVertegenwoordiger.choices",
        "GeslachtEnum": "klantreis.clients.models.Geslacht.choices",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # "Task … succeeded in 0.002s" for every eager task buried the demo's output; a worker
    # still reports failures (WARNING and up), and LOG_LEVEL_TAKEN=INFO brings them back.
    "loggers": {
        "celery.app.trace": {"level": os.environ.get("LOG_LEVEL_TAKEN", "WARNING")},
    },
}
