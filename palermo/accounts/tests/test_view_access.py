"""Every page and endpoint of the accounts app: persona → HTTP status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from conftest import PERSONA_NAMES, World
from palermo.accounts.models import Membership, VerificationRequest
from palermo.accounts.tests.factories import UserFactory
from palermo.accounts.tokens import issue_token


def statuses(default: int, **overrides: int) -> dict[str, int]:
    table = {name: default for name in PERSONA_NAMES}
    table["anon"] = 302
    table.update(overrides)
    return table


def check(world: World, expected: dict[str, int], request: Callable[[Client], Any]) -> None:
    actual = {}
    for persona in PERSONA_NAMES:
        response = request(world.client(persona))
        actual[persona] = response.status_code
        if persona == "anon" and response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
    wrong = {p: (actual[p], expected[p]) for p in PERSONA_NAMES if actual[p] != expected[p]}
    assert not wrong, f"persona: (got, expected) {wrong}"


def _verification(world: World, country: Any) -> VerificationRequest:
    return VerificationRequest.objects.create(
        user=UserFactory(email=f"asker-{country.iso3}@example.org"),
        organisation_name="Prosecutor's office",
        position="prosecutor",
        country=country,
        reason="I handle extradition cases.",
    )


# (id, expected statuses, how to call it). Objects are made by `setup` per test.
PAGES: list[tuple[str, dict[str, int], str]] = [
    ("profile", statuses(200), "/en/accounts/profile/"),
    ("mfa required", statuses(200), "/en/accounts/mfa-required/"),
    # Everyone here is verified already (or holds a role), so the form sends them back.
    ("ask to be verified", statuses(302), "/en/accounts/verification/"),
    ("verification queue", statuses(403, adam=200, staff=200), "/en/accounts/verification/queue/"),
    (
        "decide on a request from State X",
        statuses(403, adam=200, staff=200),
        "/en/accounts/verification/{in_x}/",
    ),
    (
        "decide on a request from State Y",
        statuses(403, adam=404, staff=200),
        "/en/accounts/verification/{in_y}/",
    ),
    # Adam administers one authority: the list takes him straight to it.
    ("authorities", statuses(403, adam=302, staff=200), "/en/accounts/authorities/"),
    ("members of A", statuses(403, adam=200, staff=200), "/en/accounts/authorities/{a}/"),
    ("members of B", statuses(403, adam=404, staff=200), "/en/accounts/authorities/{b}/"),
    (
        "confirm removing Alice from A",
        statuses(403, adam=200, staff=200),
        "/en/accounts/authorities/{a}/members/{alice_in_a}/remove/",
    ),
    (
        "confirm removing Bob from B",
        statuses(403, adam=404, staff=200),
        "/en/accounts/authorities/{b}/members/{bob_in_b}/remove/",
    ),
    (
        "Bob's membership through A",
        statuses(403, adam=404, staff=404),
        "/en/accounts/authorities/{a}/members/{bob_in_b}/remove/",
    ),
    ("focal points and editors", statuses(403, staff=200), "/en/accounts/roles/"),
    ("API tokens", statuses(200), "/en/accounts/tokens/"),
    ("audit trail", statuses(403, adam=200, staff=200), "/en/accounts/audit/"),
]


def _ids(world: World) -> dict[str, int]:
    return {
        "a": world.authority_a.pk,
        "b": world.authority_b.pk,
        "alice_in_a": Membership.objects.get(user=world.users["alice"]).pk,
        "bob_in_b": Membership.objects.get(user=world.users["bob"]).pk,
        "in_x": _verification(world, world.state_x).pk,
        "in_y": _verification(world, world.state_y).pk,
    }


@pytest.mark.parametrize("name, expected, url", PAGES, ids=[p[0] for p in PAGES])
def test_page_access(world: World, name, expected, url):
    target = url.format(**_ids(world))
    check(world, expected, lambda client: client.get(target))


def test_only_post_changes_anything(world: World):
    ids = _ids(world)
    for url in [
        f"/en/accounts/authorities/{ids['a']}/members/{ids['alice_in_a']}/role/",
        f"/en/accounts/roles/focal-points/{world.users['fiona'].focal_points.get().pk}/revoke/",
        f"/en/accounts/roles/editors/{world.users['eddie'].pk}/revoke/",
    ]:
        assert world.client("staff").get(url).status_code == 405
    token, _clear = issue_token(world.users["alice"], "script")
    assert world.client("alice").get(f"/en/accounts/tokens/{token.pk}/revoke/").status_code == 405


# Each action is tried by every persona on a fresh copy of the object; 302 is success (back to
# the page), 404 "not yours", 403 "not your role".
ACTIONS: list[tuple[str, dict[str, int], Callable[[World], tuple[str, dict[str, str]]]]] = [
    (
        "change Alice's role in A",
        statuses(403, adam=302, staff=302),
        lambda w: (
            f"/en/accounts/authorities/{w.authority_a.pk}/members/"
            f"{Membership.objects.get(user=w.users['alice']).pk}/role/",
            {"role": "supervisor"},
        ),
    ),
    (
        "change Bob's role in B",
        statuses(403, adam=404, staff=302),
        lambda w: (
            f"/en/accounts/authorities/{w.authority_b.pk}/members/"
            f"{Membership.objects.get(user=w.users['bob']).pk}/role/",
            {"role": "supervisor"},
        ),
    ),
    (
        "add a member to A",
        statuses(403, adam=302, staff=302),
        lambda w: (
            f"/en/accounts/authorities/{w.authority_a.pk}/",
            {"email": UserFactory().email, "role": "caseworker"},
        ),
    ),
    (
        "grant a focal point",
        statuses(403, staff=302),
        lambda w: (
            "/en/accounts/roles/",
            {
                "grant_focal_point": "1",
                "focal-email": UserFactory().email,
                "focal-country": str(w.state_y.pk),
            },
        ),
    ),
    (
        "revoke Fiona as focal point",
        statuses(403, staff=302),
        lambda w: (
            f"/en/accounts/roles/focal-points/{w.users['fiona'].focal_points.get().pk}/revoke/",
            {},
        ),
    ),
    (
        "revoke Eddie as editor",
        statuses(403, staff=302),
        lambda w: (f"/en/accounts/roles/editors/{w.users['eddie'].pk}/revoke/", {}),
    ),
    (
        "revoke Alice's API token",
        statuses(404, alice=302),
        lambda w: (
            f"/en/accounts/tokens/{issue_token(w.users['alice'], 'script')[0].pk}/revoke/",
            {},
        ),
    ),
    ("create an API token", statuses(200), lambda w: ("/en/accounts/tokens/", {"name": "export"})),
]


@pytest.mark.parametrize("name, expected, make", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_action_access(world: World, name, expected, make):
    actual = {}
    for persona in PERSONA_NAMES:
        url, data = make(world)
        actual[persona] = world.client(persona).post(url, data).status_code
    wrong = {p: (actual[p], expected[p]) for p in PERSONA_NAMES if actual[p] != expected[p]}
    assert not wrong, f"persona: (got, expected) {wrong}"


def test_deciding_a_request_from_another_state_is_refused(world: World):
    ids = _ids(world)
    for persona, expected in statuses(403, adam=404, staff=302).items():
        response = world.client(persona).post(
            f"/en/accounts/verification/{ids['in_y']}/",
            {"decision": "approve", "reason": "Known to us."},
        )
        assert response.status_code == expected, persona
        if persona != "staff":
            assert VerificationRequest.objects.get(pk=ids["in_y"]).status == "pending"
    assert VerificationRequest.objects.get(pk=ids["in_y"]).status == "approved"


def test_me_endpoint(world: World):
    expected = {name: 200 for name in PERSONA_NAMES} | {"anon": 401}
    actual = {p: world.client(p).get("/api/v1/accounts/me").status_code for p in PERSONA_NAMES}
    assert actual == expected
    body = world.client("adam").get("/api/v1/accounts/me").json()
    assert body["email"] == "adam@example.org"
    assert body["roles"] == ["authority_admin"]
    assert body["organisations"] == [
        {"id": world.authority_a.pk, "name": "Central Authority A", "role": "authority_admin"}
    ]
    assert (
        world.client("anon").get("/api/v1/accounts/me").json()["error"]["code"] == "unauthenticated"
    )
