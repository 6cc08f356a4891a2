"""Production: refuses to start without its secrets, and secure by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment for production.")
# The site's public address: every absolute link (canonical, hreflang, API, calendars,
# emails) is built from it (setup_site gives the site record its host and port).
if not os.environ.get("WAGTAILADMIN_BASE_URL"):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in the environment for production "
        "(the site's public address, such as https://safecities.example.org)."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Cookies only over HTTPS, and out of reach of scripts. The admin's scripts read the
# CSRF token from the page, not from the cookie.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
MFA_TRUST_COOKIE_SECURE = True
# Everyone who can open the admin signs in with a second factor; no switch here.
MFA_REQUIRED_FOR_EDITORS = True
