"""Entries not verified for 12 months are flagged, listed for their focal points, and their
focal points are reminded by e-mail through the task queue."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client

from palermo.directory.models import Authority
from palermo.directory.tests.factories import AuthorityFactory

VERIFIED = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def entries(world):
    return {
        "x": AuthorityFactory(
            country=world.state_x, name="Xandria Central Authority", last_verified_at=VERIFIED
        ),
        "y": AuthorityFactory(
            country=world.state_y, name="Yberia Central Authority", last_verified_at=VERIFIED
        ),
    }


@pytest.mark.parametrize(
    "today, stale",
    [
        ("2025-09-01", False),
        ("2026-02-28", False),
        ("2026-03-01 09:00", False),
        ("2026-03-02", True),
        ("2027-01-01", True),
    ],
)
def test_flagged_stale_after_twelve_months(entries, today, stale):
    with time_machine.travel(dt.datetime.fromisoformat(today).replace(tzinfo=dt.UTC), tick=False):
        assert entries["x"].is_stale() is stale
        page = Client().get(f"/en/directory/{entries['x'].pk}/").content.decode()
        assert ("Not verified for over 12 months" in page) is stale


def test_never_verified_is_stale(world):
    assert AuthorityFactory(country=world.state_x, last_verified_at=None).is_stale()


@pytest.mark.parametrize(
    "persona, status, sees_x, sees_y",
    [
        ("anon", 302, False, False),
        ("practitioner", 403, False, False),
        ("alice", 403, False, False),
        ("fiona", 200, True, False),
        ("eddie", 200, True, True),
        ("staff", 200, True, True),
    ],
)
def test_stale_list_shows_each_focal_point_their_own_state(
    world, entries, persona, status, sees_x, sees_y
):
    with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC), tick=False):
        response = world.client(persona).get("/en/directory/stale/")
    assert response.status_code == status
    page = response.content.decode()
    assert ("Xandria Central Authority" in page) is sees_x
    assert ("Yberia Central Authority" in page) is sees_y


def test_confirming_from_the_stale_list_clears_the_flag(world, entries):
    with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC), tick=False):
        client = world.client("fiona")
        response = client.post(f"/en/directory/{entries['x'].pk}/verify/", {"next_page": "stale"})
        assert response["Location"].endswith("/directory/stale/")
        listed = client.get("/en/directory/stale/").content.decode()
        assert "Xandria Central Authority" not in listed
        assert not Authority.objects.get(pk=entries["x"].pk).is_stale()


def test_reminders_go_to_focal_points_of_states_with_stale_entries(world, entries):
    with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC), tick=False):
        call_command("directory_reminders", "--site-url", "https://palermo.example")
    # The tests run tasks immediately; in production `palermo worker` sends them.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["fiona@example.org"]
    assert message.subject == "Palermo: directory entries to verify (1)"
    assert "Xandria Central Authority" in message.body
    assert "Yberia" not in message.body  # Yberia has no focal point
    assert "https://palermo.example/en/directory/stale/" in message.body


def test_no_reminder_while_entries_are_fresh(world, entries):
    with time_machine.travel(dt.datetime(2025, 12, 1, tzinfo=dt.UTC), tick=False):
        call_command("directory_reminders")
    assert mail.outbox == []


def test_reminder_is_in_the_focal_points_language(world, entries):
    fiona = world.users["fiona"]
    fiona.preferred_language = "fr"
    fiona.save()
    with time_machine.travel(dt.datetime(2026, 6, 1, tzinfo=dt.UTC), tick=False):
        call_command("directory_reminders")
    assert "/fr/directory/stale/" in mail.outbox[0].body
    assert "vérifier" in mail.outbox[0].subject


def test_reminder_is_plain_text_not_html_escaped(world):
    AuthorityFactory(country=world.state_x, name="Justice & Security Office", last_verified_at=None)
    call_command("directory_reminders")
    assert "Justice & Security Office" in mail.outbox[0].body
