"""The writer's DOCX templates, built in code (run `uv run python -m palermo.writer.docx_templates`
after a change and commit the files in palermo/writer/docx/)."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT

from palermo.core.documents.docx_build import new_template, tag

DOCX_DIR = Path(__file__).parent / "docx"
REQUEST_TEMPLATE = DOCX_DIR / "request.docx"
BILINGUAL_TEMPLATE = DOCX_DIR / "bilingual.docx"


def add_markings(document: DocxDocument) -> None:
    tag(document, "{%p if doc.draft_marking %}")
    document.add_paragraph().add_run("{{ doc.draft_marking }}").bold = True
    tag(document, "{%p endif %}")
    tag(document, "{%p if doc.marking %}")
    document.add_paragraph().add_run("{{ doc.marking }}").bold = True
    tag(document, "{%p endif %}")


def build_request_template(path: Path = REQUEST_TEMPLATE) -> Path:
    document = new_template()
    # Cover letter
    add_markings(document)
    document.add_heading("{{ doc.cover.heading }}", level=1)
    document.add_paragraph("{{ doc.date }}")
    document.add_paragraph("{{ doc.cover.to }}")
    document.add_paragraph("{{ doc.cover.to_state }}")
    document.add_paragraph("{{ doc.cover.salutation }}")
    tag(document, "{%p for paragraph in doc.cover.body %}")
    document.add_paragraph("{{ paragraph }}")
    tag(document, "{%p endfor %}")
    document.add_paragraph("{{ doc.cover.closing }}")
    tag(document, "{%p for line in doc.signature_lines %}")
    document.add_paragraph("{{ line }}")
    tag(document, "{%p endfor %}")
    document.add_page_break()
    # The request
    add_markings(document)
    document.add_heading("{{ doc.title }}", level=1)
    document.add_paragraph().add_run("{{ doc.subtitle }}").bold = True
    document.add_paragraph("{{ doc.reference }}")
    document.add_paragraph("{{ doc.date }}")
    tag(document, "{%p if doc.translation_note %}")
    document.add_paragraph().add_run("{{ doc.translation_note }}").italic = True
    tag(document, "{%p endif %}")
    tag(document, "{%p for section in doc.sections %}")
    document.add_heading(
        "{{ section.number }}. {{ section.heading }}{% if section.subheading %}: "
        "{{ section.subheading }}{% endif %}",
        level=2,
    )
    tag(document, "{%p for entry in section.entries %}")
    label = document.add_paragraph()
    label.add_run("{{ entry.label }}").bold = True
    label.add_run(
        "{% if entry.to_translate %} ({{ doc.to_translate_label }}){% endif %}"
    ).italic = True
    tag(document, "{%p for line in entry.lines %}")
    document.add_paragraph("{{ line }}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p for clause in section.clauses %}")
    document.add_paragraph().add_run("{{ clause }}").italic = True
    tag(document, "{%p endfor %}")
    tag(document, "{%p endfor %}")
    document.add_heading("{{ doc.annexes_heading }}", level=2)
    table = document.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    for index in range(4):
        table.cell(0, index).text = f"{{{{ doc.annex_columns[{index}] }}}}"
    table.cell(1, 0).text = "{%tr for annex in doc.annexes %}"
    for index, name in enumerate(("number", "title", "kind", "pages")):
        table.cell(2, index).text = f"{{{{ annex.{name} }}}}"
    table.cell(3, 0).text = "{%tr endfor %}"
    document.add_heading("{{ doc.signature_heading }}", level=2)
    document.add_paragraph("{{ doc.approved_line }}")
    tag(document, "{%p for line in doc.signature_lines %}")
    document.add_paragraph("{{ line }}")
    tag(document, "{%p endfor %}")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def build_bilingual_template(path: Path = BILINGUAL_TEMPLATE) -> Path:
    document = new_template()
    section = document.sections[0]  # landscape: two columns of running text side by side
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    tag(document, "{%p if doc.marking %}")
    document.add_paragraph().add_run("{{ doc.marking }}").bold = True
    tag(document, "{%p endif %}")
    document.add_heading("{{ bilingual_title }}", level=1)
    table = document.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "{{ source_language_name }}"
    table.cell(0, 1).text = "{{ target_language_name }}"
    table.cell(1, 0).text = "{%tr for row in rows %}"
    table.cell(2, 0).text = "{{ row.source }}"
    table.cell(2, 1).text = "{{ row.target }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build_request_template())
    print(build_bilingual_template())
