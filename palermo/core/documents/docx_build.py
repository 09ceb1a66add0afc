"""Building docxtpl templates with python-docx, so the templates in the repository are made by
code we wrote (run the owning module's `build()` after changing it, commit the .docx).

Helpers: a footer with "Page n of m" in the document's language (fields PAGE and NUMPAGES),
a header with the confidentiality marking, and paragraphs holding Jinja tags in one run each,
as docxtpl requires.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

LETTER_TEMPLATE = Path(__file__).parent / "docx" / "letter.docx"


def new_template() -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
    document.styles["Normal"].font.size = Pt(11)
    add_marking_header(document)
    add_page_number_footer(document)
    return document


def add_field(paragraph: Paragraph, instruction: str) -> None:
    """A simple field such as PAGE or NUMPAGES (Word fills in the value)."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def add_page_number_footer(document: DocxDocument) -> None:
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("{{ page_number_parts[0] }}")
    add_field(paragraph, "PAGE")
    paragraph.add_run("{{ page_number_parts[1] }}")
    add_field(paragraph, "NUMPAGES")
    paragraph.add_run("{{ page_number_parts[2] }}")


def add_marking_header(document: DocxDocument) -> None:
    header = document.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run("{{ document_marking|default('') }}")
    run.bold = True


def tag(document: DocxDocument, text: str) -> Paragraph:
    """A paragraph holding only a docxtpl block tag such as {%p for x in xs %}."""
    return document.add_paragraph(text)


def build_letter_template(path: Path = LETTER_TEMPLATE) -> Path:
    """A generic letter: title, reference and date, addressee lines, paragraphs, signature.

    Context: title, reference, date, addressee_lines, paragraphs, signature_lines,
    document_marking (optional).
    """
    document = new_template()
    document.add_heading("{{ title }}", level=1)
    document.add_paragraph("{{ reference }}")
    document.add_paragraph("{{ date }}")
    tag(document, "{%p for line in addressee_lines %}")
    document.add_paragraph("{{ line }}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p for paragraph in paragraphs %}")
    document.add_paragraph("{{ paragraph }}")
    tag(document, "{%p endfor %}")
    tag(document, "{%p for line in signature_lines %}")
    document.add_paragraph("{{ line }}")
    tag(document, "{%p endfor %}")
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    print(build_letter_template())
