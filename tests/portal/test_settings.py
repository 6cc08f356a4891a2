"""Production settings fail loudly without their secrets rather than fall back."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_production_settings(code="", **env):
    """Start Django with the production settings and this environment in a process of
    its own, and run the code there."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE"}
    }
    environment["WAGTAILADMIN_BASE_URL"] = "https://portal.example.org"
    environment.update(env, DJANGO_SETTINGS_MODULE="portal.settings.production")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = load_production_settings(ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = load_production_settings(SECRET_KEY="s" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_refuses_to_start_without_the_site_address():
    result = load_production_settings(
        SECRET_KEY="s" * 50, ALLOWED_HOSTS="portal.example.org", WAGTAILADMIN_BASE_URL=""
    )
    assert result.returncode != 0
    assert "WAGTAILADMIN_BASE_URL must be set" in result.stderr


def test_production_starts_when_configured():
    result = load_production_settings(SECRET_KEY="s" * 50, ALLOWED_HOSTS="portal.example.org")
    assert result.returncode == 0, result.stderr
