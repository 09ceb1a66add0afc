"""Rendering documents in any of the six UN languages: HTML → PDF with WeasyPrint, and DOCX
from docxtpl templates. Direction and fonts follow the language (Arabic right to left with
Noto Naskh Arabic; Chinese with Noto Sans CJK SC; others with Noto Serif), using the Debian
fonts-noto packages installed on the machine; nothing is fetched at run time.

    pdf = render_pdf("cases/letter.html", {"case": case}, "ar")
    docx = render_docx(Path(".../letter.docx"), {"case": case}, "zh-hans")
    store_generated_document(actor=user, kind="letter", target=case, fmt="pdf",
                             language="ar", content=pdf, source_data=case_json)

PDF templates extend "documents/base_document.html" (page size, margins, fonts, page numbers
"Page n of m" in the language, an optional marking such as CONFIDENTIAL on every page).
"""

from __future__ import annotations

import io
import re
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from palermo.core.documents.services import store_generated_document
from palermo.core.documents.templatetags.documents import css_string, text_dir

__all__ = [
    "DOCUMENT_LANGUAGES",
    "FONTS",
    "is_rtl",
    "render_docx",
    "render_pdf",
    "store_generated_document",
]

DOCUMENT_LANGUAGES: tuple[str, ...] = ("ar", "zh-hans", "en", "fr", "ru", "es")
RTL_LANGUAGES = frozenset({"ar"})

# Font stacks per language; later fonts are fallbacks for text in other scripts.
LATIN_FONT = "Noto Serif"
ARABIC_FONT = "Noto Naskh Arabic"
CJK_FONT = "Noto Sans CJK SC"
FONTS: dict[str, tuple[str, ...]] = {
    "ar": (ARABIC_FONT, "Noto Sans Arabic", LATIN_FONT, CJK_FONT, "Noto Sans"),
    "zh-hans": (CJK_FONT, LATIN_FONT, ARABIC_FONT, "Noto Sans"),
}
DEFAULT_FONTS: tuple[str, ...] = (LATIN_FONT, ARABIC_FONT, CJK_FONT, "Noto Sans")

# Language tags for the documents (BCP 47 for HTML, Word's tags for DOCX).
HTML_LANG = {"zh-hans": "zh-Hans"}
WORD_LANG = {
    "ar": "ar-SA",
    "zh-hans": "zh-CN",
    "en": "en-GB",
    "fr": "fr-FR",
    "ru": "ru-RU",
    "es": "es-ES",
}


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


def _check_language(language: str) -> None:
    if language not in DOCUMENT_LANGUAGES:
        known = ", ".join(DOCUMENT_LANGUAGES)
        raise ValueError(f"Documents are made in {known}, not {language!r}.")


def page_numbers_css() -> str:
    """The CSS `content` value for "Page n of m" in the active language, word order included."""
    pattern = gettext("Page %(page)s of %(pages)s")
    parts: list[str] = []
    for piece in re.split(r"(%\(page\)s|%\(pages\)s)", pattern):
        if piece == "%(page)s":
            parts.append("counter(page)")
        elif piece == "%(pages)s":
            parts.append("counter(pages)")
        elif piece:
            parts.append(f'"{css_string(piece)}"')
    return " ".join(parts)


def page_number_parts() -> tuple[str, str, str]:
    """The text before the page number, between it and the page count, and after, for DOCX."""
    pattern = gettext("Page %(page)s of %(pages)s")
    before, _page, rest = pattern.partition("%(page)s")
    between, _pages, after = rest.partition("%(pages)s")
    return before, between, after


def document_context(language: str) -> dict[str, Any]:
    """What every document template receives about its language (call inside the language)."""
    fonts = FONTS.get(language, DEFAULT_FONTS)
    return {
        "document_page_numbers": page_numbers_css(),
        "page_number_parts": page_number_parts(),
        "document_language": language,
        "document_lang_tag": HTML_LANG.get(language, language),
        "document_direction": "rtl" if is_rtl(language) else "ltr",
        "document_font_stack": ", ".join(f'"{name}"' for name in fonts) + ", serif",
    }


def render_html(template_name: str, context: dict[str, Any], language: str) -> str:
    """The document as HTML in `language`: the same markup gives the PDF and a review screen."""
    _check_language(language)
    with translation.override(language):
        return render_to_string(template_name, {**context, **document_context(language)})


_THREAD = threading.local()


def _font_config() -> Any:
    """One WeasyPrint font configuration per thread, so fonts are looked up once, not per PDF."""
    config = getattr(_THREAD, "font_config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _THREAD.font_config = FontConfiguration()
    return config


def render_pdf(template_name: str, context: dict[str, Any], language: str) -> bytes:
    """Render a Django template in `language` and lay it out as PDF with WeasyPrint."""
    from weasyprint import HTML  # imported here: it loads Pango, which takes a moment

    html = render_html(template_name, context, language)
    document = HTML(string=html, base_url=str(Path(__file__).parent))
    pdf: bytes = document.write_pdf(font_config=_font_config())
    return pdf


def render_docx(template_path: Path, context: dict[str, Any], language: str) -> bytes:
    """Fill a docxtpl template in `language`, then set direction, fonts and language tags.

    Values are XML-escaped (autoescape), so user text with <, & or quotes is safe. Paragraph
    direction follows `paragraph_is_rtl`, so mixed documents read correctly.
    """
    _check_language(language)
    template = DocxTemplate(str(template_path))
    with translation.override(language):
        template.render({**context, **document_context(language)}, autoescape=True)
    document: DocxDocument = template.docx
    _set_language_defaults(document, language)
    for paragraph in _all_paragraphs(document):
        if paragraph_is_rtl(paragraph.text, language):
            _make_rtl(paragraph)
    if is_rtl(language):
        for section in document.sections:
            _append_once(section._sectPr, "w:bidi")
        for table in document.tables:
            table_pr = table._tbl.tblPr
            _append_once(table_pr, "w:bidiVisual")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paragraph_is_rtl(text: str, language: str) -> bool:
    """Right to left for a paragraph: in an Arabic document unless the paragraph is wholly in a
    left-to-right script (a reference number, an English quotation); in other documents when
    the paragraph starts in a right-to-left script (an Arabic name or quotation)."""
    direction = text_dir(text)
    if is_rtl(language):
        return not (
            direction == "ltr"
            and not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)
        )
    return direction == "rtl"


def _all_paragraphs(document: DocxDocument) -> Iterator[Paragraph]:
    yield from document.paragraphs
    for table in document.tables:
        yield from _table_paragraphs(table)
    for section in document.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
        ):
            if part.is_linked_to_previous:
                continue
            yield from part.paragraphs
            for table in part.tables:
                yield from _table_paragraphs(table)


def _table_paragraphs(table: Any) -> Iterator[Paragraph]:
    for row in table.rows:
        for cell in row.cells:
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from _table_paragraphs(inner)


def _append_once(parent: Any, tag: str) -> Any:
    existing = parent.find(qn(tag))
    if existing is not None:
        return existing
    element = OxmlElement(tag)
    parent.append(element)
    return element


def _make_rtl(paragraph: Paragraph) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    bidi = p_pr.find(qn("w:bidi"))
    if bidi is None:
        bidi = OxmlElement("w:bidi")
        # w:bidi must come before spacing, indentation and justification in pPr.
        anchor = None
        for name in (
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:jc",
            "w:textDirection",
            "w:outlineLvl",
            "w:rPr",
        ):
            anchor = p_pr.find(qn(name))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(bidi)
        else:
            p_pr.append(bidi)
    for run in paragraph.runs:
        r_pr = run._r.get_or_add_rPr()
        _append_once(r_pr, "w:rtl")


def _set_language_defaults(document: DocxDocument, language: str) -> None:
    """Default fonts for Latin, East Asian and complex scripts, and the language tags."""
    styles = document.styles.element
    doc_defaults = _append_once(styles, "w:docDefaults")
    r_pr_default = _append_once(doc_defaults, "w:rPrDefault")
    r_pr = _append_once(r_pr_default, "w:rPr")
    latin = CJK_FONT if language == "zh-hans" else LATIN_FONT
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attribute)) is not None:
            del fonts.attrib[qn(attribute)]
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), CJK_FONT)
    fonts.set(qn("w:cs"), ARABIC_FONT)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:val"), WORD_LANG[language])
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    # Styles that name their own theme fonts would override the defaults; point them here too.
    for style_fonts in styles.iter(qn("w:rFonts")):
        if style_fonts is fonts:
            continue
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            if style_fonts.get(qn(attribute)) is not None:
                del style_fonts.attrib[qn(attribute)]
        style_fonts.set(qn("w:eastAsia"), CJK_FONT)
        style_fonts.set(qn("w:cs"), ARABIC_FONT)
