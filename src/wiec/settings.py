"""Wiec's one settings module. Every deployment difference comes from the environment.

The defaults run the demo: SQLite in ./var, console e-mail, local memory cache. See the
configuration table in README.md for every variable.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from wiec.env import env_bool, env_int, env_list, env_str, parse_database_url

PACKAGE_DIR = Path(__file__).resolve().parent
# In a source checkout this is the repository root; elsewhere set WIEC_VAR_DIR.
BASE_DIR = PACKAGE_DIR.parents[1]
VAR_DIR = Path(env_str("WIEC_VAR_DIR", str(BASE_DIR / "var"))).resolve()

DEBUG = env_bool("DEBUG", default=False)


def _secret_key() -> str:
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        msg = (
            "SECRET_KEY is not set. Production (DEBUG off) refuses to start without one; "
            "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
        raise ImproperlyConfigured(msg)
    # The demo and the test suite keep a generated key in a git-ignored file so that
    # sessions survive a restart without anyone having to invent a secret.
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


SECRET_KEY = _secret_key()


def _hmac_secret() -> str:
    """Key material for the HMACs of PESEL numbers (wiec.verification.keys).

    It must not live in the database: a database dump plus this key would let anyone test all
    PESEL numbers against the stored hashes. Changing it makes every stored hash unusable.
    """
    secret = env_str("WIEC_HMAC_SECRET", "")
    if secret:
        if len(secret) < 32:
            raise ImproperlyConfigured("WIEC_HMAC_SECRET must be at least 32 characters long.")
        return secret
    if not DEBUG:
        msg = (
            "WIEC_HMAC_SECRET is not set. Production (DEBUG off) refuses to start without it; "
            "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))' "
            "and keep it outside the database backups."
        )
        raise ImproperlyConfigured(msg)
    return "debug-only:" + SECRET_KEY


WIEC_HMAC_SECRET = _hmac_secret()

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS",
    default=["localhost", ".localhost", "127.0.0.1", "[::1]"] if DEBUG else [],
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

# --- applications -------------------------------------------------------------------------
INSTALLED_APPS = [
    # Wiec first, in dependency order (ARCHITECTURE.md: core <- tenants <- accounts <- ...):
    # apps listed first win for templates and translations, so Wiec's pages and wording
    # override those of the libraries (allauth's pages, Django's form widgets and messages).
    "wiec.core",
    "wiec.tenants",
    "wiec.accounts",
    "wiec.notifications",
    "wiec.moderation",
    "wiec.discussion",
    "wiec.maps",
    "wiec.verification",
    "wiec.voting",
    "wiec.polls",
    "wiec.ideas",
    "wiec.backoffice",
    "wiec.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_tasks_db",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before TenantMiddleware, so that even its "unknown address" page gets the headers.
    "wiec.tenants.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "wiec.tenants.middleware.TenantMiddleware",
    "wiec.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wiec.accounts.actors.ActorMiddleware",  # request.actor, resolved on first use
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wiec.accounts.middleware.StaffMFAMiddleware",
]

ROOT_URLCONF = "wiec.urls"
WSGI_APPLICATION = "wiec.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wiec.core.context_processors.site",
                "wiec.accounts.context_processors.membership",
            ],
        },
    },
]
FORM_RENDERER = "wiec.core.forms.FormRenderer"

# --- data ---------------------------------------------------------------------------------
DATABASES = {
    "default": parse_database_url(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'wiec.sqlite3'}"), base_dir=BASE_DIR
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits, cached polls and unread counts must be shared by every worker process: a
# per-process cache lets each worker count its own limits and show its own stale poll. So
# production needs Redis or the database cache (`wiec migrate` creates its table); the
# per-process cache is for DEBUG only.
REDIS_URL = env_str("REDIS_URL", "")
WIEC_DATABASE_CACHE = env_bool("WIEC_DATABASE_CACHE", default=False)
if REDIS_URL and WIEC_DATABASE_CACHE:
    raise ImproperlyConfigured("Set REDIS_URL or WIEC_DATABASE_CACHE, not both.")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wiec.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "wiec",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
elif WIEC_DATABASE_CACHE:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "wiec_cache",
            "KEY_PREFIX": "wiec",
            # Rate limits keep a few keys per person and address: Django's default of 300
            # entries would cull (forget) counts within minutes on a busy day.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
else:
    raise ImproperlyConfigured(
        "No shared cache. Production (DEBUG off) refuses to start with a cache of its own in "
        "each worker process (rate limits and cached polls would differ between workers): set "
        "REDIS_URL (e.g. redis://127.0.0.1:6379/0) or WIEC_DATABASE_CACHE=true."
    )

TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if env_str("TASKS_BACKEND", "immediate") == "database"
            else "django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}
if env_str("TASKS_BACKEND", "immediate") not in {"immediate", "database"}:
    raise ImproperlyConfigured("TASKS_BACKEND must be 'immediate' or 'database'.")

# --- accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
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
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:show_home"

ACCOUNT_ADAPTER = "wiec.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "wiec.accounts.forms.LoginForm",
    "signup": "wiec.accounts.forms.SignupForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# Failed log-ins are limited per IP and per address; sign-ups and mails per IP.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    # Libraries, office kiosks and mobile carriers put many people behind one address.
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Behind a reverse proxy set this to the number of proxies, so limits see the client's address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", default=0, minimum=0)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Wiec"

# --- security -----------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "wiec.core.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
    if env_bool("BEHIND_TLS_PROXY", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- e-mail -------------------------------------------------------------------------------
# Django 6.1 mailers: SMTP when EMAIL_HOST is set, else the console (the demo prints mails).
# The console writes whole mails, password-reset links and confirmation keys included, to the
# log: production (DEBUG off) refuses to start without EMAIL_HOST unless WIEC_MAIL_TO_LOG says
# that this is wanted.
_email_host = env_str("EMAIL_HOST", "")
WIEC_MAIL_TO_LOG = env_bool("WIEC_MAIL_TO_LOG", default=DEBUG)
if not _email_host and not WIEC_MAIL_TO_LOG:
    raise ImproperlyConfigured(
        "EMAIL_HOST is not set. Without it every e-mail, with its password-reset links and "
        "confirmation keys, would be written to the log; set EMAIL_HOST (the SMTP server), or "
        "WIEC_MAIL_TO_LOG=true if the log is really where mail should go."
    )
if _email_host:
    _use_tls = env_bool("EMAIL_USE_TLS", default=True)
    _use_ssl = env_bool("EMAIL_USE_SSL", default=False)
    if _use_tls and _use_ssl:
        raise ImproperlyConfigured("Set at most one of EMAIL_USE_TLS and EMAIL_USE_SSL.")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host,
                "port": env_int("EMAIL_PORT", default=465 if _use_ssl else 587, minimum=1),
                "username": env_str("EMAIL_HOST_USER", ""),
                "password": env_str("EMAIL_HOST_PASSWORD", ""),
                "use_tls": _use_tls,
                "use_ssl": _use_ssl,
                "timeout": env_int("EMAIL_TIMEOUT", default=20, minimum=1),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Wiec <no-reply@wiec.localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = env_list("ADMINS", default=[])

# --- language and time --------------------------------------------------------------------
LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", _("Polish")), ("en", _("English")), ("uk", _("Ukrainian"))]
LANGUAGE_COOKIE_NAME = "wiec_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SECURE = not DEBUG
TIME_ZONE = "Europe/Warsaw"
# 24.11.2026 in Polish rather than Django's 24-11-2026; see wiec/core/formats/__init__.py.
FORMAT_MODULE_PATH = ["wiec.core.formats"]
USE_I18N = True
USE_TZ = True

# --- static and media ---------------------------------------------------------------------
STATIC_URL = "/static/"
# collectstatic target in production; the demo (DEBUG) serves straight from the apps.
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static"))) if not DEBUG else None
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads served only through views that check access (e.g. ideas' photos); never by the proxy.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# The demo serves uploaded files itself; in production the reverse proxy serves MEDIA_ROOT.
WIEC_SERVE_MEDIA = env_bool("WIEC_SERVE_MEDIA", default=DEBUG)
# Third-party browser code comes from PyPI packages at install time, never copied in here.
STATICFILES_DIRS = [
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),
    ("vendor/leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "wiec.core.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880

# --- Wiec ---------------------------------------------------------------------------------
# Slug of the tenant that answers every host not listed as a TenantHost (single-municipality
# installs); empty means such hosts get the "unknown address" page.
WIEC_DEFAULT_TENANT = env_str("WIEC_DEFAULT_TENANT", "")
# Platform operators must use two-factor authentication in Django's admin (production default).
WIEC_OPERATOR_MFA = env_bool("WIEC_OPERATOR_MFA", default=not DEBUG)
# Delivery of one-time verification codes (wiec.verification.senders): the default e-mails
# them and never logs a text message's code; the demo's (DEBUG) writes text messages to the log.
WIEC_CODE_SENDER = env_str(
    "WIEC_CODE_SENDER",
    "wiec.verification.senders.LogSender" if DEBUG else "wiec.verification.senders.DefaultSender",
)
# How long each app process reuses a tenant looked up by host name (a change made in another
# process shows after at most this long; 0 looks it up on every request).
WIEC_TENANT_CACHE_SECONDS = env_int("WIEC_TENANT_CACHE_SECONDS", default=30, minimum=0)
# An open vote without a `wiec mix_ballots` run for this many minutes gets a warning in the
# panel and in `wiec check --deploy` (schedule the command every 5 minutes).
WIEC_MIX_BALLOTS_INTERVAL = env_int("WIEC_MIX_BALLOTS_INTERVAL", default=15, minimum=1)
# Port printed in the demo's addresses.
WIEC_DEMO_PORT = env_int("WIEC_DEMO_PORT", default=8000, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
