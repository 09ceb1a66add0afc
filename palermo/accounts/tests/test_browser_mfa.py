"""Signing in with a second factor, in a real browser."""

from __future__ import annotations

import pyotp
import pytest
from playwright.sync_api import Page, expect

from palermo.accounts.models import Membership
from palermo.accounts.tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    give_totp,
)


def _sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(f"{base_url}/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.mark.browser
def test_sign_in_with_password_then_authenticator_code(live_server, page: Page):
    user = give_totp(UserFactory(email="sam@example.org", full_name="Sam Supervisor"))
    MembershipFactory(
        user=user, organisation=OrganisationFactory(), role=Membership.Role.SUPERVISOR
    )

    _sign_in(page, live_server.url, "sam@example.org")
    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/authenticate/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-Factor Authentication")
    # Not signed in yet: the header still offers to sign in.
    expect(page.locator(".site-tools")).to_contain_text("Sign in")

    page.get_by_label("Code").fill(pyotp.TOTP(TEST_TOTP_SECRET).now())
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(f"{live_server.url}/en/")
    expect(page.locator(".account-link")).to_have_text("Sam Supervisor")
    page.goto(f"{live_server.url}/en/accounts/profile/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")


@pytest.mark.browser
def test_a_wrong_code_keeps_the_person_signed_out(live_server, page: Page):
    user = give_totp(UserFactory(email="eve@example.org", full_name="Eve", is_editor=True))
    _sign_in(page, live_server.url, user.email)
    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/authenticate/")
    valid = pyotp.TOTP(TEST_TOTP_SECRET).now()
    page.get_by_label("Code").fill("000000" if valid != "000000" else "111111")
    page.get_by_role("button", name="Sign In").click()
    expect(page.locator(".errorlist")).to_contain_text("Incorrect code")
    # Still signed out: the account page sends her back to finish signing in.
    page.goto(f"{live_server.url}/en/accounts/profile/")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/2fa/authenticate/")
    expect(page.locator(".site-tools")).to_contain_text("Sign in")


@pytest.mark.browser
def test_a_new_caseworker_is_sent_to_set_up_an_authenticator_app(live_server, page: Page):
    user = UserFactory(email="carla@example.org", full_name="Carla Caseworker")
    MembershipFactory(
        user=user, organisation=OrganisationFactory(), role=Membership.Role.CASEWORKER
    )

    _sign_in(page, live_server.url, "carla@example.org")
    page.wait_for_url(f"{live_server.url}/en/accounts/mfa-required/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Two-factor authentication required")
    # Every other page sends her back here until she has a second factor.
    page.goto(f"{live_server.url}/en/accounts/profile/")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/mfa-required/")

    page.get_by_role("link", name="Set up an authenticator app").click()
    # allauth asks for the password again before adding a second factor.
    page.wait_for_url(f"{live_server.url}/en/accounts/reauthenticate/**")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/totp/activate/")
    expect(page.locator("img.qr-code")).to_be_visible()
    secret = page.locator("#authenticator_secret").input_value()
    page.get_by_label("Authenticator code").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Activate").click()
    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/recovery-codes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recovery Codes")

    page.goto(f"{live_server.url}/en/accounts/profile/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account")
    expect(page.locator(".badge--ok").first).to_have_text("on")
