"""API errors, import, reminders, the chase letter, statistics, country section and demo."""

import io
import json
from datetime import date

import docx
import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from pypdf import PdfReader

from palermo.accounts.tests.factories import OrganisationFactory
from palermo.cases.country import country_section
from palermo.cases.figures import percentile
from palermo.cases.models import Case, Reminder
from palermo.cases.services import transition_case
from palermo.cases.statistics import statistics_for
from palermo.cases.tests.factories import CaseFactory
from palermo.reference.tests.factories import CountryFactory


@time_machine.travel("2026-11-20 10:00Z")
def test_api_refuses_an_impossible_step_and_a_stale_version(world):
    case = CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y)
    client = world.client("alice")
    url = f"/api/v1/cases/{case.pk}/transitions"
    response = client.post(
        url, json.dumps({"code": "execute", "version": 1}), content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["error"]["message"].startswith("“Record execution” is not possible")
    ok = client.post(
        url, json.dumps({"code": "register", "version": 1}), content_type="application/json"
    )
    assert ok.status_code == 201 and ok.json()["state"] == "registered"
    stale = client.patch(
        f"/api/v1/cases/{case.pk}",
        json.dumps({"version": 1, "title": "Mine"}),
        content_type="application/json",
    )
    assert stale.status_code == 409
    bad = client.post(
        url,
        json.dumps({"code": "withdraw", "version": 2, "reason": ""}),
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["details"][0]["field"] == "reason"
    case.refresh_from_db()
    assert case.title != "Mine" and case.state == "registered"


@time_machine.travel("2026-11-20 10:00Z")
def test_api_registers_a_case_and_rejects_an_unknown_state(world):
    client = world.client("alice")
    body = {
        "direction": "incoming",
        "title": "Witness hearing",
        "counterpart_state": "YBB",
        "received_on": "2026-11-18",
        "measures": [{"code": "video_hearing"}],
    }
    response = client.post("/api/v1/cases/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["our_reference"] == "IN-2026-0001"
    body["counterpart_state"] = "QQQ"
    response = client.post("/api/v1/cases/", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "counterpart_state"
    assert Case.objects.count() == 1


CSV_HEADER = (
    "direction,our_reference,title,counterpart_state,status,received_on,sent_on,"
    "executed_on,measures,refusal_ground\n"
)


@time_machine.travel("2026-11-20 10:00Z")
def test_import_reports_every_bad_row_and_saves_nothing(world, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        CSV_HEADER
        + "incoming,R1,Good row,YBB,received,2026-10-01,,,bank_records,\n"
        + "incoming,R2,Unknown State,ZZZ,received,2026-10-01,,,,\n"
        + "incoming,R3,Bad status,YBB,teleported,2026-10-01,,,,\n"
        + "outgoing,R4,Bad date,YBB,sent,,2026-13-01,,,\n",
        encoding="utf-8",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_cases", str(bad), authority=world.authority_a.pk, stderr=err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("line 3: unknown State 'ZZZ'")
    assert lines[1].startswith("line 4: unknown status 'teleported'")
    assert lines[2].startswith("line 5: sent_on")
    assert Case.objects.count() == 0
    good = tmp_path / "good.csv"
    good.write_text(
        CSV_HEADER
        + "incoming,R1,Executed,YBB,closed,2026-01-10,,2026-03-11,bank_records;freezing,\n"
        + "outgoing,R2,Refused,YBB,refused,,2026-02-01,,,dual_criminality\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command("import_cases", str(good), authority=world.authority_a.pk, stdout=out)
    assert "2 cases imported" in out.getvalue()
    executed = Case.objects.get(our_reference="R1")
    assert executed.days_to_execution == 60 and not executed.is_open
    assert [t.to_state for t in executed.transitions.all()] == ["received", "executed", "closed"]
    stats = statistics_for(world.authority_a.pk, date(2026, 11, 20))
    assert [(r.key, r.median) for r in stats.by_state] == [("YBB", 60.0)]
    assert stats.refusals[0][0] == "dual_criminality"


@time_machine.travel("2026-11-20 10:00Z")
def test_reminders_in_the_application_and_by_email(world):
    alice = world.users["alice"]
    late = CaseFactory(
        organisation=world.authority_a,
        counterpart_state=world.state_y,
        assigned_to=alice,
        received_on=date(2026, 10, 1),
    )
    transition_case(alice, late, "register", version=1)  # computes the deadlines
    call_command("case_reminders", stdout=io.StringIO())
    reminder = Reminder.objects.get()
    assert reminder.recipient == alice and reminder.due_on < date(2026, 11, 20)
    assert reminder.emailed_at is not None
    assert len(mail.outbox) == 1 and late.our_reference in mail.outbox[0].subject
    call_command("case_reminders", stdout=io.StringIO())  # once a day only
    assert Reminder.objects.count() == 1 and len(mail.outbox) == 1
    page = world.client("alice").get("/en/cases/dashboard/")
    assert late.our_reference.encode() in page.content


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fr", "Demande de renseignements sur l’état d’avancement"),
        ("es", "Solicitud de información sobre el estado"),
        ("ar", "استفسار عن حالة الطلب"),
    ],
)
@time_machine.travel("2026-11-20 10:00Z")
def test_chase_drafts_a_status_enquiry_in_the_counterparts_language(world, language, expected):
    case = CaseFactory(
        organisation=world.authority_a,
        counterpart_state=world.state_y,
        direction="outgoing",
        state="sent",
        received_on=None,
        sent_on=date(2026, 9, 1),
        correspondence_language=language,
        their_reference="YB-55",
    )
    response = world.client("alice").post(f"/en/cases/{case.pk}/chase/")
    assert response.status_code == 302
    docx_doc, pdf_doc = case.documents.order_by("original_name")
    with pdf_doc.file.open("rb") as handle:
        text = "".join(page.extract_text() for page in PdfReader(handle).pages)
    assert "YB-55" in text
    with docx_doc.file.open("rb") as handle:
        paragraphs = "\n".join(p.text for p in docx.Document(handle).paragraphs)
    assert expected in paragraphs
    entry = case.correspondence.get()
    assert entry.kind == "status_enquiry_sent" and entry.document == pdf_doc


def test_percentiles():
    assert percentile([], 0.5) is None
    assert percentile([10], 0.9) == 10
    assert percentile([1, 2, 3, 4], 0.5) == 2.5
    assert percentile(list(range(1, 11)), 0.9) == pytest.approx(9.1)


def test_country_section_only_for_members_and_only_their_cases(world, rf):
    CaseFactory(organisation=world.authority_a, counterpart_state=world.state_y, title="A's case")
    CaseFactory(organisation=world.authority_b, counterpart_state=world.state_y, title="B's case")
    request = rf.get("/")
    request.user = world.users["alice"]
    section = country_section(request, world.state_y)
    assert section is not None and section["count"] == 1
    assert section["cases"][0]["title"] == "A's case"
    request.user = world.users["bob"]
    theirs = country_section(request, world.state_y)
    assert [c["title"] for c in theirs["cases"]] == ["B's case"]  # never A's
    for persona in ("practitioner", "fiona", "staff"):
        request.user = world.users[persona]
        assert country_section(request, world.state_y) is None


def test_demo_loads_about_300_cases_with_transitions_and_is_idempotent(db):
    from palermo.accounts.demo import DEMO_AUTHORITY_A
    from palermo.cases.demo import COUNTERPARTS, load_demo

    italy = CountryFactory(iso2="IT", iso3="ITA", numeric="380", name="Italy")
    for index, code in enumerate(COUNTERPARTS):
        CountryFactory(iso2=f"Z{chr(65 + index)}", iso3=code, numeric=f"{700 + index}", name=code)
    OrganisationFactory(name=DEMO_AUTHORITY_A, country=italy)
    load_demo(lambda line: None)
    load_demo(lambda line: None)
    cases = Case.objects.all()
    assert cases.count() == 300
    assert cases.filter(state="refused").exists() or cases.filter(refusal_ground__gt="").exists()
    assert cases.filter(days_to_execution__isnull=False).count() > 50
    assert all(c.transitions.exists() for c in cases[:20])


def test_country_page_shows_the_section_to_members_only(world, rf):
    from palermo.reference.sections import country_sections

    CaseFactory(
        organisation=world.authority_a,
        counterpart_state=world.state_y,
        our_reference="IN-2026-0042",
    )
    request = rf.get("/")
    request.user = world.users["alice"]
    [section] = [s for s in country_sections(request, world.state_y) if s.app == "cases"]
    assert "IN-2026-0042" in section.html and "Open: 1" in section.html
    request.user = world.users["practitioner"]
    assert not [s for s in country_sections(request, world.state_y) if s.app == "cases"]
