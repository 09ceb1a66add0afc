"""The request as a document: sections of fixed text in the target language and free text as
the user wrote it (marked for translation when written in another language). One structure
feeds the PDF (templates/writer/document.html), the DOCX (docx/request.docx) and the
bilingual version for the translator.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _

from palermo.writer.catalogue import LINK_TO_FACTS, MEASURE_FIELDS, FieldSpec
from palermo.writer.labels import (
    FIELD_LABELS,
    REQUEST_TITLES,
    choice_label,
    field_label,
    measure_label,
)
from palermo.writer.routing import main_request_type

FINANCIAL = {
    "bank_records",
    "tracing_proceeds",
    "freezing",
    "confiscation_tracing",
    "confiscation_freezing",
}


def language_name(code: str) -> str:
    """The language's name in the active language, as used inside a sentence."""
    name = str(translation.get_language_info(code)["name_translated"])
    # French, Spanish and Russian write language names in lower case within a sentence.
    return name.lower() if translation.get_language() in ("fr", "es", "ru") else name


class Builder:
    """Builds the sections in the active language (call inside translation.override)."""

    def __init__(self, content: dict[str, Any], extra: dict[str, Any]) -> None:
        self.content = content
        self.extra = extra
        self.source = str(content.get("source_language") or "en")
        self.target = str(content.get("target_language") or "en")
        self.sections: list[dict[str, Any]] = []

    def free(self, value: Any) -> dict[str, Any]:
        text = str(value or "").strip()
        return {
            "text": text,
            "lines": text.splitlines() or [""],
            "free": True,
            "to_translate": bool(text) and self.source != self.target,
        }

    def fixed(self, value: str) -> dict[str, Any]:
        return {
            "text": value,
            "lines": value.splitlines() or [""],
            "free": False,
            "to_translate": False,
        }

    def entry(self, label: str, value: dict[str, Any]) -> dict[str, Any]:
        return {"label": label, **value}

    def section(
        self,
        heading: str,
        entries: list[dict[str, Any]],
        clauses: list[str] | None = None,
        subheading: str = "",
    ) -> None:
        self.sections.append(
            {
                "number": len(self.sections) + 1,
                "heading": heading,
                "subheading": subheading,
                "entries": [e for e in entries if e["text"]],
                "clauses": clauses or [],
            }
        )

    def value(self, spec: FieldSpec, raw: Any) -> dict[str, Any]:
        if spec.kind == "bool":
            return self.fixed(_("yes") if raw else _("no"))
        if spec.kind == "choice":
            return self.fixed(choice_label(str(raw)) if raw else "")
        if spec.kind == "date":
            return self.fixed(format_date(raw))
        if spec.kind == "number":
            return self.fixed(formats.number_format(raw) if raw not in (None, "") else "")
        return self.free(raw)


def format_date(raw: Any) -> str:
    try:
        return formats.date_format(datetime.date.fromisoformat(str(raw)), "DATE_FORMAT")
    except ValueError:
        return str(raw or "")


def build_sections(content: dict[str, Any], extra: dict[str, Any]) -> list[dict[str, Any]]:
    b = Builder(content, extra)
    part = lambda key: content.get(key) or {}  # noqa: E731
    requesting, requested = part("requesting_authority"), part("requested_authority")
    b.section(
        _("Requesting authority"),
        [
            b.entry(_("Authority"), b.free(requesting.get("name"))),
            b.entry(_("State"), b.fixed(extra.get("requesting_state_name", ""))),
            b.entry(_("Address"), b.free(requesting.get("address"))),
        ],
    )
    b.section(
        _("Requested authority"),
        [
            b.entry(_("Authority"), b.free(requested.get("name"))),
            b.entry(_("State"), b.fixed(extra.get("requested_state_name", ""))),
            b.entry(_("Channel"), b.fixed(choice_label(str(content.get("channel") or "")))),
        ],
    )
    basis = part("legal_basis")
    basis_clauses = []
    if basis.get("chosen") == "reciprocity":
        basis_clauses.append(
            _(
                "The requesting State assures the requested State that it would "
                "give the same assistance in a similar case."
            )
        )
    b.section(
        _("Legal basis"),
        [
            b.entry(_("Legal basis"), b.fixed(choice_label(str(basis.get("chosen") or "")))),
            b.entry(_("Instrument"), b.free(basis.get("instrument"))),
        ],
        basis_clauses,
    )
    proceedings = part("proceedings")
    b.section(
        _("Subject and nature of the proceedings"),
        [
            b.entry(str(FIELD_LABELS["proceedings.subject"]), b.free(proceedings.get("subject"))),
            b.entry(
                str(FIELD_LABELS["proceedings.nature"]),
                b.fixed(choice_label(str(proceedings.get("nature") or ""))),
            ),
            b.entry(
                str(FIELD_LABELS["proceedings.conducting_authority"]),
                b.free(proceedings.get("conducting_authority")),
            ),
            b.entry(
                str(FIELD_LABELS["proceedings.case_reference"]),
                b.free(proceedings.get("case_reference")),
            ),
        ],
    )
    offence_entries: list[dict[str, Any]] = []
    for number, offence in enumerate(content.get("offences") or [], start=1):
        offence_entries += [
            b.entry(
                _("Offence %(number)d") % {"number": number}, b.free(offence.get("description"))
            ),
            b.entry(field_label("provisions"), b.free(offence.get("provisions"))),
            b.entry(
                field_label("max_penalty_years"),
                b.value(FieldSpec("p", "number"), offence.get("max_penalty_years")),
            ),
            b.entry(
                field_label("dual_criminality_note"), b.free(offence.get("dual_criminality_note"))
            ),
        ]
    b.section(_("Offences"), offence_entries)
    facts = part("facts")
    b.section(
        _("Summary of the relevant facts"),
        [
            b.entry(_("Facts"), b.free(facts.get("summary"))),
            b.entry(
                field_label("facts.transnational_nature"), b.free(facts.get("transnational_nature"))
            ),
            b.entry(
                field_label("facts.organized_criminal_group"),
                b.free(facts.get("organized_criminal_group")),
            ),
        ],
    )
    person_entries: list[dict[str, Any]] = []
    for person in content.get("persons") or []:
        details = [
            choice_label(str(person.get("role") or "")),
            format_date(person.get("date_of_birth")) if person.get("date_of_birth") else "",
            str(person.get("nationality") or ""),
            str(person.get("location") or ""),
            str(person.get("identifiers") or ""),
        ]
        person_entries.append(
            b.entry(str(person.get("name") or ""), b.free("; ".join(d for d in details if d)))
        )
    b.section(_("Persons concerned"), person_entries)
    codes = [str(m.get("code")) for m in content.get("measures") or []]
    for measure in content.get("measures") or []:
        code = str(measure.get("code"))
        values = measure.get("fields") or {}
        entries = [
            b.entry(field_label(spec.name), b.value(spec, values.get(spec.name)))
            for spec in (*MEASURE_FIELDS.get(code, ()), LINK_TO_FACTS)
        ]
        b.section(_("Assistance requested"), entries, subheading=measure_label(code))
    procedures = part("procedures")
    asked = [
        field_label(f"procedures.{k}")
        for k in ("certification", "officials_present", "oath")
        if procedures.get(k)
    ]
    b.section(
        _("Procedures to follow"),
        [
            b.entry(_("Procedures"), b.free(procedures.get("procedures"))),
            b.entry(_("Also requested"), b.fixed("; ".join(asked))),
            b.entry(_("Reasons"), b.free(procedures.get("reasons"))),
        ],
    )
    clauses = [
        _(
            "The requesting authority will use the information and evidence obtained only "
            "for the proceedings described in this request, unless the requested State "
            "agrees otherwise."
        )
    ]
    if set(codes) & FINANCIAL:
        clauses.append(
            _(
                "The requesting authority recalls that under the Convention bank "
                "secrecy is not a ground for refusing assistance."
            )
        )
    b.section(
        _("Purpose of the request"),
        [b.entry(_("Purpose"), b.free(content.get("purpose")))],
        clauses,
    )
    confidentiality = part("confidentiality")
    if confidentiality.get("requested"):
        b.section(
            _("Confidentiality"),
            [b.entry(_("Reasons"), b.free(confidentiality.get("reasons")))],
            [
                _(
                    "The requesting authority asks that the request and its contents be kept "
                    "confidential, except as needed to execute it. If this is not possible, "
                    "please inform the requesting authority before executing it."
                )
            ],
        )
    urgency = part("urgency")
    if urgency.get("urgent") or urgency.get("deadline"):
        b.section(
            _("Urgency and deadline"),
            [
                b.entry(_("Urgent"), b.fixed(_("yes") if urgency.get("urgent") else _("no"))),
                b.entry(_("Deadline"), b.fixed(format_date(urgency.get("deadline")))),
                b.entry(_("Reasons"), b.free(urgency.get("reasons"))),
            ],
            [
                _(
                    "Please inform the requesting authority as soon as possible if the request "
                    "cannot be executed, or not by the deadline."
                )
            ],
        )
    if content.get("assurances"):
        b.section(_("Assurances"), [b.entry(_("Assurances"), b.free(content.get("assurances")))])
    contact = part("contact")
    b.section(
        _("Contact person"),
        [
            b.entry(field_label("contact.name"), b.free(contact.get("name"))),
            b.entry(field_label("contact.position"), b.free(contact.get("position"))),
            b.entry(field_label("contact.email"), b.fixed(str(contact.get("email") or ""))),
            b.entry(field_label("contact.phone"), b.fixed(str(contact.get("phone") or ""))),
        ],
    )
    return b.sections


def document_data(content: dict[str, Any], extra: dict[str, Any], language: str) -> dict[str, Any]:
    """Everything the templates need, in `language`."""
    with translation.override(language):
        codes = [str(m.get("code")) for m in content.get("measures") or []]
        title = str(REQUEST_TITLES[main_request_type(codes)])
        source = str(content.get("source_language") or "en")
        confidential = bool((content.get("confidentiality") or {}).get("requested"))
        requested = content.get("requested_authority") or {}
        requesting = content.get("requesting_authority") or {}
        annexes = [
            {
                "number": n,
                "title": str(a.get("title") or ""),
                "kind": choice_label(str(a.get("kind") or "")),
                "pages": str(a.get("pages") or ""),
            }
            for n, a in enumerate(content.get("annexes") or [], start=1)
        ]
        measures = ", ".join(measure_label(c) for c in codes)
        return {
            "title": title,
            "subtitle": str(content.get("title") or ""),
            "reference": str((content.get("proceedings") or {}).get("case_reference") or ""),
            "date": formats.date_format(extra.get("date") or datetime.date.today(), "DATE_FORMAT"),
            "marking": _("CONFIDENTIAL: request under art. 18(20) of the Convention")
            if confidential
            else "",
            "draft_marking": _("DRAFT: not approved") if extra.get("is_draft") else "",
            "translation_note": _(
                "Passages marked “to be translated” were written in "
                "%(language)s and are given as written."
            )
            % {"language": language_name(source)}
            if source != language
            else "",
            "to_translate_label": _("to be translated from %(language)s")
            % {"language": language_name(source)},
            "sections": build_sections(content, extra),
            "annexes": annexes,
            "annexes_heading": _("Annexes"),
            "annex_columns": [_("No."), _("Document"), _("Kind"), _("Pages")],
            "no_annexes": _("No annexes."),
            "cover": {
                "heading": _("Cover letter"),
                "to": str(requested.get("name") or ""),
                "to_state": str(extra.get("requested_state_name") or ""),
                "salutation": _("Dear Sir or Madam,"),
                "body": [
                    _(
                        "%(authority)s presents its compliments and transmits the attached "
                        "request concerning: %(measures)s."
                    )
                    % {"authority": requesting.get("name") or "", "measures": measures},
                    _(
                        "We are grateful for your assistance and remain available for any further "
                        "information you may need to execute the request."
                    ),
                ],
                "closing": _("Yours faithfully,"),
            },
            "signature_heading": _("Signature"),
            "signature_lines": [
                line
                for line in str(extra.get("signature_block") or "").splitlines()
                if line.strip()
            ],
            "approved_line": _("Approved by %(name)s on %(date)s")
            % {"name": extra["approved_by"], "date": format_date(extra["approved_on"])}
            if extra.get("approved_by")
            else "",
            "language": language,
        }


def bilingual_rows(
    source_data: dict[str, Any], target_data: dict[str, Any]
) -> list[dict[str, Any]]:
    """Side by side, row by row: the request in the writer's language and in the target."""
    rows = [{"kind": "title", "source": source_data["title"], "target": target_data["title"]}]
    for left, right in zip(source_data["sections"], target_data["sections"], strict=True):
        heading_left = f"{left['number']}. {left['heading']}"
        heading_right = f"{right['number']}. {right['heading']}"
        if left["subheading"]:
            heading_left += f": {left['subheading']}"
            heading_right += f": {right['subheading']}"
        rows.append({"kind": "heading", "source": heading_left, "target": heading_right})
        for one, other in zip(left["entries"], right["entries"], strict=True):
            rows.append(
                {
                    "kind": "entry",
                    "source": f"{one['label']}: {one['text']}",
                    "target": f"{other['label']}: {other['text']}",
                    "to_translate": other["to_translate"],
                }
            )
        for one, other in zip(left["clauses"], right["clauses"], strict=True):
            rows.append({"kind": "clause", "source": one, "target": other})
    return rows
