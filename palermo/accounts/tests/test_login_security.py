"""Login throttling (django-axes) and password storage."""

from __future__ import annotations

import importlib
from typing import Any

from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from palermo.accounts.tests.factories import TEST_PASSWORD, UserFactory


def _sign_in(client: Client, password: str) -> int:
    return _attempt(client, password).status_code


def _attempt(client: Client, password: str) -> Any:
    return client.post("/en/accounts/login/", {"login": "target@example.org", "password": password})


def test_five_failed_sign_ins_lock_the_account_from_that_address(db, settings):
    settings.AXES_ENABLED = True  # conftest turns it off for every other test
    # allauth's own rate limit would refuse the attempts after the fifth by itself; switch it
    # off here so that this test shows what axes does.
    settings.ACCOUNT_RATE_LIMITS = False
    UserFactory(email="target@example.org")
    client = Client()
    for attempt in range(4):
        assert _sign_in(client, f"wrong password {attempt}") == 200  # the form, with an error
    fifth = _attempt(client, "wrong password 4")
    assert fifth.status_code == 429
    assert "Account locked: too many login attempts" in fifth.content.decode()
    assert AccessAttempt.objects.get(username="target@example.org").failures_since_start == 5
    # Locked: even the right password is refused now.
    locked = _attempt(client, TEST_PASSWORD)
    assert locked.status_code == 429
    assert "Account locked: too many login attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # Another person signing in from the same address is not locked out.
    UserFactory(email="colleague@example.org")
    response = client.post(
        "/en/accounts/login/", {"login": "colleague@example.org", "password": TEST_PASSWORD}
    )
    assert response.status_code == 302


def test_with_both_limits_on_the_right_password_is_refused_after_five_failures(db, settings):
    settings.AXES_ENABLED = True
    UserFactory(email="target@example.org")
    client = Client()
    for attempt in range(5):
        _attempt(client, f"wrong password {attempt}")
    response = _attempt(client, TEST_PASSWORD)
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_four_failures_then_success_resets_the_count(db, settings):
    settings.AXES_ENABLED = True
    UserFactory(email="target@example.org")
    client = Client()
    for attempt in range(4):
        _sign_in(client, f"wrong {attempt}")
    assert _sign_in(client, TEST_PASSWORD) == 302
    assert not AccessAttempt.objects.filter(username="target@example.org").exists()


def test_production_settings_hash_passwords_with_argon2_first():
    # test_settings swaps in a fast hasher; the production module is what deployments run.
    production = importlib.import_module("palermo.settings")
    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_passwords_need_twelve_characters(db):
    for too_short in ["Xq7!mz2#Lp9", "short"]:
        try:
            validate_password(too_short)
        except ValidationError as error:
            assert any("at least 12 characters" in m for m in error.messages)
        else:
            raise AssertionError(f"{too_short!r} was accepted")
    validate_password("twelve chars long enough")


def test_failures_are_counted_against_the_address_that_was_tried(db, settings):
    """allauth passes email=..., not the form's field name: each person is counted separately."""
    settings.AXES_ENABLED = True
    client = Client()
    for attempt in range(3):
        client.post("/en/accounts/login/", {"login": "One@Example.org", "password": f"x{attempt}"})
    client.post("/en/accounts/login/", {"login": "two@example.org", "password": "x"})
    counts = dict(AccessAttempt.objects.values_list("username", "failures_since_start"))
    assert counts == {"one@example.org": 3, "two@example.org": 1}
