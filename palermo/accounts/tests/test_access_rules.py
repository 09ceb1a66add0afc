"""Every rule in accounts/access.py, persona by persona (STYLE: tests read like the product)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from conftest import PERSONA_NAMES, World
from palermo.accounts import access
from palermo.accounts.models import ApiToken, Membership, VerificationRequest
from palermo.accounts.tests.factories import UserFactory, verify
from palermo.accounts.tokens import issue_token

EVERYONE_SIGNED_IN = set(PERSONA_NAMES) - {"anon"}
ROLES_ABOVE_PRACTITIONER = {"alice", "bob", "sam", "adam", "fiona", "eddie", "staff"}


def only(*names: str) -> dict[str, bool]:
    return {name: name in names for name in PERSONA_NAMES}


def assert_table(world: World, rule: Callable[[Any], Any], expected: dict[str, Any]) -> None:
    """Check the rule for every persona and report all mismatches at once."""
    actual = {name: rule(world.users[name]) for name in PERSONA_NAMES}
    wrong = {
        name: (actual[name], expected[name])
        for name in PERSONA_NAMES
        if actual[name] != expected[name]
    }
    assert not wrong, f"persona: (got, expected) {wrong}"


# Rules about one user, whatever the object.
USER_RULES: list[tuple[str, Callable[[Any], Any], dict[str, bool]]] = [
    ("is_signed_in", access.is_signed_in, only(*EVERYONE_SIGNED_IN)),
    ("is_staff", access.is_staff, only("staff")),
    ("is_editor", access.is_editor, only("eddie", "staff")),
    ("is_verified_practitioner", access.is_verified_practitioner, only(*EVERYONE_SIGNED_IN)),
    ("requires_mfa", access.requires_mfa, only(*ROLES_ABOVE_PRACTITIONER)),
    ("has_mfa", access.has_mfa, only(*ROLES_ABOVE_PRACTITIONER)),
    ("has_mfa_if_required", access.has_mfa_if_required, only(*EVERYONE_SIGNED_IN)),
    ("can_verify_practitioners", access.can_verify_practitioners, only("adam", "staff")),
    ("can_read_audit_trail", access.can_read_audit_trail, only("adam", "staff")),
    ("can_manage_some_members", access.can_manage_some_members, only("adam", "staff")),
    ("can_grant_roles", access.can_grant_roles, only("staff")),
    ("can_manage_api_tokens", access.can_manage_api_tokens, only(*EVERYONE_SIGNED_IN)),
    # Every persona is verified or holds a role that implies it.
    ("can_request_verification", access.can_request_verification, only()),
]


@pytest.mark.parametrize("name, rule, expected", USER_RULES, ids=[r[0] for r in USER_RULES])
def test_user_rule(world: World, name, rule, expected):
    assert_table(world, rule, expected)


def test_rules_about_authority_a(world: World):
    a = world.authority_a
    assert_table(world, lambda u: access.is_member_of(u, a), only("alice", "sam", "adam"))
    assert_table(world, lambda u: access.is_supervisor_of(u, a), only("sam", "adam"))
    assert_table(world, lambda u: access.is_authority_admin_of(u, a), only("adam"))
    assert_table(world, lambda u: access.can_manage_members(u, a), only("adam", "staff"))
    assert_table(
        world,
        lambda u: access.role_in(u, a),
        {
            **dict.fromkeys(PERSONA_NAMES),
            "alice": "caseworker",
            "sam": "supervisor",
            "adam": "authority_admin",
        },
    )
    # An organisation given by id answers the same.
    assert_table(world, lambda u: access.is_member_of(u, a.pk), only("alice", "sam", "adam"))


def test_rules_about_authority_b(world: World):
    b = world.authority_b
    assert_table(world, lambda u: access.is_member_of(u, b), only("bob"))
    assert_table(world, lambda u: access.is_supervisor_of(u, b), only())
    assert_table(world, lambda u: access.is_authority_admin_of(u, b), only())
    assert_table(world, lambda u: access.can_manage_members(u, b), only("staff"))
    assert_table(world, lambda u: access.role_in(u, None), dict.fromkeys(PERSONA_NAMES))


def test_organisation_id_sets(world: World):
    a, b = world.authority_a.pk, world.authority_b.pk
    assert_table(
        world,
        access.organisation_ids,
        {**{n: set() for n in PERSONA_NAMES}, "alice": {a}, "sam": {a}, "adam": {a}, "bob": {b}},
    )
    assert_table(
        world,
        lambda u: access.organisation_ids(u, (Membership.Role.SUPERVISOR,)),
        {**{n: set() for n in PERSONA_NAMES}, "sam": {a}},
    )
    assert_table(
        world,
        access.administered_organisation_ids,
        {**{n: set() for n in PERSONA_NAMES}, "adam": {a}},
    )
    assert_table(
        world,
        access.verification_country_ids,
        {**{n: set() for n in PERSONA_NAMES}, "adam": {world.state_x.pk}},
    )
    assert_table(
        world,
        access.focal_point_country_ids,
        {**{n: set() for n in PERSONA_NAMES}, "fiona": {world.state_x.pk}},
    )


def test_country_entries(world: World):
    x, y = world.state_x.pk, world.state_y.pk
    assert_table(world, lambda u: access.is_focal_point_for(u, x), only("fiona"))
    assert_table(world, lambda u: access.is_focal_point_for(u, y), only())
    assert_table(world, lambda u: access.is_focal_point_for(u, None), only())
    assert_table(
        world, lambda u: access.can_edit_country_entries(u, x), only("fiona", "eddie", "staff")
    )
    assert_table(world, lambda u: access.can_edit_country_entries(u, y), only("eddie", "staff"))


def test_role_names(world: World):
    assert_table(
        world,
        access.role_names,
        {
            "anon": [],
            "practitioner": ["practitioner"],
            "alice": ["caseworker"],
            "bob": ["caseworker"],
            "sam": ["supervisor"],
            "adam": ["authority_admin"],
            "fiona": ["focal_point"],
            "eddie": ["editor"],
            "staff": ["staff"],
        },
    )
    assert access.role_names(UserFactory(email="new@example.org")) == []


def test_an_unverified_user_may_ask_to_be_verified_and_a_verified_one_may_not(db):
    newcomer = UserFactory(email="newcomer@example.org")
    assert access.can_request_verification(newcomer)
    assert not access.is_verified_practitioner(newcomer)
    assert not access.requires_mfa(newcomer)
    assert not access.can_request_verification(verify(UserFactory(email="v@example.org")))


def _verification(user: Any, country: Any) -> VerificationRequest:
    return VerificationRequest.objects.create(
        user=user,
        organisation_name="Prosecutor's office",
        position="prosecutor",
        country=country,
        reason="Extradition cases",
    )


def test_who_decides_a_verification(world: World):
    in_x = _verification(UserFactory(email="x@example.org"), world.state_x)
    in_y = _verification(UserFactory(email="y@example.org"), world.state_y)
    assert_table(world, lambda u: access.can_decide_verification(u, in_x), only("adam", "staff"))
    assert_table(world, lambda u: access.can_decide_verification(u, in_y), only("staff"))


def _outcome(fetch: Callable[[], Any]) -> str:
    try:
        fetch()
    except Http404:
        return "404"
    return "ok"


def test_access_verification_request_by_id(world: World):
    in_x = _verification(UserFactory(email="x@example.org"), world.state_x)
    expected = {n: "404" for n in PERSONA_NAMES} | {"adam": "ok", "staff": "ok"}
    assert_table(
        world,
        lambda u: _outcome(lambda: access.access_verification_request_by_id(u, in_x.pk)),
        expected,
    )
    assert (
        _outcome(lambda: access.access_verification_request_by_id(world.users["staff"], 999999))
        == "404"
    )


def test_access_managed_organisation_and_membership(world: World):
    a, b = world.authority_a, world.authority_b
    alice_in_a = Membership.objects.get(user=world.users["alice"], organisation=a)
    bob_in_b = Membership.objects.get(user=world.users["bob"], organisation=b)
    admins_of_a = {n: "404" for n in PERSONA_NAMES} | {"adam": "ok", "staff": "ok"}
    staff_only = {n: "404" for n in PERSONA_NAMES} | {"staff": "ok"}
    assert_table(
        world,
        lambda u: _outcome(lambda: access.access_managed_organisation_by_id(u, a.pk)),
        admins_of_a,
    )
    assert_table(
        world,
        lambda u: _outcome(lambda: access.access_managed_organisation_by_id(u, b.pk)),
        staff_only,
    )
    assert_table(
        world,
        lambda u: _outcome(lambda: access.access_membership_by_id(u, a, alice_in_a.pk)),
        admins_of_a,
    )
    assert_table(
        world,
        lambda u: _outcome(lambda: access.access_membership_by_id(u, b, bob_in_b.pk)),
        staff_only,
    )
    # A membership of another authority is not found through one's own authority.
    staff = world.users["staff"]
    assert _outcome(lambda: access.access_membership_by_id(staff, a, bob_in_b.pk)) == "404"
    # Inactive authorities are not managed by anyone.
    b.is_active = False
    b.save()
    assert _outcome(lambda: access.access_managed_organisation_by_id(staff, b.pk)) == "404"


def test_access_focal_point_and_editor(world: World):
    focal_point = world.users["fiona"].focal_points.get()
    eddie = world.users["eddie"]
    staff_only = {n: "404" for n in PERSONA_NAMES} | {"staff": "ok"}
    assert_table(
        world,
        lambda u: _outcome(lambda: access.access_focal_point_by_id(u, focal_point.pk)),
        staff_only,
    )
    assert_table(
        world, lambda u: _outcome(lambda: access.access_editor_by_id(u, eddie.pk)), staff_only
    )
    # Someone who is not an editor is not found as one.
    staff = world.users["staff"]
    assert _outcome(lambda: access.access_editor_by_id(staff, world.users["alice"].pk)) == "404"


def test_access_api_token_by_id_finds_only_ones_own(world: World):
    token, _clear = issue_token(world.users["alice"], "script")
    expected = {n: "404" for n in PERSONA_NAMES} | {"alice": "ok"}
    assert_table(
        world, lambda u: _outcome(lambda: access.access_api_token_by_id(u, token.pk)), expected
    )
    assert ApiToken.objects.count() == 1


def test_require_sends_anonymous_to_sign_in_and_refuses_others(world: World):
    @access.require(access.is_staff)
    def staff_page(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/en/somewhere/?a=1&b=2")
    request.user = AnonymousUser()
    response = staff_page(request)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/somewhere/%3Fa%3D1%26b%3D2"

    request.user = world.users["alice"]
    with pytest.raises(PermissionDenied):
        staff_page(request)

    request.user = world.users["staff"]
    assert staff_page(request).status_code == 200


def test_public_marks_a_view_as_open(db):
    @access.public
    def open_page(request):
        return HttpResponse("ok")

    assert open_page.palermo_access == "public"


def test_apps_can_declare_more_roles_that_need_mfa(world: World):
    practitioner = world.users["practitioner"]
    assert not access.requires_mfa(practitioner)

    def is_reviewer(user: Any) -> bool:
        return getattr(user, "email", "") == "pat@example.org"

    access.register_mfa_role(is_reviewer)
    try:
        access.register_mfa_role(is_reviewer)  # registering twice changes nothing
        assert access.EXTRA_MFA_ROLE_CHECKS.count(is_reviewer) == 1
        assert access.requires_mfa(practitioner)
        assert not access.requires_mfa(world.users["anon"])
    finally:
        access.EXTRA_MFA_ROLE_CHECKS.remove(is_reviewer)
