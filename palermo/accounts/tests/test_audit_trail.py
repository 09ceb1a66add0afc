"""The audit trail page (staff: everything; authority admins: their authority) and the reusable
history table."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from conftest import World
from palermo.accounts import services
from palermo.accounts.models import Membership
from palermo.accounts.tests.factories import UserFactory
from palermo.accounts.tests.markup import changed
from palermo.core.audit import record_event
from palermo.core.models import AuditEvent


def _events(world: World) -> None:
    """Three events for authority A, one for B, one for no authority."""
    alice_in_a = Membership.objects.get(user=world.users["alice"])
    bob_in_b = Membership.objects.get(user=world.users["bob"])
    with time_machine.travel(dt.datetime(2026, 3, 1, 10, tzinfo=dt.UTC)):
        services.change_member_role(world.users["adam"], alice_in_a, role="supervisor")
    with time_machine.travel(dt.datetime(2026, 3, 5, 10, tzinfo=dt.UTC)):
        services.change_member_role(world.users["adam"], alice_in_a, role="caseworker")
        record_event(
            world.users["alice"], "case.opened", world.authority_a, organisation=world.authority_a
        )
    with time_machine.travel(dt.datetime(2026, 3, 9, 10, tzinfo=dt.UTC)):
        services.change_member_role(world.users["staff"], bob_in_b, role="supervisor")
        record_event(world.users["staff"], "editor.granted", world.users["eddie"])


def _rows(html: str) -> int:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return body.count("<tr>")


def test_staff_see_every_event_and_admins_their_authoritys(world: World):
    _events(world)
    staff = world.client("staff").get("/en/accounts/audit/")
    assert "5 recorded events, newest first" in staff.content.decode()
    adam = world.client("adam").get("/en/accounts/audit/").content.decode()
    assert "3 recorded events, newest first" in adam
    assert "Bob Caseworker" not in adam
    assert "editor.granted" not in adam


def test_filters_by_action_record_type_who_and_dates(world: World):
    _events(world)
    staff = world.client("staff")

    def count(query: str) -> int:
        response = staff.get(f"/en/accounts/audit/?{query}")
        assert response.status_code == 200
        return response.context["page"].paginator.count

    assert count("action=membership.") == 3
    assert count("record_type=accounts.membership") == 3
    assert count("record_type=accounts.organisation") == 1
    assert count("who=alice") == 1
    assert count("who=Adam+Admin") == 2
    assert count("date_from=2026-03-05") == 4
    assert count("date_to=2026-03-05") == 3
    assert count("date_from=2026-03-05&date_to=2026-03-05") == 2
    assert count("action=membership.&who=staff") == 1


def test_bad_filters_are_explained_and_kept(world: World):
    _events(world)
    response = world.client("staff").get(
        "/en/accounts/audit/?date_from=2026-03-09&date_to=2026-03-01&who=stella"
    )
    html = response.content.decode()
    assert "The end date must not be before the start date." in html
    assert 'value="stella"' in html
    # The valid filters still apply.
    assert response.context["page"].paginator.count == 2
    response = world.client("staff").get("/en/accounts/audit/?date_from=yesterday")
    assert "Enter a valid date." in response.content.decode()


def test_the_record_type_filter_offers_only_types_the_user_may_see(world: World):
    _events(world)
    adam = world.client("adam").get("/en/accounts/audit/")
    offered = [value for value, _label in adam.context["form"].fields["record_type"].choices]
    assert offered == ["", "accounts.membership", "accounts.organisation"]
    staff = world.client("staff").get("/en/accounts/audit/")
    assert "accounts.user" in [v for v, _l in staff.context["form"].fields["record_type"].choices]


def test_what_changed_is_shown_from_what_to_what(world: World):
    _events(world)
    html = (
        world.client("adam")
        .get("/en/accounts/audit/?action=membership.role_changed")
        .content.decode()
    )
    assert changed("supervisor", "caseworker", html)
    assert changed("caseworker", "supervisor", html)
    assert "Adam Admin" in html


def test_pages_of_fifty_with_a_bounded_number_of_queries(world: World):
    for number in range(120):
        record_event(world.users["adam"], f"test.event{number}", organisation=world.authority_a)
    client = world.client("adam")
    first = client.get("/en/accounts/audit/")
    assert _rows(first.content.decode()) == 50
    assert "Page 1 of 3" in first.content.decode()
    third = client.get("/en/accounts/audit/?page=3")
    assert _rows(third.content.decode()) == 20
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/accounts/audit/?page=2")
    assert len(queries) < 20


def test_audit_trail_link_in_the_footer_for_those_who_may_read_it(world: World):
    assert 'href="/en/accounts/audit/"' in world.client("adam").get("/en/").content.decode()
    assert 'href="/en/accounts/audit/"' not in world.client("alice").get("/en/").content.decode()


HISTORY = Template(
    '{% include "accounts/history_table.html" with history=history caption="Changes" '
    "show_record=show %}"
)


def test_history_table_shows_who_when_and_which_fields_changed(world: World):
    user = UserFactory(email="henry@example.org", full_name="Henry H", position="clerk")
    services.update_profile(
        user, user, full_name="Henry Hill", position="prosecutor", country=world.state_x
    )
    services.set_editor(world.users["staff"], user, is_editor=True)

    html = HISTORY.render(Context({"history": user.history.all(), "show": False}))
    assert "<caption>Changes</caption>" in html
    assert changed("Henry H", "Henry Hill", html)
    assert changed("clerk", "prosecutor", html)
    assert changed("—", "Xandria", html)  # a linked record by its name
    assert changed("no", "yes", html)  # booleans in words
    assert "Stella Staff" in html
    assert "password" not in html.lower()
    assert html.count('<span class="badge">changed</span>') == 2
    assert '<span class="badge">added</span>' in html


def test_history_table_over_several_records_names_each_and_handles_deletions(world: World):
    alice_in_a = Membership.objects.get(user=world.users["alice"])
    services.change_member_role(world.users["adam"], alice_in_a, role="supervisor")
    services.remove_member(world.users["adam"], alice_in_a)
    history = Membership.history.filter(organisation_id=world.authority_a.pk)
    with CaptureQueriesContext(connection) as queries:
        html = HISTORY.render(Context({"history": history, "show": True}))
    assert len(queries) <= 6
    assert "Alice Caseworker · caseworker · Central Authority A" in html
    assert '<span class="badge">deleted</span>' in html
    assert changed("caseworker", "supervisor", html)


def test_history_table_shows_the_change_before_the_window(world: World):
    """With a limit, the oldest change shown is still compared with the record before it."""
    alice_in_a = Membership.objects.get(user=world.users["alice"])
    services.change_member_role(world.users["adam"], alice_in_a, role="supervisor")
    template = Template('{% include "accounts/history_table.html" with history=history limit=1 %}')
    html = template.render(Context({"history": alice_in_a.history.all()}))
    assert changed("caseworker", "supervisor", html)
    assert "Only the newest change is shown." in html


def test_history_table_when_nothing_is_recorded(db):
    html = HISTORY.render(Context({"history": Membership.history.none(), "show": False}))
    assert "No changes recorded yet." in html


def test_events_of_deleted_users_stay(world: World):
    _events(world)
    world.users["alice"].delete()
    html = world.client("staff").get("/en/accounts/audit/?action=case.").content.decode()
    assert "not recorded" in html
    assert AuditEvent.objects.filter(action="case.opened", actor__isnull=True).count() == 1
