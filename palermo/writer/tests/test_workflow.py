"""The workflow from draft to sent, through the services and the API, with the case opened in
case tracking; versions of locked requests; validation of bad input with its field paths."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from palermo.cases.models import Case
from palermo.writer import services
from palermo.writer.models import Status, WriterRequest
from palermo.writer.samples import sample
from palermo.writer.selectors import checklist_for
from palermo.writer.tests.factories import make_request


def api(client: Any, method: str, path: str, body: Any = None) -> Any:
    data = json.dumps(body) if body is not None else ""
    return getattr(client, method)(f"/api/v1/writer{path}", data, content_type="application/json")


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
def test_draft_to_sent_opens_the_outgoing_case(world: Any, media: None) -> None:
    alice, sam = world.users["alice"], world.users["sam"]
    request = make_request(world)
    assert checklist_for(request).errors == []
    services.submit_for_review(alice, request)
    with pytest.raises(PermissionDenied):
        services.approve_request(alice, request, "Alice")
    services.approve_request(sam, request, "Sam Supervisor\nHead of unit\nCentral Authority A")
    with pytest.raises(ValidationError):  # warnings not yet acknowledged
        services.finalise_request(alice, request)
    warnings = [w.rule for w in checklist_for(request).warnings]
    services.acknowledge_warnings(alice, request, warnings)
    services.finalise_request(alice, request)
    assert request.is_locked
    services.send_request(alice, request)
    request.refresh_from_db()
    assert request.status == Status.SENT
    case = Case.objects.get(writer_request_id=request.pk)
    assert request.case_id == case.pk
    assert case.organisation == world.authority_a
    assert request.history.count() >= 5


@pytest.mark.django_db
def test_draft_with_errors_cannot_be_submitted(world: Any) -> None:
    request = make_request(world, purpose="")
    with pytest.raises(ValidationError):
        services.submit_for_review(world.users["alice"], request)


@pytest.mark.django_db
def test_changing_a_final_request_makes_a_new_version(world: Any, media: None) -> None:
    alice, sam = world.users["alice"], world.users["sam"]
    request = make_request(world)
    services.submit_for_review(alice, request)
    services.approve_request(sam, request, "Sam Supervisor")
    services.acknowledge_warnings(alice, request, [w.rule for w in checklist_for(request).warnings])
    services.finalise_request(alice, request)
    response = api(
        world.client("alice"),
        "patch",
        f"/requests/{request.pk}",
        {"content": {"purpose": "A new purpose."}},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["id"] != request.pk
    assert body["version_number"] == 2 and body["status"] == "draft"
    assert body["previous_version_id"] == request.pk
    request.refresh_from_db()
    assert request.status == Status.FINAL
    assert request.content["purpose"] != "A new purpose."


@pytest.mark.django_db
def test_return_to_draft_needs_a_reason(world: Any) -> None:
    request = make_request(world)
    services.submit_for_review(world.users["alice"], request)
    with pytest.raises(ValidationError):
        services.return_to_draft(world.users["sam"], request, "  ")
    services.return_to_draft(world.users["sam"], request, "Add the second account.")
    assert request.status == Status.DRAFT


@pytest.mark.django_db
def test_api_full_cycle(world: Any, media: None) -> None:
    alice, sam = world.client("alice"), world.client("sam")
    content = sample("bank_records")
    content["requesting_authority"]["state"] = world.state_x.iso3
    content["requested_state"] = world.state_y.iso3
    created = api(alice, "post", "/requests", {"content": content})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    checklist = api(alice, "post", f"/requests/{pk}/validate").json()
    assert checklist["ready"] is True
    assert {"severity", "rule", "field", "message"} <= set(checklist["items"][0])
    assert api(alice, "post", f"/requests/{pk}/transitions/submit", {}).status_code == 200
    assert (
        api(
            alice, "post", f"/requests/{pk}/transitions/approve", {"signature_block": "Alice"}
        ).status_code
        == 403
    )
    assert (
        api(
            sam,
            "post",
            f"/requests/{pk}/transitions/approve",
            {"signature_block": "Sam Supervisor"},
        ).status_code
        == 200
    )
    rules = [i["rule"] for i in checklist["items"] if i["severity"] == "warning"]
    assert api(alice, "post", f"/requests/{pk}/acknowledge", {"rules": rules}).status_code == 200
    assert api(alice, "post", f"/requests/{pk}/transitions/finalise", {}).status_code == 200
    sent = api(alice, "post", f"/requests/{pk}/transitions/send", {})
    assert sent.status_code == 200 and sent.json()["case_id"] is not None
    exported = alice.get(f"/api/v1/writer/requests/{pk}/render?format=json&lang=en")
    assert exported.json()["status"] == "sent"
    assert exported["X-Content-SHA256"]
    stored = alice.get(f"/api/v1/writer/requests/{pk}/documents").json()
    as_sent = next(d for d in stored if d["format"] == "pdf")
    again = alice.get(f"/api/v1/writer/requests/{pk}/documents/{as_sent['id']}")
    assert again.status_code == 200 and again["X-Content-SHA256"] == as_sent["sha256"]
    assert (
        world.client("bob")
        .get(f"/api/v1/writer/requests/{pk}/documents/{as_sent['id']}")
        .status_code
        == 404
    )
    page = alice.get(f"/en/writer/{pk}/documents/{as_sent['id']}/")
    assert page.status_code == 200 and page.content.startswith(b"%PDF")
    assert world.client("bob").get(f"/en/writer/{pk}/documents/{as_sent['id']}/").status_code == 404


@pytest.mark.django_db
def test_api_names_each_bad_field(world: Any) -> None:
    content = sample("bank_records")
    content["requested_state"] = "ZZZ"
    content["measures"][0]["fields"]["period_from"] = "31/12/2025"
    content["offences"][0]["max_penalty_years"] = "many"
    content["urgency"]["deadline"] = "next week"
    content["colour"] = "blue"
    response = api(world.client("alice"), "post", "/requests", {"content": content})
    assert response.status_code == 422
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert {
        "measures.0.fields.period_from",
        "offences.0.max_penalty_years",
        "urgency.deadline",
        "colour",
    } <= fields
    content = sample("bank_records")
    content["requested_state"] = "ZZZ"
    response = api(world.client("alice"), "post", "/requests", {"content": content})
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "requested_state"
    assert WriterRequest.objects.count() == 0


@pytest.mark.django_db
def test_api_messages_follow_the_callers_language(world: Any) -> None:
    created = api(world.client("alice"), "post", "/requests", {"content": {}}).json()
    response = world.client("alice").post(
        f"/api/v1/writer/requests/{created['id']}/validate", HTTP_ACCEPT_LANGUAGE="fr"
    )
    messages = {i["rule"]: i["message"] for i in response.json()["items"]}
    assert messages["content.purpose"].startswith("Indiquez pourquoi")


@pytest.mark.django_db
def test_omissions_from_an_unseen_scenario_are_caught(world: Any) -> None:
    """A request as a case-management system might send it: thin, with a coercive measure."""
    content = {
        "requesting_authority": {"name": "Ministry of Justice", "state": world.state_x.iso3},
        "requested_state": world.state_y.iso3,
        "target_language": "es",
        "measures": [{"code": "search_seizure", "fields": {"premises": "Warehouse 7"}}],
        "offences": [{"description": "Fraud", "max_penalty_years": 3}],
        "legal_basis": {"chosen": "untoc"},
    }
    response = api(world.client("alice"), "post", "/requests", {"content": content})
    assert response.status_code == 201, response.content.decode()
    created = response.json()
    items = api(world.client("alice"), "post", f"/requests/{created['id']}/validate").json()
    errors = {i["rule"] for i in items["items"] if i["severity"] == "error"}
    assert {
        "content.subject",
        "content.facts",
        "content.purpose",
        "content.measure_field",
        "content.offence_provisions",
        "basis.untoc_not_serious",
        "basis.untoc_transnational",
        "basis.untoc_group",
    } <= errors
    assert items["ready"] is False
