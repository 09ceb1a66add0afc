"""Security headers and cookies: what every page sends, and what changes behind TLS.

The test settings run without TLS (PALERMO_TLS=false); what a deployment behind TLS gets is
read from the production settings module in a fresh interpreter with the deployment's
environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from conftest import World
from palermo.accounts.tests.factories import TEST_PASSWORD, UserFactory

REPO = Path(__file__).resolve().parents[3]

# A sample of pages of each kind: public, allauth's, signed-in, administration.
PAGES = [
    ("anon", "/en/"),
    ("anon", "/ar/"),
    ("anon", "/en/accounts/login/"),
    ("anon", "/en/accounts/signup/"),
    ("anon", "/en/accounts/password/reset/"),
    ("practitioner", "/en/accounts/profile/"),
    ("practitioner", "/en/accounts/tokens/"),
    ("practitioner", "/en/accounts/2fa/"),
    ("adam", "/en/accounts/audit/"),
    ("staff", "/en/accounts/roles/"),
]


def _csp(response: Any) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


@pytest.mark.parametrize("persona, url", PAGES)
def test_every_page_sends_the_security_headers(world: World, persona, url):
    response = world.client(persona).get(url)
    assert response.status_code == 200
    policy = _csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    # Not behind TLS here: no HSTS, which would lock browsers out of a plain-HTTP instance.
    assert "Strict-Transport-Security" not in response


class InlineCodeFinder(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, style attributes, on* handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        for name, _value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name == "style":
                self.problems.append(f"<{tag} style=...>")
        if tag == "style":
            self.problems.append("<style> element")
        if tag == "script":
            is_data = (names.get("type") or "").lower() in (
                "application/json",
                "application/ld+json",
            )
            self._in_inline_script = "src" not in names and not is_data
        if tag in ("a", "form") and (names.get("href") or names.get("action") or "").startswith(
            "javascript:"
        ):
            self.problems.append(f"<{tag}> javascript: URL")

    def handle_data(self, data: str) -> None:
        if self._in_inline_script and data.strip():
            self.problems.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = False


@pytest.mark.parametrize("persona, url", PAGES)
def test_pages_hold_nothing_the_policy_would_block(world: World, persona, url):
    finder = InlineCodeFinder()
    finder.feed(world.client(persona).get(url).content.decode())
    assert not finder.problems, finder.problems


def test_the_authenticator_setup_page_needs_only_what_the_policy_allows(db):
    """The QR code is a data: image (img-src allows data:); the page has no inline code."""
    user = UserFactory(email="qr@example.org")
    client = Client()
    client.post("/en/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    client.post("/en/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    response = client.get("/en/accounts/2fa/totp/activate/")
    assert response.status_code == 200
    assert "data:" in _csp(response)["img-src"]
    finder = InlineCodeFinder()
    finder.feed(response.content.decode())
    assert not finder.problems, finder.problems


def test_csrf_is_enforced_on_forms(db):
    user = UserFactory(email="csrf@example.org")
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session

    client.force_login(user)
    response = client.post(
        "/en/accounts/profile/", {"full_name": "Forged", "preferred_language": "en"}
    )
    assert response.status_code == 403
    user.refresh_from_db()
    assert user.full_name != "Forged"

    # With the token from the form, the same post goes through.
    page = client.get("/en/accounts/profile/")
    token = page.context["csrf_token"]
    response = client.post(
        "/en/accounts/profile/",
        {"full_name": "Real", "preferred_language": "en", "csrfmiddlewaretoken": str(token)},
    )
    assert response.status_code == 302


def test_session_cookie_is_http_only_and_same_site(db):
    user = UserFactory(email="cookie@example.org")
    response = Client().post(
        "/en/accounts/login/", {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert not cookie["secure"]  # no TLS in the test settings


def test_behind_tls_the_cookies_are_secure_and_hsts_is_sent(db, settings):
    """The request-level effect of the TLS settings (values checked below in a fresh process)."""
    tls = _production_settings({"PALERMO_TLS": "true"})
    settings.SESSION_COOKIE_SECURE = tls["SESSION_COOKIE_SECURE"]
    settings.CSRF_COOKIE_SECURE = tls["CSRF_COOKIE_SECURE"]
    settings.SECURE_HSTS_SECONDS = tls["SECURE_HSTS_SECONDS"]
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = tls["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    settings.SECURE_PROXY_SSL_HEADER = tuple(tls["SECURE_PROXY_SSL_HEADER"])
    user = UserFactory(email="tls@example.org")
    client = Client()
    login = client.post(
        "/en/accounts/login/",
        {"login": user.email, "password": TEST_PASSWORD},
        headers={"X-Forwarded-Proto": "https"},
    )
    assert login.cookies["sessionid"]["secure"] is True
    page = client.get("/en/", headers={"X-Forwarded-Proto": "https"})
    assert page["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert page.cookies["csrftoken"]["secure"] is True
    # The same instance reached without TLS (a health check from the proxy) sends no HSTS.
    assert "Strict-Transport-Security" not in Client().get("/en/")


def _production_settings(environment: dict[str, str]) -> dict[str, Any]:
    """Import palermo.settings in a fresh interpreter with a deployment's environment."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PALERMO_") and key not in ("SECRET_KEY", "DJANGO_SETTINGS_MODULE")
    }
    env.update(environment)
    script = (
        "import json, palermo.settings as s; print(json.dumps({k: getattr(s, k) for k in ["
        "'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_PROXY_SSL_HEADER', "
        "'X_FRAME_OPTIONS', 'SECURE_CONTENT_TYPE_NOSNIFF', 'SECURE_REFERRER_POLICY', "
        "'PASSWORD_HASHERS', 'DEBUG']}))"
    )
    with tempfile.TemporaryDirectory() as data_dir:
        env.update({"SECRET_KEY": "x" * 50, "PALERMO_DATA_DIR": data_dir})
        result = subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    values: dict[str, Any] = json.loads(result.stdout)
    return values


@pytest.mark.parametrize(
    "environment, behind_tls",
    [
        ({}, True),  # production default: TLS at the reverse proxy
        ({"PALERMO_TLS": "true"}, True),
        ({"PALERMO_TLS": "false"}, False),
        ({"PALERMO_DEBUG": "true"}, False),  # a developer's machine
    ],
    ids=["default", "tls", "no tls", "debug"],
)
def test_production_settings_follow_tls(environment, behind_tls):
    values = _production_settings(environment)
    assert values["SESSION_COOKIE_SECURE"] is behind_tls
    assert values["CSRF_COOKIE_SECURE"] is behind_tls
    assert (values["SECURE_HSTS_SECONDS"] >= 31536000) is behind_tls
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is behind_tls
    assert (values["SECURE_PROXY_SSL_HEADER"] is not None) is behind_tls
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["PASSWORD_HASHERS"][0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
