"""Django settings for Palermo, read from environment variables (see docs/administrators.md).

Defaults are safe for production: debug is off, cookies are secure when TLS is declared, and
a missing SECRET_KEY is an error unless PALERMO_DEBUG turns on the local development mode.
"""

from __future__ import annotations

import sys
from pathlib import Path

from palermo.config import (
    ConfigurationError,
    read_bool,
    read_choice,
    read_database,
    read_int,
    read_list,
    read_str,
)

PACKAGE_DIR = Path(__file__).resolve().parent


def _fail(error: ConfigurationError) -> None:
    sys.stderr.write(f"Palermo cannot start: {error}\n")
    raise SystemExit(2)


try:
    DEBUG = read_bool("PALERMO_DEBUG", False)
    DEMO_MODE = read_bool("PALERMO_DEMO", False)
    DATA_DIR = Path(read_str("PALERMO_DATA_DIR", str(Path.cwd() / "var"))).resolve()
    SECRET_KEY = read_str("SECRET_KEY", "")
    if not SECRET_KEY:
        if not DEBUG:
            raise ConfigurationError(
                "SECRET_KEY must be set to a long random string (or set PALERMO_DEBUG=true "
                "for a local development instance)."
            )
        SECRET_KEY = "insecure-development-key-only-for-palermo-debug-mode"  # noqa: S105
    ALLOWED_HOSTS = read_list(
        "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else ["localhost"]
    )
    CSRF_TRUSTED_ORIGINS = read_list("CSRF_TRUSTED_ORIGINS", [])
    DATABASES = {"default": read_database("DATABASE_URL", DATA_DIR / "palermo.sqlite3")}
    BEHIND_TLS = read_bool("PALERMO_TLS", not DEBUG)
    EMAIL_HOST = read_str("EMAIL_HOST", "")
    EMAIL_PORT = read_int("EMAIL_PORT", 587, minimum=1)
    EMAIL_HOST_USER = read_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = read_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = read_bool("EMAIL_USE_TLS", True)
    DEFAULT_FROM_EMAIL = read_str("DEFAULT_FROM_EMAIL", "palermo@localhost")
    EMAIL_BACKEND_CHOICE = read_choice(
        "PALERMO_EMAIL_BACKEND", "smtp" if EMAIL_HOST else "console", ["smtp", "console", "file"]
    )
    MEDIA_ROOT = Path(read_str("PALERMO_MEDIA_DIR", str(DATA_DIR / "media"))).resolve()
    STATIC_ROOT = Path(read_str("PALERMO_STATIC_DIR", str(DATA_DIR / "static"))).resolve()
    REDIS_URL = read_str("REDIS_URL", "")
    MAX_UPLOAD_MB = read_int("PALERMO_MAX_UPLOAD_MB", 25, minimum=1)
    TASKS_IMMEDIATE = read_bool("PALERMO_TASKS_IMMEDIATE", False)
except ConfigurationError as error:
    _fail(error)

# The embedded database and uploads live in the data directory; make it on first start.
DATA_DIR.mkdir(parents=True, exist_ok=True)
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "modeltranslation",  # must precede django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Before allauth, so that Palermo's templates for allauth's pages take precedence.
    "palermo.accounts",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "simple_history",
    "django_htmx",
    "ninja",  # serves the API docs page's assets itself, not from a CDN
    "django_tasks",
    "django_tasks_db",
    "palermo.core",
    "palermo.core.search",
    "palermo.core.documents",
    "palermo.reference",
    "palermo.knowledge",
    "palermo.directory",
    "palermo.writer",
    "palermo.cases",
    "palermo.review",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "palermo.core.middleware.RejectNulCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "palermo.accounts.middleware.RequireMfaMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "palermo.urls"
WSGI_APPLICATION = "palermo.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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
                "django.template.context_processors.i18n",
                "palermo.core.context_processors.palermo",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
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

# Languages: the six official languages of the United Nations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
LOCALE_PATHS: list[Path] = []  # each app keeps its own catalogue in <app>/locale
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(LANGUAGE_CODES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or "pytest" in sys.modules
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Sessions and cookies.
SESSION_COOKIE_AGE = 60 * 60 * 8  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the cookie-less meta tag instead
SESSION_COOKIE_SECURE = BEHIND_TLS
CSRF_COOKIE_SECURE = BEHIND_TLS
SECURE_SSL_REDIRECT = False  # TLS ends at the reverse proxy; it redirects
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_TLS else None
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if BEHIND_TLS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = BEHIND_TLS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# E-mail.
EMAIL_BACKEND = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
}[EMAIL_BACKEND_CHOICE]
EMAIL_FILE_PATH = DATA_DIR / "mail"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Cache: Redis when configured (several app servers), local memory otherwise.
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks: kept in the database, run by `palermo worker` (started by `palermo serve`).
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if TASKS_IMMEDIATE
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

# Accounts: allauth with e-mail login, mandatory verification and MFA.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_ADAPTER = "palermo.accounts.adapters.PalermoAccountAdapter"
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Palermo"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_PASSKEY_LOGIN_ENABLED = False

# Login throttling (django-axes): lock an account and address pair after 5 failures for 30 min.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
# allauth authenticates with email=..., which axes would not find by itself.
AXES_USERNAME_CALLABLE = "palermo.accounts.throttling.login_username"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = read_bool("PALERMO_LOGIN_THROTTLING", True)

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"palermo": {"level": "INFO"}},
}

# Demo instances only (PALERMO_DEMO with PALERMO_DEBUG): demo users confirm sign-in with the
# documented code 000000 instead of an authenticator app. allauth refuses this without DEBUG.
if DEMO_MODE and DEBUG:
    MFA_TOTP_INSECURE_BYPASS_CODE = "000000"
