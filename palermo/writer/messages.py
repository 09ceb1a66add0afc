"""The checklist in words: a translated message for each rule code of rules.py."""

from __future__ import annotations

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from palermo.writer.catalogue import step_for_field
from palermo.writer.labels import field_label
from palermo.writer.rules import Checklist, Finding

RULE_MESSAGES: dict[str, Promise] = {
    "content.requesting_authority": _("Name the authority making the request (art. 18(15)(a))."),
    "content.requested_state": _("Choose the requested State."),
    "content.same_state": _("The requested State cannot be the requesting State."),
    "content.requested_authority": _(
        "Name the authority the request is addressed to; the directory proposes one."
    ),
    "content.subject": _(
        "Describe the subject and nature of the investigation or proceedings (art. 18(15)(b))."
    ),
    "content.conducting_authority": _(
        "Name the authority conducting the investigation or proceedings (art. 18(15)(b))."
    ),
    "content.case_reference": _("Give your case reference, so the requested State can quote it."),
    "content.offences": _("Describe at least one offence."),
    "content.offence_description": _("Describe the offence."),
    "content.offence_provisions": _("Cite the provisions of your law that make it an offence."),
    "content.offence_penalty": _("Give the maximum penalty in years (a number, 0 or more)."),
    "content.facts": _("Summarise the relevant facts (art. 18(15)(c))."),
    "content.persons": _(
        "Where possible, identify the persons concerned, with their location "
        "and nationality (art. 18(15)(e))."
    ),
    "content.person_name": _("Give the person's name."),
    "content.person_nationality": _("Give the person's nationality, if known."),
    "content.person_location": _("Give the person's location, if known."),
    "content.measures": _("Say what assistance you seek (art. 18(15)(d))."),
    "content.measure_unknown": _("This measure is not one Palermo knows: %(code)s."),
    "content.measure_field": _("Fill in this field of the measure."),
    "content.period_order": _("The end of the period comes before its start."),
    "content.date_format": _("Write the date as YYYY-MM-DD."),
    "content.purpose": _("Say why the evidence, information or action is sought (art. 18(15)(f))."),
    "content.procedure_reasons": _(
        "Explain why the procedures you ask for are needed, so the "
        "requested State can follow them (art. 18(17))."
    ),
    "content.confidentiality_reasons": _("Give the reasons for confidentiality (art. 18(20))."),
    "content.deadline_past": _("The deadline has already passed."),
    "content.urgency_reasons": _("Give the reasons for the urgency or the deadline (art. 18(24))."),
    "content.urgent_without_deadline": _("An urgent request should give a deadline."),
    "content.contact": _("Name a contact person for the requested State."),
    "content.contact_details": _(
        "Give an e-mail address or a telephone number for the contact person."
    ),
    "content.contact_email": _("This e-mail address is not valid."),
    "confiscation.order_copy": _(
        "Annex a legally admissible copy of the confiscation order (art. 13(3)(b))."
    ),
    "confiscation.statement_of_facts": _(
        "A confiscation request needs a statement of the facts (art. 13(3))."
    ),
    "extradition.warrant_annex": _("Annex the warrant of arrest or the judgment."),
    "extradition.provisions_annex": _(
        "Annex the text of the provisions creating the offence and the penalty."
    ),
    "extradition.person_sought": _("List the person sought, with the role suspect or accused."),
    "extradition.identification": _(
        "Describe the person sought precisely enough to identify "
        "them (documents, description, photograph)."
    ),
    "extradition.request_to_follow": _(
        "A request for provisional arrest must say that a "
        "request for extradition will follow (art. 16(9))."
    ),
    "extradition.dual_criminality": _(
        "Extradition requires dual criminality: name the "
        "corresponding offence in the requested State "
        "(art. 16(1))."
    ),
    "state.language": _("The requested State accepts requests in: %(accepted)s (art. 18(14))."),
    "state.translation_needed": _(
        "Your free text is in another language than the request; it will be marked for translation."
    ),
    "state.channel": _("The requested State accepts requests through: %(accepted)s."),
    "state.formal_original": _("The requested State wants the original signed request."),
    "state.formal_signature": _("The requested State wants the request signed."),
    "state.formal_seal": _("The requested State wants the official seal on the request."),
    "state.formal_certification": _(
        "The requested State wants documents certified, apostilled or legalised: see the directory."
    ),
    "state.dual_criminality": _(
        "The requested State requires dual criminality for coercive "
        "measures (art. 18(9)): name the corresponding offence in "
        "its law."
    ),
    "basis.missing": _("Choose a legal basis."),
    "basis.override_reason": _("You chose a legal basis that was not proposed: give the reason."),
    "basis.instrument": _("Give the title of the treaty or convention."),
    "basis.treaty_not_recorded": _(
        "No treaty between the two States is recorded in the "
        "knowledge base; check that it is in force."
    ),
    "basis.reciprocity_assurance": _(
        "On reciprocity, state that your State would assist the requested State in a similar case."
    ),
    "basis.untoc_not_parties": _(
        "The Convention is not a legal basis here: one of the two States is not a party."
    ),
    "basis.untoc_participation_unknown": _(
        "Participation of both States in the Convention is "
        "not recorded; check it before relying on it."
    ),
    "basis.untoc_not_accepted": _(
        "The requested State does not accept the Convention as the legal basis for this request."
    ),
    "basis.untoc_not_serious": _(
        "Under the Convention the offence must be a serious crime "
        "(at least %(years)s years) or a Convention offence "
        "(arts 2(b) and 3)."
    ),
    "basis.untoc_transnational": _(
        "State why there are reasonable grounds to suspect that "
        "the offence is transnational (arts 3(2) and 18(1))."
    ),
    "basis.untoc_group": _(
        "State why there are reasonable grounds to suspect that an "
        "organized criminal group is involved (arts 2(a) and 18(1))."
    ),
    "risk.facts_short": _(
        "The summary of facts is very short (under %(minimum)s characters); "
        "requests refused for lack of facts are common."
    ),
    "risk.fishing_expedition": _(
        "Explain how this measure follows from the facts; otherwise "
        "it may be refused as a fishing expedition."
    ),
    "risk.account_not_linked": _(
        "The account holder is not among the persons concerned or in "
        "the facts: show the link between the person and the "
        "account."
    ),
    "risk.extradition_assurances": _(
        "Extradition may need assurances (speciality, no death "
        "penalty, fair trial): give them here."
    ),
    "risk.bank_secrecy": _(
        "Good to know: bank secrecy is not a ground for refusing "
        "assistance (art. 18(8)); you may say so in the request."
    ),
    "risk.fiscal_matters": _(
        "Good to know: a request may not be refused only because the "
        "offence also involves fiscal matters (arts 16(15) and 18(22))."
    ),
    "risk.minor_offence": _(
        "A coercive measure for a minor offence may be refused as disproportionate."
    ),
}


def message_for(found: Finding) -> str:
    template = RULE_MESSAGES.get(found.rule)
    if template is None:
        return found.rule
    params: dict[str, Any] = dict(found.params)
    return str(template) % params if params else str(template)


def checklist_items(checklist: Checklist) -> list[dict[str, Any]]:
    """The checklist as the API and the review page show it, in the active language."""
    return [
        {
            "severity": found.severity,
            "rule": found.rule,
            "field": found.field,
            "step": step_for_field(found.field),
            "label": field_label(found.field),
            "message": message_for(found),
        }
        for found in checklist.findings
    ]
