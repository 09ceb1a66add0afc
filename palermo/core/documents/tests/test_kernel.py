"""The document kernel with real files: PDFs read back with pypdf, DOCX with python-docx."""

from __future__ import annotations

import hashlib
import io
from typing import Any

import docx
import pypdf
import pytest
from docx.oxml.ns import qn

from palermo.core.documents.docx_build import LETTER_TEMPLATE
from palermo.core.documents.models import GeneratedDocument
from palermo.core.documents.rendering import DOCUMENT_LANGUAGES, render_docx, render_pdf
from palermo.core.documents.selectors import documents_for
from palermo.core.documents.services import read_document, store_generated_document
from palermo.core.documents.templatetags.documents import css_string, text_dir
from palermo.core.models import AuditEvent

ARABIC_TITLE = "طلب مساعدة قانونية متبادلة"
CHINESE_TITLE = "司法协助请求书"
TITLES = {
    "ar": ARABIC_TITLE,
    "zh-hans": CHINESE_TITLE,
    "en": "Request for mutual legal assistance",
    "fr": "Demande d'entraide judiciaire",
    "ru": "Просьба о взаимной правовой помощи",
    "es": "Solicitud de asistencia judicial recíproca",
}
PAGE_WORDS = {
    "ar": "صفحة",
    "zh-hans": "页",
    "en": "Page",
    "fr": "Page",
    "ru": "Страница",
    "es": "Página",
}


def letter(language: str, **extra: Any) -> dict[str, Any]:
    return {
        "title": TITLES[language],
        "reference": "XA/2026/0042",
        "date": "2026-11-28",
        "addressee_lines": ["Central Authority B"],
        "paragraphs": ['Amounts < 10 000 & > 5 000 "quoted"', *extra.get("paragraphs", [])],
        "signature_lines": ["Alice Caseworker"],
        "document_marking": extra.get("marking", ""),
    }


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("language", DOCUMENT_LANGUAGES)
def test_pdf_in_each_language_has_title_page_numbers_and_escaped_text(language: str) -> None:
    pdf = render_pdf("documents/letter.html", letter(language, marking="CONFIDENTIAL"), language)
    text = pdf_text(pdf)
    assert pdf.startswith(b"%PDF")
    assert TITLES[language] in text  # Arabic letters in reading order, Chinese characters intact
    assert PAGE_WORDS[language] in text
    assert "CONFIDENTIAL" in text
    assert 'Amounts < 10 000 & > 5 000 "quoted"' in text


@pytest.mark.parametrize("language", DOCUMENT_LANGUAGES)
def test_docx_in_each_language_reads_back(language: str) -> None:
    content = render_docx(LETTER_TEMPLATE, letter(language), language)
    document = docx.Document(io.BytesIO(content))
    texts = [p.text for p in document.paragraphs]
    assert TITLES[language] in texts
    assert 'Amounts < 10 000 & > 5 000 "quoted"' in texts
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    title = next(p for p in document.paragraphs if p.text == TITLES[language])
    is_bidi = title._p.pPr is not None and title._p.pPr.find(qn("w:bidi")) is not None
    assert is_bidi == (language == "ar")


def test_docx_fonts_and_language_tags_for_chinese_and_arabic() -> None:
    chinese = docx.Document(io.BytesIO(render_docx(LETTER_TEMPLATE, letter("zh-hans"), "zh-hans")))
    defaults = chinese.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f".//{qn('w:rFonts')}")
    assert fonts.get(qn("w:eastAsia")) == "Noto Sans CJK SC"
    assert fonts.get(qn("w:cs")) == "Noto Naskh Arabic"
    lang = defaults.find(f".//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "zh-CN"
    arabic = docx.Document(io.BytesIO(render_docx(LETTER_TEMPLATE, letter("ar"), "ar")))
    assert arabic.sections[0]._sectPr.find(qn("w:bidi")) is not None
    runs = [r for p in arabic.paragraphs if p.text == ARABIC_TITLE for r in p.runs]
    assert runs and all(r._r.rPr.find(qn("w:rtl")) is not None for r in runs)


def test_docx_paragraph_direction_follows_its_text() -> None:
    context = letter("fr", paragraphs=["نص عربي في رسالة فرنسية"])
    french = docx.Document(io.BytesIO(render_docx(LETTER_TEMPLATE, context, "fr")))
    bidi = {
        p.text: p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
        for p in french.paragraphs
    }
    assert bidi["نص عربي في رسالة فرنسية"] is True
    assert bidi[TITLES["fr"]] is False
    context = letter("ar", paragraphs=["An English sentence.", "جملة مع English"])
    arabic = docx.Document(io.BytesIO(render_docx(LETTER_TEMPLATE, context, "ar")))
    bidi = {
        p.text: p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None
        for p in arabic.paragraphs
    }
    assert bidi["An English sentence."] is False
    assert bidi["جملة مع English"] is True


def test_mixed_scripts_emoji_and_very_long_text_survive_in_pdf() -> None:
    mixed = "Le compte IBAN XA00 1234 est au nom de شركة الأفق للتجارة 😀 et 张伟."
    long_text = " ".join(f"Paragraphe {n} du résumé des faits." for n in range(900))
    pdf = render_pdf("documents/letter.html", letter("fr", paragraphs=[mixed, long_text]), "fr")
    text = pdf_text(pdf)
    assert "شركة الأفق للتجارة" in text
    assert "张伟" in text
    assert "Paragraphe 899 du résumé des faits." in " ".join(text.split())
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 3


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        render_pdf("documents/letter.html", letter("en"), "de")


@pytest.mark.parametrize(
    "text, expected",
    [("Hello", "ltr"), ("مرحبا", "rtl"), ("123 مرحبا", "rtl"), ("12 34", ""), ("中文", "ltr")],
)
def test_text_direction_of_free_text(text: str, expected: str) -> None:
    assert text_dir(text) == expected


def test_css_string_escapes_quotes_and_backslashes() -> None:
    assert css_string('a"b\\c') == "a\\22 b\\5c c"


@pytest.mark.django_db
def test_store_keeps_hash_source_data_and_audit_event(
    world: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    alice = world.users["alice"]
    content = render_pdf("documents/letter.html", letter("en"), "en")
    document = store_generated_document(
        actor=alice,
        kind="letter",
        target=world.authority_a,
        fmt="pdf",
        language="en",
        content=content,
        source_data={"title": "x", "n": 1},
    )
    assert document.sha256 == hashlib.sha256(content).hexdigest()
    assert document.size == len(content)
    assert document.source_data == {"title": "x", "n": 1}
    assert len(document.data_version) == 64
    assert read_document(document) == content
    assert list(documents_for(world.authority_a)) == [document]
    assert AuditEvent.objects.filter(action="document.generated", actor=alice).count() == 1


@pytest.mark.django_db
def test_tampered_file_is_refused(world: Any, settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    document = store_generated_document(
        actor=world.users["alice"],
        kind="letter",
        target=world.authority_a,
        fmt="json",
        language="en",
        content=b"{}",
        source_data={},
        data_version="3",
    )
    assert document.data_version == "3"
    with open(document.file.path, "wb") as handle:
        handle.write(b'{"changed": true}')
    stored = GeneratedDocument.objects.get(pk=document.pk)
    with pytest.raises(ValueError):
        read_document(stored)


@pytest.mark.django_db
def test_unknown_format_is_refused(world: Any) -> None:
    with pytest.raises(ValueError):
        store_generated_document(
            actor=None,
            kind="letter",
            target=world.authority_a,
            fmt="odt",
            language="en",
            content=b"",
            source_data={},
        )
