"""Settings for the test suite: the production settings with test-only defaults.

DATABASE_URL still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-that-is-long-enough-0123456789abcdef")
os.environ.setdefault("PALERMO_TLS", "false")
os.environ.setdefault("PALERMO_EMAIL_BACKEND", "console")

from palermo.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
