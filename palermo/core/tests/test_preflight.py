"""`palermo check` reports what must change before going live."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from palermo.core import preflight


def test_debug_weak_key_and_missing_email_are_reported(settings):
    settings.DEBUG = True
    settings.SECRET_KEY = "insecure-development-key-only-for-palermo-debug-mode"
    settings.EMAIL_HOST = ""
    ids = {
        m.id
        for m in preflight.check_debug_and_demo()
        + preflight.check_secret_key()
        + preflight.check_email()
    }
    assert {"palermo.W001", "palermo.W003", "palermo.W004"} <= ids


def test_a_strong_configuration_passes_palermo_checks(settings):
    settings.DEBUG = False
    settings.DEMO_MODE = False
    settings.SECRET_KEY = "k7Q2-vX9pLm4Rt8Zs1Wd6Yh3Nc5Bf0Gj2Kq9Ue7Ia4Oo1Pl8Mn3Vb6Cx5Zz0Aa9Ss"
    settings.EMAIL_HOST = "smtp.example.org"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    assert preflight.check_debug_and_demo() == []
    assert preflight.check_secret_key() == []
    assert preflight.check_email() == []


def test_fonts_for_pdf_output_are_found_on_this_machine():
    # scripts/bootstrap installs fonts-noto-core and fonts-noto-cjk.
    assert preflight.check_pdf_fonts() == []
    assert not preflight.font_installed("No Such Font Family 42")


def test_check_command_fails_on_warnings(settings):
    settings.DEBUG = True
    with pytest.raises(SystemCheckError, match=r"palermo\.W001"):
        call_command("preflight")
