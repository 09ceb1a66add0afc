"""API tokens: made on the tokens page (shown once), used as `Authorization: Bearer`, revoked."""

from __future__ import annotations

import re

from allauth.mfa.models import Authenticator
from django.test import Client

from conftest import World
from palermo.accounts.models import ApiToken
from palermo.accounts.tests.factories import UserFactory, verify
from palermo.accounts.tokens import issue_token
from palermo.core.models import AuditEvent


def _create_on_the_page(client: Client, name: str = "statistics export") -> str:
    response = client.post("/en/accounts/tokens/", {"name": name})
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    match = re.search(r'<code id="new-token">(plm_[^<]+)</code>', response.content.decode())
    assert match, "the new token is shown"
    return match.group(1)


def test_a_token_is_shown_once_then_only_its_prefix(world: World):
    client = world.client("alice")
    clear = _create_on_the_page(client)
    token = ApiToken.objects.get(user=world.users["alice"])
    assert token.name == "statistics export"
    assert clear not in str(token.__dict__)  # only the hash is stored
    page = client.get("/en/accounts/tokens/").content.decode()
    assert clear not in page
    assert f"plm_{token.prefix}" in page
    assert AuditEvent.objects.get(action="api_token.issued").actor == world.users["alice"]


def test_the_token_works_as_a_bearer_token_until_revoked(world: World):
    clear = _create_on_the_page(world.client("sam"))
    api = Client()  # no session: the token alone
    response = api.get("/api/v1/accounts/me", headers={"Authorization": f"Bearer {clear}"})
    assert response.status_code == 200
    body = response.json()
    assert body["email"] == "sam@example.org"
    assert body["roles"] == ["supervisor"]
    assert body["verified_practitioner"] is True
    token = ApiToken.objects.get(user=world.users["sam"])
    assert token.last_used_at is not None

    revoke = world.client("sam").post(f"/en/accounts/tokens/{token.pk}/revoke/")
    assert revoke.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert AuditEvent.objects.filter(action="api_token.revoked").count() == 1

    response = api.get("/api/v1/accounts/me", headers={"Authorization": f"Bearer {clear}"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_unknown_and_malformed_tokens_are_refused(db):
    api = Client()
    for header in ["Bearer plm_not-a-real-token", "Bearer something-else", "Basic abc"]:
        response = api.get("/api/v1/accounts/me", headers={"Authorization": header})
        assert response.status_code == 401, header


def test_someone_elses_token_cannot_be_revoked(world: World):
    token, _clear = issue_token(world.users["alice"], "script")
    assert world.client("bob").post(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_practitioner_without_mfa_may_have_tokens(db):
    user = verify(UserFactory(email="pat2@example.org"))
    client = Client()
    client.force_login(user)
    clear = _create_on_the_page(client)
    response = Client().get("/api/v1/accounts/me", headers={"Authorization": f"Bearer {clear}"})
    assert response.status_code == 200
    assert response.json()["roles"] == ["practitioner"]


def test_a_privileged_role_without_mfa_can_neither_make_nor_use_tokens(world: World):
    sam = world.users["sam"]
    _token, clear = issue_token(sam, "made while MFA was on")
    Authenticator.objects.filter(user=sam).delete()
    client = Client()
    client.force_login(sam)
    response = client.post("/en/accounts/tokens/", {"name": "new"})
    assert response.status_code == 302
    assert "/accounts/mfa-required/" in response["Location"]
    assert ApiToken.objects.filter(user=sam).count() == 1
    response = Client().get("/api/v1/accounts/me", headers={"Authorization": f"Bearer {clear}"})
    assert response.status_code == 401


def test_a_blank_name_is_refused_with_a_message(world: World):
    response = world.client("alice").post("/en/accounts/tokens/", {"name": "  "})
    assert "This field is required." in response.content.decode()
    assert not ApiToken.objects.exists()
