"""Verification of practitioners: ask, see the queue, decide with a reason, tell by e-mail."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from conftest import World
from palermo.accounts import selectors, services
from palermo.accounts.models import User, VerificationRequest
from palermo.accounts.tests.factories import UserFactory
from palermo.core.models import AuditEvent


def _newcomer(email: str = "newcomer@example.org", language: str = "en") -> User:
    return UserFactory(email=email, full_name="Nora Newcomer", preferred_language=language)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _ask(world: World, user: User, country=None) -> VerificationRequest:
    return services.request_verification(
        user,
        organisation_name="Public Prosecutor's Office of Xandria",
        position="prosecutor",
        country=country or world.state_x,
        reason="I prepare outgoing requests for evidence.",
    )


def test_an_unverified_user_asks_through_the_form(world: World):
    user = _newcomer()
    client = _client(user)
    profile = client.get("/en/accounts/profile/").content.decode()
    assert 'href="/en/accounts/verification/"' in profile

    # A form with errors keeps what was typed.
    response = client.post(
        "/en/accounts/verification/",
        {"organisation_name": "Prosecutor's office", "position": "", "country": world.state_x.pk},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="Prosecutor&#x27;s office"' in html
    assert "This field is required." in html

    response = client.post(
        "/en/accounts/verification/",
        {
            "organisation_name": "Prosecutor's office",
            "position": "prosecutor",
            "country": world.state_x.pk,
            "reason": "Extradition cases with Yberia.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    verification = VerificationRequest.objects.get(user=user)
    assert verification.status == "pending"
    assert verification.country == world.state_x
    event = AuditEvent.objects.get(action="verification.requested")
    assert event.actor == user
    assert event.target_id == str(verification.pk)

    profile = client.get("/en/accounts/profile/").content.decode()
    assert "waiting for a decision" in profile
    # Asking twice is refused, politely.
    again = client.get("/en/accounts/verification/")
    assert again.status_code == 302
    with pytest.raises(ValidationError):
        _ask(world, user)


def test_the_queue_shows_requests_of_the_admins_state_only(world: World):
    in_x = _ask(world, _newcomer("x@example.org"))
    in_y = _ask(world, _newcomer("y@example.org"), world.state_y)
    assert list(selectors.verification_queue(world.users["adam"])) == [in_x]
    assert list(selectors.verification_queue(world.users["staff"])) == [in_x, in_y]
    assert list(selectors.verification_queue(world.users["alice"])) == []

    html = world.client("adam").get("/en/accounts/verification/queue/").content.decode()
    assert "x@example.org" in html
    assert "y@example.org" not in html
    profile = world.client("adam").get("/en/accounts/profile/").content.decode()
    assert "1 request waits for a decision." in profile


def test_approving_verifies_the_person_records_the_event_and_tells_them(world: World):
    user = _newcomer(language="fr")
    verification = _ask(world, user)
    adam = world.client("adam")
    response = adam.post(
        f"/en/accounts/verification/{verification.pk}/",
        {"decision": "approve", "reason": "Confirmed with the prosecutor's office."},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.verified_at is not None
    assert user.verified_by == world.users["adam"]
    assert user.verification_note == "I prepare outgoing requests for evidence."
    verification.refresh_from_db()
    assert verification.status == "approved"
    assert verification.decided_by == world.users["adam"]

    event = AuditEvent.objects.get(action="verification.approved")
    assert event.actor == world.users["adam"]
    assert event.organisation == world.authority_a
    assert event.changes == {"status": ["pending", "approved"]}

    # The e-mail goes out in the requester's language, with the reason and a link back.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["newcomer@example.org"]
    assert "praticien" in message.subject
    assert "Confirmed with the prosecutor's office." in message.body
    assert "http://testserver/fr/accounts/profile/" in message.body

    profile = _client(user).get("/en/accounts/profile/").content.decode()
    assert "Verified on" in profile
    # Deciding twice is refused.
    again = adam.post(
        f"/en/accounts/verification/{verification.pk}/",
        {"decision": "reject", "reason": "Changed my mind."},
    )
    assert again.status_code == 200
    assert VerificationRequest.objects.get(pk=verification.pk).status == "approved"


def test_rejecting_needs_a_reason_and_the_person_sees_it(world: World):
    user = _newcomer()
    verification = _ask(world, user)
    staff = world.client("staff")
    missing = staff.post(f"/en/accounts/verification/{verification.pk}/", {"decision": "reject"})
    assert missing.status_code == 200
    assert "This field is required." in missing.content.decode()
    assert VerificationRequest.objects.get(pk=verification.pk).status == "pending"

    staff.post(
        f"/en/accounts/verification/{verification.pk}/",
        {"decision": "reject", "reason": "We could not confirm your position."},
    )
    verification.refresh_from_db()
    assert verification.status == "rejected"
    user.refresh_from_db()
    assert user.verified_at is None
    event = AuditEvent.objects.get(action="verification.rejected")
    assert event.organisation is None  # staff decided, not an authority
    assert len(mail.outbox) == 1
    assert "not approved" in mail.outbox[0].subject
    assert "We could not confirm your position." in mail.outbox[0].body

    profile = _client(user).get("/en/accounts/profile/").content.decode()
    assert "We could not confirm your position." in profile
    # After a rejection one may ask again.
    assert _client(user).get("/en/accounts/verification/").status_code == 200


def test_the_service_checks_who_decides(world: World):
    verification = _ask(world, _newcomer(), world.state_y)
    with pytest.raises(PermissionDenied):
        services.decide_verification(
            world.users["adam"], verification, approve=True, reason="Looks fine."
        )
    with pytest.raises(ValidationError):
        services.decide_verification(world.users["staff"], verification, approve=True, reason=" ")
    assert VerificationRequest.objects.get(pk=verification.pk).status == "pending"


def test_verified_people_cannot_ask_again(world: World):
    with pytest.raises(ValidationError):
        _ask(world, world.users["practitioner"])


def test_decisions_are_in_the_requests_history(world: World):
    verification = _ask(world, _newcomer())
    services.decide_verification(world.users["staff"], verification, approve=True, reason="OK")
    history = list(verification.history.order_by("history_date"))
    assert [h.status for h in history] == ["pending", "approved"]
    assert history[-1].history_user == world.users["staff"]
