import os
import subprocess
import sys

from cryptography.fernet import Fernet

# production refuses to start without the second factor's keys (decision 0011)
SLEUTEL = Fernet.generate_key().decode()


def _run_production_settings(env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    env["KLANTREIS_TWEESTAPS_SLEUTELS"] = SLEUTEL
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "-c", "import klantreis.settings.production"],
        capture_output=True,
        text=True,
        env=env,
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = _run_production_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY ontbreekt" in result.stderr


def test_production_settings_start_with_secret_key():
    result = _run_production_settings({"SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr


def test_cache_url_kiest_een_gedeelde_redis_cache():
    import os
    import subprocess
    import sys

    code = (
        "import klantreis.settings.production as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['default'].get('LOCATION'))"
    )
    env = {
        **os.environ,
        "SECRET_KEY": "x" * 50,
        "KLANTREIS_TWEESTAPS_SLEUTELS": SLEUTEL,
        "CACHE_URL": "redis://127.0.0.1:6379/1",
    }
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert uit.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/1",
    ], uit.stderr


def test_tweestaps_is_verplicht_in_productie_en_optioneel_in_dev():
    """Production sends a user without an authenticator app to enrolment; the demo and the
    tests (and the browser tests' password login) do not. KLANTREIS_TWEESTAPS overrides."""
    env = {k: v for k, v in os.environ.items() if k != "KLANTREIS_TWEESTAPS"}
    env["SECRET_KEY"] = "x" * 50
    env["KLANTREIS_TWEESTAPS_SLEUTELS"] = SLEUTEL

    def modus(module: str, **extra) -> str:
        code = f"import klantreis.settings.{module} as s; print(s.KLANTREIS_TWEESTAPS)"
        uit = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env={**env, **extra}
        )
        return uit.stdout.strip() or uit.stderr

    assert modus("production") == "verplicht"
    assert modus("dev") == "optioneel"
    assert modus("test") == "optioneel"
    assert modus("production", KLANTREIS_TWEESTAPS="optioneel") == "optioneel"
