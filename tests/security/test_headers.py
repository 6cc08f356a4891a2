"""Security headers on every response, and production settings that pass Django's
deployment checks."""

import os
import secrets
import subprocess
import sys
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client

from portal.settings.base import BASE_DIR

PUBLIC_PATHS = [
    "/",
    "/cities/",
    "/practices/",
    "/search/?q=trygghet",
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/sv/",
    "/sitemap.xml",
    "/membership/apply/",
    "/no-such-page/",
]


def directives(header):
    parsed = {}
    for part in header.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_every_public_response_carries_the_security_headers(client, home, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"

    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["default-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "failing",
    [
        "cities.views.TemplateResponse",  # a view
        "portal.routing.SiteMiddleware.__call__",  # a middleware that reads the database
        "portal.request_memo.RequestMemoMiddleware.__call__",  # the outermost of the portal's own
    ],
)
def test_the_error_page_carries_the_security_headers(home, failing):
    with mock.patch(failing, side_effect=RuntimeError("the database is gone")):
        response = Client(raise_request_exception=False).get("/membership/apply/")

    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_the_admin_has_its_own_policy_that_still_refuses_plugins_and_other_origins_forms(
    staff,
):
    from tests.conftest import logged_in

    response = logged_in(staff).get("/admin/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_public_pages_have_no_inline_script(client, home):
    """The strict policy only holds if no template relies on inline script."""
    for path in ["/", "/cities/", "/practices/", "/accounts/login/", "/membership/apply/"]:
        html = client.get(path).content.decode()
        for chunk in html.split("<script")[1:]:
            tag = chunk.split(">", 1)[0]
            assert "src=" in tag or 'type="application/json"' in tag or "ld+json" in tag, (
                f"inline script on {path}: <script{tag}>"
            )
        assert " onclick=" not in html and " onload=" not in html


def run_manage(*args, **env):
    # The browser tests allow the ORM in Playwright's event loop; production never does.
    inherited = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in inherited}
    environment.update(env)
    return subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=BASE_DIR,
        check=False,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "portal.example.org",
    "WAGTAILADMIN_BASE_URL": "https://portal.example.org",
}


def test_production_settings_pass_the_deployment_checks_with_no_warning():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_enforces_the_second_factor_and_secure_cookies():
    code = (
        "from django.conf import settings as s; "
        "print(s.MFA_REQUIRED_FOR_EDITORS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
        "s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SECURE, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.DEBUG)"
    )
    result = run_manage("shell", "-c", code, **PRODUCTION, MFA_REQUIRED_FOR_EDITORS="false")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == ["True"] * 7 + ["False"]


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_the_tests_run_with_the_second_factor_required():
    assert settings.MFA_REQUIRED_FOR_EDITORS is True
