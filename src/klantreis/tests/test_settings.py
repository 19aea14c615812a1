import os
import subprocess
import sys


def _run_production_settings(env_extra: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
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
