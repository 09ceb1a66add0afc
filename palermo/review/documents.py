"""The list of observations and summary of one cluster of a review, as PDF and DOCX in the six
UN languages, through the shared document kernel (palermo.core.documents).

The fixed text (headings, labels) is translated; what States and reviewers wrote stays as
written. Each generated file is stored with its hash and the data it was made from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils import formats, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from palermo.core.documents.rendering import render_docx, render_pdf, store_generated_document
from palermo.review.models import Observation, Questionnaire, kind_order

OBSERVATIONS_DOCX = Path(__file__).resolve().parent / "docx" / "observations.docx"
FORMATS = ("pdf", "docx")


def observations_context(questionnaire: Questionnaire, language: str) -> dict[str, Any]:
    """Everything the document says, with its fixed text in `language`."""
    review = questionnaire.review
    with translation.override(language):
        observations = list(
            questionnaire.observations.filter(included=True).select_related("question")
        )
        sections = []
        labels = dict(Observation.Kind.choices)
        for kind in kind_order():
            items = [
                {
                    "text": o.text,
                    "question": _("Question %(number)s") % {"number": o.question.number}
                    if o.question
                    else "",
                    "reply": o.state_reply,
                }
                for o in observations
                if o.kind == kind
            ]
            if items:
                sections.append({"heading": capfirst(str(labels[kind])), "items": items})
        reviewers = ", ".join(
            c.name
            for c in (review.same_group_reviewer, review.other_group_reviewer)
            if c is not None
        )
        completed = (
            formats.date_format(questionnaire.completed_at.date(), "DATE_FORMAT")
            if questionnaire.completed_at
            else _("not yet adopted")
        )
        return {
            "title": _("List of observations and summary"),
            "facts": [
                {"label": _("State under review"), "value": review.state.name},
                {"label": _("Instrument"), "value": review.instrument.short_name},
                {"label": _("Thematic cluster"), "value": questionnaire.cluster.name},
                {"label": _("Review cycle"), "value": review.cycle.name},
                {"label": _("Reviewing States"), "value": reviewers},
                {"label": _("Adopted"), "value": completed},
            ],
            "summary_heading": _("Summary"),
            "summary": questionnaire.summary or _("No summary has been written yet."),
            "observations_heading": _("Observations"),
            "sections": sections,
            "no_observations": _("No observations are on the list.") if not sections else "",
            "reply_label": _("Reply of the State under review"),
            "document_marking": (
                "" if questionnaire.status == Questionnaire.Status.COMPLETED else _("DRAFT")
            ),
        }


def source_data(context: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in context.items() if not k.startswith("document_")}


def render_observations(questionnaire: Questionnaire, fmt: str, language: str) -> bytes:
    context = observations_context(questionnaire, language)
    if fmt == "pdf":
        return render_pdf("review/documents/observations.html", context, language)
    return render_docx(OBSERVATIONS_DOCX, context, language)


def generate_observations(
    user: Any, questionnaire: Questionnaire, fmt: str, language: str
) -> bytes:
    """Render and store the document; returns its bytes. The caller checked access."""
    content = render_observations(questionnaire, fmt, language)
    store_generated_document(
        actor=user,
        kind="review-observations",
        target=questionnaire,
        fmt=fmt,
        language=language,
        content=content,
        source_data=source_data(observations_context(questionnaire, language)),
    )
    return content


def build_template(path: Path = OBSERVATIONS_DOCX) -> Path:
    """Build the DOCX template with python-docx (run after changing it, commit the file)."""
    from palermo.core.documents.docx_build import new_template, tag

    document = new_template()
    document.add_heading("{{ title }}", level=1)
    tag(document, "{%p for fact in facts %}")
    document.add_paragraph("{{ fact.label }}: {{ fact.value }}")
    tag(document, "{%p endfor %}")
    document.add_heading("{{ summary_heading }}", level=2)
    document.add_paragraph("{{ summary }}")
    document.add_heading("{{ observations_heading }}", level=2)
    document.add_paragraph("{{ no_observations }}")
    tag(document, "{%p for section in sections %}")
    document.add_heading("{{ section.heading }}", level=3)
    tag(document, "{%p for item in section['items'] %}")
    document.add_paragraph("{{ loop.index }}. {{ item.text }}", style="List Paragraph")
    tag(document, "{%p if item.reply %}")
    document.add_paragraph("{{ reply_label }}: {{ item.reply }}")
    tag(document, "{%p endif %}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build_template())
