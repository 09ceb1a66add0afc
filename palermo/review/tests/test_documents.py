"""The list of observations and summary as real PDF and DOCX files in the six languages, read
back with pypdf and python-docx."""

from __future__ import annotations

import io

import docx
import pypdf
import pytest
from django.urls import reverse

from palermo.core.documents.models import GeneratedDocument
from palermo.review import services_questionnaire as qs
from palermo.review.documents import render_observations

pytestmark = pytest.mark.django_db

TITLES = {
    "en": "List of observations and summary",
    "fr": "Liste des observations et résumé",
    "es": "Lista de observaciones y resumen",
    "ru": "Перечень замечаний и резюме",
    "ar": "قائمة الملاحظات والموجز",
    "zh-hans": "意见清单和摘要",
}
RECOMMENDATIONS = {
    "en": "Recommendation",
    "fr": "Recommandation",
    "es": "Recomendación",
    "ru": "Рекомендация",
    "ar": "توصية",
    "zh-hans": "建议",
}


@pytest.fixture
def adopted(rw):
    q = rw.questionnaire
    for question in q.template.questions.all():
        qs.save_answer(
            rw.users["alice"], q, question.pk, response="partly", assistance_needed="Training."
        )
    qs.submit_questionnaire(rw.users["fiona"], q)
    rec = qs.propose_observation(
        rw.users["bob"], q, "recommendation", "Adopt <rules> & train judges."
    )
    qs.reply_to_observation(rw.users["fiona"], rec, "Training starts in spring.")
    qs.propose_observation(rw.users["bob"], q, "good_practice", "Left off the list on purpose.")
    kept = {rec.pk}
    qs.consolidate(rw.users["sue"], q, "Xandria has made steady progress.", kept)
    qs.complete_questionnaire(rw.users["sue"], q)
    return q


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


@pytest.mark.parametrize("language", list(TITLES))
def test_docx_in_every_language(adopted, language) -> None:
    text = docx_text(render_observations(adopted, "docx", language))
    assert TITLES[language] in text
    assert RECOMMENDATIONS[language] in text
    assert "Adopt <rules> & train judges." in text  # user text kept as written, escaped safely
    assert "Training starts in spring." in text
    assert "Xandria has made steady progress." in text
    assert "Left off the list on purpose." not in text


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru"])
def test_pdf_reads_back(adopted, language) -> None:
    pdf = render_observations(adopted, "pdf", language)
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert TITLES[language] in text
    assert "Xandria has made steady progress." in text
    assert "Left off the list on purpose." not in text


@pytest.mark.parametrize("language", ["ar", "zh-hans"])
def test_pdf_in_arabic_and_chinese_lays_out(adopted, language) -> None:
    pdf = render_observations(adopted, "pdf", language)
    text = pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert TITLES[language] in text
    # In a right-to-left paragraph the full stop of Latin text lands at its visual start.
    assert "Xandria has made steady progress" in text


def test_download_is_stored_with_hash_and_marked_draft_before_adoption(rw, client_for) -> None:
    q = rw.questionnaire
    for question in q.template.questions.all():
        qs.save_answer(rw.users["alice"], q, question.pk, response="yes")
    qs.submit_questionnaire(rw.users["fiona"], q)
    url = reverse("review:observations-document", kwargs={"questionnaire_id": q.pk, "fmt": "docx"})
    response = client_for("bob").get(url + "?lang=fr")
    assert response.status_code == 200
    header = docx.Document(io.BytesIO(response.content)).sections[0].header
    assert "PROJET" in " ".join(p.text for p in header.paragraphs)  # not adopted yet
    stored = GeneratedDocument.objects.get(target_id=str(q.pk), kind="review-observations")
    assert stored.language == "fr" and stored.format == "docx" and len(stored.sha256) == 64
    assert client_for("staff").get(url).status_code == 404
    assert client_for("bob").get(url.replace(".docx", ".odt")).status_code == 404
