"""The account page: who you are, your roles, and the details you edit yourself."""

from __future__ import annotations

from django.test import Client

from conftest import World
from palermo.accounts.models import User
from palermo.accounts.tests.factories import UserFactory
from palermo.core.models import AuditEvent


def test_the_page_shows_roles_and_second_factor(world: World):
    html = world.client("adam").get("/en/accounts/profile/").content.decode()
    assert "authority administrator" in html
    assert "Central Authority A (Xandria)" in html
    assert '<span class="badge badge--ok">on</span>' in html
    # Administration links only for what the person may do.
    assert 'href="/en/accounts/verification/queue/"' in html
    assert 'href="/en/accounts/authorities/"' in html
    assert 'href="/en/accounts/roles/"' not in html
    assert 'href="/en/accounts/audit/"' in html
    staff = world.client("staff").get("/en/accounts/profile/").content.decode()
    assert 'href="/en/accounts/roles/"' in staff
    alice = world.client("alice").get("/en/accounts/profile/").content.decode()
    assert "Administration" not in alice


def test_editing_the_profile_saves_audits_and_switches_the_language(world: World):
    user = world.users["practitioner"]
    client = world.client("practitioner")
    response = client.post(
        "/en/accounts/profile/",
        {
            "full_name": "Patricia Practitioner",
            "position": "investigating judge",
            "country": world.state_y.pk,
            "preferred_language": "es",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/es/accounts/profile/"
    assert response.cookies["django_language"].value == "es"
    user.refresh_from_db()
    assert (user.full_name, user.position, user.country, user.preferred_language) == (
        "Patricia Practitioner",
        "investigating judge",
        world.state_y,
        "es",
    )
    event = AuditEvent.objects.get(action="account.profile_updated")
    assert event.changes["full_name"] == ["Pat Practitioner", "Patricia Practitioner"]
    assert event.changes["country"] == [None, "Yberia"]
    page = client.get("/es/accounts/profile/")
    assert 'lang="es"' in page.content.decode()


def test_a_bad_value_is_explained_and_what_was_typed_stays(world: World):
    client = world.client("practitioner")
    response = client.post(
        "/en/accounts/profile/",
        {"full_name": "Still Here", "position": "x" * 201, "preferred_language": "en"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value has at most 200 characters" in html
    assert 'value="Still Here"' in html
    assert User.objects.get(email="pat@example.org").full_name == "Pat Practitioner"
    # The header still shows the saved name, not the rejected one.
    assert "Pat Practitioner</a>" in html


def test_signing_in_opens_palermo_in_the_preferred_language(db):
    UserFactory(email="fr@example.org", preferred_language="fr")
    client = Client()
    response = client.post(
        "/en/accounts/login/",
        {"login": "fr@example.org", "password": "correct horse battery staple 42"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/"
    assert client.cookies["django_language"].value == "fr"
