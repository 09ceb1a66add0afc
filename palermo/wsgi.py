"""WSGI entry point for production servers (waitress via `palermo serve`, or any other)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "palermo.settings")
application = get_wsgi_application()
