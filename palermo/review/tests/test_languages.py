"""Review pages in Arabic (right to left) and Chinese: translated, and laid out by language."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

PAGES = {
    "ar": [
        ("review:dashboard", {}, "لوحة متابعة الاستعراض"),
        ("review:cycle", "cycle", "نتائج القرعة"),
        ("review:questionnaire", "questionnaire", "التجريم والولاية القضائية"),
    ],
    "zh-hans": [
        ("review:dashboard", {}, "审议仪表板"),
        ("review:cycle", "cycle", "抽签结果"),
        ("review:questionnaire", "questionnaire", "刑事定罪和管辖权"),
    ],
}


@pytest.mark.parametrize("language", list(PAGES))
def test_pages_in_arabic_and_chinese(rw, client_for, language) -> None:
    client = client_for("sue")
    for name, kwargs, expected in PAGES[language]:
        if kwargs == "cycle":
            kwargs = {"cycle_id": rw.cycle.pk}
        elif kwargs == "questionnaire":
            kwargs = {"questionnaire_id": rw.questionnaire.pk}
        with translation.override(language):
            url = reverse(name, kwargs=kwargs)
        html = client.get(url).content.decode()
        assert expected in html, (name, language)
        assert f'dir="{"rtl" if language == "ar" else "ltr"}"' in html


def test_assistance_needs_carry_names_in_the_readers_language(rw, client_for) -> None:
    from palermo.review import services_questionnaire as qs

    question = rw.questionnaire.template.questions.first()
    qs.save_answer(
        rw.users["alice"],
        rw.questionnaire,
        question.pk,
        response="partly",
        assistance_needed="Training.",
    )
    with translation.override("ar"):
        url = reverse("review:dashboard-assistance-csv")
    csv_text = client_for("sue").get(url).content.decode()
    assert "التجريم والولاية القضائية" in csv_text
