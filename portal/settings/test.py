"""The test suite: fast hashing, in-memory email, and no manifest for static files."""

from .base import *

SECRET_KEY = "test-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
MEDIA_ROOT = BASE_DIR / "test-results" / "media"
STORAGES["private"]["OPTIONS"]["location"] = BASE_DIR / "test-results" / "private-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the apps, as in development: the tests never collect them.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Wagtail runs its search-index and reference-index tasks immediately; one log line per
# task drowns the test output.
LOGGING["loggers"] = {"django_tasks": {"level": "WARNING"}}
# Persistent connections would outlive the live server's threads and keep PostgreSQL
# from dropping the test database at the end of the run.
DATABASES["default"]["CONN_MAX_AGE"] = 0
