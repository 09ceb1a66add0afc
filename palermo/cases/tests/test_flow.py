"""Registering an incoming request through the pages and taking it through its lifecycle."""

import datetime as dt

import time_machine

from palermo.cases.models import Case
from palermo.core.models import AuditEvent

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _register(client, world, **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {
        "direction": "incoming",
        "title": "Evidence from the port of Xandria",
        "counterpart_state": world.state_y.pk,
        "counterpart_authority": "Central Authority B",
        "request_type": "mla",
        "measures": ["taking_evidence", "bank_records"],
        "channel": "central_authority",
        "their_reference": "YB/2026/77",
        "received_on": "2026-11-02",
        "requesting_deadline": "2026-12-15",
        "requesting_deadline_reason": "Trial opens in January",
        "correspondence_language": "es",
        "document": SimpleUploadedFile("request.pdf", PDF, content_type="application/pdf"),
    }
    data.update(extra)
    return client.post("/en/cases/register/", data)


@time_machine.travel("2026-11-20 10:00Z")
def test_register_then_step_through_to_execution(world):
    alice = world.client("alice")
    response = _register(alice, world)
    assert response.status_code == 302, response.content.decode()[:2000]
    case = Case.objects.get()
    assert case.state == "received" and case.our_reference == "IN-2026-0001"
    assert case.documents.get().original_name == "request.pdf"
    page = alice.get(f"/en/cases/{case.pk}/")
    assert page.status_code == 200
    assert b"Evidence from the port of Xandria" in page.content
    steps = [
        ("register", "", "2026-11-03"),
        ("check_completeness", "", "2026-11-04"),
        ("accept", "", "2026-11-05"),
        ("assign_executing", "", "2026-11-06"),
        ("start_execution", "", "2026-11-09"),
        ("execute", "", "2026-11-19"),
    ]
    for code, reason, on in steps:
        case.refresh_from_db()
        response = alice.post(
            f"/en/cases/{case.pk}/step/",
            {
                "code": code,
                "reason": reason,
                "occurred_on": on,
                "version": case.version,
                "executing_authority": "Prosecutor of Xandria City",
            },
        )
        assert response.status_code == 302, (code, response.content.decode()[:3000])
    case.refresh_from_db()
    assert case.state == "executed"
    assert case.executed_on == dt.date(2026, 11, 19)
    assert case.days_to_execution == 17
    assert case.executing_authority == "Prosecutor of Xandria City"
    assert case.transitions.count() == 7
    assert AuditEvent.objects.filter(action="case.opened", target_id=str(case.pk)).exists()
    dashboard = alice.get("/en/cases/dashboard/")
    assert dashboard.status_code == 200
    assert b"<svg" in dashboard.content and b"Yberia" in dashboard.content


@time_machine.travel("2026-11-20 10:00Z")
def test_bad_input_keeps_what_was_typed_and_saves_nothing(world):
    alice = world.client("alice")
    response = _register(alice, world, received_on="2026-11-10", requesting_deadline="2026-11-01")
    assert response.status_code == 422
    body = response.content.decode()
    assert "The deadline cannot be before the date the request was received." in body
    assert 'value="Evidence from the port of Xandria"' in body
    assert Case.objects.count() == 0
    response = _register(alice, world, counterpart_state="999999")
    assert response.status_code == 422
    assert "Unknown State" in response.content.decode()
    response = _register(alice, world, received_on="2026-12-01")
    assert "The date received cannot be in the future." in response.content.decode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = _register(alice, world, document=SimpleUploadedFile("request.pdf", b"MZ\x90binary"))
    assert response.status_code == 422
    assert "not a real .pdf file" in response.content.decode()
    response = _register(alice, world, document=SimpleUploadedFile("run.exe", b"MZ\x90binary"))
    assert "Files of this type are not accepted" in response.content.decode()
    assert Case.objects.count() == 0


@time_machine.travel("2026-11-20 10:00Z")
def test_a_step_that_is_not_open_is_refused(world):
    alice = world.client("alice")
    _register(alice, world)
    case = Case.objects.get()
    response = alice.post(
        f"/en/cases/{case.pk}/step/", {"code": "execute", "version": case.version}, follow=True
    )
    assert "is not possible while the case is received" in response.content.decode()
    case.refresh_from_db()
    assert case.state == "received"


@time_machine.travel("2026-11-20 10:00Z")
def test_two_caseworkers_editing_at_once_nothing_is_lost_silently(world):
    alice, sam = world.client("alice"), world.client("sam")
    _register(alice, world)
    case = Case.objects.get()
    form = {
        "version": case.version,
        "title": "Alice's title",
        "channel": "central_authority",
        "received_on": "2026-11-02",
        "correspondence_language": "es",
    }
    assert alice.post(f"/en/cases/{case.pk}/edit/", form).status_code == 302
    late = sam.post(f"/en/cases/{case.pk}/edit/", {**form, "title": "Sam's title"})
    assert late.status_code == 409
    body = late.content.decode()
    assert "Someone else changed this case" in body
    assert 'value="Sam&#x27;s title"' in body  # what Sam typed is still in the form
    case.refresh_from_db()
    assert case.title == "Alice's title" and case.version == 2
