"""Contributions and moderation through the pages: forms, uploads, workflow, diffs, versions."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from palermo.core.models import AuditEvent
from palermo.core.search import SearchPlan, search
from palermo.knowledge.attachments import extract_text
from palermo.knowledge.models import CaseLaw, Status
from palermo.knowledge.tests.factories import CaseLawFactory, LegislationFactory

pytestmark = pytest.mark.django_db


def case_form(world: Any, **overrides: Any) -> dict[str, Any]:
    data = {
        "title": "Prosecutor v. Velen (fictional)",
        "country": world.state_x.pk,
        "court": "Court of Xandria",
        "court_level": "appeal",
        "decision_date_text": "2018-07",
        "language": "en",
        "summary": "Smuggled tobacco paid for the group's boats.",
        "parts-TOTAL_FORMS": "1",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
        "parts-0-kind": "defendant",
        "parts-0-name": "Ivo Velen",
        "parts-0-outcome": "convicted",
        "parts-0-sentence": "six years",
    }
    data.update(overrides)
    return data


def pdf_bytes(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<html><body><p>{text}</p></body></html>").write_pdf()


def docx_bytes(text: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_focal_point_contributes_editor_returns_then_publishes(world: Any, taxonomy: Any) -> None:
    fiona, eddie = world.client("fiona"), world.client("eddie")
    upload = SimpleUploadedFile(
        "judgment.pdf",
        pdf_bytes("The appellate chamber upheld the confiscation of vessels."),
        content_type="application/pdf",
    )
    response = fiona.post(
        reverse("knowledge:create", args=["caselaw"]),
        {
            **case_form(world, crime_types=[taxonomy.trafficking.pk], articles=[taxonomy.art18.pk]),
            "attachment_file": upload,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    case = CaseLaw.objects.get()
    assert case.status == Status.DRAFT and case.created_by == world.users["fiona"]
    assert "confiscation of vessels" in case.full_text
    assert case.decision_date_display == "2018-07"
    assert case.classification == {
        "crime_types": ["trafficking-in-persons"],
        "cross_cutting_issues": [],
        "articles": ["UNTOC-18"],
    }
    assert case.parties.get().sentence == "six years"
    assert (
        world.client("anon").get(reverse("knowledge:record", args=["caselaw", case.pk])).status_code
        == 404
    )

    assert (
        fiona.post(reverse("knowledge:transition", args=["caselaw", case.pk, "submit"])).status_code
        == 302
    )
    queue = eddie.get(reverse("knowledge:contribute")).content.decode()
    assert "Prosecutor v. Velen (fictional)" in queue

    # Returning needs a reason; the reason reaches the contributor.
    eddie.post(
        reverse("knowledge:transition", args=["caselaw", case.pk, "return"]), {"comment": ""}
    )
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    eddie.post(
        reverse("knowledge:transition", args=["caselaw", case.pk, "return"]),
        {"comment": "Add the case number, please."},
    )
    case.refresh_from_db()
    assert case.status == Status.RETURNED
    assert (
        "Add the case number"
        in fiona.get(reverse("knowledge:record", args=["caselaw", case.pk])).content.decode()
    )

    fiona.post(
        reverse("knowledge:edit", args=["caselaw", case.pk]),
        case_form(world, case_number="XA-2018-44", **{"parts-TOTAL_FORMS": "0"}),
    )
    fiona.post(reverse("knowledge:transition", args=["caselaw", case.pk, "submit"]))
    eddie.post(
        reverse("knowledge:transition", args=["caselaw", case.pk, "publish"]), {"comment": "Thanks"}
    )
    case.refresh_from_db()
    assert case.status == Status.PUBLISHED and case.published_at is not None
    assert (
        world.client("anon").get(reverse("knowledge:record", args=["caselaw", case.pk])).status_code
        == 200
    )
    assert [h.key for h in search(SearchPlan(text="vessels")).hits] == [str(case.pk)]
    actions = list(
        AuditEvent.objects.filter(target_id=str(case.pk)).values_list("action", flat=True)
    )
    assert {
        "knowledge.caselaw.created",
        "knowledge.caselaw.submitted",
        "knowledge.caselaw.returned",
        "knowledge.caselaw.edited",
        "knowledge.caselaw.published",
    } <= set(actions)


def test_focal_point_edit_of_published_record_goes_back_to_review_with_a_diff(world: Any) -> None:
    case = CaseLawFactory(
        country=world.state_x,
        title="Original title (fictional)",
        summary="Three boats were seized.",
    )
    case.history.update(status=Status.PUBLISHED)
    from palermo.knowledge.services import refresh_index

    refresh_index(case)
    response = world.client("fiona").post(
        reverse("knowledge:edit", args=["caselaw", case.pk]),
        case_form(
            world,
            title="Original title (fictional)",
            summary="Four boats were seized.",
            **{"parts-TOTAL_FORMS": "0"},
        ),
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == Status.SUBMITTED
    assert search(SearchPlan(text="boats")).total == 0  # unreviewed text is not public
    review = (
        world.client("eddie")
        .get(reverse("knowledge:review", args=["caselaw", case.pk]))
        .content.decode()
    )
    assert "<del>Three</del>" in review and "<ins>Four</ins>" in review


def test_earlier_versions_can_be_shown(world: Any) -> None:
    case = CaseLawFactory(country=world.state_x, summary="First wording of the facts.")
    eddie = world.client("eddie")
    eddie.post(
        reverse("knowledge:edit", args=["caselaw", case.pk]),
        case_form(world, summary="Second wording of the facts.", **{"parts-TOTAL_FORMS": "0"}),
    )
    case.refresh_from_db()
    assert case.status == Status.PUBLISHED  # editors' edits stay published
    first = case.history.order_by("history_id").first()
    page = world.client("anon").get(
        reverse("knowledge:version", args=["caselaw", case.pk, first.history_id])
    )
    assert page.status_code == 200
    body = page.content.decode()
    assert "First wording of the facts." in body and "<ins>Second</ins>" in body


def test_failed_validation_keeps_everything_typed(world: Any) -> None:
    data = case_form(
        world,
        decision_date_text="last spring",
        summary="Typed with care: 17 containers.",
        source_url="not a url",
    )
    response = world.client("fiona").post(reverse("knowledge:create", args=["caselaw"]), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert "Write the date as YYYY, YYYY-MM or YYYY-MM-DD" in body
    assert "Typed with care: 17 containers." in body and 'value="last spring"' in body
    assert 'value="Ivo Velen"' in body
    assert CaseLaw.objects.count() == 0


def test_focal_point_cannot_file_a_record_for_another_state(world: Any) -> None:
    response = world.client("fiona").post(
        reverse("knowledge:create", args=["caselaw"]), case_form(world, country=world.state_y.pk)
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert CaseLaw.objects.count() == 0


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("judgment.exe", b"MZ\x90\x00", "Attach a PDF, DOCX, HTML or text file"),
        ("judgment.pdf", b"<html>not a pdf</html>", "is not a PDF document"),
        ("judgment.docx", b"PK\x03\x04broken", "is not a Word document"),
        ("judgment.txt", "текст".encode("cp1251"), "must be encoded in UTF-8"),
    ],
)
def test_uploads_are_checked_by_type(world: Any, name: str, content: bytes, message: str) -> None:
    response = world.client("fiona").post(
        reverse("knowledge:create", args=["caselaw"]),
        {**case_form(world), "attachment_file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert CaseLaw.objects.count() == 0


def test_uploads_are_limited_by_size(world: Any, settings: Any) -> None:
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("judgment.txt", b"a" * (1024 * 1024 + 1))
    response = world.client("fiona").post(
        reverse("knowledge:create", args=["caselaw"]), {**case_form(world), "attachment_file": big}
    )
    assert "The file is 1.0 MB; the limit is 1 MB." in response.content.decode()


def test_text_is_extracted_from_real_docx_pdf_and_html() -> None:
    assert "joint investigation team" in extract_text(
        "j.docx", docx_bytes("A joint investigation team was formed.")
    )
    assert "controlled delivery" in extract_text(
        "j.pdf", pdf_bytes("The controlled delivery was authorised.")
    )
    html = b"<html><script>alert(1)</script><p>Video-link &amp; testimony</p></html>"
    assert extract_text("j.html", html) == "Video-link & testimony"


def test_legislation_form_with_provisions(world: Any, taxonomy: Any) -> None:
    data = {
        "title": "Code of Criminal Procedure (fictional)",
        "country": world.state_x.pk,
        "language": "en",
        "kind": "code",
        "parts-TOTAL_FORMS": "1",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
        "parts-0-reference": "Art. 720",
        "parts-0-heading": "Letters rogatory",
        "parts-0-text": "Foreign requests are executed by the investigating judge.",
        "parts-0-articles": [taxonomy.art18.pk],
    }
    response = world.client("eddie").post(reverse("knowledge:create", args=["legislation"]), data)
    assert response.status_code == 302
    from palermo.knowledge.models import Legislation

    law = Legislation.objects.get()
    assert law.classification["articles"] == ["UNTOC-18"]
    assert law.provisions.get().reference == "Art. 720"


def test_treaty_form_requires_own_state_among_parties(world: Any) -> None:
    other = LegislationFactory().country  # a third State
    data = {
        "title": "Treaty (fictional)",
        "kind": "bilateral",
        "language": "en",
        "subjects": ["mla"],
        "party_states": [world.state_y.pk, other.pk],
    }
    response = world.client("fiona").post(reverse("knowledge:create", args=["treaty"]), data)
    assert "Your State must be one of the parties." in response.content.decode()
    data["party_states"] = [world.state_x.pk, world.state_y.pk]
    assert (
        world.client("fiona").post(reverse("knowledge:create", args=["treaty"]), data).status_code
        == 302
    )


@pytest.mark.parametrize("persona, expected", [("fiona", 403), ("eddie", 302), ("anon", 302)])
def test_only_editors_mark_a_case_verified(world: Any, persona: str, expected: int) -> None:
    case = CaseLawFactory(country=world.state_x)
    response = world.client(persona).post(
        reverse("knowledge:transition", args=["caselaw", case.pk, "verify"])
    )
    assert response.status_code == expected
    case.refresh_from_db()
    assert case.is_verified is (persona == "eddie")
    if persona == "eddie":
        review = (
            world.client("eddie")
            .get(reverse("knowledge:review", args=["caselaw", case.pk]))
            .content.decode()
        )
        assert "Remove the “verified by an editor” mark" in review
        body = (
            world.client("anon")
            .get(reverse("knowledge:record", args=["caselaw", case.pk]))
            .content.decode()
        )
        assert "verified by an editor" in body
