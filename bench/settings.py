# ruff: noqa: F403, F405
"""Production settings for the benchmark (``make bench``): everything production has,
on a local PostgreSQL database of the benchmark's own, served over plain HTTP on
127.0.0.1, with the ceiling view beside the portal's URLs.

``bench/run.py`` sets ``REDIS_URL`` and ``PAGE_CACHE_SECONDS`` (0 or 600), so that the
same data is measured uncached and with the anonymous page cache (``portal.page_cache``).
"""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
os.environ.setdefault(
    "DATABASE_URL",
    os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/bench_10000"),
)

from portal.settings.production import *

ROOT_URLCONF = "bench.urls"
# The benchmark talks plain HTTP to 127.0.0.1; production sits behind TLS.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

BENCH_DIR = BASE_DIR / "bench" / "var"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BENCH_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BENCH_DIR / "media"))

# One line per request or task would cost more than some pages.
LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "WARNING")

# Others' work in progress may name a static file not written yet; measure anyway.
STORAGES["staticfiles"] = {"BACKEND": "bench.storage.LenientManifestStorage"}
