"""Settings shared by every environment, safe for production on their own.

Everything that differs between machines comes from the environment; where an
embedded default can serve (SQLite, local-memory cache, database search) it is
used, so that a newcomer needs nothing installed. ``production.py`` refuses to
start without the secrets.
"""

import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "cities",
    "practices",
    "events",
    "theme",
    # Above the apps: the URLs, site search, API, site setup and demo content.
    "website",
    # Page and snippet translation with change tracking; its locales app replaces
    # wagtail.locales. https://wagtail-localize.org/stable/tutorial/2-installation/
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.humanize",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that can fail (the database, the cache), so that the error
    # page of a failing middleware still says it may not be framed.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The headers SecurityMiddleware does not send (portal/security.py).
    "portal.security.SecurityHeadersMiddleware",
    # Serves compressed, far-future-cached static files without a separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache (portal/page_cache.py), answered before everything
    # below, which a stored page does not need; what those add to a response is stored
    # with it. Above everything that sets cookies, whose responses are never stored.
    "portal.page_cache.StoredPageMiddleware",
    # Content-Security-Policy: strict on the public site, relaxed in the Wagtail admin.
    "portal.security.PortalCSPMiddleware",
    # HTML compressed for the browsers that accept it; a stored page is compressed once.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # What a page looks up many times (locales, terms) is read once per request.
    "portal.request_memo.RequestMemoMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's site and home page from the site's structure (portal/routing.py).
    "portal.routing.SiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Editors without a second factor are sent to set one up before the admin opens.
    "portal.security.RequireSecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
                "portal.context_processors.fragments",
            ],
        },
    },
]

# https://github.com/jazzband/dj-database-url: one URL names engine, host and credentials.
# The embedded default is a SQLite file beside manage.py.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite allows one writer at a time. By default Django opens a transaction that reads
# first and asks for the write lock later, which SQLite refuses at once ("database is
# locked") when another connection writes meanwhile, e.g. an editor's Submit while the
# autosave runs. IMMEDIATE takes the write lock at the start, so the busy timeout applies
# and a second writer waits; WAL lets readers go on while one writes.
# https://docs.djangoproject.com/en/5.2/ref/databases/#database-is-locked-errors
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: people sign in with their email address; there are no usernames.
# https://docs.allauth.org/en/latest/account/configuration.html
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Sends admin users to their dashboard after signing in, and spares an invited editor a
# second password prompt when adding their first authenticator (portal/accounts.py).
ACCOUNT_ADAPTER = "portal.accounts.AccountAdapter"
# An invited editor chooses a password through allauth's reset link and is signed in
# with it, then goes on to set up a second factor.
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Nordic Safe Cities"
# Everyone who can open the Wagtail admin must have a second factor
# (portal.security.RequireSecondFactorMiddleware); production always enforces it.
MFA_REQUIRED_FOR_EDITORS = env_bool("MFA_REQUIRED_FOR_EDITORS", default=True)
# Emails people when their password, addresses or authenticators change.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# https://docs.allauth.org/en/latest/account/rate_limits.html: per address (ip), per
# account (key) and per signed-in person (user); counted in the cache, so shared by
# every server once REDIS_URL is set.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    # Accepted membership applications (cities.views), five an hour per address.
    "membership_application": "5/h/ip",
}
# The client's address for every rate limit, allauth's and the application form's.
# Behind a load balancer REMOTE_ADDR is the balancer's for everyone: name the header in
# which the balancer (and nothing else) puts the client's address, e.g. X-Real-IP. Only
# when every request comes through that balancer: a client could set the header itself.
# https://docs.allauth.org/en/latest/common/configuration.html
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None
# Every log-in goes through allauth, which asks for the second factor: Wagtail's own
# log-in and password pages are switched off (website/urls.py redirects them).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# A day's work; people sign in again the next morning.
SESSION_COOKIE_AGE = 60 * 60 * 12

# Security headers. Referrer-Policy, X-Content-Type-Options and Cross-Origin-Opener-Policy
# come from SecurityMiddleware; Permissions-Policy from portal.security.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
# https://django-csp.readthedocs.io/en/latest/configuration.html. No inline script on
# the public site (scripts are files in theme/static). Inline style attributes stay
# allowed: the templates colour goal and theme badges with style="--term: ...".
_CSP_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Embedded videos from the body's embed block.
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin still runs inline scripts and eval (its editors and choosers), shows
# avatars and embeds from elsewhere, and previews pages in a frame of its own.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **_CSP_COMMON,
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", "https:"],
        "frame-src": ["'self'", "https:"],
        "frame-ancestors": ["'self'"],
    }
}

# Internationalisation: the network works in English among its cities and in the
# five Nordic languages at home. Content languages match the interface languages.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("sv", "Svenska"),
    ("da", "Dansk"),
    ("nb", "Norsk bokmål"),
    ("fi", "Suomi"),
    ("is", "Íslenska"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The network's secretariat sits in Stockholm; events carry their own venue time zone.
TIME_ZONE = "Europe/Stockholm"
# Times in the admin follow one rule, the network's zone (portal.admin_display), so
# nobody picks a personal zone that the portal's own screens would contradict.
WAGTAIL_USER_TIME_ZONES = [TIME_ZONE]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files that must never be public (membership decisions) live outside MEDIA_ROOT and
# are served only through views that check permissions.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "portal.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Cache: Redis when REDIS_URL is set (shared by every application server),
# otherwise a per-process local-memory cache. django-redis rather than Django's own Redis
# backend: Django's builds a new client for every cache call, which cost a stored page
# about 0.1 ms of CPU per call (django-redis keeps one client per connection pool).
REDIS_CACHE_BACKEND = "django_redis.cache.RedisCache"
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": REDIS_CACHE_BACKEND,
            "LOCATION": REDIS_URL,
        }
    }
    # Sessions in Redis too, so that any application server can answer any visitor.
    CACHES["sessions"] = {
        "BACKEND": REDIS_CACHE_BACKEND,
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "session",
        "TIMEOUT": None,
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["default"]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "")

# Whole pages for anonymous visitors from the cache, invalidated by what each page shows
# (portal/page_cache.py). On by default only with Redis: every server must see the same
# invalidations, which a per-process memory cache cannot share. 0 switches it off.
PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600" if REDIS_URL else "0"))

# Rendered fragments of pages (the cards of practices and stories), for everyone, signed
# in or not, until any content changes (portal/context_processors.py). On by default only
# with Redis, for the same reason as the page cache. 0 switches it off.
PORTAL_FRAGMENT_CACHE_SECONDS = int(
    os.environ.get("FRAGMENT_CACHE_SECONDS", "600" if REDIS_URL else "0")
)

# The site's structure (locales, restricted sections, menu) from the cache, dropped when
# an editor changes it (portal/site_structure.py). On by default only with Redis, for the
# same reason as the page cache: a memory cache per process would not see a section made
# private through another process until its copy expired. 0 switches it off.
PORTAL_STRUCTURE_CACHE_SECONDS = int(
    os.environ.get("STRUCTURE_CACHE_SECONDS", "300" if REDIS_URL else "0")
)

# A CDN or caching proxy in front is purged for the same pages through Wagtail's
# front-end cache invalidation: an HTTP PURGE endpoint (Varnish, nginx) or CloudFront.
# https://docs.wagtail.org/en/stable/reference/contrib/frontendcache.html
if FRONTEND_CACHE_PURGE_URL := os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
elif CLOUDFRONT_DISTRIBUTION_ID := os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE = {
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": CLOUDFRONT_DISTRIBUTION_ID,
        }
    }
if "WAGTAILFRONTENDCACHE" in globals():
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Media on S3-compatible storage when a bucket is named, so that application servers
# keep no files of their own (docs/deploy.md). Credentials come from the standard
# AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables, read by boto3.
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
if AWS_STORAGE_BUCKET_NAME := os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    _S3_OPTIONS = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3_OPTIONS,
            "location": "media",
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
        },
    }
    # Membership decisions: no public address; served only through views that check
    # permissions, which read them from the bucket. No upload asks for an ACL: AWS
    # refuses any but the owner's on a bucket with ACLs disabled (its default); the
    # bucket's policy makes media/ public and leaves private/ private (docs/deploy.md).
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_S3_OPTIONS, "location": "private"},
    }

# Search: Wagtail's database backend by default (PostgreSQL full-text search in
# production, SQLite FTS5 locally); Elasticsearch 8 when ELASTICSEARCH_URL is set.
# https://docs.wagtail.org/en/stable/topics/search/backends.html
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Several portals (staging, tests) can share one cluster by prefixing their indices.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "safecities")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": ELASTICSEARCH_INDEX_PREFIX,
            "TIMEOUT": 5,
        },
        # Kept current too, so that site search can answer from the database while
        # the cluster cannot be reached (website.views.search).
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Nordic Safe Cities <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Attendees' personal data is kept this many days after an event, then deleted by
# `manage.py purge_attendees` (run daily), as data-protection rules require.
EVENT_ATTENDEE_RETENTION_DAYS = int(os.environ.get("EVENT_ATTENDEE_RETENTION_DAYS", "30"))

WAGTAIL_SITE_NAME = "Nordic Safe Cities"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILDOCS_DOCUMENT_MODEL = "portal.PortalDocument"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents are checked by their content as well as their name (portal/validators.py),
# and always pass through Wagtail's view, which sends them with
# "Content-Security-Policy: default-src 'none'" and nosniff; everything but PDF is a
# download, in a sandbox (portal.security.SecurityHeadersMiddleware).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.validators.CheckedDocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Images are decoded whole and must end where their format says (portal/content_checks.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.validators.CheckedImageForm"
# Refuses decompression bombs: no image larger than 40 megapixels is processed.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAIL_MODERATION_ENABLED = True
WAGTAILSEARCH_HITS_MAX_AGE = 30
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
