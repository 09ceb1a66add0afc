"""Translated labels for the writer's codes: steps, fields, choices. Codes live in catalogue.py."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STEP_LABELS: dict[str, Promise] = {
    "authorities": _("Authorities and language"),
    "legal_basis": _("Legal basis"),
    "proceedings": _("Proceedings"),
    "offences": _("Offences"),
    "facts": _("Summary of facts"),
    "persons": _("Persons concerned"),
    "measures": _("Assistance sought"),
    "procedures": _("Procedures and purpose"),
    "handling": _("Confidentiality, urgency and contact"),
    "annexes": _("Annexes"),
    "review": _("Check and finish"),
}

FIELD_LABELS: dict[str, Promise] = {
    # top level
    "title": _("Short title of the request"),
    "requesting_authority.name": _("Requesting authority"),
    "requesting_authority.address": _("Address of the requesting authority"),
    "requested_state": _("Requested State"),
    "requested_authority.name": _("Requested authority"),
    "requested_authority.address": _("Address of the requested authority"),
    "target_language": _("Language of the request"),
    "source_language": _("Language in which you write the free text"),
    "channel": _("Channel of transmission"),
    "legal_basis.chosen": _("Legal basis"),
    "legal_basis.instrument": _("Title of the treaty or convention"),
    "legal_basis.override_reason": _("Why you chose a legal basis other than those proposed"),
    "proceedings.subject": _("Subject and nature of the investigation or proceedings"),
    "proceedings.nature": _("Stage of the proceedings"),
    "proceedings.conducting_authority": _("Authority conducting the proceedings"),
    "proceedings.case_reference": _("Case reference"),
    "facts.summary": _("Summary of the relevant facts"),
    "facts.transnational_nature": _("Why the offence is transnational"),
    "facts.organized_criminal_group": _("The organized criminal group involved"),
    "procedures.procedures": _("Procedures to follow"),
    "procedures.reasons": _("Why these procedures are needed"),
    "procedures.certification": _("Certify documents and records"),
    "procedures.officials_present": _("Officials of the requesting State to attend"),
    "procedures.oath": _("Statements under oath"),
    "purpose": _("Purpose of the evidence, information or action"),
    "confidentiality.requested": _("Ask that the request be kept confidential"),
    "confidentiality.reasons": _("Reasons for confidentiality"),
    "urgency.urgent": _("Urgent"),
    "urgency.deadline": _("Deadline"),
    "urgency.reasons": _("Reasons for the urgency or deadline"),
    "contact.name": _("Contact person"),
    "contact.position": _("Position"),
    "contact.email": _("E-mail"),
    "contact.phone": _("Telephone"),
    "assurances": _("Assurances given by the requesting State"),
    # offences, persons, annexes
    "description": _("Description"),
    "provisions": _("Provisions of the law of the requesting State"),
    "max_penalty_years": _("Maximum penalty (years of imprisonment)"),
    "crime_type": _("Type of crime"),
    "convention_offence": _("Offence established under the Convention (arts 5, 6, 8 or 23)"),
    "dual_criminality_note": _("Corresponding offence in the requested State"),
    "name": _("Name"),
    "role": _("Role"),
    "date_of_birth": _("Date of birth"),
    "nationality": _("Nationality"),
    "location": _("Location"),
    "identifiers": _("Identifying details"),
    "kind": _("Kind of document"),
    "pages": _("Pages"),
    # measures
    "link_to_facts": _("How this measure follows from the facts"),
    "witness": _("Witness"),
    "questions": _("Questions to ask"),
    "video_link": _("By video link"),
    "officials_to_attend": _("Officials who wish to attend"),
    "under_oath": _("Under oath"),
    "documents_to_serve": _("Documents to serve"),
    "recipient": _("Person to be served"),
    "recipient_address": _("Address for service"),
    "proof_of_service": _("Proof of service wanted"),
    "premises": _("Premises to search"),
    "items_sought": _("Items sought"),
    "court_order_reference": _("Court order of the requesting State"),
    "property_description": _("Description of the property"),
    "property_location": _("Where the property is"),
    "owner": _("Owner"),
    "estimated_value": _("Estimated value"),
    "objects_or_sites": _("Objects or sites"),
    "examination_sought": _("Examination sought"),
    "information_sought": _("Information or items sought"),
    "holder": _("Who holds them"),
    "bank": _("Bank"),
    "account_holder": _("Account holder"),
    "account_numbers": _("Account numbers"),
    "period_from": _("From"),
    "period_to": _("To"),
    "record_types": _("Records sought"),
    "assets_sought": _("Assets sought"),
    "persons_or_entities": _("Persons or entities concerned"),
    "known_locations": _("Known locations"),
    "person": _("Person"),
    "date_and_place": _("Date and place"),
    "expenses_covered": _("Expenses paid by the requesting State"),
    "safe_conduct": _("Safe conduct offered"),
    "proposed_dates": _("Proposed dates"),
    "interpreter_language": _("Interpreter needed for"),
    "place_of_detention": _("Place of detention"),
    "purpose_of_presence": _("Why the person's presence is needed"),
    "period": _("Period"),
    "custody_arrangements": _("Custody arrangements"),
    "service_provider": _("Service provider"),
    "data_types": _("Data to preserve"),
    "duration": _("Duration"),
    "domestic_authorisation": _("Authorisation in the requesting State"),
    "team_purpose": _("Purpose of the team"),
    "participants": _("Participants"),
    "team_leader": _("Leader of the team"),
    "consignment": _("Consignment"),
    "route": _("Route"),
    "expected_date": _("Expected date"),
    "officials_escorting": _("Officials escorting"),
    "suspect": _("Suspect"),
    "reasons_for_transfer": _("Reasons for the transfer"),
    "evidence_transmitted": _("Evidence transmitted"),
    "actions_requested": _("Actions requested"),
    "order_reference": _("Reference of the order"),
    "issuing_court": _("Court that made the order"),
    "order_date": _("Date of the order"),
    "order_is_final": _("The order is final"),
    "extent_of_execution": _("Extent of execution requested"),
    "warrant_reference": _("Reference of the warrant or judgment"),
    "warrant_authority": _("Authority that issued it"),
    "warrant_date": _("Date issued"),
    "sought_for": _("Sought for"),
    "sentence_remaining": _("Sentence remaining to be served"),
    "urgency_reasons": _("Why it is urgent"),
    "whereabouts": _("Known whereabouts"),
    "extradition_request_to_follow": _("A request for extradition will follow"),
}

CHOICE_LABELS: dict[str, Promise] = {
    # persons
    "suspect": _("suspect"),
    "accused": _("accused"),
    "witness": _("witness"),
    "victim": _("victim"),
    "company": _("company or legal person"),
    "other": _("other"),
    # stages
    "investigation": _("investigation"),
    "prosecution": _("prosecution"),
    "trial": _("trial"),
    "enforcement": _("enforcement of a judgment"),
    # legal bases
    "untoc": _("United Nations Convention against Transnational Organized Crime"),
    "treaty": _("Treaty between the two States"),
    "other_convention": _("Another multilateral convention"),
    "domestic_law": _("Domestic law of the requested State"),
    "reciprocity": _("Reciprocity"),
    # annexes
    "order_copy": _("copy of the confiscation order"),
    "warrant": _("warrant of arrest"),
    "judgment": _("judgment or certificate"),
    "legal_provisions": _("text of the law"),
    "identification": _("identification of the person"),
    "evidence_summary": _("summary of the evidence"),
    # channels
    "central_authority": _("central authority to central authority"),
    "diplomatic": _("diplomatic channels"),
    "interpol": _("INTERPOL"),
}


def field_label(path: str) -> str:
    """The label of a checklist field path: "measures.0.bank" → "Bank"."""
    if path in FIELD_LABELS:
        return str(FIELD_LABELS[path])
    last = path.rsplit(".", 1)[-1]
    if last in FIELD_LABELS:
        return str(FIELD_LABELS[last])
    return str(STEP_LABELS.get(path.split(".", 1)[0], path))


def choice_label(code: str) -> str:
    return str(CHOICE_LABELS.get(code, code))


# Headings of the measures in the documents (the shared vocabulary's labels are for lists).
MEASURE_LABELS: dict[str, Promise] = {
    "taking_evidence": _("Taking of evidence or statements"),
    "service_of_documents": _("Service of judicial documents"),
    "search_seizure": _("Search and seizure"),
    "freezing": _("Freezing of property"),
    "examining_objects_sites": _("Examination of objects and sites"),
    "information_expert_evaluations": _("Information, evidentiary items and expert evaluations"),
    "bank_records": _("Bank, financial, corporate or business records"),
    "tracing_proceeds": _("Identification or tracing of proceeds, property or instrumentalities"),
    "voluntary_appearance": _("Voluntary appearance of a person in the requesting State"),
    "other_assistance": _("Other assistance"),
    "video_hearing": _("Hearing by video conference"),
    "transfer_detained_person": _("Temporary transfer of a detained person to testify"),
    "e_evidence_preservation": _("Expedited preservation of stored computer data"),
    "e_evidence_subscriber": _("Stored subscriber information"),
    "e_evidence_traffic": _("Stored traffic data"),
    "e_evidence_content": _("Stored content data"),
    "e_evidence_real_time": _("Real-time collection of traffic or content data"),
    "joint_investigation_team": _("Joint investigation team"),
    "controlled_delivery": _("Controlled delivery"),
    "transfer_of_proceedings": _("Transfer of criminal proceedings"),
    "confiscation_tracing": _("Identification and tracing of proceeds for confiscation"),
    "confiscation_freezing": _("Freezing or seizure with a view to confiscation"),
    "confiscation_domestic_order": _("Domestic confiscation order (art. 13(1)(a))"),
    "confiscation_enforce_foreign_order": _(
        "Enforcement of a foreign confiscation order (art. 13(1)(b))"
    ),
    "extradition": _("Extradition"),
    "provisional_arrest": _("Provisional arrest with a view to extradition"),
}

REQUEST_TITLES: dict[str, Promise] = {
    "mla": _("Request for mutual legal assistance in a criminal matter"),
    "extradition": _("Request for extradition"),
    "provisional_arrest": _("Request for provisional arrest with a view to extradition"),
    "confiscation": _("Request for assistance for the purpose of confiscation"),
    "transfer_of_proceedings": _("Request for the transfer of criminal proceedings"),
}


def measure_label(code: str) -> str:
    return str(MEASURE_LABELS.get(code, code))
