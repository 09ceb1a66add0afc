"""Every role above practitioner must set up a second factor before doing anything else."""

from __future__ import annotations

from typing import Any

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.test import Client

from palermo.accounts.models import Membership, User
from palermo.accounts.tests.factories import (
    TEST_PASSWORD,
    TEST_TOTP_SECRET,
    FocalPointFactory,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    give_totp,
    verify,
)


def _caseworker() -> User:
    user = UserFactory(email="new-caseworker@example.org")
    MembershipFactory(user=user, role=Membership.Role.CASEWORKER)
    return user


def _supervisor() -> User:
    user = UserFactory(email="new-supervisor@example.org")
    MembershipFactory(user=user, role=Membership.Role.SUPERVISOR)
    return user


def _authority_admin() -> User:
    user = UserFactory(email="new-admin@example.org")
    MembershipFactory(user=user, role=Membership.Role.AUTHORITY_ADMIN)
    return user


def _focal_point() -> User:
    user = UserFactory(email="new-focal@example.org")
    FocalPointFactory(user=user)
    return user


def _editor() -> User:
    return UserFactory(email="new-editor@example.org", is_editor=True)


def _staff() -> User:
    return UserFactory(email="new-staff@example.org", is_staff=True)


PRIVILEGED = [_caseworker, _supervisor, _authority_admin, _focal_point, _editor, _staff]
PRIVILEGED_IDS = ["caseworker", "supervisor", "authority admin", "focal point", "editor", "staff"]

# Pages that wait until the second factor is set up (a sample from every kind of page).
BLOCKED = [
    "/en/",
    "/en/accounts/profile/",
    "/en/accounts/tokens/",
    "/en/accounts/audit/",
    "/en/accounts/authorities/",
    "/en/accounts/roles/",
    "/en/accounts/verification/queue/",
    "/en/accounts/email/",
    "/en/accounts/password/change/",
    "/en/accounts/signup/",
    "/fr/accounts/audit/",
    "/en/no-such-page/",
]
# Pages needed to set up the second factor, sign out, verify an e-mail, reset a password.
OPEN = [
    "/en/accounts/mfa-required/",
    "/en/accounts/2fa/",
    "/en/accounts/2fa/totp/activate/",
    "/en/accounts/2fa/webauthn/add/",
    "/en/accounts/2fa/recovery-codes/",
    "/en/accounts/reauthenticate/",
    "/en/accounts/logout/",
    "/en/accounts/confirm-email/",
    "/en/accounts/confirm-email/some-key/",
    "/en/accounts/password/reset/",
    "/en/accounts/password/reset/done/",
    "/en/accounts/password/reset/key/done/",
    "/fr/accounts/mfa-required/",
    "/healthz",
    "/static/palermo/palermo.css",
]


def _signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _sent_to_setup(response: Any) -> bool:
    return response.status_code == 302 and "/accounts/mfa-required/" in response["Location"]


@pytest.mark.parametrize("make_user", PRIVILEGED, ids=PRIVILEGED_IDS)
def test_each_role_is_sent_to_mfa_setup_until_it_has_an_authenticator(db, make_user):
    user = make_user()
    client = _signed_in(user)
    not_sent = [url for url in BLOCKED if not _sent_to_setup(client.get(url))]
    assert not not_sent, f"reachable without a second factor: {not_sent}"

    give_totp(user)
    assert client.get("/en/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 200


@pytest.mark.parametrize("make_user", PRIVILEGED, ids=PRIVILEGED_IDS)
def test_what_is_needed_to_set_up_mfa_stays_open(db, make_user):
    client = _signed_in(make_user())
    blocked = [url for url in OPEN if _sent_to_setup(client.get(url))]
    assert not blocked, f"needed for setting up MFA but blocked: {blocked}"


def test_a_security_key_counts_as_a_second_factor(db):
    user = _caseworker()
    Authenticator.objects.create(user=user, type=Authenticator.Type.WEBAUTHN, data={})
    assert _signed_in(user).get("/en/").status_code == 200


def test_recovery_codes_alone_do_not_count(db):
    user = _caseworker()
    Authenticator.objects.create(user=user, type=Authenticator.Type.RECOVERY_CODES, data={})
    assert _sent_to_setup(_signed_in(user).get("/en/"))


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: verify(UserFactory(email="p@example.org")),
        lambda: UserFactory(email="u@example.org"),
    ],
    ids=["verified practitioner", "unverified user"],
)
def test_a_practitioner_is_not_sent_to_mfa_setup(db, make_user):
    client = _signed_in(make_user())
    assert client.get("/en/").status_code == 200
    assert client.get("/en/accounts/profile/").status_code == 200
    assert client.get("/en/accounts/tokens/").status_code == 200


@pytest.mark.parametrize("make_user", PRIVILEGED, ids=PRIVILEGED_IDS)
def test_api_calls_by_a_privileged_session_without_mfa_get_a_403_json_error(db, make_user):
    response = _signed_in(make_user()).get("/api/v1/accounts/me")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "mfa_required"
    assert response.json()["error"]["details"] == []


def test_mfa_required_page_offers_an_app_and_a_security_key(db):
    html = _signed_in(_caseworker()).get("/en/accounts/mfa-required/").content.decode()
    assert 'href="/en/accounts/2fa/totp/activate/"' in html
    assert 'href="/en/accounts/2fa/webauthn/add/"' in html


def test_recovery_codes_and_webauthn_are_enabled():
    assert set(settings.MFA_SUPPORTED_TYPES) == {"totp", "recovery_codes", "webauthn"}


def _sign_in(client: Client, email: str, password: str = TEST_PASSWORD) -> Any:
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def test_signing_in_with_an_authenticator_asks_for_the_code(db):
    user = give_totp(UserFactory(email="sam2@example.org"))
    MembershipFactory(user=user, organisation=OrganisationFactory(), role="supervisor")
    client = Client()
    response = _sign_in(client, user.email)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    # Not signed in yet: the home page shows the sign-in link.
    assert "/en/accounts/login/" in client.get("/en/").content.decode()

    wrong = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "Incorrect code" in wrong.content.decode()

    code = pyotp.TOTP(TEST_TOTP_SECRET).now()
    done = client.post("/en/accounts/2fa/authenticate/", {"code": code})
    assert done.status_code == 302
    assert done["Location"] == "/en/"
    assert client.get("/en/accounts/profile/").status_code == 200


def test_a_new_caseworker_activates_an_authenticator_app_after_signing_in(db):
    user = _caseworker()
    client = Client()
    assert _sign_in(client, user.email).status_code == 302
    assert _sent_to_setup(client.get("/en/"))

    # allauth asks for the password again before a second factor is added.
    asked = client.get("/en/accounts/2fa/totp/activate/")
    assert asked.status_code == 302
    assert asked["Location"].startswith("/en/accounts/reauthenticate/")
    confirmed = client.post(asked["Location"], {"password": TEST_PASSWORD})
    assert confirmed.status_code == 302
    assert confirmed["Location"] == "/en/accounts/2fa/totp/activate/"

    page = client.get("/en/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="qr-code" src="data:image/svg+xml;base64,' in html
    secret = page.context["form"].secret
    activated = client.post("/en/accounts/2fa/totp/activate/", {"code": pyotp.TOTP(secret).now()})
    assert activated.status_code == 302
    # allauth shows the freshly generated recovery codes next.
    assert activated["Location"] == "/en/accounts/2fa/recovery-codes/"
    codes = client.get("/en/accounts/2fa/recovery-codes/")
    assert codes.status_code == 200
    assert len(codes.context["unused_codes"]) > 0
    assert client.get("/en/").status_code == 200
