"""Rendering a request: PDF, DOCX, the bilingual version and the JSON export. Pure rendering;
storing what was rendered is services.render_request's job."""

from __future__ import annotations

import json
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from palermo.core.documents.rendering import DOCUMENT_LANGUAGES, is_rtl, render_docx, render_pdf
from palermo.writer.documents import bilingual_rows, document_data, language_name
from palermo.writer.docx_templates import BILINGUAL_TEMPLATE, REQUEST_TEMPLATE
from palermo.writer.models import Status, WriterRequest

FORMATS = ("pdf", "docx", "json")
KINDS = ("request", "bilingual")
JSON_SCHEMA_VERSION = 1


def extra_facts(request: WriterRequest) -> dict[str, Any]:
    """What the documents need besides the content: names in the document's language, approval."""
    return {
        "requesting_state_name": request.requesting_state.name if request.requesting_state else "",
        "requested_state_name": request.requested_state.name if request.requested_state else "",
        "signature_block": request.signature_block,
        "approved_by": request.approved_by.display_name if request.approved_by else "",
        "approved_on": request.approved_at.date().isoformat() if request.approved_at else "",
        "is_draft": request.status in (Status.DRAFT, Status.READY_FOR_REVIEW),
        "date": (request.finalised_at or request.updated_at).date() if request.updated_at else None,
    }


def source_data(request: WriterRequest) -> dict[str, Any]:
    """The exact data a document is made from (stored with every generated file)."""
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "id": request.pk,
        "version_number": request.version_number,
        "revision": request.revision,
        "status": request.status,
        "organisation": request.organisation.name if request.organisation else None,
        "requesting_state": request.requesting_state.iso3 if request.requesting_state else None,
        "requested_state": request.requested_state.iso3 if request.requested_state else None,
        "approved_by": request.approved_by.display_name if request.approved_by else None,
        "approved_at": request.approved_at.isoformat() if request.approved_at else None,
        "signature_block": request.signature_block,
        "content": request.content,
    }


def render(request: WriterRequest, fmt: str, language: str, kind: str = "request") -> bytes:
    if fmt not in FORMATS or kind not in KINDS or language not in DOCUMENT_LANGUAGES:
        raise ValueError(f"cannot render {kind} as {fmt} in {language}")
    if fmt == "json":
        return json.dumps(source_data(request), ensure_ascii=False, indent=2).encode("utf-8")
    extra = extra_facts(request)
    with translation.override(language):
        # Country names through modeltranslation, in the document's language.
        extra["requesting_state_name"] = (
            request.requesting_state.name if request.requesting_state else ""
        )
        extra["requested_state_name"] = (
            request.requested_state.name if request.requested_state else ""
        )
    doc = document_data(request.content, extra, language)
    if kind == "request":
        context: dict[str, Any] = {"doc": doc}
        if fmt == "pdf":
            return render_pdf("writer/document.html", context, language)
        return render_docx(REQUEST_TEMPLATE, context, language)
    source_language = str(request.content.get("source_language") or "en")
    source_doc = document_data(request.content, extra, source_language)
    with translation.override(language):
        context = {
            "doc": doc,
            "rows": bilingual_rows(source_doc, doc),
            "bilingual_title": _("Bilingual version for the translator"),
            "source_language": source_language,
            "source_language_name": language_name(source_language),
            "target_language_name": language_name(language),
            "source_direction": "rtl" if is_rtl(source_language) else "ltr",
        }
    if fmt == "pdf":
        return render_pdf("writer/bilingual.html", context, language)
    return render_docx(BILINGUAL_TEMPLATE, context, language)
