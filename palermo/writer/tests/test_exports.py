"""Requests rendered for real, in each of the six languages, and read back."""

from __future__ import annotations

import io
import json
from typing import Any

import docx
import pypdf
import pytest

from palermo.core.documents.models import GeneratedDocument
from palermo.core.documents.services import read_document
from palermo.writer import exports, services
from palermo.writer.tests.factories import make_request

LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]
TITLES = {
    "ar": "طلب مساعدة قانونية متبادلة في مسألة جنائية",
    "zh-hans": "刑事事项司法协助请求书",
    "en": "Request for mutual legal assistance in a criminal matter",
    "fr": "Demande d'entraide judiciaire en matière pénale",
    "ru": "Просьба об оказании взаимной правовой помощи по уголовному делу",
    "es": "Solicitud de asistencia judicial recíproca en materia penal",
}
ANNEXES = {
    "ar": "المرفقات",
    "zh-hans": "附件",
    "en": "Annexes",
    "fr": "Annexes",
    "ru": "Приложения",
    "es": "Anexos",
}


def pdf_text(content: bytes) -> str:
    """The PDF's text with line breaks made spaces (long titles wrap)."""
    pages = pypdf.PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(p.extract_text() for p in pages).split())


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_request_in_each_language_as_pdf_and_docx(world: Any, language: str) -> None:
    request = make_request(world, target_language=language)
    pdf = pdf_text(exports.render(request, "pdf", language))
    word = docx_text(exports.render(request, "docx", language))
    for text in (pdf, word):
        assert TITLES[language] in text
        assert ANNEXES[language] in text
        assert "Banco Austral Demo" in text  # free text as typed
        assert "Relevant provisions of the Criminal Code" in text  # table of annexes


@pytest.mark.django_db
def test_arabic_free_text_and_chinese_characters_keep_their_order(world: Any) -> None:
    request = make_request(
        world,
        target_language="ar",
        source_language="ar",
        purpose="إثبات مسار الأموال وتحديد الأشخاص المسيطرين على الحساب",
    )
    text = pdf_text(exports.render(request, "pdf", "ar"))
    assert "إثبات مسار الأموال وتحديد الأشخاص المسيطرين على الحساب" in text
    word = docx_text(exports.render(request, "docx", "ar"))
    assert "إثبات مسار الأموال وتحديد الأشخاص المسيطرين على الحساب" in word
    request = make_request(
        world,
        target_language="zh-hans",
        source_language="zh-hans",
        purpose="证明资金流向并查明控制该账户的人员",
    )
    assert "证明资金流向并查明控制该账户的人员" in pdf_text(
        exports.render(request, "pdf", "zh-hans")
    )


@pytest.mark.django_db
def test_free_text_in_another_language_is_marked_for_translation(world: Any) -> None:
    request = make_request(world, target_language="fr", source_language="en")
    text = pdf_text(exports.render(request, "pdf", "fr"))
    assert "à traduire ; original en anglais" in text
    same = make_request(world, target_language="en", source_language="en")
    assert "to be translated" not in pdf_text(exports.render(same, "pdf", "en"))


@pytest.mark.django_db
def test_confidentiality_marking_cover_letter_and_page_numbers(world: Any) -> None:
    request = make_request(world, target_language="en")
    text = pdf_text(exports.render(request, "pdf", "en"))
    assert "CONFIDENTIAL" in text
    assert "Cover letter" in text and "Dear Sir or Madam," in text
    assert "Page 1 of" in text
    assert "DRAFT: not approved" in text
    public = make_request(world, confidentiality={"requested": False, "reasons": ""})
    assert "CONFIDENTIAL" not in pdf_text(exports.render(public, "pdf", "en"))


@pytest.mark.django_db
def test_bilingual_version_puts_source_and_target_side_by_side(world: Any) -> None:
    request = make_request(world, target_language="ar", source_language="en")
    word = docx.Document(io.BytesIO(exports.render(request, "docx", "ar", "bilingual")))
    assert word.sections[0].page_width > word.sections[0].page_height  # landscape
    table = word.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    assert header == ["الإنكليزية", "العربية"] or header[1] == "العربية"
    pairs = [(row.cells[0].text, row.cells[1].text) for row in table.rows[1:]]
    assert (TITLES["en"], TITLES["ar"]) in pairs
    pdf = pdf_text(exports.render(request, "pdf", "ar", "bilingual"))
    assert TITLES["en"] in pdf and TITLES["ar"] in pdf


@pytest.mark.django_db
def test_json_export_is_the_structured_request(world: Any) -> None:
    request = make_request(world)
    exported = json.loads(exports.render(request, "json", "en"))
    assert exported["content"]["measures"][0]["code"] == "bank_records"
    assert exported["requested_state"] == world.state_y.iso3
    assert exported["schema_version"] == 1


@pytest.mark.django_db
def test_hostile_and_long_text_comes_out_whole(world: Any) -> None:
    hostile = '<script>alert(1)</script> & "quotes" {{ doc.title }} {% if x %}'
    long_facts = " ".join(f"Fait numéro {n} 😀 صفقة 交易." for n in range(1500))
    request = make_request(
        world,
        target_language="fr",
        purpose=hostile,
        facts={"summary": long_facts, "transnational_nature": "x", "organized_criminal_group": "y"},
    )
    pdf = exports.render(request, "pdf", "fr")
    text = pdf_text(pdf)
    assert hostile in text
    assert "Fait numéro 1499" in text
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) > 5
    assert hostile in docx_text(exports.render(request, "docx", "fr"))


@pytest.mark.django_db
def test_rendering_is_stored_with_hash_and_data_version(
    world: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    request = make_request(world)
    document = services.render_request(world.users["alice"], request, "docx", "es")
    assert isinstance(document, GeneratedDocument)
    assert document.data_version == "v1.r1"
    assert document.source_data["content"]["title"] == request.content["title"]
    assert read_document(document)[:2] == b"PK"
