"""The status enquiry ("chase") letter (art. 18(24)), in the counterpart's language.

The fixed text is translated in this app's catalogues; the case's own text (title, references,
reasons) is kept as the caseworker wrote it. Rendered with the shared document kernel: the same
letter as PDF and DOCX, kept on the case and in the store of generated documents.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from palermo.cases.access import can_view_case
from palermo.cases.models import Case, CaseDocument, Correspondence
from palermo.cases.services import store_document
from palermo.core.audit import record_event
from palermo.core.documents.docx_build import LETTER_TEMPLATE
from palermo.core.documents.rendering import render_docx, render_pdf
from palermo.core.documents.services import store_generated_document

BABEL_LOCALE = {"zh-hans": "zh_Hans"}


def long_date(day: date | None, language: str) -> str:
    if day is None:
        return ""
    return format_date(day, format="long", locale=BABEL_LOCALE.get(language, language))


def status_enquiry_context(case: Case, actor: Any, today: date) -> dict[str, Any]:
    """Everything the letter says, in the case's language of correspondence."""
    language = case.correspondence_language
    with translation.override(language):
        paragraphs = [
            _("We refer to our request of %(date)s concerning: %(title)s.")
            % {"date": long_date(case.sent_on, language), "title": case.title},
            _(
                "In accordance with article 18, paragraph 24, of the United Nations Convention "
                "against Transnational Organized Crime, we would be grateful to be informed of the "
                "status and progress of the execution of this request."
            ),
        ]
        if case.requesting_deadline:
            paragraphs.append(
                _("We recall that the request asked for execution by %(date)s.")
                % {"date": long_date(case.requesting_deadline, language)}
            )
            if case.requesting_deadline_reason:
                paragraphs.append(
                    _("Reasons for this deadline: %(reasons)s")
                    % {"reasons": case.requesting_deadline_reason}
                )
        paragraphs.append(_("We remain at your disposal for any further information you may need."))
        references = [_("Our reference: %(reference)s") % {"reference": case.our_reference}]
        if case.their_reference:
            references.append(
                _("Your reference: %(reference)s") % {"reference": case.their_reference}
            )
        return {
            "title": _("Status enquiry"),
            "reference": " · ".join(references),
            "date": long_date(today, language),
            "addressee_lines": [
                line for line in (case.counterpart_authority, case.counterpart_state.name) if line
            ],
            "paragraphs": paragraphs,
            "signature_lines": [str(actor.display_name), str(case.organisation.name)],
            "document_marking": _("CONFIDENTIAL") if case.confidential else "",
        }


@transaction.atomic
def chase(actor: Any, case: Case, today: date) -> tuple[CaseDocument, CaseDocument]:
    """Draft the status enquiry as PDF and DOCX, keep both and log the enquiry as sent."""
    if not can_view_case(actor, case):
        raise PermissionError
    language = case.correspondence_language
    context = status_enquiry_context(case, actor, today)
    pdf = render_pdf("documents/letter.html", context, language)
    docx = render_docx(LETTER_TEMPLATE, context, language)
    name = f"status-enquiry-{case.our_reference}-{today.isoformat()}"
    kept = []
    for fmt, content in (("pdf", pdf), ("docx", docx)):
        store_generated_document(
            actor=actor,
            kind="case_status_enquiry",
            target=case,
            fmt=fmt,
            language=language,
            content=content,
            source_data=context,
            organisation=case.organisation,
        )
        kept.append(
            store_document(
                actor,
                case,
                name=f"{name}.{fmt}",
                content=content,
                kind=CaseDocument.Kind.STATUS_ENQUIRY,
            )
        )
    with translation.override(language):
        summary = _("Status enquiry drafted in Palermo (art. 18(24)).")
    Correspondence.objects.create(
        case=case,
        kind=Correspondence.Kind.STATUS_ENQUIRY_SENT,
        occurred_on=today,
        summary=summary,
        document=kept[0],
        recorded_by=actor,
    )
    record_event(
        actor,
        "case.chased",
        case,
        organisation=case.organisation,
        changes={"language": [None, language]},
    )
    return kept[0], kept[1]
