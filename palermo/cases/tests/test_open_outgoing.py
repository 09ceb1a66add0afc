"""The request writer opens a tracked case when it sends a request."""

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from palermo.cases.models import Case
from palermo.cases.services import open_outgoing_case
from palermo.core.models import AuditEvent

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@time_machine.travel("2026-11-20 10:00Z")
def test_writer_opens_a_sent_case_with_its_document_and_measures(world):
    alice = world.users["alice"]
    case = open_outgoing_case(
        alice,
        organisation=world.authority_a,
        requested_state=world.state_y,
        title="Bank records of Harbour Trading",
        measures=["bank_records", "freezing"],
        offence_summary="Laundering of proceeds of fraud",
        document_bytes=PDF,
        document_name="request.pdf",
        writer_request_id=41,
        requested_authority_name="CA B",
    )
    case.refresh_from_db()
    assert case.direction == "outgoing"
    assert case.state == "sent"
    assert case.sent_on.isoformat() == "2026-11-20"
    assert case.our_reference == "OUT-2026-0001"
    assert sorted(case.measures.values_list("code", flat=True)) == ["bank_records", "freezing"]
    assert [(t.from_state, t.to_state) for t in case.transitions.all()] == [
        ("", "drafted"),
        ("drafted", "sent"),
    ]
    document = case.documents.get()
    with document.file.open("rb") as stored:
        assert stored.read() == PDF
    assert case.next_due_kind == "chase"
    assert (
        AuditEvent.objects.filter(
            action="case.opened_from_writer", organisation=world.authority_a
        ).count()
        == 1
    )
    # Sending the same writer request again does not open a second case.
    again = open_outgoing_case(
        alice,
        organisation=world.authority_a,
        requested_state="YBB",
        title="x",
        measures=["bank_records"],
        offence_summary="",
        document_bytes=None,
        document_name="",
        writer_request_id=41,
    )
    assert again.pk == case.pk and Case.objects.count() == 1


def test_writer_cannot_open_a_case_for_another_authority(world):
    with pytest.raises(PermissionDenied):
        open_outgoing_case(
            world.users["bob"],
            organisation=world.authority_a,
            requested_state=world.state_y,
            title="t",
            measures=[],
            offence_summary="",
            document_bytes=None,
            document_name="",
            writer_request_id=None,
        )
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    "state, measures, field",
    [
        ("ZZZ", ["bank_records"], "counterpart_state"),
        ("YBB", ["teleportation"], "measures"),
    ],
)
def test_bad_input_from_the_writer_saves_nothing(world, state, measures, field):
    with pytest.raises(ValidationError) as error:
        open_outgoing_case(
            world.users["alice"],
            organisation=world.authority_a,
            requested_state=state,
            title="t",
            measures=measures,
            offence_summary="",
            document_bytes=None,
            document_name="",
            writer_request_id=None,
        )
    assert field in error.value.message_dict
    assert Case.objects.count() == 0


def test_a_document_of_the_wrong_type_saves_nothing(world):
    with pytest.raises(ValidationError):
        open_outgoing_case(
            world.users["alice"],
            organisation=world.authority_a,
            requested_state="YBB",
            title="t",
            measures=["bank_records"],
            offence_summary="",
            document_bytes=b"MZ\x90\x00 not a pdf",
            document_name="request.pdf",
            writer_request_id=7,
        )
    assert Case.objects.count() == 0
