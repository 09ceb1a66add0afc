"""allauth's pages in Palermo's layout and in the six languages: sign-in, sign-up with e-mail
verification, password change and reset, and two-factor authentication."""

from __future__ import annotations

import re

import pyotp
import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django.utils.html import escape

from palermo.accounts.models import Membership, User
from palermo.accounts.tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    MembershipFactory,
    UserFactory,
    give_totp,
)

LANGUAGES = ["en", "ar", "es", "fr", "ru", "zh-hans"]


def translated(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


def assert_in_language(html: str, language: str, *msgids: str) -> None:
    """Each of allauth's strings appears, translated (not left in English) in other languages."""
    for msgid in msgids:
        text = translated(language, msgid)
        if language != "en":
            assert text != msgid, f"{msgid!r} has no {language} translation"
        assert text in html or escape(text) in html, f"{text!r} ({msgid!r}) not on the page"


def assert_palermo_layout(html: str, language: str) -> None:
    assert f'<html lang="{language}" dir="{"rtl" if language == "ar" else "ltr"}">' in html
    assert 'class="skip-link"' in html
    assert 'class="site-header"' in html
    assert "/static/accounts/accounts.css" in html
    assert "Menu:" not in html  # allauth's bare default layout is not used


def signed_in_and_reauthenticated(language: str, user: User) -> Client:
    client = Client()
    response = client.post(
        f"/{language}/accounts/login/", {"login": user.email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    response = client.post(f"/{language}/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


@pytest.mark.parametrize("language", LANGUAGES)
def test_entrance_pages(db, language):
    client = Client()
    login = client.get(f"/{language}/accounts/login/").content.decode()
    assert_palermo_layout(login, language)
    assert '<label for="id_login">' in login and '<label for="id_password">' in login

    signup = client.get(f"/{language}/accounts/signup/").content.decode()
    assert_palermo_layout(signup, language)
    assert_in_language(signup, language, "Sign Up")

    reset = client.get(f"/{language}/accounts/password/reset/").content.decode()
    assert_palermo_layout(reset, language)
    assert_in_language(reset, language, "Password Reset", "Reset My Password")


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_management_pages(db, language):
    user = UserFactory(email=f"manage-{language}@example.org")
    client = signed_in_and_reauthenticated(language, user)
    pages = {
        "/accounts/email/": ["Email Addresses"],
        "/accounts/password/change/": ["Change Password"],
        "/accounts/2fa/": ["Two-Factor Authentication", "Authenticator App", "Security Keys"],
        "/accounts/2fa/totp/activate/": ["Activate Authenticator App", "Authenticator secret"],
        "/accounts/2fa/webauthn/add/": ["Add Security Key"],
    }
    for path, msgids in pages.items():
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        html = response.content.decode()
        assert_palermo_layout(html, language)
        assert 'class="account-nav"' in html
        assert_in_language(html, language, *msgids)


@pytest.mark.parametrize("language", LANGUAGES)
def test_two_factor_sign_in_and_recovery_codes(db, language):
    user = give_totp(UserFactory(email=f"mfa-{language}@example.org"))
    MembershipFactory(user=user, role=Membership.Role.CASEWORKER)
    client = Client()
    client.post(f"/{language}/accounts/login/", {"login": user.email, "password": TEST_PASSWORD})
    html = client.get(f"/{language}/accounts/2fa/authenticate/").content.decode()
    assert_palermo_layout(html, language)
    assert_in_language(html, language, "Two-Factor Authentication", "Use a security key")
    code = pyotp.TOTP(TEST_TOTP_SECRET).now()
    response = client.post(f"/{language}/accounts/2fa/authenticate/", {"code": code})
    assert response.status_code == 302

    # A code is accepted once only, so confirm with the password before generating codes.
    client.post(f"/{language}/accounts/reauthenticate/", {"password": TEST_PASSWORD})
    generated = client.post(f"/{language}/accounts/2fa/recovery-codes/generate/")
    assert generated.status_code == 302
    codes = client.get(f"/{language}/accounts/2fa/recovery-codes/").content.decode()
    assert_in_language(codes, language, "Recovery Codes", "Download codes")
    textarea = re.search(r'<textarea[^>]*id="recovery_codes"[^>]*>(.*?)</textarea>', codes, re.S)
    assert textarea and len(re.findall(r"\b[0-9a-f]{8}\b", textarea.group(1))) == 10


def test_totp_activation_shows_a_qr_code_and_the_secret_and_works(db):
    user = UserFactory(email="qr@example.org")
    client = signed_in_and_reauthenticated("en", user)
    response = client.get("/en/accounts/2fa/totp/activate/")
    html = response.content.decode()
    secret = response.context["form"].secret
    assert re.search(r'<img class="qr-code" src="data:image/svg\+xml;base64,[^"]+" alt="', html)
    assert f'value="{secret}"' in html
    assert 'aria-describedby="authenticator_secret_helptext"' in html
    # A wrong code is refused with a message next to the field.
    wrong = client.post("/en/accounts/2fa/totp/activate/", {"code": "123456"})
    assert "Incorrect code." in wrong.content.decode()
    right = client.post("/en/accounts/2fa/totp/activate/", {"code": pyotp.TOTP(secret).now()})
    assert right.status_code == 302
    assert user.authenticator_set.filter(type="totp").exists()


def test_sign_up_requires_a_verified_email_address(db):
    client = Client()
    response = client.post(
        "/fr/accounts/signup/",
        {
            "email": "nouvelle@example.org",
            "password1": "un mot de passe long",
            "password2": "un mot de passe long",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/confirm-email/"
    user = User.objects.get(email="nouvelle@example.org")
    assert user.preferred_language == "fr"
    # Not signed in until the address is confirmed.
    assert "/fr/accounts/login/" in client.get("/fr/").content.decode()
    sent = client.get("/fr/accounts/confirm-email/").content.decode()
    assert_palermo_layout(sent, "fr")
    assert_in_language(sent, "fr", "Verify Your Email Address")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nouvelle@example.org"]
    link = re.search(r"http://testserver(/fr/accounts/confirm-email/[^/\s]+/)", message.body)
    assert link, message.body
    confirm = client.get(link.group(1))
    assert_in_language(confirm.content.decode(), "fr", "Confirm Email Address")
    done = client.post(link.group(1))
    assert done.status_code == 302
    assert user.emailaddress_set.get().verified

    signed_in = client.post(
        "/fr/accounts/login/", {"login": "nouvelle@example.org", "password": "un mot de passe long"}
    )
    assert signed_in.status_code == 302
    assert client.get("/fr/accounts/profile/").status_code == 200


def test_sign_up_refuses_short_passwords_and_keeps_the_address(db):
    response = Client().post(
        "/en/accounts/signup/",
        {"email": "short@example.org", "password1": "eleven-char", "password2": "eleven-char"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "at least 12 characters" in html
    assert 'value="short@example.org"' in html
    assert not User.objects.filter(email="short@example.org").exists()


def test_password_reset_by_email(db):
    UserFactory(email="forgetful@example.org")
    client = Client()
    client.post("/en/accounts/password/reset/", {"email": "forgetful@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(
        r"http://testserver(/en/accounts/password/reset/key/\S+/)", mail.outbox[0].body
    )
    assert link
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200
    action = form.redirect_chain[-1][0] if form.redirect_chain else link.group(1)
    done = client.post(
        action, {"password1": "a brand new passphrase", "password2": "a brand new passphrase"}
    )
    assert done.status_code == 302
    assert Client().login(email="forgetful@example.org", password="a brand new passphrase")


def test_demo_instance_lists_the_demo_accounts_with_password_and_code(db, settings):
    from palermo.accounts.demo import DEMO_PASSWORD, DEMO_USERS

    settings.DEMO_MODE = True
    settings.MFA_TOTP_INSECURE_BYPASS_CODE = "000000"
    html = Client().get("/en/accounts/login/").content.decode()
    assert "Demo accounts" in html
    assert f"<code>{DEMO_PASSWORD}</code>" in html
    assert "<code>000000</code>" in html
    for email, full_name, _membership, _flags in DEMO_USERS:
        assert f"<code>{email}</code>" in html
        assert full_name in html
    assert "authority administrator" in html and "focal point" in html


def test_demo_accounts_are_not_shown_elsewhere(db, settings):
    settings.DEMO_MODE = False
    html = Client().get("/en/accounts/login/").content.decode()
    assert "Demo accounts" not in html
    assert "palermo-demo" not in html
