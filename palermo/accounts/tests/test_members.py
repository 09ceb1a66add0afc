"""Authority admins manage their members; staff grant focal point and editor roles. Every
change is in the audit trail (for the authority) and in the records' history."""

from __future__ import annotations

from conftest import World
from palermo.accounts import access
from palermo.accounts.models import FocalPoint, Membership, User
from palermo.accounts.tests.factories import UserFactory
from palermo.accounts.tests.markup import changed
from palermo.core.models import AuditEvent


def _members_url(world: World) -> str:
    return f"/en/accounts/authorities/{world.authority_a.pk}/"


def test_adam_adds_an_existing_user_with_a_role(world: World):
    newcomer = UserFactory(email="nina@example.org", full_name="Nina New")
    adam = world.client("adam")
    response = adam.post(_members_url(world), {"email": "NINA@example.org", "role": "supervisor"})
    assert response.status_code == 302
    membership = Membership.objects.get(user=newcomer)
    assert membership.organisation == world.authority_a
    assert membership.role == "supervisor"
    event = AuditEvent.objects.get(action="membership.added")
    assert event.actor == world.users["adam"]
    assert event.organisation == world.authority_a
    assert event.changes == {"role": [None, "supervisor"]}
    assert membership.history.get().history_user == world.users["adam"]

    page = adam.get(_members_url(world)).content.decode()
    assert "Nina New is now supervisor of Central Authority A." in page
    assert "nina@example.org" in page


def test_adding_an_unknown_or_existing_member_explains_why_and_keeps_the_input(world: World):
    adam = world.client("adam")
    response = adam.post(_members_url(world), {"email": "nobody@example.org", "role": "caseworker"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "No active account uses this e-mail address." in html
    assert 'value="nobody@example.org"' in html

    response = adam.post(_members_url(world), {"email": "alice@example.org", "role": "caseworker"})
    assert "already a member" in response.content.decode()
    # Bob may be a member of authority A as well as B (one role per authority).
    adam.post(_members_url(world), {"email": "bob@example.org", "role": "caseworker"})
    assert Membership.objects.filter(user=world.users["bob"]).count() == 2
    assert not AuditEvent.objects.filter(action="membership.added", target_label__contains="Alice")


def test_adam_changes_a_role_and_the_history_shows_from_what_to_what(world: World):
    alice_in_a = Membership.objects.get(user=world.users["alice"])
    adam = world.client("adam")
    response = adam.post(
        f"{_members_url(world)}members/{alice_in_a.pk}/role/", {"role": "supervisor"}
    )
    assert response.status_code == 302
    alice_in_a.refresh_from_db()
    assert alice_in_a.role == "supervisor"
    event = AuditEvent.objects.get(action="membership.role_changed")
    assert event.changes == {"role": ["caseworker", "supervisor"]}
    assert event.organisation == world.authority_a

    page = adam.get(_members_url(world)).content.decode()
    assert changed("caseworker", "supervisor", page)
    assert "Adam Admin" in page

    # An unknown role is refused.
    adam.post(f"{_members_url(world)}members/{alice_in_a.pk}/role/", {"role": "overlord"})
    alice_in_a.refresh_from_db()
    assert alice_in_a.role == "supervisor"


def test_adam_removes_a_member_after_confirming(world: World):
    sam_in_a = Membership.objects.get(user=world.users["sam"])
    adam = world.client("adam")
    url = f"{_members_url(world)}members/{sam_in_a.pk}/remove/"
    confirm = adam.get(url)
    assert "will no longer be a member of Central Authority A" in confirm.content.decode()
    assert Membership.objects.filter(pk=sam_in_a.pk).exists()

    assert adam.post(url).status_code == 302
    assert not Membership.objects.filter(pk=sam_in_a.pk).exists()
    event = AuditEvent.objects.get(action="membership.removed")
    assert event.organisation == world.authority_a
    assert event.changes == {"role": ["supervisor", None]}
    deleted = Membership.history.filter(id=sam_in_a.pk, history_type="-").get()
    assert deleted.history_user == world.users["adam"]
    # Sam loses access to the authority at once.
    sam = User.objects.get(pk=world.users["sam"].pk)
    assert not access.is_member_of(sam, world.authority_a)


def test_the_last_authority_admin_stays(world: World):
    adam_in_a = Membership.objects.get(user=world.users["adam"])
    adam = world.client("adam")
    adam.post(f"{_members_url(world)}members/{adam_in_a.pk}/role/", {"role": "caseworker"})
    adam_in_a.refresh_from_db()
    assert adam_in_a.role == "authority_admin"
    response = adam.post(f"{_members_url(world)}members/{adam_in_a.pk}/remove/", follow=True)
    assert "needs at least one authority administrator" in response.content.decode()
    assert Membership.objects.filter(pk=adam_in_a.pk).exists()

    # With a second admin, the first may step down.
    sam_in_a = Membership.objects.get(user=world.users["sam"])
    adam.post(f"{_members_url(world)}members/{sam_in_a.pk}/role/", {"role": "authority_admin"})
    adam.post(f"{_members_url(world)}members/{adam_in_a.pk}/role/", {"role": "caseworker"})
    adam_in_a.refresh_from_db()
    assert adam_in_a.role == "caseworker"


def test_staff_see_every_authority_and_admins_only_theirs(world: World):
    html = world.client("staff").get("/en/accounts/authorities/").content.decode()
    assert "Central Authority A" in html and "Central Authority B" in html
    response = world.client("adam").get("/en/accounts/authorities/")
    assert response["Location"] == _members_url(world)


def test_staff_grant_and_revoke_a_focal_point(world: World):
    person = UserFactory(email="yolanda@example.org", full_name="Yolanda Y")
    staff = world.client("staff")
    response = staff.post(
        "/en/accounts/roles/",
        {
            "grant_focal_point": "1",
            "focal-email": "yolanda@example.org",
            "focal-country": world.state_y.pk,
        },
    )
    assert response.status_code == 302
    focal_point = FocalPoint.objects.get(user=person)
    assert focal_point.country == world.state_y
    assert AuditEvent.objects.get(action="focal_point.granted").changes == {
        "country": [None, "Yberia"]
    }

    again = staff.post(
        "/en/accounts/roles/",
        {
            "grant_focal_point": "1",
            "focal-email": "yolanda@example.org",
            "focal-country": world.state_y.pk,
        },
    )
    assert "already a focal point for this State" in again.content.decode()

    staff.post(f"/en/accounts/roles/focal-points/{focal_point.pk}/revoke/")
    assert not FocalPoint.objects.filter(user=person).exists()
    assert AuditEvent.objects.get(action="focal_point.revoked").actor == world.users["staff"]
    page = staff.get("/en/accounts/roles/").content.decode()
    assert "Yolanda Y · Yberia" in page  # in the history table, created and deleted


def test_staff_grant_and_revoke_the_editor_role(world: World):
    person = UserFactory(email="edna@example.org", full_name="Edna E")
    staff = world.client("staff")
    staff.post("/en/accounts/roles/", {"grant_editor": "1", "editor-email": "edna@example.org"})
    person.refresh_from_db()
    assert person.is_editor
    assert AuditEvent.objects.get(action="editor.granted").target_label == "Edna E"
    last = person.history.latest()
    assert last.is_editor and last.history_user == world.users["staff"]

    page = staff.get("/en/accounts/roles/").content.decode()
    assert "Edna E became an editor" in page
    staff.post(f"/en/accounts/roles/editors/{person.pk}/revoke/")
    person.refresh_from_db()
    assert not person.is_editor
    assert AuditEvent.objects.filter(action="editor.revoked").count() == 1
    # The new editor must set up a second factor: requires_mfa follows the role.
    assert access.requires_mfa(User.objects.get(email="eddie@example.org"))


def test_the_roles_form_keeps_what_was_typed(world: World):
    response = world.client("staff").post(
        "/en/accounts/roles/", {"grant_editor": "1", "editor-email": "not-an-address"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="not-an-address"' in html
    assert "Enter a valid email address." in html
